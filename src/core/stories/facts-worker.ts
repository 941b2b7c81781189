// The worker thread that computes a corpus's facts (facts.ts) off the UI thread: it takes the
// inputs in chunks (so the UI thread serialises a few thousand articles at a time, between
// keystrokes), computes once they are all in, and hands the typed arrays back by transfer.
import { parentPort, workerData } from 'node:worker_threads';
import { computeFacts, factsBuffers, type Facts, type FactsInput } from './facts.js';

/** workerData.role of this worker, so importing the module elsewhere starts nothing. */
export const FACTS_WORKER_ROLE = 'crypto-news-tui:facts';

/** UI thread -> worker: more inputs (ids continue the previous chunk's), or compute now. */
export type FactsRequest = { kind: 'inputs'; inputs: FactsInput[] } | { kind: 'compute'; group: boolean };
/** Worker -> UI thread: the facts, or why there are none. */
export type FactsReply = { kind: 'facts'; facts: Facts } | { kind: 'error'; message: string };

if (parentPort && (workerData as { role?: unknown } | null)?.role === FACTS_WORKER_ROLE) {
  const port = parentPort;
  let inputs: FactsInput[] = [];
  port.on('message', (request: FactsRequest) => {
    if (request.kind === 'inputs') {
      for (const input of request.inputs) inputs.push(input);
      return;
    }
    try {
      const facts = computeFacts(inputs, request.group);
      inputs = [];
      port.postMessage({ kind: 'facts', facts } satisfies FactsReply, factsBuffers(facts));
    } catch (error) {
      port.postMessage({ kind: 'error', message: error instanceof Error ? error.message : String(error) } satisfies FactsReply);
    }
  });
}
