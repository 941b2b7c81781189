// The FTS5 text of an article: its short fields as its stored row holds them, its folded body and
// the coins `coin:` finds it by. The text build makes it where the body is read (a thread of its
// own, load/text-worker.ts), so the thread writing the index only inserts; and it carries the body
// there as UTF-8 bytes, which the insert binds as they are (SQLite reads a BLOB's bytes as UTF-8
// text), so the writing thread never decodes a body into a string nor encodes it back. Nothing here
// opens SQLite: a parse thread can load this module.

import { isRecord, R, splitInode, type ArticleRecord } from '../article-record.js';
import { foldJoined, foldText } from '../text/index.js';
import { articleCoinSymbols, articleFields } from './columns.js';
import type { ArticleText, HandedBatch, HandedRow, MadeRow } from './store.js';

/**
 * The FTS5 text of an article (its short fields and its body, folded) and its coins. Every field is
 * folded as the search folds it (text/fold.ts): unicode61's remove_diacritics leaves ł ø đ ħ ı whole
 * (Unicode does not decompose them), so `tag:okonomi` would find no token in `Økonomi`.
 */
export function articleText(record: ArticleRecord, foldedBody: string): ArticleText {
  return {
    title: foldText(record[2]),
    description: foldText(record[3]),
    tags: foldJoined(record[R.tags]),
    source: foldJoined([record[R.source], record[R.sourceKey]]),
    category: foldJoined(record[R.categories]),
    body: foldedBody,
    coins: articleCoinSymbols(record, foldedBody),
  };
}

/**
 * The text of an article from its record and its folded body as UTF-8 bytes (a parse thread's
 * reply, load/parse-worker.ts), bound as they are. The body is decoded only when it holds a `$`:
 * without one it has no cashtag, and its coins are those of the record alone.
 */
export function handedText(record: ArticleRecord, foldedBody: Buffer): ArticleText {
  return { ...articleText(record, cashtagText(foldedBody)), body: foldedBody };
}

// A folded UTF-8 body as the text its cashtags are found in: '' when it holds no `$`.
const cashtagText = (foldedBody: Buffer): string => (foldedBody.includes(0x24) ? foldedBody.toString('utf8') : '');

/**
 * The text of a pending row (its stored article JSON, the path it was written for) with its
 * folded body; null when the body is null (the file changed or no longer parses) or the stored
 * JSON does not read back as this path's record (a row is data from disk, never trusted).
 */
export function pendingText(row: { path: string; article: string }, foldedBody: string | null): ArticleText | null {
  if (foldedBody === null) return null;
  let record: unknown;
  try {
    record = JSON.parse(row.article);
  } catch {
    return null;
  }
  if (!isRecord(record) || record[R.path] !== row.path) return null;
  return articleText(record, foldedBody);
}

/** A batch of texts as posted between threads: the short fields per row (null: no text), the bodies as UTF-8 back to back. */
export interface PackedTexts {
  texts: Array<Omit<ArticleText, 'body'> | null>;
  /** Each body's length in bytes, in row order (0 for a null text). */
  lengths: Int32Array;
  /** Transferable: the bodies' bytes. */
  bytes: ArrayBuffer;
}

/** Packs texts for posting (see PackedTexts); bodies given as strings are encoded once, here. */
export function packTexts(texts: ReadonlyArray<ArticleText | null>): PackedTexts {
  const lengths = new Int32Array(texts.length);
  texts.forEach((t, k) => {
    lengths[k] = t === null ? 0 : typeof t.body === 'string' ? Buffer.byteLength(t.body, 'utf8') : t.body.length;
  });
  const bytes = new ArrayBuffer(lengths.reduce((sum, n) => sum + n, 0));
  const out = Buffer.from(bytes);
  let offset = 0;
  const short = texts.map((t, k) => {
    if (t === null) return null;
    const { body, ...rest } = t;
    if (typeof body === 'string') out.write(body, offset, 'utf8');
    else out.set(body, offset);
    offset += lengths[k];
    return rest;
  });
  return { texts: short, lengths, bytes };
}

/** The texts of a PackedTexts, each body a view of the received bytes (no copy, no string). */
export function unpackTexts(packed: PackedTexts): Array<ArticleText | null> {
  let offset = 0;
  return packed.texts.map((t, k) => {
    const length = packed.lengths[k];
    const body = Buffer.from(packed.bytes, offset, length);
    offset += length;
    return t === null ? null : { ...t, body };
  });
}

// Each outcome of a handed batch that is an article and has a reserved id, in order: its id, record,
// lead, body (a view of the batch's bodies, no copy; null when the batch carries none) and record JSON
// (a slice of the batch's, when the spans say where it is).
function eachHanded(batch: HandedBatch, visit: (id: number, r: ArticleRecord, lead: string, body: Buffer | null, recordJson: string | undefined) => void): void {
  const outcomes = JSON.parse(batch.json) as Array<{ ok: boolean; record?: ArticleRecord; lead?: string }>;
  let offset = 0;
  outcomes.forEach((o, k) => {
    if (!o.ok || !o.record) return;
    const r = o.record;
    // Every article's body is in the buffer, whether or not it got an id.
    const body = batch.bodies ? Buffer.from(batch.bodies, offset, r[R.bodyLength]) : null;
    offset += r[R.bodyLength];
    const id = batch.ids[k];
    if (id < 0) return;
    visit(id, r, o.lead ?? '', body, batch.spans && batch.spans[2 * k] >= 0 ? batch.json.slice(batch.spans[2 * k], batch.spans[2 * k + 1]) : undefined);
  });
}

// A date guessed from the file time has a fraction of a millisecond; the column holds whole ms.
const wholeMs = (published: number | null): number | null => (published === null ? null : Math.floor(published));

/**
 * The rows of a handed batch: each outcome that is an article and has a reserved id, in order,
 * with its FTS5 text when the batch carries the bodies (views of them, no copy).
 */
export function handedRows(batch: HandedBatch): HandedRow[] {
  const rows: HandedRow[] = [];
  eachHanded(batch, (id, r, lead, body, recordJson) => {
    const [dev, ino] = splitInode(r[R.inode]);
    rows.push({ id, path: r[R.path], size: r[R.size], mtime: r[R.mtimeMs], dev, ino, published: wholeMs(r[4]), record: r, recordJson, lead, text: body && handedText(r, body) });
  });
  return rows;
}

/**
 * The rows of a batch handed with its bodies, made ready on the thread that hands it: all the
 * JavaScript work of their insert but the binding (the records read back from the JSON, the short
 * fields folded, the coins found, the filter columns), so that the index's thread only binds
 * (madeRows), while this one makes the next batch. Null for a batch without bodies.
 */
export function makeRows(batch: HandedBatch): MadeRow[] | null {
  if (!batch.bodies) return null;
  // Straight from each outcome to its row: no HandedRow, no text object copied to add its body (~10k of each at 10k, after the list).
  const made: MadeRow[] = [];
  eachHanded(batch, (id, r, lead, body, recordJson) => {
    const [dev, ino] = splitInode(r[R.inode]);
    const f = articleFields(r);
    const b = body as Buffer;
    const t = articleText(r, cashtagText(b));
    made.push([id, r[R.path], r[R.size], r[R.mtimeMs], dev, ino, wholeMs(r[4]), recordJson ?? JSON.stringify(r), lead, f.source, f.lang, f.sentiment, f.draft, f.sticky, f.warned, f.listedFrom, f.listedUntil, t.title, t.description, t.tags, t.source, t.category, t.coins, b.byteOffset, b.length]);
  });
  return made;
}

/** The rows makeRows made, as the index's thread writes them, each body a view of `bodies` (no copy). */
export function madeRows(made: readonly MadeRow[], bodies: ArrayBuffer): HandedRow[] {
  return made.map(([id, path, size, mtime, dev, ino, published, json, lead, sourceMatch, lang, sentiment, draft, sticky, warned, listedFrom, listedUntil, title, description, tags, source, category, coins, bodyAt, bodyBytes]) => ({
    id,
    path,
    size,
    mtime,
    dev,
    ino,
    published,
    recordJson: json,
    lead,
    fields: { source: sourceMatch, lang, sentiment, draft, sticky, warned, listedFrom, listedUntil },
    text: { title, description, tags, source, category, body: Buffer.from(bodies, bodyAt, bodyBytes), coins },
  }));
}
