// The notice the dashboard starts with when articles arrived since the last session ended.
import { format } from 'date-fns';
import type { Article } from '../article.js';
import { listedAt } from '../publication-window.js';
import { countText } from '../text/index.js';

/**
 * What the "N new" notice counts (Reading.see's `counted`): what `is:new` lists at `now` (epoch ms),
 * so drafts and articles outside their publication window only with `--drafts` (undefined: all). A tester found
 * `78 new` beside a list of 75: the drafts counted.
 */
export function newCounted(includeDrafts: boolean, now = Date.now()): ((a: Article) => boolean) | undefined {
  // One `now` for the whole sight: a million articles asked the clock a million times.
  return includeDrafts ? undefined : (a) => listedAt(a, now);
}

/** `12 new since Nov 28 09:14` (local time), or null when nothing is new. */
export function newSinceMessage(count: number, since: number | null): string | null {
  if (since === null || count === 0) return null;
  const d = new Date(since);
  // date-fns' own English names, not Intl's (whose data stays resident once loaded: text/count-text.ts).
  return `${countText(count)} new since ${format(d, 'MMM d HH:mm')}`;
}
