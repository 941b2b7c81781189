// Computing a loaded corpus's facts (facts.ts) without holding up the UI thread: the inputs go to
// a worker thread a chunk at a time, each chunk after any waiting input has been read, and the
// worker does the seconds of coin detection and grouping. Where the built worker script is
// missing (tests run the TypeScript sources) the facts are computed here instead.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Article } from '../article.js';
import { computeFacts, type Facts, type FactsInput } from './facts.js';
import { FACTS_WORKER_ROLE, type FactsReply, type FactsRequest } from './facts-worker.js';
import { storyDoc } from './story-doc.js';

/** Below this many articles the facts are computed on the calling thread. */
export const MIN_FOR_WORKER = 500;
/** Inputs posted per message: ~1-2 MB to serialise, a few ms of the UI thread each. */
export const FACTS_CHUNK = 4_000;

/** The facts input of one article. */
export function factsInput(a: Article): FactsInput {
  return { ...storyDoc(a), sourceLabel: a.source, tags: a.tags, coinFields: a.coinFields ?? [], sentiment: a.sentiment };
}

/** The built worker script next to this module, or null when running from sources. */
function workerUrl(): URL | null {
  const url = new URL('./facts-worker.js', import.meta.url);
  return fs.existsSync(fileURLToPath(url)) ? url : null;
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
  try {
    const reply = new Promise<FactsReply>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the facts worker exited (${code})`)));
    });
    // Stopped before the answer, the worker is terminated and its exit rejects this: nobody waits then.
    reply.catch(() => undefined);
    for (let start = 0; start < n; start += FACTS_CHUNK) {
      const inputs: FactsInput[] = [];
      for (let id = start; id < Math.min(n, start + FACTS_CHUNK); id++) inputs.push(factsInput(article(id)));
      worker.postMessage({ kind: 'inputs', inputs } satisfies FactsRequest);
      await yieldToInput();
      if (stop()) return null;
    }
    worker.postMessage({ kind: 'compute', group: opts.group ?? true } satisfies FactsRequest);
    const answer = await reply;
    if (answer.kind === 'error') throw new Error(answer.message);
    return answer.facts;
  } finally {
    void worker.terminate();
  }
}
