// The status line's unread count over the results in hand (up to 1,000 hits), counted after the
// frame that shows them, as the pulse and the match counts are (use-aggregate.ts): a keystroke's
// list never waits for a count. Until the count for the current results is in, the last one stays
// on screen (unless it was of no hits: then none is); a count for results already replaced is
// dropped, never drawn.
import { useLayoutEffect, useState } from 'react';
import type { Article } from '../core/article.js';
import type { Reading } from '../core/reading/index.js';
import type { Hit } from '../core/search/index.js';
import { afterPendingInput } from './input/after-input.js';

/**
 * How many of `hits` are unread, counted once per hits/version. Each article's answer is kept
 * per id while the reading state, its version and `article` (the index) stay the same: the count
 * runs over every match (thousands a keystroke at 10k), and most matches of the next query were
 * already looked up for the last one (a look-up finds the article's key and its marks: ~1-2 us).
 */
export function countUnread(reading: Reading, hits: readonly Hit[], article: (id: number) => Article): number {
  let known = knownFor(reading, article);
  let n = 0;
  for (const h of hits) {
    const id = h.id;
    if (id >= known.length) known = grow(known, id);
    let k = known[id];
    if (k === UNKNOWN) {
      try {
        k = reading.isRead(article(id)) ? READ : UNREAD;
      } catch {
        // An id the index lost (a replaced index) counts as read: it is not shown.
        k = READ;
      }
      known[id] = k;
    }
    if (k === UNREAD) n += 1;
  }
  return n;
}

const UNKNOWN = 0;
const READ = 1;
const UNREAD = 2;

let table: { reading: Reading; version: number; article: (id: number) => Article; known: Uint8Array } | null = null;

// The per-id answers for this reading state, version and index; a new table when any changed.
function knownFor(reading: Reading, article: (id: number) => Article): Uint8Array {
  if (!table || table.reading !== reading || table.version !== reading.version || table.article !== article) {
    table = { reading, version: reading.version, article, known: new Uint8Array(1024) };
  }
  return table.known;
}

// The table grown to hold `id` (the index grows while loading and with live updates).
function grow(known: Uint8Array, id: number): Uint8Array {
  const bigger = new Uint8Array(Math.max(id + 1, known.length * 2));
  bigger.set(known);
  table!.known = bigger;
  return bigger;
}

/** An unread count and whether it covers only part of the matches (drawn as `N+`). */
export interface UnreadCount {
  n: number;
  lowerBound: boolean;
}

interface Counted extends UnreadCount {
  hits: readonly Hit[];
  version: number;
  reading: Reading;
}

/**
 * The unread count of `hits` (null without reading state), made after the frame that shows them.
 * `lowerBound` (the hits are only part of the matches) travels with the count it was given for:
 * while a count stands in for the next one, it keeps its own mark, so the screen never shows a
 * count over the first 1,000 hits as if it were over every match. `hold`: a count over every
 * match is on its way (App: the aggregate's ids), so the hits in hand are not counted meanwhile:
 * the last count stays instead of a lower bound drawn for a frame or two before the exact one.
 */
export function useUnreadCount(reading: Reading | null, version: number, hits: readonly Hit[], article: (id: number) => Article, lowerBound = false, hold = false): UnreadCount | null {
  // The first frame has its count at once (nothing was on screen to stand in for it).
  const [counted, setCounted] = useState<Counted | null>(() => (reading ? { hits, version, reading, lowerBound, n: countUnread(reading, hits, article) } : null));
  const current = counted !== null && counted.hits === hits && counted.version === version && counted.reading === reading && counted.lowerBound === lowerBound;
  useLayoutEffect(() => {
    if (!reading || current || hold) return undefined;
    return afterPendingInput(() => setCounted({ hits, version, reading, lowerBound, n: countUnread(reading, hits, article) }));
  }, [reading, version, hits, article, lowerBound, current, hold]);
  if (!reading || !counted || counted.reading !== reading) return null;
  // The count of no hits (the first frame, before the folder has loaded) stands in for nothing:
  // `75/78 · 0 unread` beside a list of 75 unread rows was simply wrong until the count came.
  if (!current && counted.hits.length === 0 && hits.length > 0) return null;
  return { n: counted.n, lowerBound: counted.lowerBound };
}
