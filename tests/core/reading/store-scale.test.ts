// The reading state when it holds far more rows than a session shows (issue 10): nothing is read
// whole at open (a row is asked for by its key, so a row another process writes after the open is
// seen when first asked for), the read keys come a page at a time from the index of read rows, a
// mark set on a key never asked for keeps the row's other mark and first sight, and a state.db
// written by main's build (commit 57cbba7, before the index of read rows) opens with every mark.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { READ_PAGE, ReadingStore, STATE_FILE } from '../../../src/core/reading/store.js';
import { tempDirs } from '../../helpers/temp-dirs.js';

const tmp = tempDirs('cnt-state-scale-');

// Rows written straight into the database, as another process (or an earlier run) would have.
function writeRows(dir: string, rows: Array<[key: string, read: number, saved: number, firstSeen: number]>): void {
  const db = new Database(path.join(dir, STATE_FILE));
  const insert = db.prepare('INSERT INTO articles (key, read, saved, first_seen, changed) VALUES (?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (const [key, read, saved, firstSeen] of rows) insert.run(key, read, saved, firstSeen, firstSeen);
  })();
  db.close();
}

// The keys the main build's fixture holds (scripts that wrote it: 300 keys of three kinds, every
// 7th read but the first, every 11th saved, the first 200 seen at t0, the rest later).
const fixtureKeys = Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? `id:main-${i}` : i % 3 === 1 ? `url:https://main.test/${i}` : `path:/main/${i}.md`));

describe('ReadingStore at scale', () => {
  it('asks for a row by its key when first needed: a row written after the open is seen', () => {
    const dir = tmp();
    const s = ReadingStore.open(dir);
    s.endSession(2000);
    s.close();
    const t = ReadingStore.open(dir);
    writeRows(dir, [
      ['late-read', 1, 0, 1000],
      ['late-saved', 0, 1, 3000],
    ]);
    expect(t.get('late-read')).toEqual({ read: true, saved: false, firstSeen: 1000 });
    expect([t.isRead('late-read'), t.isSaved('late-saved'), t.isNew('late-saved'), t.isNew('late-read')]).toEqual([true, true, true, false]);
    expect([t.has('late-read'), t.has('nowhere'), t.isNew('nowhere'), t.get('nowhere')]).toEqual([true, false, true, undefined]);
    // A key asked for without a row, then given one by see(): its row from then on.
    expect(t.see(['nowhere'], 5000)).toBe(1);
    expect(t.get('nowhere')).toEqual({ read: false, saved: false, firstSeen: 5000 });
    t.close();
  });

  it('a mark on a key never asked for keeps the row\'s other mark and first sight', () => {
    const dir = tmp();
    ReadingStore.open(dir).close();
    writeRows(dir, [['k', 0, 1, 1234]]);
    const s = ReadingStore.open(dir);
    s.setRead(['k'], true, 9999);
    expect(s.get('k')).toEqual({ read: true, saved: true, firstSeen: 1234 });
    s.close();
    const again = ReadingStore.open(dir);
    expect(again.get('k')).toEqual({ read: true, saved: true, firstSeen: 1234 });
    again.close();
  });

  it('a first sight keeps the marks of the keys seen, not the answers for their earlier keys', () => {
    const dir = tmp();
    ReadingStore.open(dir).close();
    // One article's marks were stored under its path by an earlier build; the rest never were.
    writeRows(dir, [['path:/a/0.md', 1, 1, 500]]);
    const s = ReadingStore.open(dir);
    const keys = Array.from({ length: 1000 }, (_, i) => `id:${i}`);
    const asked: number[] = [];
    expect(s.see(keys, 7000, (i) => (asked.push(i), [`path:/a/${i}.md`]))).toBe(1000);
    expect(asked).toHaveLength(1000);
    // Seen again: every key has its row, and no earlier key is asked for.
    expect(s.see(keys, 8000, (i) => (asked.push(i), [`path:/a/${i}.md`]))).toBe(0);
    expect(asked).toHaveLength(1000);
    // Only the keys seen are held: the 1,000 earlier keys asked about once are not.
    expect(s.heldKeys).toBe(1000);
    expect(s.get('id:0')).toEqual({ read: true, saved: true, firstSeen: 500 });
    expect(s.get('id:1')).toEqual({ read: false, saved: false, firstSeen: 7000 });
    // An earlier key asked for in its own right is looked up and kept as before.
    expect(s.has('path:/a/0.md')).toBe(true);
    expect(s.has('path:/a/1.md')).toBe(false);
    expect(s.heldKeys).toBe(1002);
    s.close();
  });

  it("a first sight of a key another dashboard saw first (after this one asked) keeps that one's row: its time and marks", () => {
    const dir = tmp();
    ReadingStore.open(dir).close();
    const mine = ReadingStore.open(dir);
    expect(mine.has('id:both')).toBe(false); // asked: no row then
    writeRows(dir, [['id:both', 1, 0, 1000]]); // the other dashboard's first sight and read mark
    expect(mine.see(['id:both', 'id:mine'], 2000)).toBe(2);
    expect(mine.get('id:both')).toEqual({ read: true, saved: false, firstSeen: 1000 });
    expect(mine.get('id:mine')).toEqual({ read: false, saved: false, firstSeen: 2000 });
    mine.close();
    const again = ReadingStore.open(dir);
    expect([again.get('id:both')?.firstSeen, again.get('id:mine')?.firstSeen]).toEqual([1000, 2000]);
    again.close();
  });

  it('reads every row a page at a time in key order, with the marks lookups would give', () => {
    const dir = tmp();
    ReadingStore.open(dir).close();
    writeRows(dir, Array.from({ length: 10 }, (_, i): [string, number, number, number] => [`k${i}`, i % 2, i % 3 === 0 ? 1 : 0, 1000 + i]));
    const s = ReadingStore.open(dir);
    s.setSaved(['k1'], true, 5000);
    const pages: boolean[] = [];
    let more = true;
    while (more) pages.push((more = s.loadRowPage(3)));
    expect(pages).toEqual([true, true, true, false]);
    for (let i = 0; i < 10; i++) expect(s.get(`k${i}`)).toEqual({ read: i % 2 === 1, saved: i % 3 === 0 || i === 1, firstSeen: 1000 + i });
    expect(s.rowCount()).toBe(10);
    // A row written after the pages is still found by its key.
    writeRows(dir, [['later', 1, 0, 7]]);
    expect(s.get('later')).toEqual({ read: true, saved: false, firstSeen: 7 });
    s.close();
  });

  it('rows read whole keep each mark set since, and a key the pages did not hold is looked up', () => {
    const dir = tmp();
    ReadingStore.open(dir).close();
    // Keys whose byte order is not their UTF-16 order (an astral character sorts after U+FFxx in UTF-8 alike, é before z).
    const keys = ['id:a', 'id:é', 'id:z', 'id:\uff5e', 'id:😀', 'url:https://e.com/1', 'url:https://e.com/10', 'url:https://e.com/2'];
    writeRows(dir, keys.map((k, i): [string, number, number, number] => [k, i === 1 ? 1 : 0, 0, 1000 + i]));
    const s = ReadingStore.open(dir);
    while (s.loadRowPage(3));
    expect(s.heldKeys).toBe(keys.length);
    keys.forEach((k, i) => expect(s.get(k)).toEqual({ read: i === 1, saved: false, firstSeen: 1000 + i }));
    s.setRead(['id:😀', 'id:é'], true, 9000);
    s.setRead(['id:é'], false, 9001);
    s.setSaved(['url:https://e.com/10'], true, 9002);
    expect([s.isRead('id:😀'), s.isRead('id:é'), s.isSaved('url:https://e.com/10'), s.isSaved('url:https://e.com/1')]).toEqual([true, false, true, false]);
    expect(s.get('id:😀')!.firstSeen).toBe(1004);
    // Written by another dashboard after the pages were read: found by its key.
    writeRows(dir, [['id:b', 1, 1, 7]]);
    expect(s.get('id:b')).toEqual({ read: true, saved: true, firstSeen: 7 });
    expect(s.has('id:none')).toBe(false);
    s.close();
    const again = ReadingStore.open(dir);
    expect([again.isRead('id:😀'), again.isRead('id:é'), again.isSaved('url:https://e.com/10')]).toEqual([true, false, true]);
    again.close();
  });

  it('gives the read keys a page at a time, in key order, every one once', () => {
    const dir = tmp();
    ReadingStore.open(dir).close();
    const n = READ_PAGE * 2 + 7;
    const rows: Array<[string, number, number, number]> = [];
    for (let i = 0; i < n; i++) rows.push([`id:r-${i}`, 1, 0, 1000], [`id:u-${i}`, 0, 1, 1000]);
    writeRows(dir, rows);
    const s = ReadingStore.open(dir);
    const first = s.readKeyPage(null);
    expect(first.length).toBe(READ_PAGE);
    expect([...first].sort()).toEqual(first);
    const second = s.readKeyPage(first[first.length - 1]);
    expect(second[0] > first[first.length - 1]).toBe(true);
    const all = [...s.readKeys()];
    expect(all.length).toBe(n);
    expect(new Set(all).size).toBe(n);
    expect(all.every((k) => k.startsWith('id:r-'))).toBe(true);
    // A key unmarked is gone from the pages, one marked is in them.
    s.setRead(['id:r-0'], false);
    s.setRead(['id:u-0'], true);
    const now = new Set(s.readKeys());
    expect([now.has('id:r-0'), now.has('id:u-0'), now.size]).toEqual([false, true, n]);
    s.close();
  });

  it('opens a state.db written by main\'s build with every read and saved mark, first sight, session end and history', () => {
    const dir = tmp();
    fs.copyFileSync(path.join(import.meta.dirname, '..', '..', 'fixtures', 'reading', 'state-main-57cbba7.db'), path.join(dir, STATE_FILE));
    const s = ReadingStore.open(dir);
    expect(s.previousEnd).toBe(1_700_000_400_000);
    expect(s.history()).toEqual(['bitcoin', 'is:unread etf']);
    fixtureKeys.forEach((key, i) => {
      expect(s.get(key), key).toEqual({ read: i % 7 === 0 && i > 0, saved: i % 11 === 0, firstSeen: i < 200 ? 1_700_000_000_000 : 1_700_000_500_000 });
      expect(s.isNew(key), key).toBe(i >= 200);
    });
    expect(new Set(s.readKeys())).toEqual(new Set(fixtureKeys.filter((_, i) => i % 7 === 0 && i > 0)));
    s.close();
    // And main's build, reading it back (the same schema, the index of read rows aside), finds the same marks.
    const db = new Database(path.join(dir, STATE_FILE), { readonly: true });
    expect(db.prepare('SELECT count(*) AS n, sum(read) AS r, sum(saved) AS s FROM articles').get()).toEqual({ n: 300, r: 42, s: 28 });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
