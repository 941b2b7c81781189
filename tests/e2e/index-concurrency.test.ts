// Two instances opening the same folder at once share one index file: the second waits for the
// first one's write transactions (busy timeout, IMMEDIATE transactions) instead of failing, both
// load every article, and the index ends whole: one row per file, every row with its text.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '..', '..');
const loader = path.join(repo, 'dist', 'core', 'load', 'load.js');
const locator = path.join(repo, 'dist', 'core', 'index', 'location.js');
const database = path.join(repo, 'dist', 'core', 'index', 'database.js');
// Enough files for the parse threads and several write transactions each.
const COUNT = 3_000;
let root: string;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-two-'));
  for (let f = 0; f < 3; f++) {
    const dir = path.join(root, 'news', `f${f}`);
    fs.mkdirSync(dir, { recursive: true });
    for (let i = 0; i < COUNT / 3; i++) {
      fs.writeFileSync(path.join(dir, `n${i}.md`), `---\ntitle: Note ${f} ${i}\nsource: wire\n---\nBody of note ${i} about validators.\n`);
    }
  }
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

// One instance: loads the folder with the index on, waits for the full text, prints what it got.
function instance(): Promise<{ code: number | null; out: string; err: string }> {
  const program = `const { loadCorpus } = await import(${JSON.stringify(loader)});
const r = await loadCorpus([${JSON.stringify(path.join(root, 'news'))}]);
console.log(JSON.stringify({ articles: r.articles.length, warnings: r.warnings.length, fullText: await r.fullText }));`;
  // A script file, not `--input-type=module -e`: worker threads inherit the flags, and that one
  // stops them from loading their own module files.
  const script = path.join(root, 'instance.mjs');
  fs.writeFileSync(script, program);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script], { env: { ...process.env, XDG_CACHE_HOME: path.join(root, 'cache') } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

describe('two instances on one index', () => {
  it('both load everything, cold and at the same moment, and the index they leave is whole', async () => {
    const [a, b] = await Promise.all([instance(), instance()]);
    for (const r of [a, b]) {
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out), r.out + r.err).toEqual({ articles: COUNT, warnings: 0, fullText: true });
    }
    const { cacheDirectory, indexFile } = (await import(locator)) as typeof import('../../src/core/index/location.js');
    const db = new Database(indexFile(cacheDirectory({ XDG_CACHE_HOME: path.join(root, 'cache') }), [path.join(root, 'news')]), { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(COUNT);
      expect(db.prepare('SELECT count(DISTINCT path) FROM articles').pluck().get()).toBe(COUNT);
      expect(db.prepare('SELECT count(*) FROM text_pending').pluck().get()).toBe(0);
      // Every row's text once: a body word matches each article exactly once.
      expect(db.prepare("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'body : validators'").pluck().get()).toBe(COUNT);
    } finally {
      db.close();
    }
    // A third instance starts warm from it and sees the same.
    expect(JSON.parse((await instance()).out)).toEqual({ articles: COUNT, warnings: 0, fullText: true });
  }, 120_000);
});

// Several processes opening one new index file at the same moment: each must find the schema
// either absent (and make it) or whole. Made in separate statements, another process saw tables
// without the application_id in between, called the file foreign and set it aside under the
// first one's feet (about one round in fifteen of eight processes, before the schema was made
// under one write lock).
describe('a new index opened by several processes at once', () => {
  it('is made once and never set aside', async () => {
    const script = path.join(root, 'open.mjs');
    fs.writeFileSync(script, `const { openIndex } = await import(${JSON.stringify(database)});
const wait = Number(process.argv[3]) - Date.now();
if (wait > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, wait);
const r = openIndex(process.argv[2]);
console.log(JSON.stringify({ aside: r.setAside, app: r.db.pragma('application_id', { simple: true }) }));
r.db.close();`);
    const run = (file: string, at: number): Promise<string> =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, [script, file, String(at)]);
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.stderr.on('data', (d) => (out += d));
        child.on('close', () => resolve(out.trim()));
      });
    const { APPLICATION_ID } = (await import(database)) as typeof import('../../src/core/index/database.js');
    for (let round = 0; round < 8; round++) {
      const file = path.join(root, `race-${round}`, 'index.sqlite');
      fs.mkdirSync(path.dirname(file));
      // Every process starts its open at the same wall-clock moment, after its modules loaded.
      const at = Date.now() + 800;
      const outs = await Promise.all(Array.from({ length: 6 }, () => run(file, at)));
      for (const out of outs) expect(JSON.parse(out), out).toEqual({ aside: null, app: APPLICATION_ID });
      expect(fs.existsSync(`${file}.broken`)).toBe(false);
    }
  }, 120_000);
});
