// The worker pool must give exactly what parsing on this thread gives, in any batch order, and
// must finish the job even when its workers die.
import fs from 'node:fs';
import v8 from 'node:v8';
import type { Worker } from 'node:worker_threads';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeOutput } from '../../helpers/run-child.js';
import { parseAhead, parseAll, ParseThreads, shareWorthIt, StatWorker, workerCount, type ParsedFile, type ParseJob, type PoolStats } from '../../../src/core/load/parse-pool.js';
import { outcomesJson, parseBatch, parseBatchInPieces, parseFile, STAT_FIELDS, statPaths, type FileOutcome, type HandOverRequest } from '../../../src/core/load/parse-worker.js';
import { parseArticle } from '../../../src/core/load/parse.js';
import { foldBody } from '../../../src/core/text/index.js';
import { LIMITS } from '../../../src/core/load/limits.js';
import { R } from '../../../src/core/article-record.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
// Worker threads run plain JavaScript, so the worker is compiled from the current sources into
// a folder under node_modules (where its imports of js-yaml etc. resolve).
const built = path.join(repo, 'node_modules/.cache/crypto-news-tui-test/parse-worker');
let workerUrl: URL;
let root: string;
let jobs: ParseJob[];

type Row = { outcome: unknown; body: string | null };
let lastStats: PoolStats | null = null;

function collect(run: (onBatch: (start: number, files: ParsedFile[]) => void) => Promise<PoolStats>): Promise<Row[]> {
  const out: Array<{ outcome: unknown; body: string | null }> = new Array(jobs.length);
  return run((start, files) => {
    files.forEach((f, k) => {
      expect(out[start + k]).toBeUndefined(); // every file is reported once
      out[start + k] = { outcome: f.outcome, body: f.lowerBody?.toString('utf8') ?? null };
    });
  }).then((stats) => {
    lastStats = stats;
    return out;
  });
}

beforeAll(async () => {
  fs.rmSync(built, { recursive: true, force: true });
  const tsc = path.join(repo, 'node_modules/typescript/bin/tsc');
  const args = ['src/core/load/parse-worker.ts', '--rootDir', 'src/core', '--outDir', built, '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--strict', '--skipLibCheck', '--types', 'node'];
  await nodeOutput([tsc, ...args], { cwd: repo });
  fs.writeFileSync(path.join(built, 'package.json'), '{"type":"module"}');
  workerUrl = pathToFileURL(path.join(built, 'load', 'parse-worker.js'));

  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-pool-'));
  jobs = [];
  const add = (name: string, content: string | Buffer): void => {
    const file = path.join(root, name);
    fs.writeFileSync(file, content);
    jobs.push({ path: file, relPath: name, folderName: path.basename(root) });
  };
  for (let i = 0; i < 40; i++) {
    add(`p${i}.md`, `---\ntitle: Post ${i} — Bitcoin\ntags: [BTC]\ndate: 2025-01-${String((i % 28) + 1).padStart(2, '0')}\n---\n# Heading\n\nBody ${i} mentions ÉTF and Solana.\n`);
  }
  add('binary.md', Buffer.from([0x2d, 0x00, 0x01, 0x02]));
  add('empty.md', '');
  jobs.push({ path: path.join(root, 'missing.md'), relPath: 'missing.md', folderName: 'x' });
  add('bad-yaml.md', '---\ntitle: [unclosed\n---\nbody\n');
});

afterAll(() => {
  if (root) fs.rmSync(root, { recursive: true, force: true });
  fs.rmSync(built, { recursive: true, force: true });
});

describe('parseAll', () => {
  it('gives the same outcomes and bodies on worker threads as on this thread', async () => {
    const here = await collect((cb) => parseAll(jobs, 1 << 20, cb, { workers: 0, batchSize: 5 }));
    expect(lastStats).toEqual({ workerBatches: 0, localBatches: 9 });
    const threads = await collect((cb) => parseAll(jobs, 1 << 20, cb, { workers: 2, batchSize: 3, workerUrl }));
    expect(lastStats).toEqual({ workerBatches: 15, localBatches: 0 });
    expect(threads).toEqual(here);
    expect(here.filter((r) => (r.outcome as { ok: boolean }).ok)).toHaveLength(40);
    // The search bytes: folded as search compares text (étf -> etf, text/fold.ts).
    expect(here[3].body).toBe('# heading\n\nbody 3 mentions etf and solana.\n');
    const failures = here.slice(40).map((r) => (r.outcome as { reason: string }).reason);
    expect(failures[0]).toBe('binary file');
    expect(failures[1]).toBe('empty file');
    expect(failures[2]).toBe('no such file or directory');
    expect(failures[3]).toMatch(/^invalid YAML/);
  });

  it("hands over each record's JSON from a thread, sliced from the one string it sent (outcomesJson)", async () => {
    const texts: Array<string | undefined> = new Array(jobs.length);
    const outcomes: FileOutcome[] = new Array(jobs.length);
    await parseAll(jobs, 1 << 20, (start, files, json) => {
      expect(json).not.toBeNull();
      files.forEach((f, k) => ((texts[start + k] = f.recordJson), (outcomes[start + k] = f.outcome)));
    }, { workers: 2, batchSize: 7, workerUrl });
    outcomes.forEach((o, k) => expect(texts[k]).toBe(o.ok ? JSON.stringify(o.record) : undefined));
    // Parsed here, there is no such string: the index makes the JSON itself.
    await parseAll(jobs, 1 << 20, (_start, files, json) => {
      expect(json).toBeNull();
      for (const f of files) expect(f.recordJson).toBeUndefined();
    }, { workers: 0 });
  });

  it('compiles without inlining while its threads parse when asked, and as before once they are done (core/jit-flags.ts)', async () => {
    // V8's tag for code caches hashes every flag's value (no heap flags are held in this process).
    const before = v8.cachedDataVersionTag();
    const during: number[] = [];
    await parseAll(jobs, 1 << 20, () => void during.push(v8.cachedDataVersionTag()), { workers: 2, batchSize: 7, workerUrl, inlining: false });
    expect(during.length).toBeGreaterThan(0);
    for (const tag of during) expect(tag).not.toBe(before);
    expect(v8.cachedDataVersionTag()).toBe(before);
    // Not asked (a dashboard reading bodies ahead): V8's default throughout.
    const unasked: number[] = [];
    await parseAll(jobs, 1 << 20, () => void unasked.push(v8.cachedDataVersionTag()), { workers: 2, batchSize: 7, workerUrl });
    expect(new Set(unasked)).toEqual(new Set([before]));
  });

  it('finishes every file on this thread when the workers die', async () => {
    const crashing = path.join(root, 'crash.mjs');
    fs.writeFileSync(crashing, 'throw new Error("worker down");\n');
    const here = await collect((cb) => parseAll(jobs, 1 << 20, cb, { workers: 0 }));
    const survived = await collect((cb) => parseAll(jobs, 1 << 20, cb, { workers: 2, batchSize: 4, workerUrl: pathToFileURL(crashing) }));
    expect(lastStats).toEqual({ workerBatches: 0, localBatches: 11 });
    expect(survived).toEqual(here);
  });

  it('parses a share on this thread beside its threads when asked, from the same queue, and gives the same files', async () => {
    const here = await collect((cb) => parseAll(jobs, 1 << 20, cb, { workers: 0 }));
    // 44 jobs in 15 batches: the thread is given two, this thread takes the third at once.
    const shared = await collect((cb) => parseAll(jobs, 1 << 20, cb, { workers: 1, batchSize: 3, workerUrl, shareHere: 'always' }));
    expect(shared).toEqual(here);
    expect(lastStats!.localBatches).toBeGreaterThanOrEqual(1);
    expect(lastStats!.workerBatches).toBeGreaterThanOrEqual(2);
    expect(lastStats!.workerBatches + lastStats!.localBatches).toBe(15);
    // Not asked: every batch on the thread.
    await collect((cb) => parseAll(jobs, 1 << 20, cb, { workers: 1, batchSize: 3, workerUrl }));
    expect(lastStats).toEqual({ workerBatches: 15, localBatches: 0 });
  });

  it('reports nothing for no jobs', async () => {
    let calls = 0;
    const stats = await parseAll([], 1 << 20, () => (calls += 1), { workers: 2, workerUrl });
    expect(calls).toBe(0);
    expect(stats).toEqual({ workerBatches: 0, localBatches: 0 });
  });
});

describe('parseAhead', () => {
  it('holds the batches parsed before drain() and hands them on with the rest, each once', async () => {
    const here = await collect((cb) => parseAll(jobs, 1 << 20, cb, { workers: 0, batchSize: 5 }));
    // Parsed on this thread, the first batch is done before parseAhead returns: it waits for its handler.
    const ahead = parseAhead(jobs, 1 << 20, { workers: 0, batchSize: 5 });
    expect(await collect((cb) => ahead.drain(cb, true))).toEqual(here);
    expect(lastStats).toEqual({ workerBatches: 0, localBatches: 9 });
    const threads = parseAhead(jobs, 1 << 20, { workers: 1, batchSize: 3, workerUrl, shareHere: 'always' });
    expect(await collect((cb) => threads.drain(cb, true))).toEqual(here);
    expect(lastStats!.workerBatches + lastStats!.localBatches).toBe(15);
  });

  it('gives, drained without bodies, what a parse without bodies gives: no body, no JSON, bodyLength 0', async () => {
    const bare = await collect((cb) => parseAll(jobs, 1 << 20, cb, { workers: 0, withBody: false }));
    for (const opts of [{ workers: 0, batchSize: 5 }, { workers: 2, batchSize: 3, workerUrl }]) {
      const jsons: Array<unknown> = [];
      const ahead = parseAhead(jobs, 1 << 20, { ...opts, withBody: true });
      const rows = await collect((cb) => ahead.drain((start, files, json) => (jsons.push(json), files.forEach((f) => expect(f.recordJson).toBeUndefined()), cb(start, files)), false));
      expect(rows).toEqual(bare);
      expect(new Set(jsons)).toEqual(new Set([null]));
    }
    expect(bare.every((r) => r.body === null)).toBe(true);
  });
});

describe('a parse thread done with its batches (keep, then a hand-over)', () => {
  // A role a parse thread is handed over to (files/thread-script.ts ThreadRole): says it ran, with
  // what, on the port it was given, then ends; `ext` .cjs is required, .mjs imported.
  const role = (ext: 'cjs' | 'mjs'): string => {
    const file = path.join(root, `role.${ext}`);
    const body = 'async (port, data) => { port.postMessage({ ran: data }); }';
    fs.writeFileSync(file, ext === 'cjs' ? `exports.runHere = ${body};\n` : `export const runHere = ${body};\n`);
    return pathToFileURL(file).href;
  };

  it.each(['cjs', 'mjs'] as const)('is offered to keep once its batches are answered, and taken, runs a %s role handed to it, then ends by itself', async (ext) => {
    const here = await collect((cb) => parseAll(jobs, 1 << 20, cb, { workers: 0, batchSize: 5 }));
    const offered: Worker[] = [];
    const kept = await collect((cb) => parseAll(jobs, 1 << 20, cb, { workers: 1, batchSize: 3, workerUrl, keep: (w) => offered.push(w) > 0 }));
    expect(kept).toEqual(here);
    expect(offered).toHaveLength(1);
    const [worker] = offered;
    // Still running (a thread not taken is ended), and no longer the pool's: the role's messages are ours.
    expect(worker.threadId).not.toBe(-1);
    const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
    const said = new Promise<unknown>((resolve) => worker.once('message', resolve));
    worker.postMessage({ handOver: { script: role(ext), data: { n: 7 } } } satisfies HandOverRequest);
    expect(await said).toEqual({ ran: { n: 7 } });
    // The role is done and nothing else holds the thread: it ends without being terminated.
    expect(await exited).toBe(0);
  });

  it('not taken, is ended; every thread is offered', async () => {
    const offered: Worker[] = [];
    const exits: Array<Promise<number>> = [];
    await collect((cb) => parseAll(jobs, 1 << 20, cb, { workers: 2, batchSize: 3, workerUrl, keep: (w) => (offered.push(w), exits.push(new Promise((resolve) => w.once('exit', resolve))), false) }));
    expect(offered).toHaveLength(2);
    await Promise.all(exits);
    expect(offered.every((w) => w.threadId === -1)).toBe(true);
  });
});

describe('ParseThreads (started before the jobs are known)', () => {
  it('are taken by parseAll, which gives what this thread gives and ends the threads it does not need', async () => {
    const here = await collect((cb) => parseAll(jobs, 1 << 20, cb, { workers: 0, batchSize: 5 }));
    const threads = ParseThreads.start(10_000, workerUrl);
    expect(threads).not.toBeNull();
    const early = await collect((cb) => parseAll(jobs, 1 << 20, cb, { workers: 1, batchSize: 3, workerUrl, threads }));
    expect(lastStats).toEqual({ workerBatches: 15, localBatches: 0 });
    expect(early).toEqual(here);
    // Every thread was taken or ended: none is left for another parse.
    expect(threads!.take()).toBeNull();
  });

  it("grow to the count the walk has found so far (a small load's threads first, more past it)", async () => {
    const threads = ParseThreads.start(8_192, workerUrl);
    const taken: Array<{ terminate(): Promise<number> }> = [];
    const takeAll = (): number => {
      let n = 0;
      for (let w = threads!.take(); w !== null; w = threads!.take()) taken.push(w), (n += 1);
      return n;
    };
    try {
      expect(threads).not.toBeNull();
      threads!.grow(10_000);
      expect(takeAll()).toBe(workerCount(10_000));
      // Taken threads are not started again; a bigger count starts only the difference.
      threads!.grow(10_000);
      expect(takeAll()).toBe(0);
      threads!.grow(100_000);
      expect(takeAll()).toBe(workerCount(100_000) - workerCount(10_000));
    } finally {
      threads?.close();
      await Promise.all(taken.map((w) => w.terminate()));
    }
  });

  it('start none for fewer files than threads pay for, nor without a built script', () => {
    expect(ParseThreads.start(1_999, workerUrl)).toBeNull();
    expect(ParseThreads.start(10_000, null)).toBeNull();
  });

  it('that died before they were taken are skipped, and the files parsed all the same', async () => {
    const crashing = pathToFileURL(path.join(root, 'crash-early.mjs'));
    fs.writeFileSync(crashing, 'throw new Error("worker down");\n');
    const threads = ParseThreads.start(10_000, crashing)!;
    // Give them the time to die.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const here = await collect((cb) => parseAll(jobs, 1 << 20, cb, { workers: 0 }));
    const survived = await collect((cb) => parseAll(jobs, 1 << 20, cb, { workers: 2, batchSize: 4, workerUrl: crashing, threads }));
    expect(survived).toEqual(here);
    expect(threads.take()).toBeNull();
  });
});

describe('workerCount', () => {
  it.each([
    [0, 0],
    [100, 0],
    [1_999, 0],
  ])('%i jobs -> %i workers (starting one costs more than it saves)', (n, expected) => {
    expect(workerCount(n)).toBe(expected);
  });

  it.each([2_000, 10_000, 100_000])('%i jobs -> between 1 and 4 workers', (n) => {
    const count = workerCount(n);
    expect(count).toBeGreaterThanOrEqual(1);
    expect(count).toBeLessThanOrEqual(Math.min(4, os.availableParallelism()));
  });

  it.each([
    [2, 10_000, 1],
    [2, 19_999, 1],
    [2, 20_000, 2],
    [2, 100_000, 2],
    [1, 10_000, 1],
    [4, 10_000, 3],
    [4, 100_000, 4],
    [8, 10_000, 4],
  ])('on %i cores, %i jobs -> %i workers (a small load leaves a core to its other work)', (cores, n, expected) => {
    expect(workerCount(n, undefined, cores)).toBe(expected);
  });
});

describe('shareWorthIt', () => {
  it.each([
    [1, 2, 0.4, true],
    [1, 2, 1.9, true],
    [1, 2, 2.0, false],
    [1, 2, 12, false],
    [2, 2, 0, false],
    [1, 1, 0, false],
    [3, 4, 1, true],
  ])('%i parse threads on %i cores at load %d -> %s (a core left over, and no other work for it)', (threads, cores, load, expected) => {
    expect(shareWorthIt(threads, cores, load)).toBe(expected);
  });
});

describe('StatWorker', () => {
  it('gives exactly what statPaths gives on this thread, for files, a directory and a missing path', async () => {
    const paths = [...jobs.map((j) => j.path), root, path.join(root, 'nope.md')];
    const worker = StatWorker.start();
    expect(worker).not.toBeNull();
    const stats = await worker!.stat(paths);
    const here = statPaths(paths);
    expect(stats).toEqual(here);
    const first = fs.statSync(jobs[0].path);
    expect(Array.from(here.subarray(0, STAT_FIELDS))).toEqual([first.size, first.mtimeMs, first.dev, first.ino]);
    // The folder and the missing path are marked as not regular files.
    expect(here[(paths.length - 2) * STAT_FIELDS]).toBe(-1);
    expect(here[(paths.length - 1) * STAT_FIELDS]).toBe(-1);
  });

  it('answers an empty list', async () => {
    expect(await StatWorker.start()!.stat([])).toEqual(new Float64Array(0));
  });

  // Enough paths for several chunks, so the two threads really split them.
  const many = (): string[] => Array.from({ length: 1_300 }, (_, i) => (i % 7 === 6 ? path.join(root, `missing-${i}.md`) : jobs[i % jobs.length].path));

  it('shared with this thread, gives exactly what statPaths gives', async () => {
    const paths = many();
    const shared = StatWorker.start()!.share(paths);
    expect(Array.from(await shared.finish())).toEqual(Array.from(statPaths(paths)));
  });

  it('shared, still gives every stat when the thread is gone before it could help', async () => {
    const paths = many();
    const worker = StatWorker.start()!;
    worker.close();
    const shared = worker.share(paths);
    expect(Array.from(await shared.finish())).toEqual(Array.from(statPaths(paths)));
  });
});

describe('parseBatch', () => {
  it("writes each article's folded body into the batch's buffer, back to back, as long as its record says", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-batch-'));
    try {
      const texts: Record<string, string | Buffer> = {
        'ascii.md': '---\ntitle: Plain\n---\nBitcoin ROSE, Ether FELL.\n',
        'accents.md': '---\ntitle: Caf\u00e9\n---\n\u00c9T\u00c9 \u00e0 S\u00e3o Paulo, \u0141\u00f3d\u017a.\n',
        'binary.md': Buffer.from([0x2d, 0x00, 0x01]),
        // An ASCII file whose cut line ends with a multi-byte `…`: its body is not ASCII any more.
        'long.md': `---\ntitle: Long\n---\n${'AbC'.repeat(LIMITS.maxLineLength)}\nEnd\n`,
        'ascii-front.md': '---\ntitle: T\u00eate\n---\nASCII body, accented title.\n',
      };
      const batchJobs = Object.entries(texts).map(([name, text]) => {
        fs.writeFileSync(path.join(dir, name), text);
        return { path: path.join(dir, name), relPath: name, folderName: 'x' };
      });
      const reply = parseBatch({ batch: 0, jobs: batchJobs, cap: 1 << 20, withBody: true });
      let offset = 0;
      const bodies = Buffer.from(reply.bodies);
      reply.outcomes.forEach((o, k) => {
        const file = batchJobs[k].path;
        const parsed = parseArticle(fs.readFileSync(file), { path: file, relPath: batchJobs[k].relPath, size: fs.statSync(file).size, mtimeMs: 0, folderName: 'x' }, 0);
        expect(o.ok).toBe(parsed.ok);
        if (!o.ok || !parsed.ok) return;
        const folded = Buffer.from(foldBody(parsed.article.body), 'utf8');
        expect(o.record[R.bodyLength]).toBe(folded.length);
        expect(bodies.subarray(offset, offset + folded.length).equals(folded)).toBe(true);
        offset += folded.length;
      });
      expect(offset).toBe(bodies.length);
      expect(bodies.toString('utf8')).toContain('ete a sao paulo, lodz.');
      // Without bodies: none written, and every record says 0.
      const bare = parseBatch({ batch: 1, jobs: batchJobs, cap: 1 << 20, withBody: false });
      expect(bare.bodies.byteLength).toBe(0);
      for (const o of bare.outcomes) if (o.ok) expect(o.record[R.bodyLength]).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('parseBatchInPieces', () => {
  it('gives what parseBatch gives, with the event loop run between its pieces', async () => {
    const whole = parseBatch({ batch: 4, jobs, cap: 1 << 20, withBody: true });
    for (const piece of [1, 5, 1000]) {
      let turns = 0;
      let turning = true;
      const turn = (): void => void (turning && (turns++, setImmediate(turn)));
      setImmediate(turn);
      const reply = await parseBatchInPieces({ batch: 4, jobs, cap: 1 << 20, withBody: true }, piece);
      turning = false;
      expect(reply.batch).toBe(4);
      expect(reply.outcomes).toEqual(whole.outcomes);
      expect(Buffer.from(reply.bodies).equals(Buffer.from(whole.bodies))).toBe(true);
      // One piece: no turn of the loop waited for; 44 files in pieces of 1 or 5: at least one turn between two pieces.
      if (piece === 1000) expect(turns).toBe(0);
      else expect(turns).toBeGreaterThanOrEqual(Math.ceil(jobs.length / piece) - 1);
    }
  });
});

describe('parseBatch with large bodies', () => {
  it('gives every body whole when a batch holds more than its scratch buffer keeps, batch after batch', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-batch-big-'));
    try {
      // About 9.5 MiB of bodies in one batch, each file under the cap (past the 1 MiB the thread starts with and the 8 MiB
      // it keeps), accented ones among them, then a small batch after it.
      const line = (k: number, accent: boolean): string => `Line ${k} of a Long BODY ${accent ? 'Ça Coûte Cher' : 'plain'} ${'x'.repeat(80)}\n`;
      const big = Array.from({ length: 10 }, (_, i) => {
        const name = `big${i}.md`;
        fs.writeFileSync(path.join(dir, name), `---\ntitle: Big ${i}\n---\n${Array.from({ length: 8000 }, (_, k) => line(k, i % 3 === 1)).join('')}`);
        return { path: path.join(dir, name), relPath: name, folderName: 'x' };
      });
      fs.writeFileSync(path.join(dir, 'small.md'), '---\ntitle: Small\n---\nSmall BODY, \u00e9t\u00e9.\n');
      const small = [{ path: path.join(dir, 'small.md'), relPath: 'small.md', folderName: 'x' }];
      for (const batch of [big, small, big.slice(0, 3), small]) {
        const reply = parseBatch({ batch: 0, jobs: batch, cap: 1 << 20, withBody: true });
        const bodies = Buffer.from(reply.bodies);
        let offset = 0;
        reply.outcomes.forEach((o, k) => {
          const parsed = parseArticle(fs.readFileSync(batch[k].path), { path: batch[k].path, relPath: batch[k].relPath, size: fs.statSync(batch[k].path).size, mtimeMs: 0, folderName: 'x' }, 0);
          if (!o.ok || !parsed.ok) throw new Error(`expected ${batch[k].relPath} to parse`);
          const folded = Buffer.from(foldBody(parsed.article.body), 'utf8');
          expect(o.record[R.bodyLength]).toBe(folded.length);
          expect(bodies.subarray(offset, offset + folded.length).equals(folded)).toBe(true);
          offset += folded.length;
        });
        expect(offset).toBe(bodies.length);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('outcomesJson', () => {
  it('spells the outcomes as JSON.stringify does and says where each record is', () => {
    const outcomes = jobs.map((job) => parseFile(job, 1 << 20, false).outcome);
    // Strings JSON escapes: quotes, backslashes, controls, the line separators, lone surrogates.
    const odd = { ...(outcomes[0] as Extract<FileOutcome, { ok: true }>) };
    odd.record = [...odd.record] as typeof odd.record;
    odd.record[2] = 'a "quoted" \\ title\u2028\u2029\ud800 — ünïcode';
    odd.lead = 'lead with "quotes"\n';
    // Text that spells the keys around a record (outcomesJson finds the records by them).
    const spoof = { ...odd, record: [...odd.record] as typeof odd.record };
    spoof.record[2] = '],"lead":"x"}, {"ok":true,"record":["';
    spoof.record[9] = ['{"ok":true,"record":[', '],"lead":', '\\'];
    spoof.lead = '{"ok":true,"record":["a"],"lead":"b"}';
    const failed: FileOutcome = { ok: false, reason: 'could not parse: {"ok":true,"record":[1],"lead":""}', inode: null };
    const all = [odd, failed, spoof, ...outcomes];
    const { json, spans } = outcomesJson(all);
    expect(json).toBe(JSON.stringify(all));
    all.forEach((o, k) => {
      if (!o.ok) return expect([spans[2 * k], spans[2 * k + 1]]).toEqual([-1, -1]);
      expect(json.slice(spans[2 * k], spans[2 * k + 1])).toBe(JSON.stringify(o.record));
    });
    expect(all.filter((o) => !o.ok)).toHaveLength(5);
    expect(outcomesJson([])).toEqual({ json: '[]', spans: new Int32Array(0) });
  });
});
