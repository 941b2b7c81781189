// The reading-state guarantees: survives restart, a writer killed with SIGKILL mid-write leaves
// the last committed state intact, and two writers at once both keep their marks. The writers
// are real child processes running the built store (dist/, built by `npm test`).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ReadingStore, STATE_FILE } from '../../../src/core/reading/store.js';
import { tempDirs } from '../../helpers/temp-dirs.js';

const STORE = fileURLToPath(new URL('../../../dist/core/reading/store.js', import.meta.url));
const tmp = tempDirs('cnt-state-');

// A writer marking `count` keys read in transactions of 50, printing each committed batch.
function writer(dir: string, prefix: string, count: number) {
  const code = `
    const { ReadingStore } = await import(${JSON.stringify(STORE)});
    const s = ReadingStore.open(${JSON.stringify(dir)});
    for (let i = 0; i < ${count}; i += 50) {
      const keys = Array.from({ length: 50 }, (_, k) => ${JSON.stringify(prefix)} + (i + k));
      s.setRead(keys, true);
      s.setSaved(keys.slice(0, 5), true);
      process.stdout.write((i + 50) + '\\n');
    }
    s.close();`;
  return spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
}

describe('ReadingStore', () => {
  it('keeps read, saved, first-seen and history across reopen', () => {
    const dir = tmp();
    const a = ReadingStore.open(dir);
    expect(a.see(['k1', 'k2'], 1000)).toBe(2);
    a.setRead(['k1'], true);
    a.setSaved(['k2'], true);
    a.addHistory('bitcoin');
    a.addHistory('etf');
    a.addHistory('bitcoin');
    a.endSession(2000);
    a.close();
    const b = ReadingStore.open(dir);
    expect(b.isRead('k1')).toBe(true);
    expect(b.isRead('k2')).toBe(false);
    expect(b.isSaved('k2')).toBe(true);
    expect(b.get('k1')?.firstSeen).toBe(1000);
    expect(b.history()).toEqual(['etf', 'bitcoin']);
    expect(b.previousEnd).toBe(2000);
    // Seen before the session ended: not new; seen only now: new.
    b.see(['k3'], 3000);
    expect(b.isNew('k1')).toBe(false);
    expect(b.isNew('k3')).toBe(true);
    expect(b.isNew('never-seen')).toBe(true);
    b.close();
  });

  it('keeps each key\'s read and saved marks and first sight apart, in memory and after reopen', () => {
    const dir = tmp();
    const a = ReadingStore.open(dir);
    a.see(['old'], 1_700_000_000_000);
    a.see(['new'], 1_800_000_000_123);
    a.setRead(['old', 'new'], true);
    a.setSaved(['new', 'unseen'], true, 1_900_000_000_000);
    a.setRead(['new'], false);
    const marks = (s: ReadingStore) => ['old', 'new', 'unseen'].map((k) => s.get(k));
    const expected = [
      { read: true, saved: false, firstSeen: 1_700_000_000_000 },
      { read: false, saved: true, firstSeen: 1_800_000_000_123 },
      { read: false, saved: true, firstSeen: 1_900_000_000_000 },
    ];
    expect(marks(a)).toEqual(expected);
    expect([a.isRead('old'), a.isSaved('old'), a.isRead('new'), a.isSaved('new'), a.get('nothing')]).toEqual([true, false, false, true, undefined]);
    a.close();
    const b = ReadingStore.open(dir);
    expect(marks(b)).toEqual(expected);
    b.close();
  });

  it('the later session end wins', () => {
    const dir = tmp();
    const a = ReadingStore.open(dir);
    const b = ReadingStore.open(dir);
    b.endSession(5000);
    a.endSession(4000);
    a.close();
    b.close();
    const c = ReadingStore.open(dir);
    expect(c.previousEnd).toBe(5000);
    c.close();
  });

  it('keeps at most 100 history entries', () => {
    const s = ReadingStore.open(tmp());
    for (let i = 0; i < 130; i++) s.addHistory(`q${i}`);
    const h = s.history();
    expect(h.length).toBe(100);
    expect(h[0]).toBe('q30');
    expect(h[99]).toBe('q129');
    s.close();
  });

  it('a writer killed with SIGKILL mid-write leaves whole transactions and a sound database', async () => {
    const dir = tmp();
    ReadingStore.open(dir).close();
    const child = writer(dir, 'kill-', 200_000);
    let committed = 0;
    await new Promise<void>((resolve) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        committed = Number(chunk.toString().trim().split('\n').pop());
        if (committed >= 2000 && !child.killed) {
          child.kill('SIGKILL');
          resolve();
        }
      });
    });
    await new Promise((r) => child.once('exit', r));
    const db = new Database(path.join(dir, STATE_FILE));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const n = (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    db.close();
    // Every reported batch is there, and only whole batches of 50.
    expect(n).toBeGreaterThanOrEqual(committed);
    expect(n % 50).toBe(0);
    const s = ReadingStore.open(dir);
    expect(s.isRead('kill-0')).toBe(true);
    expect(s.isSaved('kill-0')).toBe(true);
    s.close();
  }, 180_000);

  it('two writers at once both keep all their marks', async () => {
    const dir = tmp();
    ReadingStore.open(dir).close();
    const children = [writer(dir, 'a-', 3000), writer(dir, 'b-', 3000)];
    const codes = await Promise.all(children.map((c) => new Promise<number | null>((r) => c.once('exit', r))));
    expect(codes).toEqual([0, 0]);
    const s = ReadingStore.open(dir);
    for (const p of ['a-', 'b-']) {
      for (let i = 0; i < 3000; i += 7) expect(s.isRead(`${p}${i}`)).toBe(true);
    }
    s.close();
    const db = new Database(path.join(dir, STATE_FILE));
    expect((db.prepare('SELECT count(*) AS n FROM articles WHERE read = 1').get() as { n: number }).n).toBe(6000);
    db.close();
  }, 180_000);
});
