// The corpus's facts (facts.ts) kept off the UI thread: a FactsService owns the facts worker
// (facts-worker.ts) for the dashboard's session. It hands the worker the inputs a chunk at a time
// (each chunk after any waiting input has been read), gets the facts back (looked up in the index
// or computed), and from then on asks it for the aggregate of each result (pulse and hot order:
// an answer superseded by a newer question resolves null) and hands it live updates. A small
// corpus, or one where the built worker script is missing (tests run the TypeScript sources), is
// served on this thread by the same engine; so is one whose worker failed, from the last facts.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Article } from '../article.js';
import { fileStamp, type Facts, type FactsInput } from './facts.js';
import { FactsEngine, type Counted, type FactsChange, type FactsProgress } from './facts-engine.js';
import { FACTS_WORKER_ROLE, type FactsReply, type FactsRequest, type FactsWorkerData } from './facts-worker.js';
import { factsInput } from './story-doc.js';

/** Below this many articles the facts are computed on the calling thread. */
export const MIN_FOR_WORKER = 500;
/** Inputs posted per message: ~1-2 MB to serialise, a few ms of the UI thread each. */
export const FACTS_CHUNK = 4_000;
const STAMP_CHUNK = 20_000; // file stamps a message (path, size and mtime: ~100 bytes each)
// A closed worker still storing its facts is given this long, then stopped.
const STORE_GRACE_MS = 30_000;

/** The built worker script next to this module, or null when running from sources. */
function workerUrl(): URL | null {
  const url = new URL('./facts-worker.js', import.meta.url);
  return fs.existsSync(fileURLToPath(url)) ? url : null;
}

// Two turns of the event loop: input that arrived meanwhile is read in between (after-input.ts's rule).
const yieldToInput = (): Promise<void> => new Promise((resolve) => setImmediate(() => setImmediate(resolve)));

/** Options of a FactsService. */
export interface BackgroundOptions {
  /** Asked between chunks; true stops the work (the dashboard closed) and load resolves null. */
  shouldStop?: () => boolean;
  /** The worker script; null serves on this thread. Defaults to the built one when present (and the corpus is not small). */
  worker?: URL | null;
  /** Group stories (default true); false leaves every article its own story (`--no-group`). */
  group?: boolean;
  /** The on-disk index whose per-article facts are used and kept up to date (index/stories-table.ts); null or absent: none. */
  cacheFile?: string | null;
  /** From this many articles on, the worker's first computation from the index goes a chunk at a time (facts-stream.ts; tests lower it). */
  streamFrom?: number;
}

/** A corpus's facts for one session, held on a worker thread (or this one). */
export class FactsService {
  private worker: Worker | null = null;
  private engine: FactsEngine | null = null;
  private latest: Facts | null = null;
  private failed: unknown = null;
  // Replies other than counts, in order, to the one operation awaiting them (operations run one at a time).
  private readonly replies: FactsReply[] = [];
  private waiting: { resolve: (r: FactsReply) => void; reject: (e: unknown) => void } | null = null;
  private readonly counts = new Map<number, (c: Counted | null) => void>();
  private seq = 0;
  private awaited = 0; // operations not settled yet (held)
  private chain: Promise<unknown> = Promise.resolve();
  private readonly stop: () => boolean;
  private readonly group: boolean;
  /** Hears how far the worker's first computation got (facts-stream.ts): counts can be asked for meanwhile, of the articles done. */
  onProgress: ((progress: FactsProgress) => void) | null = null;

  constructor(private readonly opts: BackgroundOptions = {}) {
    this.stop = opts.shouldStop ?? (() => false);
    this.group = opts.group ?? true;
  }

  /**
   * The facts of articles 0..n-1 (`article(id)`): looked up in the index or computed. With
   * `rowIds` (each article's row in the on-disk index, -1 for none: LoadResult.indexIds) the
   * worker reads the articles' files and inputs from the index itself, and this thread sends
   * only those of articles without a row. `made`: settles once article(id) answers for every id
   * (default: at once); until then only the worker's read of the index goes on. Null when
   * stopped; rejects when they could not be had.
   */
  load(article: (id: number) => Article, n: number, rowIds: Int32Array | null = null, made: Promise<unknown> = Promise.resolve()): Promise<Facts | null> {
    return this.serial(() => this.loadNow(article, n, rowIds, made));
  }

  /**
   * The facts of the warm start's page (articles 0..n-1 at index rows `rowIds`) from the facts
   * snapshot kept in the index (facts-warm.ts), on the worker; null when there is none, the
   * worker cannot start, or it stopped. Never rejects. Run before load(), whose reconciliation
   * then uses the snapshot read here.
   */
  warm(rowIds: Int32Array): Promise<Facts | null> {
    return this.serial(async () => {
      const url = this.opts.worker === undefined ? workerUrl() : this.opts.worker;
      if (!url || !this.opts.cacheFile || this.stop()) return null;
      try {
        if (!this.worker) this.start(url);
        this.post({ kind: 'warm', file: this.opts.cacheFile, rowIds });
        const r = await this.next();
        return r.kind === 'facts' ? r.facts : null;
      } catch {
        return null;
      }
    });
  }

  /** The pulse and (with `hot`) hot order of the result `ids`; null when a newer count superseded it or there are no facts. Never rejects. */
  count(ids: Int32Array, hot: boolean, now: number): Promise<Counted | null> {
    if (!this.worker) return Promise.resolve(this.engine ? this.engine.count(ids, hot, now) : null);
    const seq = ++this.seq;
    return this.held(new Promise((resolve) => {
      this.counts.set(seq, resolve);
      this.worker!.postMessage({ kind: 'count', seq, ids, hot, now } satisfies FactsRequest, [ids.buffer as ArrayBuffer]);
    }));
  }

  /** Applies a live update; resolves the updated facts (null once stopped or without facts). */
  change(change: FactsChange): Promise<Facts | null> {
    return this.serial(async () => {
      if (this.stop()) return null;
      if (this.worker) {
        try {
          this.worker.postMessage({ kind: 'change', change } satisfies FactsRequest);
          return this.took(await this.next());
        } catch {
          this.fallBack();
        }
      }
      if (!this.engine) return null;
      this.engine.apply(change);
      return (this.latest = this.engine.snapshot());
    });
  }

  /** Ends the session: the worker finishes storing what it computed (within a grace time), then ends. */
  close(): void {
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    worker.postMessage({ kind: 'close' } satisfies FactsRequest);
    setTimeout(() => void worker.terminate(), STORE_GRACE_MS).unref();
    for (const resolve of this.counts.values()) resolve(null);
    this.counts.clear();
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.held(this.chain.then(work, work));
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async loadNow(article: (id: number) => Article, n: number, rowIds: Int32Array | null, made: Promise<unknown>): Promise<Facts | null> {
    // A small corpus is done here (~0.1 ms an article; a worker's start-up costs more). A worker
    // the warm page started is used whatever the size: counts and live updates go to it (count(),
    // change()), so the facts must be the ones it holds.
    const url = this.worker ? null : this.opts.worker === undefined ? (n < MIN_FOR_WORKER ? null : workerUrl()) : this.opts.worker;
    if (url) this.start(url);
    // Only a worker that reads every article's row from the index starts before the articles are made.
    if (!this.worker || !this.opts.cacheFile || !rowIds || rowIds.length < n || rowIds.subarray(0, n).some((row) => row < 0)) await made;
    if (!this.worker) {
      const inputs: FactsInput[] = [];
      for (let start = 0; start < n; start += FACTS_CHUNK) {
        for (let id = start; id < Math.min(n, start + FACTS_CHUNK); id++) inputs.push(factsInput(article(id)));
        await yieldToInput();
        if (this.stop()) return null;
      }
      this.engine = new FactsEngine(this.group);
      return (this.latest = this.engine.compute(inputs));
    }
    if (this.opts.cacheFile && rowIds && rowIds.length >= n) {
      // The worker reads the files and inputs from the index; only articles without a row are sent.
      const sent: Array<[number, [string, string]]> = [];
      for (let id = 0; id < n; id++) {
        if (rowIds[id] >= 0) continue;
        const a = article(id);
        sent.push([id, [a.path, fileStamp(a.size, a.mtimeMs)]]);
      }
      this.post({ kind: 'rows', rowIds: rowIds.slice(0, n), sent });
    } else if (this.opts.cacheFile) {
      // The files in id order; the worker asks for the inputs of only the articles it must compute or regroup.
      for (let start = 0; start < n; start += STAMP_CHUNK) {
        const stamps: Array<[string, string]> = [];
        for (let id = start; id < Math.min(n, start + STAMP_CHUNK); id++) {
          const a = article(id);
          stamps.push([a.path, fileStamp(a.size, a.mtimeMs)]);
        }
        this.post({ kind: 'stamps', stamps });
        await yieldToInput();
        if (this.stop()) return null;
      }
    }
    if (this.opts.cacheFile) {
      this.post({ kind: 'reconcile', file: this.opts.cacheFile });
      for (let r = await this.next(); ; r = await this.next()) {
        if (r.kind === 'miss') break;
        if (r.kind !== 'need') return this.took(r);
        await made;
        for (let start = 0; start < r.ids.length; start += FACTS_CHUNK) {
          const ids = r.ids.slice(start, start + FACTS_CHUNK);
          this.post({ kind: 'inputs', ids, inputs: Array.from(ids, (id) => factsInput(article(id))) });
          await yieldToInput();
          if (this.stop()) return null;
        }
        this.post({ kind: 'continue' });
      }
    }
    await made;
    for (let start = 0; start < n; start += FACTS_CHUNK) {
      const inputs: FactsInput[] = [];
      for (let id = start; id < Math.min(n, start + FACTS_CHUNK); id++) inputs.push(factsInput(article(id)));
      this.post({ kind: 'inputs', inputs, ids: null });
      await yieldToInput();
      if (this.stop()) return null;
    }
    this.post({ kind: 'compute' });
    return this.took(await this.next());
  }

  private start(url: URL): void {
    this.failed = null; // a new worker: an earlier one's failure is not this one's
    const worker = new Worker(url, { workerData: { role: FACTS_WORKER_ROLE, group: this.group, streamFrom: this.opts.streamFrom } satisfies FactsWorkerData });
    this.worker = worker;
    worker.on('message', (r: FactsReply) => {
      if (r.kind === 'progress') this.onProgress?.(r.progress);
      else if (r.kind === 'counted') {
        // Every count asked before this one was superseded (the worker answers only the newest).
        for (const [seq, resolve] of this.counts) {
          if (seq > r.seq) continue;
          this.counts.delete(seq);
          resolve(seq === r.seq ? r.counted : null);
        }
      } else if (this.waiting) {
        this.waiting.resolve(r);
        this.waiting = null;
      } else this.replies.push(r);
    });
    const fail = (error: unknown): void => {
      if (this.worker !== worker) return;
      this.failed ??= error;
      this.waiting?.reject(error);
      this.waiting = null;
      for (const resolve of this.counts.values()) resolve(null);
      this.counts.clear();
      // Counting and live updates go on here, from the last facts the worker handed over.
      this.fallBack();
    };
    worker.once('error', fail);
    worker.once('exit', (code) => fail(new Error(`the facts worker exited (${code})`)));
    this.refer(); // after the 'message' listener: see held
  }

  // The worker keeps the program alive only while an operation awaits it (with no terminal, the
  // program would end with its promise unsettled); idle, never. Set after the 'message' listener:
  // a Worker's first one references its port again (setupPortReferencing, nodejs/node#53036).
  private held<T>(operation: Promise<T>): Promise<T> {
    this.refer(1);
    return operation.finally(() => this.refer(-1));
  }

  private refer(change = 0): void {
    this.awaited += change;
    if (this.awaited > 0) this.worker?.ref();
    else this.worker?.unref();
  }

  private fallBack(): void {
    const worker = this.worker;
    this.worker = null;
    void worker?.terminate();
    if (this.latest && !this.engine) {
      this.engine = new FactsEngine(this.group);
      this.engine.adoptFacts(this.latest);
    }
  }

  private post(request: FactsRequest): void {
    if (!this.worker) throw (this.failed ?? new Error('the facts worker is not running'));
    this.worker.postMessage(request);
  }

  private next(): Promise<FactsReply> {
    if (this.replies.length) return Promise.resolve(this.replies.shift()!);
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  private took(r: FactsReply): Facts {
    if (r.kind !== 'facts') throw new Error(r.kind === 'error' ? r.message : 'the facts worker had no answer');
    return (this.latest = r.facts);
  }
}

/** The facts of articles 0..n-1 for one use (`--filter`, tests): a service loaded, then closed. Null when stopped. */
export async function factsInBackground(article: (id: number) => Article, n: number, opts: BackgroundOptions = {}, rowIds: Int32Array | null = null): Promise<Facts | null> {
  const service = new FactsService(opts);
  try {
    return await service.load(article, n, rowIds);
  } finally {
    service.close();
  }
}
