// A dashboard over a small folder whose reading state holds far more rows than the folder (issue
// 10: a user who once opened a big archive): 200k rows seen before, 15k more of them read (more
// read keys than a page of the read probe), written as main's build writes them. The list, its
// marks, the unread and new counts and the reading terms come out exactly as the state says, and
// on quitting every row and mark is still there, with the folder's unseen articles added.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startCli, type Started } from './tmux.js';

const FILLER = 200_000;
const FILLER_READ = 15_000;
const ARTICLES = 30;

let started: Started | undefined;
let root: string | undefined;
afterEach(() => {
  started?.s.close();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

// The folder's articles: `e2e-NN`, a day apart in November 2026.
function writeFolder(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < ARTICLES; i++) {
    const n = String(i).padStart(2, '0');
    const front = [`title: "Big state article ${n}"`, `publishedAt: '2026-11-${String(i % 28 + 1).padStart(2, '0')}T10:00:00.000Z'`, `externalId: 'e2e-${n}'`, 'source:', '  name: Test Wire'].join('\n');
    fs.writeFileSync(path.join(dir, `a-${n}.md`), `---\n${front}\n---\n\nBody of article ${n}.\n`);
  }
}

// main's schema and rows: the filler, then the first 20 articles seen two days ago (8 of them read,
// 3 saved), the session ended a day ago.
function writeState(stateHome: string, now: number): void {
  const dir = path.join(stateHome, 'crypto-news-tui');
  fs.mkdirSync(dir, { recursive: true });
  const db = new Database(path.join(dir, 'state.db'));
  db.pragma('journal_mode = WAL');
  db.exec(`
CREATE TABLE articles (key TEXT PRIMARY KEY, read INTEGER NOT NULL DEFAULT 0, saved INTEGER NOT NULL DEFAULT 0, first_seen INTEGER NOT NULL, changed INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE history (id INTEGER PRIMARY KEY AUTOINCREMENT, query TEXT NOT NULL, at INTEGER NOT NULL);`);
  const seen = now - 2 * 86_400_000;
  const insert = db.prepare('INSERT INTO articles (key, read, saved, first_seen, changed) VALUES (?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < FILLER; i++) insert.run(`path:/elsewhere/${i}.md`, 0, 0, seen, seen);
    for (let i = 0; i < FILLER_READ; i++) insert.run(`id:elsewhere-${i}`, 1, 0, seen, seen);
    // Articles 0-19 seen: 0-7 read, 10-12 saved; 20-29 never seen (new).
    for (let i = 0; i < 20; i++) insert.run(`id:e2e-${String(i).padStart(2, '0')}`, i < 8 ? 1 : 0, i >= 10 && i < 13 ? 1 : 0, seen, seen);
    db.prepare("INSERT INTO meta (name, value) VALUES ('lastEnded', ?)").run(now - 86_400_000);
  })();
  db.close();
}

describe('a reading state of 200k rows under a folder of 30 articles', () => {
  it('shows the marks, the unread and new counts and the reading terms as stored, and keeps every row', async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-big-state-'));
    const folder = path.join(root, 'news');
    writeFolder(folder);
    writeState(path.join(root, 'big-state'), Date.now());
    started = startCli(120, 35, folder, { XDG_STATE_HOME: path.join(root, 'big-state'), XDG_CACHE_HOME: path.join(root, 'cache') });
    const t = started.s;
    // 22 unread (8 of 30 read); 10 new (never seen); the list drawn.
    await t.waitFor((x) => /30\/30 · 22 unread/.test(x) && x.includes('10 new since') && x.includes('Big state article'), 'the list with its counts', 60_000);
    t.send('/');
    t.type('is:read');
    await t.waitFor((x) => /\b8\/30\b/.test(x) && x.includes('query: is:read'), 'the 8 read articles');
    t.send('C-u');
    t.type('is:saved');
    await t.waitFor((x) => /\b3\/30\b/.test(x) && x.includes('query: is:saved'), 'the 3 saved articles');
    t.send('C-u');
    t.type('is:new');
    await t.waitFor((x) => /\b10\/30\b/.test(x) && x.includes('query: is:new'), 'the 10 new articles');
    t.send('C-c');
    expect(await t.waitForFile(started.status, 10_000)).toBe('exit=130\n');
    const db = new Database(path.join(root, 'big-state', 'crypto-news-tui', 'state.db'), { readonly: true });
    expect(db.prepare('SELECT count(*) AS n, sum(read) AS r, sum(saved) AS s FROM articles').get()).toEqual({ n: FILLER + FILLER_READ + ARTICLES, r: FILLER_READ + 8, s: 3 });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  }, 240_000);
});
