// The dashboard's body read-ahead (src/body-read-ahead.ts): at once without the index's full text;
// on a warm start only when a search needs a body the index's words do not answer.
import { describe, expect, it, vi } from 'vitest';
import { prepareInTurns, READ_AHEAD_THREADS, readBodiesAhead, type ReadAheadSetup } from '../src/body-read-ahead.js';
import type { SearchIndex } from '../src/core/search/index.js';
import { inputRead, KEYS_FIRST_MS } from '../src/ui/input/after-input.js';

function setup(wordsComing: boolean) {
  const calls: string[] = [];
  let wanted: ((q: string) => void) | null = null;
  const index = {
    deferBodies: (w: ((q: string) => void) | null) => {
      wanted = w;
      calls.push(w ? 'defer' : 'undefer');
    },
    newest: (n: number) => (calls.push(`newest ${n}`), []),
    deferShortCounts: () => {},
    prepareSteps: () => [() => calls.push('prepare 1'), () => calls.push('prepare 2')],
  } as unknown as SearchIndex;
  const s: ReadAheadSetup = {
    index,
    wordsComing,
    preload: vi.fn(async () => (calls.push('preload'), 0)),
    indexAnswers: (q) => /^[a-z ]+$/.test(q),
    finished: () => false,
    searchAgain: () => calls.push('search again'),
  };
  return { s, calls, ask: (q: string) => wanted?.(q) };
}
// Past the 0 ms timers and the steps' immediates after them: on a busy machine a 5 ms timer alone
// fell due in the same turn as the first step's and the test saw one step where two follow.
const idle = async (): Promise<void> => {
  await new Promise((resolve) => setTimeout(resolve, 5));
  for (let turn = 0; turn < 8; turn++) await new Promise((resolve) => setImmediate(resolve));
};
// The search warmed in two steps (prepareInTurns), a turn apart.
const PREPARED = ['prepare 1', 'prepare 2'];

describe('readBodiesAhead', () => {
  it('without the index\'s full text: reads the newest bodies at once, then warms the search', async () => {
    const { s, calls } = setup(false);
    readBodiesAhead(s);
    await idle();
    expect(calls).toEqual(['newest 10000', 'preload', ...PREPARED]);
    // On one parse thread: each is an isolate of its own, and this one is background work.
    expect(s.preload).toHaveBeenCalledWith([], expect.any(Function), READ_AHEAD_THREADS);
    expect(READ_AHEAD_THREADS).toBe(1);
  });

  it('on a warm start: reads nothing until a search needs a body the words do not answer, then searches again', async () => {
    const { s, calls, ask } = setup(true);
    readBodiesAhead(s);
    await idle();
    expect(calls).toEqual(['defer', ...PREPARED]);
    ask('bitcoin etf'); // the index's words will answer this: no read-ahead for it
    await idle();
    expect(s.preload).not.toHaveBeenCalled();
    ask('"sao paulo"');
    ask('"sao paulo" fees');
    await idle();
    expect(s.preload).toHaveBeenCalledTimes(1);
    expect(calls.slice(3)).toEqual(['newest 10000', 'preload', 'undefer', 'search again']);
  });

  // A warm start's read-ahead once the index's words are attached (searched again with them).
  const attachedWords = (answersLater: boolean) => {
    const made = setup(true);
    readBodiesAhead(made.s).attached(answersLater);
    expect(made.calls).toContain('search again');
    return made;
  };

  it('on a warm start, once words that answer only on a key are attached: a free-word search that still misses a body starts it', async () => {
    const { s, ask } = attachedWords(false);
    ask('bitcoin');
    await idle();
    expect(s.preload).toHaveBeenCalledTimes(1);
  });

  it('on a warm start, once words that answer later are attached (a big folder): only a search the words cannot answer starts it', async () => {
    const { s, ask } = attachedWords(true);
    // Missed only in the answer given while its tokens are read on a thread: the index's replaces it.
    ask('bit');
    ask('bitcoin etf');
    await idle();
    expect(s.preload).not.toHaveBeenCalled();
    ask('"sao paulo"');
    await idle();
    expect(s.preload).toHaveBeenCalledTimes(1);
  });

  it('on a warm start whose words cannot be attached: reads ahead when told, and once', async () => {
    const { s, calls } = setup(true);
    const ahead = readBodiesAhead(s);
    ahead.start();
    ahead.start();
    await idle();
    expect(s.preload).toHaveBeenCalledTimes(1);
    expect(calls).toContain('search again');
  });
});

describe('readBodiesAhead: prepared', () => {
  // What waits for it (the reading state's first sight) starts only once every step is done.
  const settledAfter = async (wordsComing: boolean): Promise<string[]> => {
    const { s, calls } = setup(wordsComing);
    const seen: string[] = [];
    void readBodiesAhead(s).prepared.then(() => seen.push(calls.join(',')));
    await idle();
    return seen;
  };

  it('settles once the search is warmed, on a warm start and without the full text (after the newest bodies)', async () => {
    expect(await settledAfter(true)).toEqual(['defer,prepare 1,prepare 2']);
    expect(await settledAfter(false)).toEqual(['newest 10000,preload,prepare 1,prepare 2']);
  });

  it('settles when the dashboard finished first, and when the read-ahead failed', async () => {
    const quit = setup(false);
    quit.s.finished = () => true;
    quit.s.preload = vi.fn(async () => 0);
    const first = readBodiesAhead(quit.s);
    const failed = setup(false);
    failed.s.preload = vi.fn(async () => Promise.reject(new Error('no thread')));
    const second = readBodiesAhead(failed.s);
    await idle();
    await expect(Promise.all([first.prepared, second.prepared])).resolves.toEqual([undefined, undefined]);
    expect(failed.calls).not.toContain('prepare 1');
  });
});

describe('prepareInTurns', () => {
  it('runs one step per turn, so input waiting between steps is read before the next; stops once finished', async () => {
    const order: string[] = [];
    let done = false;
    let again: (() => void) | null = null;
    const deferShortCounts = (callback: () => void) => ((again = callback), order.push('deferred'));
    const index = { deferShortCounts, prepareSteps: () => [1, 2, 3].map((k) => () => (order.push(`step ${k}`), k === 2 && (done = true))) } as unknown as SearchIndex;
    const prepared = prepareInTurns(index, () => done, () => order.push('search again')).then(() => order.push('prepared'));
    setImmediate(() => order.push('key'));
    await idle();
    await prepared;
    expect(order).toEqual(['deferred', 'step 1', 'key', 'step 2', 'prepared']);
    // A short key answered meanwhile, its count coming, is searched again through the dashboard's searchAgain.
    again!();
    expect(order.at(-1)).toBe('search again');
  });

  it('holds the next step while keys are typed, until KEYS_FIRST_MS after the last input read', async () => {
    const ranAt: number[] = [];
    let typedAt = 0;
    const step = (k: number) => (): void => {
      ranAt.push(performance.now());
      if (k === 1) {
        inputRead();
        typedAt = performance.now();
      }
    };
    const index = { deferShortCounts: () => {}, prepareSteps: () => [1, 2, 3].map(step) } as unknown as SearchIndex;
    await prepareInTurns(index, () => false, () => {});
    expect(ranAt).toHaveLength(3);
    // Timers may fire a millisecond early by performance.now()'s clock.
    expect(ranAt[1] - typedAt).toBeGreaterThanOrEqual(KEYS_FIRST_MS - 2);
    // No input since: the next step follows within turns, not another wait.
    expect(ranAt[2] - ranAt[1]).toBeLessThan(KEYS_FIRST_MS);
  });
});
