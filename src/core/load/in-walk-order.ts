// One load's articles made in the walk's order (load.ts): from the rows the index held and the
// files parsed, whose results arrive out of order. Taken strictly in walk order, ids and warnings
// are the same on every run, indexed or not.

import type { Article, LoadWarning } from '../article.js';
import { R, type ArticleRecord } from '../article-record.js';
import type { IndexSession } from '../index/index.js';
import { LazyArticle } from './lazy-article.js';
import type { ArticleTable } from './article-table.js';
import type { HeldRows } from './held-rows.js';
import type { BatchHandler, ParsedFile } from './parse-pool.js';
import { TAKEN, type FileIdentities, type WalkEntry } from '../files/index.js';

const PROGRESS_INTERVAL_MS = 50;

// A parsed file's result, in walk order: why it failed, or a freshly parsed article (`id`: the row id
// session.ts hand() gave it, else its index.add() turn). A file whose row the index held is in HeldRows instead.
type Failure = { reason: string; inode: string | null };
type Parsed = { record: ArticleRecord; lead: string; lowerBody: Buffer | null; id: number };
type Slot = Parsed | Failure;
const failed = (s: Slot): s is Failure => 'reason' in s;

function slotOf(file: ParsedFile, id = -1): Parsed | Failure {
  const { outcome } = file;
  if (!outcome.ok) return { reason: outcome.reason, inode: outcome.inode };
  return { record: outcome.record, lead: outcome.lead, lowerBody: file.lowerBody, id };
}

/** What InWalkOrder reads and fills; `files` and `warnings` are the load's own, changed in place. */
export interface WalkOrderParts {
  files: WalkEntry[];
  warnings: LoadWarning[];
  kept: HeldRows;
  table: ArticleTable;
  identities: FileIdentities;
  /** The read cap, in bytes (limits.ts effectiveCap). */
  cap: number;
  /** Whether parsed rows go to the text build's thread (session.ts handOff), their ids given by hand(). */
  handed: boolean;
  onArticles?: (batch: Article[]) => void;
  onProgress?: (done: number, total: number) => void;
  /** Told heldRowIds once, when it is known. */
  onRowIds?: (rowIds: Int32Array) => void;
}

/** The load's articles in walk order with ids 0..n-1, made as their rows or parses are ready. */
export class InWalkOrder {
  /** The articles made so far (articles[i].id === i). */
  readonly articles: Article[] = [];
  /** Each article's index row id (indexIds): a held row's, a handed one's, else its index.add() turn until finish() (at `writtenAt`). */
  readonly rowIds: number[] = [];
  /** The positions in `rowIds` that hold an add() turn, not yet a row id. */
  readonly writtenAt: number[] = [];
  private readonly slots: Array<Slot | undefined>;
  private readonly total: number;
  private flushed = 0;
  private done: number;
  private lastProgress = 0;

  constructor(private readonly p: WalkOrderParts, misses: number) {
    this.total = p.files.length;
    this.slots = new Array(this.total);
    this.done = this.total - misses;
    p.onProgress?.(this.done, this.total);
    this.tellRowIds();
  }

  /** Whether the next article in walk order can be made (its row held, or its file's result in). */
  get ready(): boolean {
    const i = this.flushed;
    return i < this.total && (this.p.kept.has(i) || this.slots[i] !== undefined);
  }

  /**
   * Every article's index row id by article id (what `rowIds` holds once every article is made),
   * once every file is in and before the rest are made, when each is a row the index held or a
   * file that failed (a warm start; a broken file is parsed again each time); else null: a file
   * parsed anew has its row id only once written.
   */
  heldRowIds(): Int32Array | null {
    const { kept, identities, handed } = this.p;
    if (this.done !== this.total || handed || this.writtenAt.length > 0) return null;
    const ids = new Int32Array(this.total);
    ids.set(this.rowIds);
    let n = this.rowIds.length;
    // As flush() takes them: a failed file and a file reached again through a link are no
    // articles. A failed file's identity is claimed here as flush() will claim it (claims are
    // order-free and a claim made twice counts once), so `repeated` already says what flush() finds.
    for (let i = this.flushed; i < this.total; i++) {
      const slot = this.slots[i];
      if (slot !== undefined && !failed(slot)) return null;
      if (slot !== undefined) identities.claimKey(slot.inode ?? '', i);
      else if (!identities.repeated(i)) ids[n++] = kept.id(i);
    }
    return ids.slice(0, n);
  }

  // Tells onRowIds of heldRowIds, once every file is in.
  private tellRowIds(): void {
    const ids = this.p.onRowIds && this.done === this.total ? this.heldRowIds() : null;
    if (ids) this.p.onRowIds?.(ids);
  }

  /** Makes the articles ready in walk order, at most `max`, and tells onArticles of them. */
  flush(max = Infinity): void {
    const { files, warnings, kept, table, identities, cap, handed } = this.p;
    const { slots, articles, rowIds } = this;
    const batch: Article[] = [];
    const end = Math.min(this.total, this.flushed + max);
    while (this.flushed < end && this.ready) {
      const i = this.flushed;
      const [slot, entry] = [slots[i], files[i]];
      this.flushed += 1;
      // Taken: the entry is not needed again, and at a million files the walk's list is ~150 MB.
      [slots[i], files[i]] = [undefined, TAKEN];
      if (slot !== undefined) identities.claimKey(failed(slot) ? (slot.inode ?? '') : slot.record[R.inode], i);
      if (identities.repeated(i)) continue; // same file via a link: load once
      if (slot !== undefined && failed(slot)) {
        warnings.push({ path: entry.path, reason: slot.reason });
        continue;
      }
      const fileWarnings = slot === undefined ? kept.warnings(i) : slot.record[R.warnings];
      if (fileWarnings.length > 0) warnings.push({ path: slot === undefined ? table.path(kept.row(i)) : entry.path, reason: fileWarnings.join('; ') });
      // The parsed body goes to the index, not into memory: a search reads it back from the file.
      const article = slot === undefined ? LazyArticle.ofRow(table, kept.row(i), articles.length) : LazyArticle.fromRecord(slot.record, articles.length, null, cap, table);
      if (slot !== undefined && !handed) this.writtenAt.push(rowIds.length);
      rowIds.push(slot === undefined ? kept.id(i) : slot.id);
      articles.push(article);
      batch.push(article);
    }
    if (batch.length > 0) this.p.onArticles?.(batch);
  }

  /**
   * The parse's batch handler: each parsed file (the walk positions `misses` names, by parse
   * order) written to `index` (added, or handed with `bodies` when `handedBodies`), then flushed.
   */
  parsed(index: IndexSession, misses: readonly number[], handedBodies: boolean): BatchHandler {
    return (start, parsed, json, bodies) => {
      // Handed rows go on as the batch's JSON with the bodies' buffer (index/text-build.ts), not one by one.
      const ids = this.p.handed ? index.hand(json ?? { json: JSON.stringify(parsed.map((f) => f.outcome)), spans: null }, parsed.map((f) => (f.outcome.ok ? f.outcome.record : null)), handedBodies ? bodies : undefined) : null;
      parsed.forEach((f, k) => {
        const slot = slotOf(f, ids?.[k]);
        if (!failed(slot) && !ids) slot.id = index.add(slot.record, slot.lead, slot.lowerBody, f.recordJson);
        this.slots[misses[start + k]] = slot;
      });
      this.done += parsed.length;
      this.tellRowIds();
      this.flush();
      const now = Date.now();
      if (this.done === this.total || now - this.lastProgress >= PROGRESS_INTERVAL_MS) {
        this.lastProgress = now;
        this.p.onProgress?.(this.done, this.total);
      }
    };
  }
}
