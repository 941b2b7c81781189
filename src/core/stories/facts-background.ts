// Computing a loaded corpus's facts (facts.ts) without holding up the UI thread: the inputs go to
// a worker thread a chunk at a time, each chunk after any waiting input has been read, and the
// worker does the seconds of coin detection and grouping. Where the built worker script is
// missing (tests run the TypeScript sources) the facts are computed here instead.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Article } from '../article.js';
import { computeFacts, type Facts, type FactsInput } from './facts.js';
import { FACTS_WORKER_ROLE, type FactsReply, type FactsRequest, type FactsStore } from './facts-worker.js';
import { storyDoc } from './story-doc.js';

/** Below this many articles the facts are computed on the calling thread. */
export const MIN_FOR_WORKER = 500;
/** Inputs posted per message: ~1-2 MB to serialise, a few ms of the UI thread each. */
export const FACTS_CHUNK = 4_000;

/** The facts input of one article. */
export function factsInput(a: Article): FactsInput {
  return { ...storyDoc(a), path: a.path, sourceLabel: a.source, tags: a.tags, coinFields: a.coinFields ?? [], sentiment: a.sentiment };
}

/** The built worker script next to this module, or null when running from sources. */
function workerUrl(): URL | null {
  const url = new URL('./facts-worker.js', import.meta.url);
  return fs.existsSync(fileURLToPath(url)) ? url : null;
}

// Workers left running to store their facts in the index; each is terminated once it has.
const storing = new Set<Worker>();
const STORE_GRACE_MS = 30_000;
function keepForStore(worker: Worker): void {
  storing.add(worker);
  // Storing is a few MB written by SQLite; past the grace time something is wrong: stop it.
  const timer = setTimeout(() => void worker.terminate(), STORE_GRACE_MS);
  timer.unref();
  worker.once('exit', () => {
    clearTimeout(timer);
    storing.delete(worker);
  });
}

/**
 * A fingerprint of the corpus as loaded: every article's path, size and mtime in id order
 * (sha-1, hex). Hashed in chunks between keys; null when stopped.
 */
export async function corpusFingerprint(article: (id: number) => Article, n: number, stop: () => boolean = () => false): Promise<string | null> {
  const hash = createHash('sha1').update(`${n}\n`);
  for (let start = 0; start < n; start += 20_000) {
    for (let id = start; id < Math.min(n, start + 20_000); id++) {
      const a = article(id);
      hash.update(`${a.path}\0${a.size}\0${a.mtimeMs}\n`);
    }
    await yieldToInput();
    if (stop()) return null;
  }
  return hash.digest('hex');
}

// Two turns of the event loop: input that arrived meanwhile is read in between (after-input.ts's rule).
const yieldToInput = (): Promise<void> => new Promise((resolve) => setImmediate(() => setImmediate(resolve)));

/** Options of factsInBackground. */
export interface BackgroundOptions {
  /** Asked between chunks; true stops the work (the dashboard closed) and resolves null. */
  shouldStop?: () => boolean;
  /** The worker script; null computes on this thread. Defaults to the built one when present. */
  worker?: URL | null;
  /** Group stories (default true); false leaves every article its own story (`--no-group`). */
  group?: boolean;
  /** The on-disk index to keep the facts in between runs (index/stories-table.ts); null or absent: none. */
  cacheFile?: string | null;
}

/**
 * The facts of articles 0..n-1 (`article(id)`), computed on a worker thread. Resolves null when
 * stopped; rejects when the worker fails (the caller then does without the facts).
 */
export async function factsInBackground(article: (id: number) => Article, n: number, opts: BackgroundOptions = {}): Promise<Facts | null> {
  const stop = opts.shouldStop ?? (() => false);
  // A small corpus is done here at once (~0.1 ms an article): a worker's start-up costs more, and
  // the first frame already shows its stories.
  const url = opts.worker === undefined ? (n < MIN_FOR_WORKER ? null : workerUrl()) : opts.worker;
  if (!url) {
    const inputs: FactsInput[] = [];
    for (let start = 0; start < n; start += FACTS_CHUNK) {
      for (let id = start; id < Math.min(n, start + FACTS_CHUNK); id++) inputs.push(factsInput(article(id)));
      await yieldToInput();
      if (stop()) return null;
    }
    return computeFacts(inputs, opts.group ?? true);
  }
  const worker = new Worker(url, { workerData: { role: FACTS_WORKER_ROLE } });
  // The worker never keeps the program alive: a dashboard that ends mid-computation just exits.
  worker.unref();
  // Replies in order; a worker that fails or exits rejects what is awaited (and, stopped midway,
  // what nobody awaits any more is not an unhandled rejection).
  const replies: FactsReply[] = [];
  let waiting: { resolve: (r: FactsReply) => void; reject: (e: unknown) => void } | null = null;
  let failed: unknown = null;
  worker.on('message', (r: FactsReply) => (waiting ? (waiting.resolve(r), (waiting = null)) : replies.push(r)));
  const fail = (error: unknown): void => {
    failed ??= error;
    waiting?.reject(error);
    waiting = null;
  };
  worker.once('error', fail);
  worker.once('exit', (code) => fail(new Error(`the facts worker exited (${code})`)));
  const next = (): Promise<FactsReply> =>
    replies.length ? Promise.resolve(replies.shift()!) : failed ? Promise.reject(failed) : new Promise((resolve, reject) => (waiting = { resolve, reject }));
  try {
    let store: FactsStore | null = null;
    if (opts.cacheFile) {
      const fingerprint = await corpusFingerprint(article, n, stop);
      if (fingerprint === null) return null;
      store = { file: opts.cacheFile, mode: opts.group === false ? 'flat' : 'grouped', fingerprint };
      worker.postMessage({ kind: 'lookup', store, n } satisfies FactsRequest);
      const found = await next();
      if (found.kind === 'facts') return found.facts;
      if (stop()) return null;
    }
    for (let start = 0; start < n; start += FACTS_CHUNK) {
      const inputs: FactsInput[] = [];
      for (let id = start; id < Math.min(n, start + FACTS_CHUNK); id++) inputs.push(factsInput(article(id)));
      worker.postMessage({ kind: 'inputs', inputs } satisfies FactsRequest);
      await yieldToInput();
      if (stop()) return null;
    }
    worker.postMessage({ kind: 'compute', group: opts.group ?? true, store } satisfies FactsRequest);
    const answer = await next();
    if (answer.kind !== 'facts') throw new Error(answer.kind === 'error' ? answer.message : 'the facts worker had no answer');
    // The worker goes on to store what it computed: it is left to finish (it ends itself), and
    // being unref'ed it never holds the program open.
    if (store) keepForStore(worker);
    return answer.facts;
  } finally {
    if (!storing.has(worker)) void worker.terminate();
  }
}
