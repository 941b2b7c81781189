// The read probe filled a page of read keys at a time (issue 10): a usual state's read keys are in
// at the first ask; more than a page (a mark-all over a big archive) come between the caller's
// pauses, and marks made while it fills count as the store says, whichever page their key is in.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { Reading } from '../../../src/core/reading/reading.js';
import { READ_PAGE, STATE_FILE } from '../../../src/core/reading/store.js';
import { tempDirs } from '../../helpers/temp-dirs.js';

const tmp = tempDirs('cnt-probe-pages-');

// Forty `id:a-NN` keys, which sort before the other read keys (`id:other-N`), and one after them.
const articles = [...Array.from({ length: 40 }, (_, i) => `a-${String(i).padStart(2, '0')}`), 'z-last'].map((externalId, i) => ({ externalId, url: null, path: `/news/${i}.md` }));
const ids = articles.map((_, i) => i);
const article = (id: number) => articles[id];
const byLookup = (r: Reading): number => articles.filter((a) => r.isRead(a)).length;

// A state whose read keys are `extra` others plus every 4th of the articles (11 of them, `z-last` too).
function state(extra: number): string {
  const dir = tmp();
  Reading.open(dir).close();
  const db = new Database(path.join(dir, STATE_FILE));
  const insert = db.prepare('INSERT INTO articles (key, read, saved, first_seen, changed) VALUES (?, 1, 0, 1000, 1000)');
  db.transaction(() => {
    for (let i = 0; i < extra; i++) insert.run(`id:other-${i}`);
    articles.forEach((a, i) => i % 4 === 0 && insert.run(`id:${a.externalId}`));
  })();
  db.close();
  return dir;
}

describe('the read probe, a page of read keys at a time', () => {
  it('holds a usual state\'s read keys at the first ask', () => {
    const r = Reading.open(state(50));
    expect(r.probeReady()).toBe(true);
    expect(r.countRead(ids, article)).toBe(11);
    r.close();
  });

  it('fills a state of more read keys than a page between pauses, with the marks made meanwhile', async () => {
    const r = Reading.open(state(READ_PAGE * 2 + 3));
    expect(r.probeReady()).toBe(false);
    let pauses = 0;
    await r.whenProbeReady(async () => {
      pauses += 1;
      // Marks made while it fills: on keys the first page held (`a-01` marked, `a-00` unmarked) and
      // on one the pages reach only later (`z-last` unmarked before its page is read).
      if (pauses === 1) (r.toggleRead([articles[1]]), r.toggleRead([articles[40]]));
      if (pauses === 2) r.toggleRead([articles[0]]);
    });
    expect(pauses).toBeGreaterThanOrEqual(2);
    expect(r.probeReady()).toBe(true);
    expect([r.isRead(articles[1]), r.isRead(articles[0]), r.isRead(articles[40])]).toEqual([true, false, false]);
    expect(r.countRead(ids, article)).toBe(10);
    expect(r.countRead(ids, article)).toBe(byLookup(r));
    r.close();
  });

  it('countRead before the pages are in asks each article and answers exactly', () => {
    const r = Reading.open(state(READ_PAGE + 1));
    expect(r.probeReady()).toBe(false);
    expect(r.countRead(ids, article)).toBe(11);
    expect(r.countRead(ids, article, 1, 8)).toBe(1);
    expect(r.probeReady()).toBe(false);
    r.close();
  });

  it('resolves when the store is closed mid-way (an exit), without an unhandled error', async () => {
    const r = Reading.open(state(READ_PAGE * 2 + 3));
    expect(r.probeReady()).toBe(false);
    await r.whenProbeReady(async () => r.close());
    expect(r.probeReady()).toBe(false);
  });
});
