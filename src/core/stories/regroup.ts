// Grouping again after a change, without grouping the whole corpus again: an added, edited or
// removed article can only change the stories within WINDOW_MS of its date (group.ts never links
// articles further apart, and a story never spans more), so only those articles, with every member
// of their stories, are grouped again; every other story stays as it was. At 100k articles a live
// update regroups a few hundred articles in milliseconds instead of the corpus in ~10 s.
// (The TF-IDF weights are those of the regrouped articles: a full grouping may differ at the
// margin, never beyond the touched window.)
import { groupStories, WINDOW_MS, type StoryDoc } from './group.js';

/** A test of whether a date (epoch ms) is within `radius` ms of one of `dates` (NaN dates are left out; none: never). */
export function nearAny(dates: readonly number[], radius: number): (t: number) => boolean {
  const sorted = dates.filter((t) => !Number.isNaN(t)).sort((a, b) => a - b);
  return (t) => {
    if (sorted.length === 0 || Number.isNaN(t)) return false;
    // The first date not before t, and the one before it, are the nearest.
    let lo = 0;
    let hi = sorted.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < t) lo = mid + 1;
      else hi = mid;
    }
    return Math.abs(sorted[lo] - t) <= radius || (lo > 0 && Math.abs(sorted[lo - 1] - t) <= radius);
  };
}

/**
 * The articles to group again after articles at `changed` dates (epoch ms; NaN: undated) were
 * added or removed: every article (not `gone`) within WINDOW_MS of one of those dates, with the
 * other members of its story, ascending. `story` is groupStories' (the earliest member's id).
 * Such an article is at most 2 x WINDOW_MS from a changed date.
 */
export function touchedStories(changed: readonly number[], time: Float64Array, story: Int32Array, gone: (id: number) => boolean): number[] {
  const near = nearAny(changed, WINDOW_MS);
  const roots = new Set<number>();
  const n = story.length;
  for (let i = 0; i < n; i++) if (!gone(i) && near(time[i])) roots.add(story[i]);
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (!gone(i) && roots.has(story[i])) out.push(i);
  return out;
}

/**
 * Groups the articles `ids` (ascending; `docs[k]` is ids[k]'s) among themselves and writes their
 * stories into `story`/`size` (ids, not positions); `gone` articles become their own story.
 */
export function regroupAmong(ids: readonly number[], docs: readonly StoryDoc[], story: Int32Array, size: Int32Array, gone: readonly number[] = []): void {
  const g = groupStories(docs);
  for (let k = 0; k < ids.length; k++) {
    story[ids[k]] = ids[g.story[k]];
    size[ids[k]] = g.size[k];
  }
  for (const id of gone) {
    story[id] = id;
    size[id] = 1;
  }
}
