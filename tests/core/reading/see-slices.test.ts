// Reading.seeInSlices, which the dashboard runs after the list is drawn: the same count and the
// same stored first-seen times as one see() call, with the caller's pause between slices.
import { describe, expect, it } from 'vitest';
import { Reading, SLICE_MS } from '../../../src/core/reading/reading.js';
import { tempDirs } from '../../helpers/temp-dirs.js';

const tmp = tempDirs('cnt-see-');

const articles = Array.from({ length: 7 }, (_, i) => ({ externalId: i % 2 ? `ext-${i}` : null, url: i % 3 ? `https://x.test/${i}` : null, path: `/news/${i}.md` }));

// A state folder whose previous session saw the first three articles and ended at t=2000.
function stateWithHistory(): string {
  const dir = tmp();
  const r = Reading.open(dir);
  r.see(articles.slice(0, 3), 1000);
  r.endSession(2000);
  return dir;
}

describe('Reading.seeInSlices', () => {
  it('counts and records as see() does, pausing between slices', async () => {
    const once = Reading.open(stateWithHistory());
    const sliced = Reading.open(stateWithHistory());
    let pauses = 0;
    const fresh = await sliced.seeInSlices(articles, async () => void (pauses += 1), 3, 5000);
    expect(fresh).toBe(once.see(articles, 5000));
    expect(fresh).toBe(4);
    expect(pauses).toBe(2);
    for (const a of articles) {
      expect([sliced.isNew(a), sliced.isRead(a)]).toEqual([once.isNew(a), once.isRead(a)]);
      expect(sliced.isNew(a)).toBe(articles.indexOf(a) >= 3);
    }
    once.close();
    sliced.close();
  });

  it('counts as new only the articles the caller counts (the dashboard: those is:new lists), and records them all', async () => {
    const r = Reading.open(stateWithHistory());
    const odd = (a: (typeof articles)[number]) => articles.indexOf(a) % 2 === 1;
    // New: articles 3..6; of those the list shows 3 and 5 (a draft is seen, not counted).
    expect(await r.seeInSlices(articles, async () => undefined, 3, 5000, odd)).toBe(2);
    for (const a of articles.slice(3)) expect(r.isNew(a)).toBe(true);
    r.close();
  });

  it('takes fewer articles a slice when a slice takes longer than SLICE_MS, never more than asked', async () => {
    const many = Array.from({ length: 100 }, (_, i) => ({ externalId: `ext-${i}`, url: null, path: `/news/${i}.md` }));
    const r = Reading.open(tmp());
    const sizes: number[] = [];
    const see = r.store.see.bind(r.store);
    // Each article ~0.5 ms: a slice of 50 takes ~25 ms, past SLICE_MS (15).
    r.store.see = (keys, now, earlier) => {
      sizes.push(keys.length);
      for (const t = performance.now(); performance.now() - t < keys.length * 0.5; );
      return see(keys, now, earlier);
    };
    let pauses = 0;
    await r.seeInSlices(many, async () => void (pauses += 1), 50, 5000);
    expect(SLICE_MS).toBe(15);
    expect(sizes[0]).toBe(50);
    expect(sizes.slice(1).every((n) => n >= 1 && n <= 30)).toBe(true);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(100); // each article once
    expect(pauses).toBe(sizes.length - 1);
    expect(many.every((a) => r.store.has(`id:${a.externalId}`))).toBe(true);
    expect(r.store.heldKeys).toBeGreaterThanOrEqual(100);
    r.close();
  });
});
