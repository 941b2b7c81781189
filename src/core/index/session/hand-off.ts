// A cold load's rows handed to another thread to write (the text build's: text-build.ts) instead
// of written by the load's session (session.ts handOff), under row ids reserved for them here.

import type Database from 'better-sqlite3';
import type { ArticleRecord } from '../../article-record.js';
import type { HandedBatch } from '../store.js';
import { reserveRowIds } from '../text-build.js';

/** The row ids reserved for `count` articles and the sink their batches go to. */
export class HandOff {
  private constructor(
    private next: number,
    private readonly end: number,
    private readonly sink: (batch: HandedBatch) => void,
  ) {}

  /** Reserves row ids for `count` articles in `db`; null when they cannot be reserved. */
  static reserve(db: Database.Database, count: number, sink: (batch: HandedBatch) => void): HandOff | null {
    try {
      const first = reserveRowIds(db, count);
      return new HandOff(first, first + count, sink);
    } catch {
      return null;
    }
  }

  /** One batch to the sink (see IndexSession.hand); each record's id, -1 for none (failed, or past the reserved ones). */
  hand({ json, spans }: { json: string; spans: Int32Array | null }, records: ReadonlyArray<ArticleRecord | null>, bodies?: ArrayBuffer): Int32Array {
    const ids = new Int32Array(records.length).fill(-1);
    for (let k = 0; k < records.length; k++) if (records[k] !== null && this.next < this.end) ids[k] = this.next++;
    this.sink(spans ? { json, ids, spans, bodies } : { json, ids, bodies });
    return ids;
  }
}
