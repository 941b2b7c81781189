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

/** How many of `hits` are unread, or null without reading state; counted once per hits/version. */
export function countUnread(reading: Reading, hits: readonly Hit[], article: (id: number) => Article): number {
  let n = 0;
  for (const h of hits) {
    try {
      if (!reading.isRead(article(h.id))) n += 1;
    } catch {
      // An id the index lost (a replaced index) counts as read: it is not shown.
    }
  }
  return n;
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
 * count over the first 1,000 hits as if it were over every match.
 */
export function useUnreadCount(reading: Reading | null, version: number, hits: readonly Hit[], article: (id: number) => Article, lowerBound = false): UnreadCount | null {
  // The first frame has its count at once (nothing was on screen to stand in for it).
  const [counted, setCounted] = useState<Counted | null>(() => (reading ? { hits, version, reading, lowerBound, n: countUnread(reading, hits, article) } : null));
  const current = counted !== null && counted.hits === hits && counted.version === version && counted.reading === reading && counted.lowerBound === lowerBound;
  useLayoutEffect(() => {
    if (!reading || current) return undefined;
    return afterPendingInput(() => setCounted({ hits, version, reading, lowerBound, n: countUnread(reading, hits, article) }));
  }, [reading, version, hits, article, lowerBound, current]);
  if (!reading || !counted || counted.reading !== reading) return null;
  // The count of no hits (the first frame, before the folder has loaded) stands in for nothing:
  // `75/78 · 0 unread` beside a list of 75 unread rows was simply wrong until the count came.
  if (!current && counted.hits.length === 0 && hits.length > 0) return null;
  return { n: counted.n, lowerBound: counted.lowerBound };
}
