// The list's ◆ / ★ per row. A folded story row speaks for all its articles in the result: unread
// while any of them is unread, saved while any is saved (issue "Read and saved"), so `m` on the
// row (which marks them all, daily-commands.ts) is what clears its ◆.
import { useMemo } from 'react';
import type { Article } from '../core/article.js';
import type { Reading } from '../core/reading/index.js';
import type { SearchIndex } from '../core/search/index.js';
import type { AppState } from '../state/reducer.js';
import { foldedMembers } from '../state/story-rows.js';

/** A row's marks: `(article, id) => { unread, saved }`; null without reading state. */
export type RowMarks = ((article: Article, id: number) => { unread: boolean; saved: boolean }) | null;

/** The marks function for the list, rebuilt once per result (not per frame or cursor move). */
export function useRowMarks(reading: Reading | null, s: Pick<AppState, 'rawHits' | 'stories' | 'rowInfo'>, index: SearchIndex): RowMarks {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => rowMarksOf(reading, s, index), [reading, s.rawHits, s.stories, s.rowInfo, index]);
}

/** The marks function for a state's result (what useRowMarks keeps per result). */
export function rowMarksOf(reading: Reading | null, s: Pick<AppState, 'rawHits' | 'stories' | 'rowInfo'>, index: SearchIndex): RowMarks {
  if (!reading) return null;
  const members = foldedMembers(s.rawHits, s.stories, s.rowInfo);
  return (a: Article, id: number) => {
    const ids = members.get(id);
    if (!ids || ids.length < 2) return { unread: !reading.isRead(a), saved: reading.isSaved(a) };
    const all = ids.map((m) => (m === id ? a : index.article(m)));
    return { unread: all.some((m) => !reading.isRead(m)), saved: all.some((m) => reading.isSaved(m)) };
  };
}
