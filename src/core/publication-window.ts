// When an article is for readers, as the site generators that write these folders decide it:
// Hugo lists a page from its `publishDate` (else its `date`) and until its `expiryDate`
// (`expirydate`, `unpublishdate`); Jekyll lists a post only once its date has come. An article
// outside that window is hidden like a draft (`--drafts` shows it, marked SCHEDULED or EXPIRED),
// tested against the clock at each query, never at parse: an expiry that passes after the index was
// written takes effect without the file changing. A date guessed from the file's time never hides.

import type { ArticleMeta } from './article.js';

/** The fields the window is read from. */
export type WindowFields = Pick<ArticleMeta, 'publishedAt' | 'dateGuessed' | 'scheduledAt' | 'expiresAt'>;

/** Epoch ms from which the article is listed: its publish date, else its own date unless guessed; null when nothing delays it. */
export function listedFrom(a: WindowFields): number | null {
  return a.scheduledAt ?? (a.dateGuessed ? null : a.publishedAt);
}

/** Why the article is not listed at `now` (epoch ms): `scheduled` (not yet published), `expired`, or null when it is. */
export function outsideWindow(a: WindowFields, now: number): 'scheduled' | 'expired' | null {
  const from = listedFrom(a);
  if (from !== null && from > now) return 'scheduled';
  if (a.expiresAt !== null && a.expiresAt <= now) return 'expired';
  return null;
}

/** Whether a list without `--drafts` shows `a` at `now` (epoch ms): not a draft, and inside its window. */
export function listedAt(a: WindowFields & Pick<ArticleMeta, 'draft'>, now: number): boolean {
  return !a.draft && outsideWindow(a, now) === null;
}

/**
 * The first time after `now` (epoch ms) at which `a` may come into or leave its window (its listed
 * from or expiry date), or null when nothing about it changes after `now`: what a running dashboard
 * waits for to list a scheduled article when it comes and to drop an expiring one.
 */
export function nextWindowChange(a: WindowFields, now: number): number | null {
  const from = listedFrom(a);
  const until = a.expiresAt;
  const next = from !== null && from > now ? from : null;
  if (until === null || until <= now) return next;
  return next === null ? until : Math.min(next, until);
}
