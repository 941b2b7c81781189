// Background threads never keep the program alive: the token reads and wide words of the on-disk
// index (index/words/) and the facts worker (stories/facts-background.ts) are unreferenced once
// started. A Worker's first 'message' listener references its port again (Node's
// setupPortReferencing, nodejs/node#53036), so a thread unreferenced before its listener kept a
// process alive after its last work: the bench's 1M search child printed its figures and then
// never exited. The facts worker is referenced while an operation awaits it, though: a program
// with nothing else alive (no terminal) that awaits its facts must not end with the promise
// unsettled (exit 13), as the bench's breakdown child at 1M did once it was unreferenced. Each
// case counts the referenced message ports (what keeps the event loop alive)
// before and after its thread has started and answered.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/article.js';
import { indexFile } from '../../src/core/index/database.js';
import { TokenReads } from '../../src/core/index/words/token-reads.js';
import { WideWords } from '../../src/core/index/words/wide-words.js';
import { loadCorpus } from '../../src/core/load/load.js';
import { FactsService } from '../../src/core/stories/facts-background.js';
import { runNode } from '../helpers/run-child.js';

const data = fileURLToPath(new URL('../../data', import.meta.url));
const sqliteModule = createRequire(import.meta.url).resolve('better-sqlite3');
const refPorts = (): number => process.getActiveResourcesInfo().filter((r) => r === 'MessagePort').length;
// The facts worker as built (`npm test` builds first).
const builtFactsWorker = (): URL => {
  const worker = new URL('../../dist/core/stories/facts-worker.js', import.meta.url);
  if (!fs.existsSync(fileURLToPath(worker))) throw new Error('run `npm run build` first: this test starts the built worker');
  return worker;
};
let cacheDir: string;
let file: string;
let articles: Article[];
let baseline: number;

beforeAll(async () => {
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-unref-'));
  // A cold load writes the index and its full text (the threads below read it).
  const loaded = await loadCorpus([data], { cacheDir });
  expect(await loaded.fullText).toBe(true);
  articles = loaded.articles;
  file = indexFile(cacheDir, [data]);
}, 60_000);
afterAll(() => fs.rmSync(cacheDir, { recursive: true, force: true }));

// A closed thread keeps its port referenced until it has exited (Worker.terminate): wait for that,
// so that the next case starts from the same count.
afterEach(async () => {
  for (let waited = 0; refPorts() > baseline && waited < 5_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
});

describe('background threads', () => {
  it('token reads: the thread started by a read leaves no referenced port', async () => {
    baseline = refPorts();
    let wake: () => void = () => {};
    const arrived = new Promise<void>((resolve) => (wake = resolve));
    const reads = new TokenReads({ file, sqliteModule, articleOf: Int32Array.from({ length: articles.length + 1 }, (_, i) => i - 1), size: articles.length }, () => wake());
    try {
      reads.read(['bitcoin'], 0);
      await arrived;
      const took = reads.take();
      expect(took?.map(([token]) => token)).toEqual(['bitcoin']);
      expect(refPorts()).toBe(baseline);
    } finally {
      reads.close();
    }
  });

  it('wide words: the thread started by an ask leaves no referenced port', async () => {
    baseline = refPorts();
    let wake: (word: string) => void = () => {};
    const arrived = new Promise<string>((resolve) => (wake = resolve));
    const words = new WideWords({ file, sqliteModule, vocabulary: 'bitcoin\nbitmex', articleOf: Int32Array.from({ length: articles.length + 1 }, (_, i) => i - 1), size: articles.length }, (word) => wake(word));
    try {
      words.want('bit');
      expect(await arrived).toBe('bit');
      expect(words.marks('bit')).toBeInstanceOf(Uint32Array);
      expect(refPorts()).toBe(baseline);
    } finally {
      words.close();
    }
  });

  it('facts worker: a loaded service leaves no referenced port', async () => {
    const worker = builtFactsWorker();
    baseline = refPorts();
    const service = new FactsService({ worker });
    try {
      const facts = await service.load((id) => articles[id], articles.length);
      expect(facts?.n).toBe(articles.length);
      expect(refPorts()).toBe(baseline);
    } finally {
      service.close();
    }
  });

  it('facts worker: a program with nothing else alive waits for the facts it awaits, then exits', async () => {
    const worker = builtFactsWorker();
    const script = [
      `const { loadCorpus } = await import(${JSON.stringify(new URL('../../dist/core/load/load.js', import.meta.url).href)});`,
      `const { FactsService } = await import(${JSON.stringify(new URL('../../dist/core/stories/facts-background.js', import.meta.url).href)});`,
      `const { articles } = await loadCorpus([${JSON.stringify(data)}], { cache: false });`,
      `const service = new FactsService({ worker: new URL(${JSON.stringify(worker.href)}) });`,
      'const facts = await service.load((id) => articles[id], articles.length);',
      'process.stdout.write(`facts of ${facts.n} articles\\n`);',
    ].join('\n');
    const file = path.join(cacheDir, 'await-facts.mjs');
    fs.writeFileSync(file, script);
    const r = await runNode([file], { timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`facts of ${articles.length} articles\n`);
  });
});
