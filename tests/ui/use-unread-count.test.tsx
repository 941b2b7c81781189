import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Text } from 'ink';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '../../src/core/article.js';
import { Reading } from '../../src/core/reading/reading.js';
import type { Hit } from '../../src/core/search/index.js';
import { countUnread, useUnreadCount } from '../../src/ui/use-unread-count.js';
import { makeArticle } from '../helpers/make-article.js';
import { eventually } from './frame.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const articles: Article[] = Array.from({ length: 6 }, (_, id) => makeArticle({ id, title: `Story ${id}` }));
const article = (id: number): Article => articles[id];
const hitsOf = (ids: number[]): Hit[] => ids.map((id) => ({ id, score: 0, titleMatches: [] }));

/** Reading state in a folder of its own (removed after the test) that has seen every article. */
function openReading(): Reading {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-unread-'));
  dirs.push(dir);
  const reading = Reading.open(dir);
  reading.see(articles);
  return reading;
}

function Probe({ reading, version, hits, part = false, hold = false }: { reading: Reading | null; version: number; hits: readonly Hit[]; part?: boolean; hold?: boolean }) {
  const u = useUnreadCount(reading, version, hits, article, part, hold);
  return <Text>{`${hits.length} hits, ${u ? `${u.n}${u.lowerBound ? '+' : ''}` : '-'} unread`}</Text>;
}

describe('useUnreadCount', () => {
  it('has the first frame’s count at once, and each later count after the frame that shows its hits', async () => {
    const reading = openReading();
    reading.toggleRead([articles[0], articles[1]]);
    const isRead = vi.spyOn(reading, 'isRead');
    const r = render(<Probe reading={reading} version={reading.version} hits={hitsOf([0, 1, 2])} />);
    expect(r.lastFrame()).toBe('3 hits, 1 unread');
    // New hits: their frame keeps the last count (no hit is looked up while it is made) ...
    isRead.mockClear();
    r.rerender(<Probe reading={reading} version={reading.version} hits={hitsOf([0, 3, 4, 5])} />);
    expect(r.lastFrame()).toBe('4 hits, 1 unread');
    expect(isRead).not.toHaveBeenCalled();
    // ... and the count for them follows.
    await eventually(() => expect(r.lastFrame()).toBe('4 hits, 3 unread'));
    // A change of marks counts again.
    reading.toggleRead([articles[3]]);
    r.rerender(<Probe reading={reading} version={reading.version} hits={hitsOf([0, 3, 4, 5])} />);
    await eventually(() => expect(r.lastFrame()).toBe('4 hits, 2 unread'));
    r.unmount();
    reading.close();
  });

  it('drops the count of hits replaced before it was made', async () => {
    const reading = openReading();
    const counted: number[][] = [];
    const isRead = vi.spyOn(reading, 'isRead').mockImplementation((a) => {
      counted.push([(a as Article).id]);
      return false;
    });
    const r = render(<Probe reading={reading} version={0} hits={hitsOf([0])} />);
    counted.length = 0;
    // Two result sets in one turn: only the last is ever counted.
    r.rerender(<Probe reading={reading} version={0} hits={hitsOf([1, 2])} />);
    r.rerender(<Probe reading={reading} version={0} hits={hitsOf([3, 4, 5])} />);
    await eventually(() => expect(r.lastFrame()).toBe('3 hits, 3 unread'));
    expect(counted.flat()).toEqual([3, 4, 5]);
    isRead.mockRestore();
    r.unmount();
    reading.close();
  });

  it('keeps the lower-bound mark of the count on screen until the next count replaces it', async () => {
    const reading = openReading();
    // The hits in hand are part of the matches: `2+`.
    const r = render(<Probe reading={reading} version={0} hits={hitsOf([0, 1])} part />);
    expect(r.lastFrame()).toBe('2 hits, 2+ unread');
    // Every match arrives: until it is counted, the count on screen is still the partial one, `2+`
    // (never `2`, which would claim the partial count covers every match) ...
    r.rerender(<Probe reading={reading} version={0} hits={hitsOf([0, 1, 2, 3, 4])} />);
    expect(r.lastFrame()).toBe('5 hits, 2+ unread');
    // ... then the exact count.
    await eventually(() => expect(r.lastFrame()).toBe('5 hits, 5 unread'));
    // And a partial count for new results keeps the exact one, unmarked, until it is made.
    r.rerender(<Probe reading={reading} version={0} hits={hitsOf([5])} part />);
    expect(r.lastFrame()).toBe('1 hits, 5 unread');
    await eventually(() => expect(r.lastFrame()).toBe('1 hits, 1+ unread'));
    r.unmount();
    reading.close();
  });

  it('while a count over every match is on its way, keeps the last count instead of counting the hits in hand', async () => {
    const reading = openReading();
    reading.toggleRead([articles[0]]);
    const r = render(<Probe reading={reading} version={reading.version} hits={hitsOf([0, 1, 2, 3, 4, 5])} />);
    expect(r.lastFrame()).toBe('6 hits, 5 unread');
    const isRead = vi.spyOn(reading, 'isRead');
    // New results, only part of their matches in hand, and every match's count coming: no `N+` in between.
    r.rerender(<Probe reading={reading} version={reading.version} hits={hitsOf([0, 1])} part hold />);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(r.lastFrame()).toBe('2 hits, 5 unread');
    expect(isRead).not.toHaveBeenCalled();
    // Every match arrives: counted once, exact.
    r.rerender(<Probe reading={reading} version={reading.version} hits={hitsOf([0, 1, 2])} />);
    await eventually(() => expect(r.lastFrame()).toBe('3 hits, 2 unread'));
    isRead.mockRestore();
    r.unmount();
    reading.close();
  });

  it('shows no count, not 0, while the first results of a load wait for theirs', async () => {
    const reading = openReading();
    const r = render(<Probe reading={reading} version={0} hits={hitsOf([])} />);
    expect(r.lastFrame()).toBe('0 hits, 0 unread');
    r.rerender(<Probe reading={reading} version={0} hits={hitsOf([0, 1, 2])} />);
    expect(r.lastFrame()).toBe('3 hits, - unread');
    await eventually(() => expect(r.lastFrame()).toBe('3 hits, 3 unread'));
    r.unmount();
    reading.close();
  });

  it('looks each article up once per reading version and index: the next query’s count reads only its new matches', () => {
    const reading = openReading();
    reading.toggleRead([articles[1]]);
    const isRead = vi.spyOn(reading, 'isRead');
    expect(countUnread(reading, hitsOf([0, 1, 2]), article)).toBe(2);
    expect(isRead).toHaveBeenCalledTimes(3);
    expect(countUnread(reading, hitsOf([1, 2, 3, 4]), article)).toBe(3);
    expect(isRead).toHaveBeenCalledTimes(5);
    // A change of marks: every answer is looked up again.
    reading.toggleRead([articles[2]]);
    expect(countUnread(reading, hitsOf([1, 2, 3, 4]), article)).toBe(2);
    expect(isRead).toHaveBeenCalledTimes(9);
    // Another index (other articles under the same ids): looked up again.
    const other = (id: number): Article => ({ ...articles[id] });
    expect(countUnread(reading, hitsOf([1, 2]), other)).toBe(0);
    expect(isRead).toHaveBeenCalledTimes(11);
    isRead.mockRestore();
    reading.close();
  });

  it('is null without reading state', () => {
    const r = render(<Probe reading={null} version={0} hits={hitsOf([0, 1])} />);
    expect(r.lastFrame()).toBe('2 hits, - unread');
    r.unmount();
  });
});
