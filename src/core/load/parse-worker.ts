// One parse worker thread, and the per-file work it does (also run on the main thread when no
// worker is worth starting). A worker reads and parses a batch of files and posts back only
// plain metadata records plus one transferable buffer of lower-cased bodies: posting whole
// Article objects back cost ~3 s per 100k files (perf-notes), more than the parse itself.

import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { splitInode, toRecord, type ArticleRecord } from '../article-record.js';
import { parseArticle, parseBody } from './parse.js';
import { readCappedSync, threadRole } from '../files/index.js';

export { STAT_FIELDS, statInto, statPaths } from '../files/index.js';
import { foldBody, foldBodyAscii, leadParagraph } from '../text/index.js';
import type { PackedTexts } from '../index/index.js';

/** A file to parse, as the walk found it. */
export interface ParseJob {
  path: string;
  relPath: string;
  folderName: string;
}

/** What became of one file: a record (its inode and body length inside) and lead paragraph, or why it was skipped. */
export type FileOutcome =
  | { ok: true; record: ArticleRecord; lead: string }
  | { ok: false; reason: string; inode: string | null };

/** One file parsed, with its folded UTF-8 body when it is an article and the body was asked for. */
export interface ParsedFile {
  outcome: FileOutcome;
  lowerBody: Buffer | null;
  /** The record as JSON (JSON.stringify(record)'s text) when a thread's reply carried it (outcomesJson), else absent. */
  recordJson?: string;
}

// One file parsed for a batch: its body folded, kept as a string until the batch's buffer is
// made (parseBatch), and that string's UTF-8 length.
interface FileParse {
  outcome: FileOutcome;
  folded: string | null;
  bytes: number;
  ascii: boolean;
}

// Each file is read here when it fits (readCappedSync's `into`): parseArticle keeps none of its bytes.
const READ_INTO = 256 << 10;
let readInto: Buffer | null = null;

function parseOne(job: ParseJob, cap: number, withBody: boolean): FileParse {
  const read = readCappedSync(job.path, cap, (readInto ??= Buffer.allocUnsafeSlow(READ_INTO)));
  if (read.kind === 'skip') return { outcome: { ok: false, reason: read.reason, inode: null }, folded: null, bytes: 0, ascii: true };
  const info = { path: job.path, relPath: job.relPath, size: read.size, mtimeMs: read.mtimeMs, folderName: job.folderName };
  const parsed = parseArticle(read.bytes, info, 0, true);
  if (!parsed.ok) return { outcome: { ok: false, reason: parsed.reason, inode: read.inode }, folded: null, bytes: 0, ascii: true };
  // toRecord reads the metadata's fields alone: the article is passed as it is, not copied
  // without its body, front matter and cover (an object rest copy per file).
  const article = parsed.article;
  const lead = leadParagraph(article.body);
  if (!withBody) return { outcome: { ok: true, record: toRecord(article, read.inode, 0, parsed.warnings), lead }, folded: null, bytes: 0, ascii: true };
  // Folded as search holds a body (text/fold.ts foldBody); the index tokenises these bytes for FTS. An
  // ASCII body (most) folds to ASCII, one byte a character: no UTF-8 length to count.
  const { folded, ascii } = foldBodyAscii(article.body, parsed.ascii);
  const bytes = ascii ? folded.length : Buffer.byteLength(folded, 'utf8');
  return { outcome: { ok: true, record: toRecord(article, read.inode, bytes, parsed.warnings), lead }, folded, bytes, ascii };
}

/**
 * Reads and parses one file synchronously; with `withBody` false the body is not folded nor
 * returned (the record's bodyLength is then 0): a load writing the list first needs only the
 * metadata and the lead. Never throws.
 */
export function parseFile(job: ParseJob, cap: number, withBody = true): ParsedFile {
  const { outcome, folded } = parseOne(job, cap, withBody);
  return { outcome, lowerBody: folded === null ? null : Buffer.from(folded, 'utf8') };
}

/** Request to a worker: parse these files; `withBody` false leaves the bodies out (see parseFile). */
export interface BatchRequest {
  batch: number;
  jobs: ParseJob[];
  cap: number;
  withBody?: boolean;
}

/** Reply from a worker: outcomes in job order; bodies of the articles concatenated in that order (none when not asked for). */
export interface BatchReply {
  batch: number;
  outcomes: FileOutcome[];
  /**
   * The outcomes as JSON, in place of `outcomes` (then empty) when the reply crosses threads:
   * one string is copied, where a structured clone copies every value of every record, and the
   * receiver can hand the same string on (a cold load's rows, index/text-build.ts).
   */
  json?: string;
  /** With `json`: where each outcome's record sits in it (outcomesJson), so the receiver stores it without JSON.stringify again. */
  spans?: Int32Array;
  bodies: ArrayBuffer;
  withBody: boolean;
}

/**
 * The outcomes as one JSON string, the same text as JSON.stringify(outcomes), and where each
 * article's record sits in it: json.slice(spans[2k], spans[2k + 1]) is JSON.stringify of
 * outcome k's record (-1, -1 for a file that failed). A cold load stores every record as JSON in
 * the index (index/store.ts): at 100k, stringifying them again on the load's thread took ~6-9 us
 * a row, half of a row's write.
 */
export function outcomesJson(outcomes: readonly FileOutcome[]): { json: string; spans: Int32Array } {
  // One JSON.stringify of the whole batch: ~2.8 us a file, where one call per record and per lead
  // and the string joined from their pieces took ~5.4 (10k corpus, warm).
  const json = JSON.stringify(outcomes);
  const spans = new Int32Array(outcomes.length * 2).fill(-1);
  // The records are found again in the text by the keys around them (parseFile's outcome is
  // {ok, record, lead}, in that order). Neither marker can occur inside a JSON string, where every
  // quote is escaped, nor elsewhere: the first opens an outcome object, and in the second a
  // string followed by a colon is a key, which no array holds, so it closes the record.
  let at = 0;
  for (let k = 0; k < outcomes.length; k++) {
    if (!outcomes[k].ok) continue;
    const start = json.indexOf(RECORD_OPENS, at) + RECORD_OPENS.length - 1;
    const end = json.indexOf(RECORD_CLOSES, start) + 1;
    spans[2 * k] = start;
    spans[2 * k + 1] = end;
    at = end;
  }
  return { json, spans };
}
const RECORD_OPENS = '{"ok":true,"record":[';
const RECORD_CLOSES = '],"lead":';

// The batch's folded bodies, written back to back as each file is parsed, so that each folded
// string is garbage at once rather than held (with the rest of the batch's) until the batch's
// buffer is made: what a scavenge finds alive, it copies. Grown when a batch needs more; one
// grown past SCRATCH_KEPT is let go after its batch.
const SCRATCH = 1 << 20;
const SCRATCH_KEPT = 8 << 20;
let scratch: Buffer | null = null;

// A batch as it is parsed, file by file, into the thread's scratch (one batch at a time per thread).
class BatchParse {
  readonly outcomes: FileOutcome[] = [];
  private total = 0;
  private readonly withBody: boolean;

  constructor(private readonly request: BatchRequest) {
    this.withBody = request.withBody ?? true;
  }

  add(job: ParseJob): void {
    const f = parseOne(job, this.request.cap, this.withBody);
    this.outcomes.push(f.outcome);
    if (f.folded === null) return;
    const total = this.total;
    let into = (scratch ??= Buffer.allocUnsafeSlow(SCRATCH));
    if (total + f.bytes > into.length) {
      into = Buffer.allocUnsafeSlow(Math.max(total + f.bytes, 2 * into.length));
      scratch.copy(into, 0, 0, total);
      scratch = into;
    }
    // Latin-1 writes an ASCII string's bytes as they are, what UTF-8 would write, without encoding them.
    into.write(f.folded, total, f.bytes, f.ascii ? 'latin1' : 'utf8');
    this.total = total + f.bytes;
  }

  reply(): BatchReply {
    const total = this.total;
    // A fresh ArrayBuffer, not Node's shared pool nor the scratch, so it can be transferred without copying.
    const bodies = new ArrayBuffer(total);
    if (scratch !== null) {
      new Uint8Array(bodies).set(scratch.subarray(0, total));
      if (scratch.length > SCRATCH_KEPT) scratch = null;
    }
    return { batch: this.request.batch, outcomes: this.outcomes, bodies, withBody: this.withBody };
  }
}

/** Parses a batch into outcomes and one buffer holding every article's body, back to back. */
export function parseBatch(request: BatchRequest): BatchReply {
  const parse = new BatchParse(request);
  for (const job of request.jobs) parse.add(job);
  return parse.reply();
}

/**
 * parseBatch's reply, the event loop run after every `piece` files (>= 1): for a thread that
 * parses a share while other work comes to it. One such parse at a time per thread (they share
 * the thread's scratch buffer); no parseBatch meanwhile.
 */
export async function parseBatchInPieces(request: BatchRequest, piece: number): Promise<BatchReply> {
  const parse = new BatchParse(request);
  const { jobs } = request;
  for (let k = 0; k < jobs.length; k++) {
    parse.add(jobs[k]);
    if ((k + 1) % piece === 0 && k + 1 < jobs.length) await new Promise((resolve) => setImmediate(resolve));
  }
  return parse.reply();
}

/** A file the index holds a row for, with the stamp the row recorded (index/store.ts's FileStamp). */
export interface BodyJob {
  path: string;
  size: number;
  mtime: number;
  dev: number;
  ino: number;
}

/**
 * The folded body (text/fold.ts) of the file `job` names, read with the cap `cap`; null when the
 * file is no longer the one its row recorded (size, mtime, device, inode) or no longer parses.
 * The front matter is not parsed again (parse.ts's parseBody) unless only a full parse can tell
 * where the body starts. Never throws.
 */
export function foldedBodyOf(job: BodyJob, cap: number): string | null {
  const read = readCappedSync(job.path, cap);
  if (read.kind === 'skip') return null;
  const [dev, ino] = splitInode(read.inode);
  if (read.size !== job.size || read.mtimeMs !== job.mtime || dev !== job.dev || ino !== job.ino) return null;
  let body = parseBody(read.bytes, read.size);
  if (body === null) {
    const info = { path: job.path, relPath: path.basename(job.path), size: read.size, mtimeMs: read.mtimeMs, folderName: path.basename(path.dirname(job.path)) };
    const parsed = parseArticle(read.bytes, info, 0);
    if (!parsed.ok) return null;
    body = parsed.article.body;
  }
  return foldBody(body);
}

/** A pending row of the index, for its text: the file's stamp and the row's stored article JSON. */
export interface PendingJob extends BodyJob {
  article: string;
}

/** Request to a worker: the FTS5 texts of these pending rows (foldedBodyOf, then the index's pendingText). */
export interface TextsRequest {
  batch: number;
  texts: PendingJob[];
  cap: number;
}

/** Reply: the texts in job order, packed (the index's PackedTexts; null: no text). */
export interface TextsReply extends PackedTexts {
  batch: number;
}

/** Marks the threads started by parse-pool, so importing this module anywhere else (a test runner's own worker) does nothing. */
export const WORKER_ROLE = 'crypto-news-tui:parse';

/**
 * Request to a thread whose parse is over: run the thread script `script` (a URL's href) here, as
 * a thread started from it with `data` as its workerData would (files/thread-script.ts
 * threadRole); `data` may carry ports (transferred with the request). The thread then takes no
 * more requests and ends when that role's work does: a cold load's text build (text-thread.ts)
 * spares a new thread's start (~50 ms of CPU, and of wall after the list at 10k).
 */
export interface HandOverRequest {
  handOver: { script: string; data: unknown };
}

// The parse thread's listener, once a thread: a script handed over to (the text build's bundle)
// may carry this module too, and its copy must not listen as well.
const LISTENING = Symbol.for('crypto-news-tui:parse-thread-listening');
const thread = globalThis as { [LISTENING]?: true };

if (parentPort && (workerData as { role?: unknown } | null)?.role === WORKER_ROLE && !thread[LISTENING]) {
  thread[LISTENING] = true;
  const port = parentPort;
  // The index face (SQLite, the coin tables) is loaded at the first texts request only: a thread
  // parsing a cold load's files never needs it. A failure to load it ends the thread (an
  // unhandled rejection), and the text build makes the batches on its own thread (text-worker.ts).
  let texts: Promise<typeof import('../index/index.js')> | null = null;
  const onRequest = (request: BatchRequest | TextsRequest | HandOverRequest): void => {
    if ('handOver' in request) {
      // The role listens on the port itself; the thread ends once it is done (nothing else holds it).
      // A role that cannot be loaded ends the thread at once: the caller sees it exit.
      void threadRole(request.handOver.script)
        .then((role) => {
          port.off('message', onRequest);
          return role.runHere(port, request.handOver.data);
        })
        .catch(() => process.exit(1));
      return;
    }
    if ('texts' in request) {
      texts ??= import('../index/index.js');
      void texts.then(({ packTexts, pendingText }) => {
        const packed = packTexts(request.texts.map((job) => pendingText(job, foldedBodyOf(job, request.cap))));
        const reply: TextsReply = { batch: request.batch, ...packed };
        port.postMessage(reply, [reply.bytes, reply.lengths.buffer as ArrayBuffer]);
      });
      return;
    }
    const reply = parseBatch(request);
    const { json, spans } = outcomesJson(reply.outcomes);
    port.postMessage({ ...reply, outcomes: [], json, spans } satisfies BatchReply, [reply.bodies, spans.buffer as ArrayBuffer]);
  };
  port.on('message', onRequest);
}
