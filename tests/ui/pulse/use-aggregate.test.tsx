// The pulse over every match is counted off the UI thread (the facts worker, behind a
// FactsCounter): the list draws first, the strip says `counting…` until the count arrives, and a
// count for a query that was typed over never reaches the screen. Driven through App with a
// counter whose answers the test releases by hand.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { Reading } from '../../../src/core/reading/index.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SearchIndex } from '../../../src/core/search/search.js';
import { computeFacts } from '../../../src/core/stories/facts-builder.js';
import { factsInput } from '../../../src/core/stories/story-doc.js';
import { countFacts, storyMap, type Counted, type FactsCounter } from '../../../src/core/stories/index.js';
import { App, type AppProps } from '../../../src/ui/App.js';
import { makeCorpus } from '../../helpers/make-article.js';
import { eventually, rows, tick } from '../frame.js';

const NOW = Date.UTC(2026, 2, 3, 12);
const H = 3_600_000;
const articles = makeCorpus([
  { title: 'Solana validators ship a client update', source: 'Decrypt', sourceKey: 'decrypt', publishedAt: NOW - H, sentiment: 'POSITIVE', tags: ['SOL'] },
  { title: 'Bitcoin miners sell reserves', source: 'CoinDesk', sourceKey: 'coindesk', publishedAt: NOW - 2 * H, sentiment: 'NEGATIVE', tags: ['BTC'] },
  { title: 'Bitcoin fees fall to a yearly low', source: 'The Block', sourceKey: 'theblock', publishedAt: NOW - 3 * H, sentiment: 'NEUTRAL', tags: ['BTC'] },
  { title: 'Ether staking queue empties', source: 'Decrypt', sourceKey: 'decrypt', publishedAt: NOW - 4 * H, sentiment: 'POSITIVE', tags: ['ETH'] },
]);
const facts = computeFacts(articles.map(factsInput));

/** A counter whose answers wait until the test releases them. */
function heldCounter() {
  const calls: Array<{ ids: number[]; release: () => void }> = [];
  const counter: FactsCounter = {
    count: (ids, hot, now) =>
      new Promise<Counted | null>((resolve) => {
        const copy = Array.from(ids);
        calls.push({ ids: copy, release: () => resolve(countFacts(facts, Int32Array.from(copy), hot, now)) });
      }),
  };
  return { counter, calls };
}

let unmount: (() => void) | null = null;
afterEach(() => {
  unmount?.();
  unmount = null;
});

function setup(counter: FactsCounter, width = 100, height = 20) {
  const props: AppProps = {
    index: new SearchIndex(articles), version: 1, warnings: [], loading: null, width, height, now: NOW,
    onDone: vi.fn(), stories: storyMap(articles), facts, counter,
  };
  const r = render(<App {...props} />);
  unmount = r.unmount;
  return { ...r, type: async (s: string) => { r.stdin.write(s); await tick(); }, text: () => rows(r.lastFrame()).join('\n') };
}

describe('the aggregate, counted off the UI thread', () => {
  it('draws the list first, then the pulse once the counter answers', async () => {
    const { counter, calls } = heldCounter();
    const app = setup(counter);
    await eventually(() => expect(calls).toHaveLength(1));
    expect(app.text()).toContain('Solana validators');
    expect(app.text()).toContain('counting…');
    expect(calls[0].ids.sort()).toEqual([0, 1, 2, 3]);
    calls[0].release();
    await eventually(() => expect(app.text()).toContain('▲ 2 ● 1 ▼ 1'));
  });

  it('drops a count for a query typed over: only the newest result’s pulse is drawn', async () => {
    const { counter, calls } = heldCounter();
    const app = setup(counter);
    await eventually(() => expect(calls).toHaveLength(1));
    calls[0].release();
    await eventually(() => expect(app.text()).toContain('▲ 2 ● 1 ▼ 1'));
    await app.type('/');
    for (const ch of 'bitcoin') await app.type(ch);
    await eventually(() => expect(app.text()).toContain('/ bitcoin'));
    // The last word's count is the newest once no more are asked for (`bitcoi` matches the same two).
    let asked = -1;
    while (asked !== calls.length) {
      asked = calls.length;
      await tick(300);
    }
    const newest = calls.at(-1)!;
    expect([...newest.ids].sort()).toEqual([1, 2]);
    // Released newest first, then every older one: the older answers arrive last and are ignored.
    newest.release();
    await eventually(() => expect(app.text()).toContain('▲ 0 ● 1 ▼ 1'));
    for (const c of calls.slice(1, -1)) c.release();
    await tick(100);
    expect(app.text()).toContain('▲ 0 ● 1 ▼ 1');
    expect(app.text()).toContain('Articles 1/2');
  });

  it('counts while the facts are first computed: the articles done so far, marked, counted again as more are done', async () => {
    // The worker's partial facts: the first `done` articles (counts over the ids it holds, marked).
    const partial = (done: number): FactsCounter => ({
      count: (ids, hot, now) => Promise.resolve({ ...countFacts(computeFacts(articles.slice(0, done).map(factsInput), false), ids, hot, now), progress: { done, n: articles.length, grouped: false } }),
    });
    const props: AppProps = {
      index: new SearchIndex(articles), version: 1, warnings: [], loading: null, width: 100, height: 20, now: NOW,
      onDone: vi.fn(), stories: null, facts: null, counter: partial(2), factsProgress: { done: 2, n: 4, grouped: false },
    };
    const r = render(<App {...props} />);
    unmount = r.unmount;
    const text = () => rows(r.lastFrame()).join('\n');
    // Two of the four articles counted: one positive, one negative; the whole's total still listed.
    await eventually(() => expect(text()).toContain('so far 50% ▲ 1 ● 0 ▼ 1'));
    expect(text()).toContain('Articles 1/4');
    r.rerender(<App {...props} counter={partial(4)} factsProgress={{ done: 4, n: 4, grouped: false }} />);
    // Every article's facts in (the stories still grouping): the pulse is exact, no mark.
    await eventually(() => expect(text()).toContain('▲ 2 ● 1 ▼ 1'));
    expect(text()).not.toContain('so far');
  });

  it('counts matches newer than the facts (a cold load’s later batches) from the list’s hits, never the facts’ part drawn as exact', async () => {
    // The facts hold the first two articles (the load's first batch); the list holds all four.
    const older = computeFacts(articles.slice(0, 2).map(factsInput), false);
    let asked = 0;
    const behind: FactsCounter = {
      count: (ids, hot, now) => {
        asked++;
        return Promise.resolve(countFacts(older, ids, hot, now));
      },
    };
    const props: AppProps = {
      index: new SearchIndex(articles), version: 1, warnings: [], loading: null, width: 100, height: 20, now: NOW,
      onDone: vi.fn(), stories: null, facts: older, counter: behind,
    };
    const r = render(<App {...props} />);
    unmount = r.unmount;
    const text = () => rows(r.lastFrame()).join('\n');
    await eventually(() => expect(asked).toBeGreaterThan(0));
    // The four matches' pulse (the facts' two alone read `▲ 1 ● 0 ▼ 1`), with no mark: it is exact.
    await eventually(() => expect(text()).toContain('▲ 2 ● 1 ▼ 1'));
    expect(text()).not.toContain('▲ 1 ● 0 ▼ 1');
    expect(text()).not.toContain('so far');
  });

  it('says the stories are being grouped while they are, without counting again, and nothing once they are in', async () => {
    // Every article's facts in, the stories not yet grouped (the worker counts over them all).
    let asked = 0;
    const whole: FactsCounter = {
      count: (ids, hot, now) => {
        asked++;
        return Promise.resolve({ ...countFacts(computeFacts(articles.map(factsInput), false), ids, hot, now), progress: { done: 4, n: 4, grouped: false } });
      },
    };
    const grouping = (done: number) => ({ done: 4, n: 4, grouped: false, stories: { done, n: 4 } });
    const props: AppProps = {
      index: new SearchIndex(articles), version: 1, warnings: [], loading: null, width: 80, height: 20, now: NOW,
      onDone: vi.fn(), stories: null, facts: null, counter: whole, factsProgress: grouping(0),
    };
    const r = render(<App {...props} />);
    unmount = r.unmount;
    const text = () => rows(r.lastFrame()).join('\n');
    await eventually(() => expect(text()).toContain('stories 0% ▲ 2 ● 1 ▼ 1'));
    expect(asked).toBe(1);
    // The stories' pass goes on: the sign follows; the counts stand (nothing is counted again).
    r.rerender(<App {...props} factsProgress={grouping(3)} />);
    await eventually(() => expect(text()).toContain('stories 75% ▲ 2 ● 1 ▼ 1'));
    await tick(200);
    expect(asked).toBe(1);
    // The facts and stories are in: no sign.
    r.rerender(<App {...props} counter={null} facts={facts} stories={storyMap(articles)} factsProgress={null} />);
    await eventually(() => expect(text()).not.toContain('stories'));
    expect(text()).toContain('▲ 2 ● 1 ▼ 1');
  });

  it('keeps a count asked at one progress when the next arrives before its answer, then counts again', async () => {
    const { counter, calls } = heldCounter();
    const props: AppProps = {
      index: new SearchIndex(articles), version: 1, warnings: [], loading: null, width: 100, height: 20, now: NOW,
      onDone: vi.fn(), stories: null, facts: null, counter, factsProgress: { done: 1, n: 4, grouped: false },
    };
    const r = render(<App {...props} />);
    unmount = r.unmount;
    await eventually(() => expect(calls).toHaveLength(1));
    // Progress goes on faster than the count answers (a loaded machine at 1M): nothing new is asked, the count stands.
    for (const done of [2, 3]) {
      r.rerender(<App {...props} factsProgress={{ done, n: 4, grouped: false }} />);
      await tick(150);
    }
    expect(calls).toHaveLength(1);
    calls[0].release();
    await eventually(() => expect(rows(r.lastFrame()).join('\n')).toContain('▲ 2 ● 1 ▼ 1'));
    // Then the newest progress is counted.
    await eventually(() => expect(calls).toHaveLength(2));
  });

  it('counts unread over every match (exact), not the hits in hand', async () => {
    // More matches than the list fetches (1,000): the list's hits are not every match.
    const many = makeCorpus(Array.from({ length: 1300 }, (_, i) => ({ title: `Ledger note ${i}`, publishedAt: NOW - i * H })));
    const dir = mkdtempSync(join(tmpdir(), 'cnt-unread-'));
    const reading = Reading.open(dir);
    try {
      reading.toggleRead(many.slice(0, 100));
      const manyFacts = computeFacts(many.map(factsInput));
      // Like the facts worker's counter, it takes the ids' buffer (transferred: detached here).
      const immediate: FactsCounter = { count: (ids, hot, now) => Promise.resolve(countFacts(manyFacts, structuredClone(ids, { transfer: [ids.buffer as ArrayBuffer] }), hot, now)) };
      const props: AppProps = {
        index: new SearchIndex(many), version: 1, warnings: [], loading: null, width: 120, height: 20, now: NOW,
        onDone: vi.fn(), stories: storyMap(many), facts: manyFacts, counter: immediate, reading,
      };
      const r = render(<App {...props} />);
      unmount = r.unmount;
      // The hits in hand are the newest 1,000, 100 of them read; the count is over every match (1,300).
      await eventually(() => expect(rows(r.lastFrame()).join('\n')).toContain('1,200 unread'));
      expect(rows(r.lastFrame()).join('\n')).toContain('1,300/1,300');
    } finally {
      reading.store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
