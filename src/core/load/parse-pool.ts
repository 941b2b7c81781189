// Spreads a cold parse over worker threads. Batches go out a few at a time per worker (so no
// worker idles waiting for its next batch) and come back as records plus one transferred buffer
// of bodies, in whatever order they finish; the caller puts them back in walk order. Small jobs,
// or a build where the worker script is missing (tests run the TypeScript sources), are parsed
// on this thread in slices that yield to the event loop, so a UI stays responsive either way.

import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { R } from '../article-record.js';
import { threadScript } from '../files/index.js';
import { loosenHeapFlags, startWithDefaultFlags } from '../heap-flags.js';
import { compileWithoutInlining } from '../jit-flags.js';
import { parseBatch, parseBatchInPieces, WORKER_ROLE, type BatchReply, type BatchRequest, type FileOutcome, type ParsedFile, type ParseJob } from './parse-worker.js';

export type { ParseJob, ParsedFile } from './parse-worker.js';
// The stat thread lives with the walk (files/); re-exported for the loader's modules and tests.
export { STAT_FIELDS, StatWorker, type SharedStat } from '../files/index.js';

/** How to parse: worker count (0 = this thread), worker script, files per batch, whether bodies come back (default true), threads started ahead. */
export interface PoolOptions {
  workers?: number;
  /** Threads already started (ParseThreads): used before any new one is started; those left over are ended. */
  threads?: ParseThreads | null;
  workerUrl?: URL;
  batchSize?: number;
  withBody?: boolean;
  /**
   * False: TurboFan does not inline while the threads parse (core/jit-flags.ts), for a load that does
   * little else meanwhile (a cold one). The flag is the process's, so the UI thread of a dashboard
   * reading bodies ahead (search/body-preload.ts) keeps V8's default.
   */
  inlining?: boolean;
  /**
   * Whether this thread parses batches too, from the threads' queue, while it waits for their
   * replies: 'always', 'when idle' (shareWorthIt: the threads leave a core and the machine is
   * idle), or never (default).
   */
  shareHere?: 'always' | 'when idle';
  /** With shareHere: this thread's share begins once this settles (parseAhead: once the batches have their handler). */
  shareFrom?: Promise<unknown>;
  /** Offered each live thread done with its batches, before it is ended: true takes it, its replies no longer read here (a text build runs on it: parse-worker.ts HandOverRequest). */
  keep?: (worker: Worker) => boolean;
}

/**
 * Called once per finished batch (in any order) with the index of its first job, the outcomes as JSON with each record's span in
 * it when a thread parsed them (parse-worker.ts outcomesJson), and the buffer the files' bodies are views of (the caller may transfer it on, and then read no body).
 */
export type BatchHandler = (start: number, files: ParsedFile[], json: { json: string; spans: Int32Array } | null, bodies: ArrayBuffer) => void;

// Files per batch. A reply's records are one JSON string (outcomesJson), ~860 two-byte characters a file: past 128 KiB V8 makes it
// a large object, pages of its own mapped, faulted in and unmapped on each thread that holds it. At 256 files (~440 KB) 20k files
// parsed as a cold 100k load does took 3.1 s of CPU and 44k page faults, at 64 (~110 KB) 2.4 s and 20k (BENCHMARKS.md, 18th round).
const DEFAULT_BATCH = 64;
// Batches a thread holds: with 2 a cold 10k load's thread idled 20-30% (this thread read replies late); 6 keep it
// busy (cold list, alternating pairs: 10k 516-557 against 555-606 ms, 100k 2.40-2.49 against 2.63-2.71 s).
const IN_FLIGHT_PER_WORKER = 6;
const HERE_PIECE = 32; // files parsed here between looks at the threads' replies, when this thread shares the parse (~2-5 ms cold)
const MIN_JOBS_FOR_WORKERS = 2_000; // below it, a worker's start (~50 ms to load the parser) costs more than it saves
// Below this many files a load leaves a core to its other work: the list made from the replies on the load's thread, V8's compiler
// and GC threads, the text build's thread. Each parse thread pays its start and a warm-up (its first ~2,000 files at 2-5x the warm
// cost, and V8's threads compiling its code): a cold 10k load on two cores took ~25% less CPU until the list with one parse thread
// than with two (BENCHMARKS.md, the 10k cold list's twelfth round), while the one thread's ~0.7 s is about what two threads' work
// shared with the rest took of both cores.
const SMALL_LOAD = 20_000;

/** The built worker script next to this module (its bundle when built), or null when running from sources. */
export function defaultWorkerUrl(): URL | null {
  return threadScript(new URL('./parse-worker.js', import.meta.url));
}

/** Worker threads worth starting for this many jobs on this machine: one core left to the rest of a small load's work. */
export function workerCount(jobs: number, batchSize = DEFAULT_BATCH, cores = os.availableParallelism()): number {
  if (jobs < MIN_JOBS_FOR_WORKERS) return 0;
  return Math.max(1, Math.min(jobs < SMALL_LOAD ? cores - 1 : cores, 4, Math.ceil(jobs / batchSize)));
}

/**
 * Whether the load's own thread should parse a share beside `threads` parse threads: when they
 * leave a core (a small load's one thread on two cores) and the machine has no other work for
 * it (1-minute load average below the core count). On an idle two-core machine a cold 10k list
 * came ~6% sooner for ~8% more CPU (its parse code warmed up and compiled a second time); on a
 * busy one that CPU is taken from the rest of the load and from the machine's other work, and
 * one parse thread gave the list sooner (BENCHMARKS.md, the 10k cold list's fourteenth round).
 */
export function shareWorthIt(threads: number, cores = os.availableParallelism(), load = os.loadavg()[0]): boolean {
  return threads < cores && load < cores;
}

/**
 * Parse threads started before their jobs are known: a cold load starts them as soon as its walk
 * has found enough files (load.ts), so that their start-up (an isolate and the parser's modules,
 * ~50 ms of CPU each, more before the first batches run warm) overlaps the rest of the walk and
 * the index's creation instead of following them. parseAll takes them (`threads`) and ends those
 * it does not need.
 */
export class ParseThreads {
  // Threads started in all, taken ones included.
  private started = 0;

  private constructor(
    private readonly workers: Worker[],
    private readonly url: URL,
  ) {}

  /** As many threads as workerCount gives for `jobs` files; null when there are none to start (too few files, no built script). */
  static start(jobs: number, url: URL | null = defaultWorkerUrl()): ParseThreads | null {
    if (!url) return null;
    const threads = new ParseThreads([], url);
    threads.grow(jobs);
    return threads.workers.length > 0 ? threads : null;
  }

  /**
   * Starts the threads workerCount gives for `jobs` files (the walk's count so far) beyond those
   * started (taken or not): a walk that finds more files than a small load's starts a second thread.
   */
  grow(jobs: number): void {
    const count = workerCount(jobs) - this.started;
    if (count <= 0) return;
    // With V8's default flags while they start (core/heap-flags.ts): Node's internals then come
    // from its code cache instead of being compiled again by each thread.
    const made = startWithDefaultFlags(() => {
      const workers: Worker[] = [];
      try {
        for (let i = 0; i < count; i++) {
          const worker = new Worker(this.url, { workerData: { role: WORKER_ROLE } });
          // Until parseAll listens, a thread that fails is only left out (take skips it), and one
          // never taken (the load failed first) keeps no process alive.
          worker.on('error', () => {});
          worker.unref();
          workers.push(worker);
        }
      } catch {
        // Threads that cannot be started now will not be started by parseAll either; it parses here.
      }
      return workers;
    });
    this.started += made.length;
    this.workers.push(...made);
  }

  /** A started thread still running, for parseAll, or null when none is left. */
  take(): Worker | null {
    for (let w = this.workers.pop(); w !== undefined; w = this.workers.pop()) {
      // threadId is -1 once the thread has stopped, before its 'exit' event (which parseAll would miss).
      if (w.threadId !== -1) return w.ref(), w;
    }
    return null;
  }

  /** Ends the threads not taken. */
  close(): void {
    for (const w of this.workers.splice(0)) void w.terminate();
  }
}

function splitReply(reply: BatchReply): ParsedFile[] {
  let offset = 0;
  const outcomes = reply.json === undefined ? reply.outcomes : (JSON.parse(reply.json) as FileOutcome[]);
  const { json, spans } = reply;
  return outcomes.map((outcome, k) => {
    // A slice of the reply's string: no copy, and the record's JSON for the index as it is.
    const recordJson = json !== undefined && spans !== undefined && spans[2 * k] >= 0 ? json.slice(spans[2 * k], spans[2 * k + 1]) : undefined;
    if (!outcome.ok || !reply.withBody) return { outcome, lowerBody: null, recordJson };
    const length = outcome.record[R.bodyLength];
    const lowerBody = Buffer.from(reply.bodies, offset, length);
    offset += length;
    return { outcome, lowerBody, recordJson };
  });
}

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Where the batches were parsed: on worker threads or on this thread. */
export interface PoolStats {
  workerBatches: number;
  localBatches: number;
}

async function parseHere(batches: BatchRequest[], onBatch: BatchHandler, batchSize: number, stats: PoolStats): Promise<PoolStats> {
  for (const request of batches) {
    const reply = parseBatch(request);
    onBatch(request.batch * batchSize, splitReply(reply), null, reply.bodies);
    stats.localBatches += 1;
    await yieldToLoop();
  }
  return stats;
}

/** Parses every job (reads included), handing results back batch by batch. Never rejects on a bad file. */
export async function parseAll(jobs: readonly ParseJob[], cap: number, onBatch: BatchHandler, opts: PoolOptions = {}): Promise<PoolStats> {
  const stats: PoolStats = { workerBatches: 0, localBatches: 0 };
  const batchSize = Math.max(1, opts.batchSize ?? DEFAULT_BATCH);
  const batches: Array<BatchRequest | null> = [];
  for (let start = 0; start < jobs.length; start += batchSize) {
    batches.push({ batch: batches.length, jobs: jobs.slice(start, start + batchSize), cap, withBody: opts.withBody ?? true });
  }
  const url = opts.workerUrl ?? defaultWorkerUrl();
  const count = url ? Math.min(opts.workers ?? workerCount(jobs.length, batchSize), batches.length) : 0;
  // The batches hold every job now; the caller's list need not live as long as the parse.
  jobs = [];
  const started: Worker[] = [];
  while (started.length < count) {
    const worker = opts.threads?.take();
    if (!worker) break;
    started.push(worker);
  }
  opts.threads?.close();
  if (count === 0 || !url) return parseHere(batches as BatchRequest[], onBatch, batchSize, stats);

  let next = 0;
  const orphans: BatchRequest[] = [];
  const runWorker = (): Promise<void> =>
    new Promise((resolve) => {
      const worker = started.pop() ?? new Worker(url, { workerData: { role: WORKER_ROLE } });
      const inFlight = new Map<number, BatchRequest>();
      let settled = false;
      const finish = (died: boolean): void => {
        if (settled) return;
        settled = true;
        // A worker that died leaves its batches to this thread; nothing is lost.
        orphans.push(...inFlight.values());
        inFlight.clear();
        if (!died && opts.keep?.(worker) === true) worker.off('message', onReply); // its error listener stays (a no-op now): never unhandled
        else void worker.terminate();
        resolve();
      };
      const onEnd = (): void => finish(true);
      const feed = (): void => {
        while (inFlight.size < IN_FLIGHT_PER_WORKER && next < batches.length) {
          const request = batches[next] as BatchRequest;
          // Held by inFlight until answered, then by nothing: at a million files the requests'
          // job lists (and the walk entries they name) would otherwise outlive their parse.
          batches[next++] = null;
          inFlight.set(request.batch, request);
          worker.postMessage(request);
        }
        if (inFlight.size === 0) finish(false);
      };
      const onReply = (reply: BatchReply): void => {
        inFlight.delete(reply.batch);
        stats.workerBatches += 1;
        onBatch(reply.batch * batchSize, splitReply(reply), reply.json !== undefined && reply.spans !== undefined ? { json: reply.json, spans: reply.spans } : null, reply.bodies);
        feed();
      };
      worker.on('message', onReply);
      worker.on('error', onEnd);
      worker.on('exit', onEnd);
      feed();
    });
  // This thread takes batches from the same queue while it waits for the threads' replies (a slow
  // side never holds the others' batches), each in pieces, so that a reply that comes meanwhile
  // is taken within a piece's time.
  const runHere = async (): Promise<void> => {
    await opts.shareFrom;
    while (next < batches.length) {
      const request = batches[next] as BatchRequest;
      batches[next++] = null;
      const reply = await parseBatchInPieces(request, HERE_PIECE);
      stats.localBatches += 1;
      onBatch(request.batch * batchSize, splitReply(reply), null, reply.bodies);
    }
  };
  const shareHere = opts.shareHere === 'always' || (opts.shareHere === 'when idle' && shareWorthIt(count));
  // Many files parsed on threads while this thread makes their articles: the heap's bounds are
  // loosened meanwhile (core/heap-flags.ts), which at 100k took ~13% of the load's CPU off.
  const restoreHeap = loosenHeapFlags();
  // And TurboFan does not inline meanwhile, when asked: the threads' warm-up is mostly its compiling (core/jit-flags.ts).
  const restoreJit = opts.inlining === false ? compileWithoutInlining() : () => {};
  await Promise.all([...Array.from({ length: count }, runWorker), ...(shareHere ? [runHere()] : [])]).finally(() => (restoreHeap(), restoreJit()));
  // Batches no worker got to (every worker died) are parsed here too.
  for (let i = next; i < batches.length; i++) orphans.push(batches[i] as BatchRequest);
  return parseHere(orphans, onBatch, batchSize, stats);
}

/**
 * parseAll started now, its batches held until drain() names their handler: a cold load's parse
 * begins as its walk ends, while the load opens the index (~10-25 ms at 10k) and sets up what the
 * batches go to. drain() hands on the batches held and the rest as they come, and settles as
 * parseAll does; with `withBody` false where the parse was started with bodies, each file is given
 * as a parse without them gives it (record's bodyLength 0, no body, no JSON).
 */
export function parseAhead(jobs: readonly ParseJob[], cap: number, opts: PoolOptions): { drain(onBatch: BatchHandler, withBody: boolean): Promise<PoolStats> } {
  const held: Parameters<BatchHandler>[] = [];
  let handler: BatchHandler = (...batch) => void held.push(batch);
  // This thread's share waits for drain(): parsing here meanwhile, it answered the threads' replies late, and they waited for batches.
  let drained = (): void => {};
  const done = parseAll(jobs, cap, (...batch) => handler(...batch), { ...opts, shareFrom: new Promise<void>((resolve) => (drained = resolve)) });
  return {
    drain(onBatch, withBody) {
      drained();
      handler = withBody || opts.withBody === false ? onBatch : (start, files, _json, bodies) => onBatch(start, files.map(withoutBody), null, bodies);
      for (const batch of held.splice(0)) handler(...batch);
      return done;
    },
  };
}

const withoutBody = ({ outcome }: ParsedFile): ParsedFile => (outcome.ok && (outcome.record[R.bodyLength] = 0), { outcome, lowerBody: null });
