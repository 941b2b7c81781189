// The worker thread that computes a corpus's facts (facts.ts) off the UI thread. It first looks
// them up in the on-disk index (index/stories-table.ts) under the corpus's fingerprint; on a miss
// it takes the inputs in chunks, adds the lead paragraphs the index keeps (index/leads.ts) (so the UI thread serialises a few thousand articles at a time,
// between keystrokes), computes once they are all in, hands the typed arrays back by transfer,
// and then stores them in the index for the next start.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { computeFacts, factsBuffers, isFacts, type Facts, type FactsInput } from './facts.js';

/** workerData.role of this worker, so importing the module elsewhere starts nothing. */
export const FACTS_WORKER_ROLE = 'crypto-news-tui:facts';

/** Where the facts are kept: the index file, the grouping mode's row, and the corpus's fingerprint. */
export interface FactsStore {
  file: string;
  mode: string;
  fingerprint: string;
}

/**
 * UI thread -> worker: look the facts of `n` articles up; more inputs (ids continue the previous
 * chunk's); compute now (and store when `store` is given).
 */
export type FactsRequest =
  | { kind: 'lookup'; store: FactsStore; n: number }
  | { kind: 'inputs'; inputs: FactsInput[] }
  | { kind: 'compute'; group: boolean; store: FactsStore | null };
/** Worker -> UI thread: the facts (looked up or computed), a miss, or why there are none. */
export type FactsReply = { kind: 'facts'; facts: Facts; stored: boolean } | { kind: 'miss' } | { kind: 'error'; message: string };

// The build of the code that computes the facts: rebuilt code may compute other facts from the
// same files, so it is part of what names a stored row.
function codeStamp(): string {
  try {
    return String(fs.statSync(fileURLToPath(new URL('./facts.js', import.meta.url))).mtimeMs);
  } catch {
    return 'unknown';
  }
}

if (parentPort && (workerData as { role?: unknown } | null)?.role === FACTS_WORKER_ROLE) {
  const port = parentPort;
  let inputs: FactsInput[] = [];
  const key = (store: FactsStore): string => `${store.fingerprint}:${codeStamp()}`;
  port.on('message', (request: FactsRequest) => {
    void (async () => {
      if (request.kind === 'inputs') {
        for (const input of request.inputs) inputs.push(input);
        return;
      }
      // SQLite's module loads only when there is an index to use.
      const table = await import('../index/index.js');
      if (request.kind === 'lookup') {
        const stored = table.readStoredFacts(request.store.file, request.store.mode, key(request.store));
        if (isFacts(stored, request.n)) port.postMessage({ kind: 'facts', facts: stored, stored: true } satisfies FactsReply, factsBuffers(stored));
        else port.postMessage({ kind: 'miss' } satisfies FactsReply);
        return;
      }
      // A loaded article's body stays in its file, so its lead comes from the index, which keeps it.
      if (request.store && request.group && inputs.some((i) => i.lead === '')) {
        const { leadsFromIndex } = await import('../index/index.js');
        const leads = leadsFromIndex(request.store.file, inputs.map((i) => i.path));
        if (leads) inputs.forEach((input, k) => (input.lead ||= leads[k]));
      }
      const facts = computeFacts(inputs, request.group);
      inputs = [];
      // Stored from a copy: the arrays themselves are transferred away with the reply.
      const copy = request.store ? structuredClone(facts) : null;
      port.postMessage({ kind: 'facts', facts, stored: false } satisfies FactsReply, factsBuffers(facts));
      if (request.store && copy) {
        table.writeStoredFacts(request.store.file, request.store.mode, key(request.store), copy);
        // Its work is done: closing the port lets the thread end.
        port.close();
      }
    })().catch((error: unknown) => {
      port.postMessage({ kind: 'error', message: error instanceof Error ? error.message : String(error) } satisfies FactsReply);
    });
  });
}
