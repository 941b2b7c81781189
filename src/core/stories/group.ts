// Groups articles about the same event from different outlets into stories.
// Technique: TF-IDF vectors over the terms (terms.ts) of title (counted twice), description and
// lead paragraph; candidate pairs come from buckets keyed by each article's most distinctive terms
// (a locality-sensitive bucketing: two reports of one event share their rare names and figures),
// so the work is bounded by articles x TOP_TERMS x BUCKET_WINDOW, never all pairs. A pair links
// when its cosine similarity reaches LINK_COSINE over at least MIN_SHARED shared terms, the two come from different outlets and are at
// most WINDOW_MS apart, and their titles are about one subject (similarity/subject.ts: names met,
// figures that agree, a shared title word beside coins and figures; checked only for such pairs). Links are applied strongest first; two groups merge only when the result
// still spans at most WINDOW_MS, no outlet appears in both (an outlet tells a story once) and no
// member of one clashes in subject with a member of the other (subject.ts subjectsClash: a third
// outlet alike to two look-alikes, `Coinbase to List Zorkal Token` and `... Vintar Token`, links
// to both, and without this check would weld the two stories into one).
import { LinkFinder, type Links } from './links/link-finder.js';
import { sameSubject, subjectsClash, termFlags, type FlaggedTerms } from './similarity/subject.js';
import { storyTerms } from './similarity/terms.js';

/** What grouping reads of an article. */
export interface StoryDoc {
  /** Epoch ms, or null (an undated article stays on its own). */
  publishedAt: number | null;
  /** Outlet key: articles from one outlet are never linked directly. */
  source: string;
  title: string;
  description: string;
  /** The body's first paragraph, or ''. */
  lead: string;
}

/** The grouping: `story[i]` is the index of the earliest article of i's story (i itself when alone). */
export interface Stories {
  story: Int32Array;
  /** Articles in i's story (1 when alone). */
  size: Int32Array;
}

/** Most time between two articles of one story (72 h). */
export const WINDOW_MS = 72 * 3_600_000;
/** Terms per article used as bucket keys. */
export const TOP_TERMS = 8;
/** Articles before this one in a bucket (within WINDOW_MS) that it is compared with. */
export const BUCKET_WINDOW = 48;
/** Terms two articles must share before their cosine counts. */
export const MIN_SHARED = 3;
/** Cosine similarity from which two articles are taken for one story. */
export const LINK_COSINE = 0.22;

// The corpus's TF-IDF vectors in flat arrays (CSR): article i's terms are `term[start[i] ..
// start[i+1])`, sorted by term id, with unit-length weights in `weight`. At 1M articles a Map per
// article cost gigabytes; these cost ~12 bytes a term.
interface Vectors {
  start: Int32Array;
  term: Int32Array;
  weight: Float64Array;
  /** Each term's flags in its article (similarity/subject.ts). */
  flags: Uint8Array;
  /** Term id -> the term, for ties broken by the term's text. */
  words: string[];
}

function vectors(docs: readonly StoryDoc[]): Vectors {
  const ids = new Map<string, number>();
  const words: string[] = [];
  const df: number[] = [];
  const n = docs.length;
  const start = new Int32Array(n + 1);
  let term = new Int32Array(Math.max(16, n * 16));
  let weight = new Float64Array(term.length);
  let flags = new Uint8Array(term.length);
  let used = 0;
  for (let i = 0; i < n; i++) {
    const d = docs[i];
    const tf = new Map<number, number>();
    const add = (terms: string[], w: number): void => {
      for (const t of terms) {
        let id = ids.get(t);
        if (id === undefined) {
          id = words.length;
          ids.set(t, id);
          words.push(t);
          df.push(0);
        }
        tf.set(id, (tf.get(id) ?? 0) + w);
      }
    };
    add(storyTerms(d.title), 2);
    add(storyTerms(d.description), 1);
    add(storyTerms(d.lead), 1);
    if (used + tf.size > term.length) {
      const size = Math.max(term.length * 2, used + tf.size);
      const t2 = new Int32Array(size);
      t2.set(term);
      const w2 = new Float64Array(size);
      w2.set(weight);
      term = t2;
      weight = w2;
      const f2 = new Uint8Array(size);
      f2.set(flags);
      flags = f2;
    }
    const flagsOf = termFlags(d.title, [d.description, d.lead]);
    start[i] = used;
    for (const id of [...tf.keys()].sort((x, y) => x - y)) {
      term[used] = id;
      weight[used] = tf.get(id)!;
      flags[used] = flagsOf.get(words[id]) ?? 0;
      df[id]++;
      used++;
    }
  }
  start[n] = used;
  for (let i = 0; i < n; i++) {
    let norm = 0;
    for (let k = start[i]; k < start[i + 1]; k++) {
      // Smoothed IDF: still positive for a term every article has, so tiny corpora group too.
      const w = (1 + Math.log(weight[k])) * (Math.log((n + 1) / (df[term[k]] + 1)) + 1);
      weight[k] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (let k = start[i]; k < start[i + 1]; k++) weight[k] /= norm;
  }
  return { start, term: term.subarray(0, used), weight: weight.subarray(0, used), flags: flags.subarray(0, used), words };
}

// Cosine similarity of two unit vectors (a merge of their sorted terms), 0 when they share fewer
// than MIN_SHARED terms: two three-word titles that share one word ("Huge file", "Escape in the
// file name") look alike by cosine alone.
function cosine(v: Vectors, a: number, b: number): number {
  let x = v.start[a];
  let y = v.start[b];
  const xEnd = v.start[a + 1];
  const yEnd = v.start[b + 1];
  let dot = 0;
  let shared = 0;
  while (x < xEnd && y < yEnd) {
    const tx = v.term[x];
    const ty = v.term[y];
    if (tx === ty) {
      dot += v.weight[x++] * v.weight[y++];
      shared++;
    } else if (tx < ty) x++;
    else y++;
  }
  return shared >= MIN_SHARED ? dot : 0;
}

// The TOP_TERMS heaviest terms of article i (ties: by the term's text).
function topTerms(v: Vectors, i: number): number[] {
  const ks = Array.from({ length: v.start[i + 1] - v.start[i] }, (_, k) => v.start[i] + k);
  ks.sort((p, q) => v.weight[q] - v.weight[p] || (v.words[v.term[p]] < v.words[v.term[q]] ? -1 : 1));
  return ks.slice(0, TOP_TERMS).map((k) => v.term[k]);
}

// Article i's terms and flags as the subject rules read them.
const flaggedTerms = (vecs: Vectors, i: number): FlaggedTerms => ({ term: vecs.term, flags: vecs.flags, from: vecs.start[i], to: vecs.start[i + 1] });

function findLinks(docs: readonly StoryDoc[], vecs: Vectors, time: (i: number) => number, linkCosine: number): Links {
  // Dated articles in time order, each compared as it arrives (so no pair set over the whole corpus is kept).
  const order = [...Array(docs.length).keys()].filter((i) => Number.isFinite(time(i))).sort((x, y) => time(x) - time(y) || x - y);
  const finder = new LinkFinder({ time, source: (i) => docs[i].source, linkCosine, windowMs: WINDOW_MS, bucketWindow: BUCKET_WINDOW });
  const terms = (i: number): FlaggedTerms => flaggedTerms(vecs, i);
  const word = (id: number): string => vecs.words[id];
  for (const j of order) {
    finder.arrive(j, topTerms(vecs, j), (i) => {
      const s = cosine(vecs, i, j);
      // The subject check only for pairs alike enough to link (it reads their terms again).
      return s >= linkCosine && sameSubject(terms(i), terms(j), word) ? s : 0;
    });
  }
  return finder.links();
}

/** Groups `docs` into stories (see the file comment for the rule). */
export function groupStories(docs: readonly StoryDoc[], linkCosine = LINK_COSINE): Stories {
  const time = (i: number): number => docs[i].publishedAt ?? Number.NaN;
  const vecs = vectors(docs);
  const clash: Clash = { terms: (i) => flaggedTerms(vecs, i), word: (id) => vecs.words[id] };
  return storiesOfLinks(docs.length, time, (i) => docs[i].source, findLinks(docs, vecs, time, linkCosine), clash);
}

/**
 * What the merge's subject check reads: article i's flagged terms, and a term's text. Two articles
 * may not be in one story, whatever links them, when subject.ts subjectsClash says so.
 */
export interface Clash {
  /** Called before each check's `terms` calls: what they returned for an earlier check may be reused. */
  begin?: () => void;
  terms: (i: number) => FlaggedTerms;
  word: (id: number) => string;
}

/**
 * The stories of articles 0..n-1 from their candidate links (strongest first), by the file
 * comment's merge rule; `time(i)` is article i's date (NaN undated), `source(i)` its outlet,
 * `clash` the subject check between members (none: no check).
 */
export function storiesOfLinks(n: number, time: (i: number) => number, source: (i: number) => string | number, links: Links, clash?: Clash): Stories {
  const merge = storyMerge(n, time, source, clash);
  links.each(merge.link);
  return merge.stories();
}

/**
 * storiesOfLinks with `pause` awaited after every `every` links applied (the facts worker answers
 * counts meanwhile: at a million articles the links took ~80 s to apply, and the counts asked
 * for then waited as long).
 */
export async function storiesOfLinksInSteps(n: number, time: (i: number) => number, source: (i: number) => string | number, links: Links, pause: () => Promise<void>, every = 1 << 18, clash?: Clash): Promise<Stories> {
  const merge = storyMerge(n, time, source, clash);
  const step = links.inSteps(merge.link);
  while (step(every)) await pause();
  return merge.stories();
}

// The merge rule over links given strongest first (link), and the stories it leaves (stories).
function storyMerge(n: number, time: (i: number) => number, source: (i: number) => string | number, clash?: Clash): { link: (a: number, b: number) => void; stories: () => Stories } {
  // Union-find whose roots carry the group's time span, outlets (a set only once a group has two)
  // and, when members are checked for clashes, members (a list only once a group has two).
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const first = Float64Array.from({ length: n }, (_, i) => time(i));
  const last = Float64Array.from(first);
  const outlets: Array<Set<string | number> | undefined> = new Array(n);
  const outletsOf = (r: number): Set<string | number> => (outlets[r] ??= new Set([source(r)]));
  const members: Array<number[] | undefined> = new Array(clash ? n : 0);
  const membersOf = (r: number): number[] => (members[r] ??= [r]);
  // Groups hold one article per outlet, so a check is at most outlets x outlets pairs; each
  // member's terms are read once a check.
  const clashes = (ra: number, rb: number): boolean => {
    if (!clash) return false;
    clash.begin?.();
    const bs = membersOf(rb).map(clash.terms);
    return membersOf(ra).some((a) => {
      const ta = clash.terms(a);
      return bs.some((tb) => subjectsClash(ta, tb, clash.word));
    });
  };
  const root = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const link = (a: number, b: number): void => {
    const ra = root(a);
    const rb = root(b);
    if (ra === rb) return;
    const from = Math.min(first[ra], first[rb]);
    const to = Math.max(last[ra], last[rb]);
    if (to - from > WINDOW_MS) return;
    const oa = outletsOf(ra);
    const ob = outletsOf(rb);
    if ([...ob].some((s) => oa.has(s)) || clashes(ra, rb)) return;
    parent[rb] = ra;
    if (clash) {
      for (const m of membersOf(rb)) membersOf(ra).push(m);
      members[rb] = undefined;
    }
    first[ra] = from;
    last[ra] = to;
    for (const s of ob) oa.add(s);
    outlets[rb] = undefined;
  };
  // Name each story by its earliest article (ties: lowest index).
  const stories = (): Stories => {
    const earliest = new Int32Array(n).fill(-1);
    const count = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const r = root(i);
      const e = earliest[r];
      if (e < 0 || time(i) < time(e) || (time(i) === time(e) && i < e)) earliest[r] = i;
      count[r]++;
    }
    const story = new Int32Array(n);
    const size = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const r = root(i);
      story[i] = earliest[r];
      size[i] = count[r];
    }
    return { story, size };
  };
  return { link, stories };
}
