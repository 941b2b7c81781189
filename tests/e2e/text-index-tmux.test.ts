// A cold start in a real terminal: the list comes first, then the index's full text is built in
// the background with its own progress in the status line (`indexing text N / M`), which goes
// away when it is done; the index it leaves holds every article's text.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cacheDirectory, indexFile } from '../../src/core/index/location.js';
import { hasTmux, TmuxSession } from './tmux.js';

const repo = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(repo, 'dist', 'cli.js');
// Enough files that the text build spans many progress reports (256 articles each).
const COUNT = 4_000;
let root: string;
let session: TmuxSession | undefined;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-text-tmux-'));
  for (let f = 0; f < 4; f++) {
    const dir = path.join(root, 'news', `f${f}`);
    fs.mkdirSync(dir, { recursive: true });
    for (let i = 0; i < COUNT / 4; i++) {
      const body = `Validators in region ${i} discuss staking yields and fees.\n\n`.repeat(12);
      fs.writeFileSync(path.join(dir, `n${i}.md`), `---\ntitle: Note ${f}-${i}\nsource: wire\npublishedAt: '2025-11-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z'\n---\n${body}`);
    }
  }
});
afterEach(() => session?.close());
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('the full text built after the list, in a real terminal', () => {
  it('shows indexing progress after the list is up, and the index ends with every article\'s text', async () => {
    if (!hasTmux()) throw new Error('tmux is required for the terminal end-to-end tests (.ci/run installs it)');
    const cache = path.join(root, 'cache');
    const s = new TmuxSession(120, 30, repo, { XDG_CACHE_HOME: cache, XDG_CONFIG_HOME: path.join(root, 'config') });
    session = s;
    const status = path.join(s.dir, 'status.txt');
    s.type(`node ${cli} ${path.join(root, 'news')} > /dev/null; echo "exit=$?" > ${status}`);
    s.send('Enter');
    const fmt = COUNT.toLocaleString('en-US');
    // The list is complete (every article counted) while the text is still being indexed.
    const indexing = await s.waitFor((t) => /indexing text [\d,]+ \/ [\d,]+/.test(t), 'the text indexing progress', 60_000);
    expect(indexing).toContain(`/${fmt}`);
    expect(indexing).not.toMatch(/loading [\d,]+ \//);
    // Then it goes away, and the index holds every row with its text.
    await s.waitFor((t) => t.includes(`/${fmt}`) && !t.includes('indexing text'), 'the indexing to finish', 120_000);
    s.send('q');
    await s.waitForFile(status);
    const db = new Database(indexFile(cacheDirectory({ XDG_CACHE_HOME: cache }), [path.join(root, 'news')]), { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(COUNT);
      expect(db.prepare('SELECT count(*) FROM text_pending').pluck().get()).toBe(0);
      expect(db.prepare("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'body : staking'").pluck().get()).toBe(COUNT);
    } finally {
      db.close();
    }
  }, 200_000);
});
