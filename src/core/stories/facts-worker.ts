// The facts worker: the thread that holds a corpus's facts (facts-engine.ts) for the dashboard's
// whole session, so neither computing them nor counting over them ever runs on the UI thread. With
// an on-disk index it reconciles the corpus with the facts kept there per article file
// (facts-store.ts): it reads from the index (indexed-inputs.ts), or asks the UI thread for, the
// inputs of only the articles whose facts are missing or stale, and of those whose stories must
// be grouped again, hands a copy of the facts back by transfer and writes what changed. The inputs
// are what the UI thread's factsInput gives (no lead: a loaded article's body stays on disk), so
// the stories are those `--filter` and `--no-cache` group. Without one it takes every article's inputs in chunks and computes. Then it answers,
// until closed: the pulse and hot order of a result (only the newest request waiting is answered:
// an older one is superseded), and live updates (articles added and gone: their facts computed,
// the stories they touch regrouped, their rows written), after which it hands the facts back.
import { parentPort, workerData } from 'node:worker_threads';
import { runThreadInBackground } from '../background-priority.js';
import { buildStamp } from '../build-stamp.js';
import { errorMessage } from '../error-message.js';
import { collectGarbageSoon } from '../collect-garbage.js';
import { articleFacts, factsBuffers, type ArticleFacts, type Facts, type FactsInput } from './facts.js';
import { FactsEngine, type Counted, type FactsChange, type FactsProgress } from './facts-engine.js';
import { assemble, changeRows, readStored, rowsToWrite, type Stamp } from './facts-store.js';
import { assembleSnapshot, decodeSnapshot, encodeSnapshot, positionsOf, staleIds, type FactsSnapshot } from './facts-snapshot.js';
import { computeInChunks, progressEvery, STREAM_FROM } from './facts-stream.js';
import { pageFacts } from './facts-warm.js';
import { inputsFromIndex, stampsFromIndex } from './indexed-inputs.js';

/** workerData.role of this worker, so importing the module elsewhere starts nothing. */
export const FACTS_WORKER_ROLE = 'crypto-news-tui:facts';

/** workerData of the facts worker. */
export interface FactsWorkerData {
  role: typeof FACTS_WORKER_ROLE;
  /** Group stories (false: `--no-group`). */
  group: boolean;
  /** From this many articles on, a first computation goes a chunk at a time (default STREAM_FROM). */
  streamFrom?: number;
}

/**
 * UI thread -> worker: the corpus's files in id order (chunks), or the articles' index rows (the
 * worker reads their files, stamps and inputs from the index; `sent` holds the stamps of those
 * without a row); reconcile them with the index at `file`; the facts of the warm start's page (facts-warm.ts); inputs (of the `ids` asked for, or continuing the previous chunk's when null); done
 * sending what was asked; compute from the inputs (no index); count a result; apply a live
 * update; close (after what is under way, writing included).
 */
export type FactsRequest =
  | { kind: 'stamps'; stamps: Stamp[] }
  | { kind: 'rows'; rowIds: Int32Array; sent: Array<[id: number, stamp: Stamp]> }
  | { kind: 'reconcile'; file: string }
  | { kind: 'warm'; file: string; rowIds: Int32Array }
  | { kind: 'inputs'; inputs: FactsInput[]; ids: Int32Array | null }
  | { kind: 'continue' }
  | { kind: 'compute' }
  | { kind: 'count'; seq: number; ids: Int32Array; hot: boolean; now: number }
  | { kind: 'change'; change: FactsChange }
  | { kind: 'close' };
/** Worker -> UI thread: the facts, no usable index (send every input and compute), the inputs it needs, why there are none, a count, or how far a first computation got. */
export type FactsReply =
  | { kind: 'facts'; facts: Facts; stored: boolean }
  | { kind: 'miss' }
  | { kind: 'need'; ids: Int32Array }
  | { kind: 'error'; message: string }
  | { kind: 'counted'; seq: number; counted: Counted }
  | { kind: 'progress'; progress: FactsProgress };

// The build of the code that computes the facts (core/build-stamp.ts): other code may compute
// other facts from the same files, so rows of another build are not used.
const codeStamp = (): string => buildStamp('facts', new URL('./facts.js', import.meta.url));

// This thread's heap is a few MB and its arrays are off it, so V8 seldom collects them: a count over
// a million ids leaves ~25 MB (the ids, hot order's scores, dates and order), which piled up to
// 80-130 MB at 1M after typing a word (collect-garbage.ts). Collected after each count from this
// many ids (a few ms of this thread, none of the UI's) and after the requests that leave a
// corpus's worth of arrays behind (facts read, computed or updated, and a copy handed over).
export const COLLECT_FROM = 50_000;
const COLLECT_AFTER = new Set<FactsRequest['kind']>(['warm', 'reconcile', 'compute', 'change']);

// How often a first computation says how far it got: each time, the dashboard counts its result again.
const PROGRESS_MS = 2_000;

if (parentPort && (workerData as { role?: unknown } | null)?.role === FACTS_WORKER_ROLE) {
  // Background work: keys typed as a big list filled waited for a core while this thread counted.
  runThreadInBackground();
  const port = parentPort;
  const engine = new FactsEngine((workerData as FactsWorkerData).group);
  let stamps: Stamp[] = [];
  // The articles' index rows when the UI thread sent them instead of stamps ('rows').
  let indexed: { rowIds: Int32Array; sent: Map<number, Stamp> } | null = null;
  let inputs: FactsInput[] = [];
  // Inputs asked for by id, and the reconciliation waiting for them.
  let asked = new Map<number, FactsInput>();
  let answered: (() => void) | null = null;
  // The newest count asked for and not answered yet; an older one waiting is dropped.
  let counting: Extract<FactsRequest, { kind: 'count' }> | null = null;
  // The index the facts were reconciled with: where live updates' leads are read and rows written.
  let indexFile: string | null = null;
  // The snapshot the warm start's page was read from, for the load's reconciliation that follows.
  let warmSnap: FactsSnapshot | null = null;
  const send = (facts: Facts, stored: boolean): void => port.postMessage({ kind: 'facts', facts, stored } satisfies FactsReply, factsBuffers(facts));
  const answerCount = (): void => {
    const request = counting;
    counting = null;
    if (!request) return;
    const counted = engine.count(request.ids, request.hot, request.now);
    port.postMessage({ kind: 'counted', seq: request.seq, counted } satisfies FactsReply, counted.hot ? [counted.hot.buffer as ArrayBuffer] : []);
    // Also while a first computation runs: its heap stays small, so its own allocations do not make V8 collect either.
    if (request.ids.length >= COLLECT_FROM) collectGarbageSoon();
  };
  // The inputs of `ids` from the UI thread (which sends them, then 'continue').
  const needFromUi = (ids: readonly number[]): Promise<Map<number, FactsInput>> => {
    if (ids.length === 0) return Promise.resolve(new Map());
    asked = new Map();
    port.postMessage({ kind: 'need', ids: Int32Array.from(ids) } satisfies FactsReply);
    return new Promise((resolve) => (answered = () => resolve(asked)));
  };
  // The inputs of `ids`: read from the index when the articles' rows are known, the rest from the UI thread.
  const need = async (ids: readonly number[], file: string): Promise<Map<number, FactsInput>> => {
    if (!indexed) return needFromUi(ids);
    const got = inputsFromIndex(file, indexed.rowIds, ids);
    const rest = ids.filter((id) => !got.has(id));
    if (rest.length) (await needFromUi(rest)).forEach((input, id) => got.set(id, input));
    return got;
  };
  // The articles' index rows and the snapshot of the facts by row (facts-snapshot.ts): only the
  // articles it does not hold are computed, only the stories that changed are grouped again, and
  // no per-file row or stamp is read (at 1M articles those took minutes and gigabytes). Only a run
  // that groups writes one (`--no-group` reads a grouped one and ignores its stories), so every
  // snapshot's stories are groupings.
  // Groups again the stories of `ids`, from their inputs: those in `got`, the rest read (and added to it).
  const regroupStories = async (ids: readonly number[], got: Map<number, FactsInput>, file: string): Promise<void> => {
    if (ids.length === 0) return;
    (await need(ids.filter((id) => !got.has(id)), file)).forEach((input, id) => got.set(id, input));
    engine.regroup(ids, ids.map((id) => got.get(id)!));
  };
  const fromSnapshot = async (snap: FactsSnapshot, pos: Int32Array /* positionsOf */, stale: number[], rowIds: Int32Array, file: string): Promise<Uint8Array | null> => {
    const n = rowIds.length;
    const got = await need(stale, file);
    const computed = new Map<number, ArticleFacts>();
    got.forEach((input, id) => computed.set(id, articleFacts(input)));
    const regroup = assembleSnapshot(snap, pos, computed, engine);
    await regroupStories(regroup, got, file);
    send(engine.snapshot(), stale.length === 0);
    return engine.grouping && (stale.length || regroup.length || snap.rows.length !== n) ? encodeSnapshot(engine.facts, rowIds) : null;
  };
  const reconcile = async (file: string): Promise<void> => {
    const { FactsTable } = await import('../index/index.js');
    const table = FactsTable.open(file, codeStamp());
    const snap = table && indexed ? (warmSnap ?? decodeSnapshot(table.snapshot())) : null;
    warmSnap = null;
    const streamFrom = (workerData as FactsWorkerData).streamFrom ?? STREAM_FROM;
    const pos = snap && indexed ? positionsOf(snap, indexed.rowIds, indexed.rowIds.length) : null;
    const stale = pos ? staleIds(pos) : [];
    // A snapshot of other rows (the index's rows written again: a new parser's, every row a new id)
    // is no better than none: the inputs of a million stale articles at once took 4-5 GB here.
    if (table && indexed && snap && pos && stale.length < streamFrom) {
      const rowIds = indexed.rowIds;
      indexFile = file;
      try {
        const data = await fromSnapshot(snap, pos, stale, rowIds, file);
        if (data) table.writeSnapshot(data);
      } finally {
        table.close();
        indexed = null;
      }
      return;
    }
    if (indexed && indexed.rowIds.length >= streamFrom) {
      // No snapshot (or a stale one) over a big folder: computed a chunk at a time (facts-stream.ts), every
      // input read from the index, and kept as a snapshot only (a million per-file rows would
      // take longer to write and to read back than to compute). Also when the table would not open:
      // on a first start the text build's CREATE INDEX can hold the index past the busy timeout
      // (~95 s at 1M under load; WAL reads do not wait), and a million inputs sent by the UI thread
      // took 10+ min and 2.7 GB instead. The snapshot is written if the table opens by the end.
      const rowIds = indexed.rowIds;
      indexFile = file;
      let keep = table;
      try {
        await computeInChunks(engine, rowIds.length, (ids) => need(ids, file), () => new Promise((resolve) => setImmediate(resolve)), undefined, progressEvery(PROGRESS_MS, (progress) => port.postMessage({ kind: 'progress', progress } satisfies FactsReply)), file);
        send(engine.snapshot(), false);
        keep ??= engine.grouping ? FactsTable.open(file, codeStamp()) : null;
        if (engine.grouping) keep?.writeSnapshot(encodeSnapshot(engine.facts, rowIds));
      } finally {
        keep?.close();
        indexed = null;
      }
      return;
    }
    if (indexed) stamps = stampsFromIndex(file, indexed.rowIds, indexed.sent) ?? [];
    // Without the stamps of every article (no usable index), the UI thread sends every input.
    if (!table || (indexed && stamps.length !== indexed.rowIds.length)) {
      table?.close();
      indexed = null;
      return port.postMessage({ kind: 'miss' } satisfies FactsReply);
    }
    indexFile = file;
    try {
      const { stale, rows: stored } = readStored(table, stamps);
      const got = await need(stale, file);
      const computed = new Map<number, ArticleFacts>();
      const compute = (more: Map<number, FactsInput>): void => more.forEach((input, id) => (got.set(id, input), computed.set(id, articleFacts(input))));
      compute(got);
      let assembled = assemble(stored, stamps, computed, engine);
      while ('unreadable' in assembled) {
        compute(await need(assembled.unreadable, file));
        assembled = assemble(stored, stamps, computed, engine);
      }
      const regroup = assembled.regroup;
      await regroupStories(regroup, got, file);
      send(engine.snapshot(), stale.length === 0);
      table.write(rowsToWrite(engine.facts, stamps, computed, regroup, engine.grouping));
      table.keepOnly(stamps.map((s) => s[0]));
      // With the articles' rows known, the next start reads the facts back from one snapshot.
      if (indexed && engine.grouping) table.writeSnapshot(encodeSnapshot(engine.facts, indexed.rowIds));
    } finally {
      table.close();
      stamps = [];
      indexed = null;
    }
  };
  // A live update's rows: the added articles' facts and stories, the regrouped ones' stories, removed files' rows deleted.
  const writeChange = async (change: FactsChange, touched: readonly number[], first: number): Promise<void> => {
    if (!indexFile) return;
    const { FactsTable } = await import('../index/index.js');
    const table = FactsTable.open(indexFile, codeStamp());
    if (!table) return;
    try {
      table.write(...changeRows(change, touched, first, engine.facts, engine.grouping));
    } finally {
      table.close();
    }
  };
  const handle = async (request: FactsRequest): Promise<void> => {
    switch (request.kind) {
      case 'stamps':
        for (const stamp of request.stamps) stamps.push(stamp);
        return;
      case 'rows':
        indexed = { rowIds: request.rowIds, sent: new Map(request.sent) };
        return;
      case 'reconcile':
        return reconcile(request.file);
      case 'warm': {
        const page = pageFacts(request.file, codeStamp(), request.rowIds);
        warmSnap = page.snap;
        if (page.facts) return send(page.facts, true);
        return port.postMessage({ kind: 'error', message: 'no facts kept for the page' } satisfies FactsReply);
      }
      case 'compute':
        engine.compute(inputs);
        inputs = [];
        return send(engine.snapshot(), false);
      case 'change': {
        const first = engine.facts.n;
        const touched = engine.apply(request.change);
        send(engine.snapshot(), false);
        return writeChange(request.change, touched, first);
      }
      case 'close':
        port.close();
        return;
      default:
        return;
    }
  };
  // Requests are handled one at a time, in order; inputs, their end and counts are taken at once
  // (a reconciliation waits for the inputs it asked for).
  let queue = Promise.resolve();
  port.on('message', (request: FactsRequest) => {
    if (request.kind === 'inputs') {
      if (request.ids) request.inputs.forEach((input, k) => asked.set(request.ids![k], input));
      else for (const input of request.inputs) inputs.push(input);
      return;
    }
    if (request.kind === 'continue') {
      answered?.();
      answered = null;
      return;
    }
    if (request.kind === 'count') {
      // Answered once the messages already waiting are read: a newer count among them wins.
      if (!counting) setImmediate(answerCount);
      counting = request;
      return;
    }
    queue = queue
      .then(() => handle(request))
      .then(() => void (COLLECT_AFTER.has(request.kind) && collectGarbageSoon()))
      .catch((error: unknown) => port.postMessage({ kind: 'error', message: errorMessage(error) } satisfies FactsReply));
  });
}
