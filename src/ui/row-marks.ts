// The list's ◆ / ★ per row. A folded story row speaks for all its articles in the result: unread
// while any of them is unread, saved while any is saved (issue "Read and saved"), so `m` on the
// row (which marks them all, daily-commands.ts) is what clears its ◆.
import { useMemo } from 'react';
import type { Article } from '../core/article.js';
import type { Reading } from '../core/reading/index.js';
import type { Hit, SearchIndex } from '../core/search/index.js';
import type { AppState } from '../state/reducer.js';
import { foldedMembers } from '../state/story-rows.js';

/** A row's marks: `(article, id) => { unread, saved }`; null without reading state. */
export type RowMarks = ((article: Article, id: number) => { unread: boolean; saved: boolean }) | null;

/** The marks function for the list, rebuilt once per result (not per frame or cursor move). */
export function useRowMarks(reading: Reading | null, s: Pick<AppState, 'rawHits' | 'stories' | 'rowInfo'>, index: SearchIndex): RowMarks {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => rowMarksOf(reading, s, index), [reading, s.rawHits, s.stories, s.rowInfo, index]);
}

// The marks function made for a result, by its hits: a typed key's rows drawn ahead ask for it
// where the key is read (list/list-lane.ts) and React's render of the key asks again, and each
// new one walks the result's 1,000 hits for its folded stories. A new one per reading change, so
// that rows painted with it are painted again (list/painted-window.ts compares it by identity).
const made = new WeakMap<readonly Hit[], { reading: Reading; version: number; stories: AppState['stories']; rowInfo: AppState['rowInfo']; index: SearchIndex; marks: RowMarks }>();

/** The marks function for a state's result (what useRowMarks keeps per result); the same function for the same result and reading state. */
export function rowMarksOf(reading: Reading | null, s: Pick<AppState, 'rawHits' | 'stories' | 'rowInfo'>, index: SearchIndex): RowMarks {
  if (!reading) return null;
  const kept = made.get(s.rawHits);
  if (kept && kept.reading === reading && kept.version === reading.version && kept.stories === s.stories && kept.rowInfo === s.rowInfo && kept.index === index) return kept.marks;
  const members = foldedMembers(s.rawHits, s.stories, s.rowInfo);
  const marks = (a: Article, id: number) => {
    const ids = members.get(id);
    if (!ids || ids.length < 2) return { unread: !reading.isRead(a), saved: reading.isSaved(a) };
    const all = ids.map((m) => (m === id ? a : index.article(m)));
    return { unread: all.some((m) => !reading.isRead(m)), saved: all.some((m) => reading.isSaved(m)) };
  };
  made.set(s.rawHits, { reading, version: reading.version, stories: s.stories, rowInfo: s.rowInfo, index, marks });
  return marks;
}
