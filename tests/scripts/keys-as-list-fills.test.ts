// How the keys-typed-as-the-list-fills row (scripts/bench/keys-as-list-fills.mjs) turns the looks
// at the screen after each key into its time, stops a run at a key that never answers, and reads
// the runs against the target.
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ESM script of the bench, without type declarations.
import { fillFigures, firstDifference, timeKey, typeAsFills } from '../../scripts/bench/keys-as-list-fills.mjs';

type Look = { list: string; wroteAt: number | null; at: number };
/** An io over scripted looks (the last repeats) and a clock the looks move: `sent` records the keys sent. */
function scripted(looks: Look[], clock: { now: number }, sent: string[] = [], key = 'k') {
  let i = 0;
  return {
    send: async () => void sent.push(key),
    look: async () => {
      const seen = looks[Math.min(i, looks.length - 1)];
      i += 1;
      clock.now = seen.at;
      return { ...seen, mark: i };
    },
    written: async () => {},
  };
}

describe('a key typed as the list fills', () => {
  it('ends at the write of the first look showing the exact answer, not at the first change', async () => {
    const clock = { now: 100 };
    const io = scripted(
      [
        { list: 'before', wroteAt: null, at: 101 },
        // The rows changed, but not yet to the answer (story counts still to come).
        { list: 'rows without +1', wroteAt: 340, at: 341 },
        { list: 'answer', wroteAt: 604, at: 606 },
      ],
      clock,
    );
    const r = await timeKey(io, 'answer', 5000, () => clock.now);
    expect(r.ms).toBe(504);
  });

  it('gives up after the timeout, with the last look, instead of waiting on', async () => {
    const clock = { now: 0 };
    const io = scripted([{ list: 'loading', wroteAt: 10, at: 40 }, { list: 'loading', wroteAt: 10, at: 90 }], clock);
    const r = await timeKey(io, 'answer', 50, () => clock.now);
    expect(r.ms).toBeNull();
    expect(r.seen.list).toBe('loading');
  });

  it('sends each key once the one before answered, and stops the run at the first key without an answer', async () => {
    const clock = { now: 0 };
    const sent: string[] = [];
    const screens: Record<string, Look[]> = {
      '/': [{ list: '/ ', wroteAt: 30, at: 31 }],
      b: [{ list: '/ b\nrow x', wroteAt: 50, at: 52 }],
      i: [{ list: '/ bi\nrow x', wroteAt: 70, at: 5000 }],
      t: [{ list: '/ bit', wroteAt: 80, at: 81 }],
    };
    const answers = ['/ ', '/ b\nrow x', '/ bi\nrow y', '/ bit'];
    const r = await typeAsFills((key: string) => scripted(screens[key], clock, sent, key), ['/', 'b', 'i', 't'], answers, 1000, () => clock.now);
    expect(r.ms).toEqual([30, 19]);
    expect(sent).toEqual(['/', 'b', 'i']);
    expect(r.error).toBe('"i" showed no answer within 1 s (row 1: want "row y", got "row x")');
  });

  it('names the first differing row', () => {
    expect(firstDifference('a\nb\nc', 'a\nb\nC')).toBe('row 2: want "c", got "C"');
    expect(firstDifference('a', 'a\nb')).toBe('the screen has extra rows');
  });
});

describe("the row's figures", () => {
  const target = { medianMs: 100, maxMs: 250 };
  it('takes the median and max over every key of every run and checks both against the target', () => {
    const ok = fillFigures([{ ms: [10, 250, 20], error: null }, { ms: [30, 40], error: null }], target);
    expect(ok).toMatchObject({ keys: 5, median: 30, max: 250, error: null, pass: true });
    // One key over the max fails the row whatever the median.
    expect(fillFigures([{ ms: [10, 251, 20], error: null }], target).pass).toBe(false);
    // A median over the target fails it whatever the max.
    expect(fillFigures([{ ms: [101, 120, 90], error: null }], target)).toMatchObject({ median: 101, pass: false });
  });

  it('is n/a and fails when a run stopped at a key or nothing was timed', () => {
    const stopped = fillFigures([{ ms: [10, 20], error: null }, { ms: [10], error: '"b" showed no answer within 30 s (row 3: …)' }], target);
    expect(stopped).toMatchObject({ median: null, pass: false, error: 'run 2: "b" showed no answer within 30 s (row 3: …)' });
    expect(fillFigures([], target)).toMatchObject({ pass: false, error: 'no key was timed' });
  });
});
