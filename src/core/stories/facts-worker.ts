// The facts worker: the thread that holds a corpus's facts (facts-engine.ts) for the dashboard's
// whole session, so neither computing them nor counting over them ever runs on the UI thread. It
// first looks them up in the on-disk index (index/stories-table.ts); on a miss it takes the
// inputs in chunks (the UI thread serialises a few thousand articles at a time, between keys),
// adds the lead paragraphs the index keeps (index/leads.ts), computes, hands a copy back by
// transfer and stores them for the next start. Then it answers, until closed: the pulse and hot
// order of a result (only the newest request waiting is answered: an older one is superseded), and
// live updates (articles added and gone), after which it hands the updated facts back.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { factsBuffers, isFacts, type Facts, type FactsInput } from './facts.js';
import { FactsEngine, type Counted, type FactsChange } from './facts-engine.js';

/** workerData.role of this worker, so importing the module elsewhere starts nothing. */
export const FACTS_WORKER_ROLE = 'crypto-news-tui:facts';

/** workerData of the facts worker. */
export interface FactsWorkerData {
  role: typeof FACTS_WORKER_ROLE;
  /** Group stories (false: `--no-group`). */
  group: boolean;
}

/** Where the facts are kept: the index file, the grouping mode's row, and the corpus's fingerprint. */
export interface FactsStore {
  file: string;
  mode: string;
  fingerprint: string;
}

/**
 * UI thread -> worker: look the facts of `n` articles up; more inputs (ids continue the previous
 * chunk's); compute now (and store when `store` is given); count a result; apply a live update;
 * close (after what is under way, storing included).
 */
export type FactsRequest =
  | { kind: 'lookup'; store: FactsStore; n: number }
  | { kind: 'inputs'; inputs: FactsInput[] }
  | { kind: 'compute'; store: FactsStore | null }
  | { kind: 'count'; seq: number; ids: Int32Array; hot: boolean; now: number }
  | { kind: 'change'; change: FactsChange }
  | { kind: 'close' };
/** Worker -> UI thread: the facts (looked up, computed or updated), a miss, why there are none, or a count. */
export type FactsReply =
  | { kind: 'facts'; facts: Facts; stored: boolean }
  | { kind: 'miss' }
  | { kind: 'error'; message: string }
  | { kind: 'counted'; seq: number; counted: Counted };

// The build of the code that computes the facts: rebuilt code may compute other facts from the
// same files, so it is part of what names a stored row.
function codeStamp(): string {
  try {
    return String(fs.statSync(fileURLToPath(new URL('./facts.js', import.meta.url))).mtimeMs);
  } catch {
    return 'unknown';
  }
}

// A loaded article's body stays in its file, so its lead comes from the index, which keeps it.
async function withLeads(file: string, inputs: FactsInput[]): Promise<void> {
  if (!inputs.some((i) => i.lead === '')) return;
  const { leadsFromIndex } = await import('../index/leads.js');
  const leads = leadsFromIndex(file, inputs.map((i) => i.path));
  if (leads) inputs.forEach((input, k) => (input.lead ||= leads[k]));
}

if (parentPort && (workerData as { role?: unknown } | null)?.role === FACTS_WORKER_ROLE) {
  const port = parentPort;
  const engine = new FactsEngine((workerData as FactsWorkerData).group);
  let inputs: FactsInput[] = [];
  // The newest count asked for and not answered yet; an older one waiting is dropped.
  let counting: Extract<FactsRequest, { kind: 'count' }> | null = null;
  // The index the facts were looked up in or stored to: where live updates' leads are read.
  let indexFile: string | null = null;
  const key = (store: FactsStore): string => `${store.fingerprint}:${codeStamp()}`;
  const send = (facts: Facts, stored: boolean): void => port.postMessage({ kind: 'facts', facts, stored } satisfies FactsReply, factsBuffers(facts));
  const answerCount = (): void => {
    const request = counting;
    counting = null;
    if (!request) return;
    const counted = engine.count(request.ids, request.hot, request.now);
    port.postMessage({ kind: 'counted', seq: request.seq, counted } satisfies FactsReply, counted.hot ? [counted.hot.buffer as ArrayBuffer] : []);
  };
  const handle = async (request: FactsRequest): Promise<void> => {
    switch (request.kind) {
      case 'inputs':
        for (const input of request.inputs) inputs.push(input);
        return;
      case 'count':
        // Answered once the messages already waiting are read: a newer count among them wins.
        if (!counting) setImmediate(answerCount);
        counting = request;
        return;
      case 'change':
        if (indexFile && engine.grouping) await withLeads(indexFile, [...request.change.added, ...request.change.context.map((c) => c.input)]);
        engine.apply(request.change);
        send(engine.snapshot(), false);
        return;
      case 'close':
        port.close();
        return;
      case 'lookup': {
        indexFile = request.store.file;
        // SQLite's module loads only when there is an index to use.
        const table = await import('../index/stories-table.js');
        const stored = table.readStoredFacts(request.store.file, request.store.mode, key(request.store));
        if (!isFacts(stored, request.n)) return port.postMessage({ kind: 'miss' } satisfies FactsReply);
        engine.adoptFacts(stored);
        return send(engine.snapshot(), true);
      }
      case 'compute': {
        indexFile = request.store?.file ?? null;
        if (request.store && engine.grouping) await withLeads(request.store.file, inputs);
        engine.compute(inputs);
        inputs = [];
        send(engine.snapshot(), false);
        if (request.store) {
          const table = await import('../index/stories-table.js');
          table.writeStoredFacts(request.store.file, request.store.mode, key(request.store), engine.facts);
        }
      }
    }
  };
  // Requests are handled one at a time, in order (a lookup's SQLite import is awaited before the next).
  let queue = Promise.resolve();
  port.on('message', (request: FactsRequest) => {
    queue = queue
      .then(() => handle(request))
      .catch((error: unknown) => {
        port.postMessage({ kind: 'error', message: error instanceof Error ? error.message : String(error) } satisfies FactsReply);
      });
  });
}
