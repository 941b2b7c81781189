import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Text } from 'ink';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '../../src/core/article.js';
import { Reading } from '../../src/core/reading/reading.js';
import type { SearchResult } from '../../src/core/search/index.js';
import { COUNT_SLICE, COUNT_TURN_MS, useUnreadCount, type UnreadSource } from '../../src/ui/use-unread-count.js';
import type { SearchOutcome } from '../../src/ui/use-search.js';
import { makeArticle } from '../helpers/make-article.js';
import { eventually, tick } from './frame.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const articles: Article[] = Array.from({ length: 6 }, (_, id) => makeArticle({ id, title: `Story ${id}` }));
// Ids past the six stand for copies of them (a big match set of distinct ids over these articles).
const article = (id: number): Article => articles[id % articles.length];

/** Reading state in a folder of its own (removed after the test) that has seen every article. */
function openReading(): Reading {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-unread-'));
  dirs.push(dir);
  const reading = Reading.open(dir);
  reading.see(articles);
  return reading;
}

/** A search outcome whose list holds `inHand` of the `every` matches; `named`: it lists them all (SearchResult.matches). */
function outcome(every: number[], inHand = every.length, named = false): SearchOutcome & { ok: true } {
  const hits = every.slice(0, inHand).map((id) => ({ id, score: 0, titleMatches: [] }));
  const result: SearchResult = { hits, total: every.length, sort: 'date', approximate: inHand < every.length, ...(named && { matches: every }) };
  return { ok: true, result };
}

/** The search run again for every match: `every`, ids only. */
const againFor = (every: number[], approximate = false) => vi.fn((): SearchResult => ({ hits: [], total: every.length, sort: 'date', approximate, matches: every }));

function Probe({ reading, version, search, again, partial = false, size }: { reading: Reading | null; version: number; search: SearchOutcome; again: UnreadSource['again']; partial?: boolean; size?: number }) {
  const u = useUnreadCount(reading, version, { search, partial, again, size }, article);
  const n = search.ok ? search.result.hits.length : 0;
  return <Text>{`${n} hits, ${u ? `${u.n}${u.lowerBound ? '+' : ''}` : '-'} unread`}</Text>;
}

describe('useUnreadCount', () => {
  it('has the first frame’s count at once, and each later count after the frame that shows its list', async () => {
    const reading = openReading();
    reading.toggleRead([articles[0], articles[1]]);
    const countRead = vi.spyOn(reading, 'countRead');
    const again = againFor([]);
    const r = render(<Probe reading={reading} version={reading.version} search={outcome([0, 1, 2])} again={again} />);
    expect(r.lastFrame()).toBe('3 hits, 1 unread');
    // A new list: its frame keeps the last count (nothing is counted while it is made) ...
    countRead.mockClear();
    r.rerender(<Probe reading={reading} version={reading.version} search={outcome([0, 3, 4, 5])} again={again} />);
    expect(r.lastFrame()).toBe('4 hits, 1 unread');
    expect(countRead).not.toHaveBeenCalled();
    // ... and the count for it follows.
    await eventually(() => expect(r.lastFrame()).toBe('4 hits, 3 unread'));
    expect(again).not.toHaveBeenCalled();
    r.unmount();
    reading.close();
  });

  it('counts every match, not the hits in hand, exact (no `N+`): searched again once when the list does not name them', async () => {
    const reading = openReading();
    reading.toggleRead([articles[4]]);
    const again = againFor([0, 1, 2, 3, 4, 5]);
    // The list holds 2 of 6 matches: never `1+` or `2+`, the count over all six.
    const r = render(<Probe reading={reading} version={reading.version} search={outcome([0, 1, 2, 3, 4, 5], 2)} again={again} />);
    expect(r.lastFrame()).toBe('2 hits, - unread');
    await eventually(() => expect(r.lastFrame()).toBe('2 hits, 5 unread'));
    expect(again).toHaveBeenCalledTimes(1);
    // A list that names every match (the index's answer) needs no second search.
    const named = againFor([]);
    r.rerender(<Probe reading={reading} version={reading.version} search={outcome([3, 4, 5], 1, true)} again={named} />);
    await eventually(() => expect(r.lastFrame()).toBe('1 hits, 2 unread'));
    expect(named).not.toHaveBeenCalled();
    r.unmount();
    reading.close();
  });

  it('rechecks on a change of marks over the same matches, without searching again', async () => {
    const reading = openReading();
    const search = outcome([0, 1, 2, 3, 4, 5], 2);
    const again = againFor([0, 1, 2, 3, 4, 5]);
    const r = render(<Probe reading={reading} version={reading.version} search={search} again={again} />);
    await eventually(() => expect(r.lastFrame()).toBe('2 hits, 6 unread'));
    reading.toggleRead([articles[5]]);
    r.rerender(<Probe reading={reading} version={reading.version} search={search} again={again} />);
    await eventually(() => expect(r.lastFrame()).toBe('2 hits, 5 unread'));
    reading.markAll([articles[0], articles[1]]);
    r.rerender(<Probe reading={reading} version={reading.version} search={search} again={again} />);
    await eventually(() => expect(r.lastFrame()).toBe('2 hits, 3 unread'));
    expect(again).toHaveBeenCalledTimes(1);
    r.unmount();
    reading.close();
  });

  it('drops the count of a list replaced before it was made', async () => {
    const reading = openReading();
    const counted: number[] = [];
    const countRead = vi.spyOn(reading, 'countRead').mockImplementation((ids, _article, from = 0, to = ids.length) => {
      for (let i = from; i < to; i++) counted.push(ids[i]);
      return 0;
    });
    const again = againFor([]);
    const r = render(<Probe reading={reading} version={0} search={outcome([0])} again={again} />);
    counted.length = 0;
    // Two lists in one turn, and a third needing a search again replaced by a fourth: only the last is ever counted.
    r.rerender(<Probe reading={reading} version={0} search={outcome([1, 2])} again={again} />);
    r.rerender(<Probe reading={reading} version={0} search={outcome([1, 2, 3], 1)} again={againFor([1, 2, 3])} />);
    r.rerender(<Probe reading={reading} version={0} search={outcome([3, 4, 5])} again={again} />);
    await eventually(() => expect(r.lastFrame()).toBe('3 hits, 3 unread'));
    await tick(100);
    expect(counted).toEqual([3, 4, 5]);
    expect(again).not.toHaveBeenCalled();
    countRead.mockRestore();
    r.unmount();
    reading.close();
  });

  it('walks the matches in id order, each once, whatever the list’s order', async () => {
    const reading = openReading();
    reading.toggleRead([articles[2], articles[4]]);
    const walked: number[] = [];
    const countRead = vi.spyOn(reading, 'countRead');
    countRead.mockImplementation(function (this: Reading, ids, a, from = 0, to = ids.length) {
      for (let i = from; i < to; i++) walked.push(ids[i]);
      return Reading.prototype.countRead.call(this, ids, a, from, to);
    });
    // Every match named, in the list's (date) order, not the ids'.
    const every = [9, 4, 17, 0, 2, 13, 5];
    const r = render(<Probe reading={reading} version={reading.version} search={outcome(every, 3, true)} again={againFor([])} />);
    // 4 is read, 2 too; 17 and 5 are copies of 5; 9 of 3, 13 of 1: 2 of 7 read.
    await eventually(() => expect(r.lastFrame()).toBe('3 hits, 5 unread'));
    expect(walked).toEqual([0, 2, 4, 5, 9, 13, 17]);
    countRead.mockRestore();
    r.unmount();
    reading.close();
  });

  // The hook's clock (performance.now) stands still but where a test moves it: how many slices fit in a turn is the test's to say.
  function stillClock(): { advance: (ms: number) => void; restore: () => void } {
    let now = 0;
    const spy = vi.spyOn(performance, 'now').mockImplementation(() => now);
    return { advance: (ms) => (now += ms), restore: () => spy.mockRestore() };
  }

  // Per countRead call: whether a turn of the event loop (an immediate) ran since the call before.
  function turnsBetween(): { mark: () => boolean } {
    let turned = true;
    return {
      mark: () => {
        const was = turned;
        turned = false;
        setImmediate(() => (turned = true));
        return was;
      },
    };
  }

  /**
   * The slice tests' setup: a reading with one article in six read, a list of 1,000 rows over
   * 3 slices + 5 matches (every one named), and a countRead spy that notes per call whether a turn
   * ran since the call before (`turned`) and, when `spends`, takes the turn's whole budget. Resolves
   * once the count of every match is drawn.
   */
  async function countedInSlices(spends: boolean) {
    const clock = stillClock();
    const reading = openReading();
    reading.toggleRead([articles[0]]);
    const every = Array.from({ length: 3 * COUNT_SLICE + 5 }, (_, i) => i);
    const turns = turnsBetween();
    const turned: boolean[] = [];
    const countRead = vi.spyOn(reading, 'countRead').mockImplementation(function (this: Reading, ...args: Parameters<Reading['countRead']>) {
      turned.push(turns.mark());
      if (spends) clock.advance(COUNT_TURN_MS);
      return Reading.prototype.countRead.apply(this, args);
    });
    const r = render(<Probe reading={reading} version={reading.version} search={outcome(every, 1000, true)} again={againFor([])} />);
    await eventually(() => expect(r.lastFrame()).toBe(`1000 hits, ${every.length - Math.ceil(every.length / 6)} unread`));
    return { clock, reading, every, turned, countRead, r };
  }

  it('counts a big match set in slices, a turn between slices that spend the turn’s budget, and stops at an unmount', async () => {
    // Each slice takes the whole budget: the next one waits for the keys.
    const { clock, reading, every, turned, countRead, r } = await countedInSlices(true);
    expect(countRead.mock.calls.map(([, , from, to]) => [from, to])).toEqual([
      [0, COUNT_SLICE],
      [COUNT_SLICE, 2 * COUNT_SLICE],
      [2 * COUNT_SLICE, 3 * COUNT_SLICE],
      [3 * COUNT_SLICE, every.length],
    ]);
    expect(turned).toEqual([true, true, true, true]);
    // A new list, unmounted right after its first slice (before the next turn): no slice runs after.
    countRead.mockClear();
    const real = countRead.getMockImplementation() ?? Reading.prototype.countRead;
    countRead.mockImplementation(function (this: Reading, ...args: Parameters<Reading['countRead']>) {
      queueMicrotask(() => r.unmount());
      return real.apply(this, args);
    });
    r.rerender(<Probe reading={reading} version={reading.version} search={outcome([...every], 1000, true)} again={againFor([])} />);
    await eventually(() => expect(countRead).toHaveBeenCalled());
    await tick(200);
    expect(countRead).toHaveBeenCalledTimes(1);
    clock.restore();
    reading.close();
  });

  it('counts slices that fit in the turn’s budget in one turn: no wait per slice behind other work', async () => {
    const { clock, reading, turned, countRead, r } = await countedInSlices(false);
    expect(countRead).toHaveBeenCalledTimes(4);
    // The first slice after the turn the order was made in; the other three in the same turn as it.
    expect(turned).toEqual([true, false, false, false]);
    clock.restore();
    r.unmount();
    reading.close();
  });

  it('marks the count `N+` only when the search again could find part of the matches', async () => {
    const reading = openReading();
    const r = render(<Probe reading={reading} version={0} search={outcome([0, 1, 2], 1)} again={againFor([0, 1, 2], true)} />);
    await eventually(() => expect(r.lastFrame()).toBe('1 hits, 3+ unread'));
    r.unmount();
    reading.close();
  });

  it('counts nothing over a partial index (a warm start’s first page), and shows no count, not 0, while the first list waits for its count', async () => {
    const reading = openReading();
    const again = againFor([0, 1, 2, 3, 4, 5]);
    const r = render(<Probe reading={reading} version={0} search={outcome([0, 1], 1)} again={again} partial />);
    await tick(100);
    expect(r.lastFrame()).toBe('1 hits, - unread');
    expect(again).not.toHaveBeenCalled();
    const empty = render(<Probe reading={reading} version={0} search={outcome([])} again={again} />);
    expect(empty.lastFrame()).toBe('0 hits, 0 unread');
    empty.rerender(<Probe reading={reading} version={0} search={outcome([0, 1, 2])} again={again} />);
    expect(empty.lastFrame()).toBe('3 hits, - unread');
    await eventually(() => expect(empty.lastFrame()).toBe('3 hits, 3 unread'));
    r.unmount();
    empty.unmount();
    reading.close();
  });

  it('does not draw a count made over fewer articles (a cold load’s earlier batch) beside a list of more', async () => {
    const reading = openReading();
    const again = againFor([]);
    // The first batch: three articles, all unread, counted at once.
    const r = render(<Probe reading={reading} version={0} search={outcome([0, 1, 2])} again={again} size={3} />);
    expect(r.lastFrame()).toBe('3 hits, 3 unread');
    // The load grows the index to six: `3 unread` beside six rows would read as exact; none is drawn until the count comes.
    r.rerender(<Probe reading={reading} version={0} search={outcome([0, 1, 2, 3, 4, 5])} again={again} size={6} />);
    expect(r.lastFrame()).toBe('6 hits, - unread');
    await eventually(() => expect(r.lastFrame()).toBe('6 hits, 6 unread'));
    // Over the same index, a new list keeps the last count until its own comes (a key typed over a query).
    r.rerender(<Probe reading={reading} version={0} search={outcome([0, 1])} again={again} size={6} />);
    expect(r.lastFrame()).toBe('2 hits, 6 unread');
    await eventually(() => expect(r.lastFrame()).toBe('2 hits, 2 unread'));
    r.unmount();
    reading.close();
  });

  it('is null without reading state', () => {
    const r = render(<Probe reading={null} version={0} search={outcome([0, 1])} again={againFor([])} />);
    expect(r.lastFrame()).toBe('2 hits, - unread');
    r.unmount();
  });
});
