// Reading state while another program holds state.db's write lock (found by a tester: a `sqlite3`
// shell inside `BEGIN IMMEDIATE` made `m` freeze the dashboard for the 5 s busy timeout, then the
// mark was lost). A change shows at once, waits in memory, and is written once the lock is free;
// first sight and the search history are dropped, never waited for; reads are never blocked.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { EXIT_TRY_MS, isBusy, RETRY_MS, TRY_MS, type SaveState } from '../../../src/core/reading/mark-writer.js';
import { Reading } from '../../../src/core/reading/reading.js';
import { ReadingStore, STATE_FILE } from '../../../src/core/reading/store.js';
import { SAVED_NOTICE, unsavedMessage, unsavedNotice } from '../../../src/core/reading/unavailable.js';
import { tempDirs } from '../../helpers/temp-dirs.js';

const tmp = tempDirs('cnt-locked-');

// Another program's connection holding the write lock (as `sqlite3 state.db` then `BEGIN IMMEDIATE;`).
function lock(dir: string): { release(): void; row(key: string): { read: number; saved: number } | undefined } {
  const db = new Database(path.join(dir, STATE_FILE));
  db.exec('BEGIN IMMEDIATE');
  return {
    release: () => {
      db.exec('ROLLBACK');
      db.close();
    },
    row: (key) => db.prepare('SELECT read, saved FROM articles WHERE key = ?').get(key) as { read: number; saved: number } | undefined,
  };
}

// The rows as a fresh connection reads them (what a restart would show).
function stored(dir: string, key: string): { read: number; saved: number } | undefined {
  const db = new Database(path.join(dir, STATE_FILE), { readonly: true });
  try {
    return db.prepare('SELECT read, saved FROM articles WHERE key = ?').get(key) as { read: number; saved: number } | undefined;
  } finally {
    db.close();
  }
}

// Milliseconds `f` takes.
function timed(f: () => void): number {
  const t = performance.now();
  f();
  return performance.now() - t;
}

describe('a mark while another program holds the lock', () => {
  it('shows at once, does not wait for the lock, and is written once it is free', async () => {
    const dir = tmp();
    const s = ReadingStore.open(dir);
    s.see(['a', 'b'], 1000);
    const told: SaveState[] = [];
    s.writer.onChange = (state) => told.push(state);
    const held = lock(dir);
    expect(timed(() => s.setRead(['a'], true))).toBeLessThan(TRY_MS + 150);
    expect(s.isRead('a')).toBe(true);
    expect(s.writer.state).toEqual({ unsaved: 1, reason: 'state.db is locked by another program' });
    expect(told).toEqual([{ unsaved: 1, reason: 'state.db is locked by another program' }]);
    // Further changes while locked queue without trying (no wait at all), merged per article.
    expect(timed(() => s.setSaved(['a', 'b'], true))).toBeLessThan(20);
    expect(s.writer.state.unsaved).toBe(2);
    held.release();
    await vi.waitFor(() => expect(s.writer.state.unsaved).toBe(0), { timeout: RETRY_MS * 5 });
    expect(told.at(-1)).toEqual({ unsaved: 0, reason: null });
    expect(stored(dir, 'a')).toEqual({ read: 1, saved: 1 });
    expect(stored(dir, 'b')).toEqual({ read: 0, saved: 1 });
    s.close();
  });

  it('keeps the latest value of each mark and another dashboard\'s other mark', async () => {
    const dir = tmp();
    const s = ReadingStore.open(dir);
    s.see(['k'], 1000);
    const held = lock(dir);
    s.setRead(['k'], true);
    s.setRead(['k'], false);
    s.setRead(['k'], true);
    held.release();
    // Another dashboard saves it meanwhile: the queued read mark must not unsave it.
    const other = ReadingStore.open(dir);
    other.setSaved(['k'], true);
    other.close();
    await vi.waitFor(() => expect(s.writer.state.unsaved).toBe(0), { timeout: RETRY_MS * 5 });
    expect(stored(dir, 'k')).toEqual({ read: 1, saved: 1 });
    s.close();
  });

  it('undo while locked restores the marks on screen and on disk', async () => {
    const dir = tmp();
    const r = Reading.open(dir);
    const a = { path: '/n/a.md', url: 'https://x.test/a', externalId: null };
    r.see([a], 1000);
    const held = lock(dir);
    expect(r.toggleRead([a])).toBe(true);
    expect(r.isRead(a)).toBe(true);
    r.undo();
    expect(r.isRead(a)).toBe(false);
    expect(r.store.writer.state.unsaved).toBe(1);
    held.release();
    await vi.waitFor(() => expect(r.store.writer.state.unsaved).toBe(0), { timeout: RETRY_MS * 5 });
    expect(stored(dir, 'url:https://x.test/a')).toEqual({ read: 0, saved: 0 });
    r.close();
  });

  it('first sight is kept in memory only, never waited for; marks carried from an earlier key are queued', async () => {
    const dir = tmp();
    const s = ReadingStore.open(dir);
    s.see(['old'], 1000);
    s.setSaved(['old'], true);
    const held = lock(dir);
    let fresh = 0;
    expect(timed(() => (fresh = s.see(['new', 'moved'], 2000, (i) => (i === 1 ? ['old'] : []))))).toBeLessThan(TRY_MS + 150);
    expect(fresh).toBe(2);
    expect(s.has('new')).toBe(true);
    expect(s.isSaved('moved')).toBe(true);
    // A second slice while the lock is known held does not try at all.
    expect(timed(() => s.see(['third'], 2000))).toBeLessThan(20);
    expect(held.row('new')).toBeUndefined();
    held.release();
    await vi.waitFor(() => expect(s.writer.state.unsaved).toBe(0), { timeout: RETRY_MS * 5 });
    expect(stored(dir, 'moved')).toEqual({ read: 0, saved: 1 });
    expect(stored(dir, 'new')).toBeUndefined(); // dropped: a later session sees it again
    s.close();
  });

  it('search history is dropped, session end too, without waiting or throwing; reads go on', () => {
    const dir = tmp();
    const s = ReadingStore.open(dir);
    s.see(['r'], 1000);
    s.setRead(['r'], true);
    s.addHistory('before');
    const held = lock(dir);
    expect(timed(() => s.addHistory('bitcoin'))).toBeLessThan(TRY_MS + 150);
    expect(s.history()).toEqual(['before']);
    // A second reader (as --filter is:read opens it) is not blocked by the writer's lock.
    const reader = ReadingStore.open(dir);
    expect([...reader.readKeys()]).toEqual(['r']);
    reader.close();
    expect(timed(() => expect(s.endSession(5000)).toBe(0))).toBeLessThan(TRY_MS + 150);
    held.release();
    s.close();
  });

  it('at the exit, marks still locked out are tried up to EXIT_TRY_MS and then named', () => {
    const dir = tmp();
    const r = Reading.open(dir);
    r.store.see(['x', 'y'], 1000);
    const held = lock(dir);
    r.store.setRead(['x', 'y'], true);
    let said: string | null = null;
    const took = timed(() => (said = r.endSession(3000)));
    expect(took).toBeGreaterThanOrEqual(EXIT_TRY_MS - 50);
    expect(took).toBeLessThan(EXIT_TRY_MS + 1000);
    expect(said).toBe(`marks of 2 articles not saved: ${path.join(dir, STATE_FILE)} is locked by another program`);
    held.release();
  });

  it('at the exit, marks are written when the lock is free by then', () => {
    const dir = tmp();
    const r = Reading.open(dir);
    r.store.see(['x'], 1000);
    const held = lock(dir);
    r.store.setSaved(['x'], true);
    held.release();
    expect(r.endSession(3000)).toBeNull();
    expect(stored(dir, 'x')).toEqual({ read: 0, saved: 1 });
    const again = ReadingStore.open(dir);
    expect(again.previousEnd).toBe(3000);
    again.close();
  });

  it('reads the read keys of a new state (its index not made yet) while locked', () => {
    const dir = tmp();
    const s = ReadingStore.open(dir);
    s.see(['p', 'q'], 1000);
    s.setRead(['q'], true);
    const held = lock(dir);
    const fresh = ReadingStore.open(dir);
    let keys: string[] = [];
    expect(timed(() => (keys = fresh.readKeyPage(null)))).toBeLessThan(TRY_MS + 150);
    expect(keys).toEqual(['q']);
    fresh.close();
    held.release();
    s.close();
  });
});

describe('the words', () => {
  it('say what waits, and what the exit could not write', () => {
    expect(unsavedNotice({ unsaved: 3, reason: 'state.db is locked by another program' })).toBe('marks not saved yet: state.db is locked by another program');
    expect(unsavedNotice({ unsaved: 0, reason: null })).toBeNull();
    expect(SAVED_NOTICE).toBe('marks saved to state.db');
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    expect(isBusy(busy)).toBe(true);
    expect(isBusy(new Error('disk I/O error'))).toBe(false);
    expect(unsavedMessage(1, busy, '/s/state.db')).toBe('marks of 1 article not saved: /s/state.db is locked by another program');
    expect(unsavedMessage(2, new Error('disk I/O error'), '/s/state.db')).toBe('marks of 2 articles not saved: /s/state.db: disk I/O error');
  });
});
