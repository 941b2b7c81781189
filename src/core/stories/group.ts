// Groups articles about the same event from different outlets into stories.
// Technique: TF-IDF vectors over the terms (terms.ts) of title (counted twice), description and
// lead paragraph; candidate pairs come from buckets keyed by each article's most distinctive terms
// (a locality-sensitive bucketing: two reports of one event share their rare names and figures),
// so the work is bounded by articles x TOP_TERMS x BUCKET_WINDOW, never all pairs. A pair links
// when its cosine similarity reaches LINK_COSINE over at least MIN_SHARED shared terms, the two come from different outlets and are at
// most WINDOW_MS apart. Links are applied strongest first; two groups merge only when the result
// still spans at most WINDOW_MS and no outlet appears in both (an outlet tells a story once, so a
// chain of look-alikes cannot weld two stories together).
import { storyTerms } from './terms.js';

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

type Vector = Map<string, number>;

function vectors(docs: readonly StoryDoc[]): Vector[] {
  const tfs = docs.map((d) => {
    const tf: Vector = new Map();
    const add = (terms: string[], weight: number): void => {
      for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + weight);
    };
    add(storyTerms(d.title), 2);
    add(storyTerms(d.description), 1);
    add(storyTerms(d.lead), 1);
    return tf;
  });
  const df = new Map<string, number>();
  for (const tf of tfs) for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  return tfs.map((tf) => {
    let norm = 0;
    for (const [t, f] of tf) {
      // Smoothed IDF: still positive for a term every article has, so tiny corpora group too.
      const w = (1 + Math.log(f)) * (Math.log((n + 1) / ((df.get(t) ?? 0) + 1)) + 1);
      tf.set(t, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [t, w] of tf) tf.set(t, w / norm);
    return tf;
  });
}

// Cosine similarity of two unit vectors, 0 when they share fewer than MIN_SHARED terms: two
// three-word titles that share one word ("Huge file", "Escape in the file name") look alike by
// cosine alone.
function cosine(a: Vector, b: Vector): number {
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  let shared = 0;
  for (const [t, w] of small) {
    const v = big.get(t);
    if (v === undefined) continue;
    dot += w * v;
    shared++;
  }
  return shared >= MIN_SHARED ? dot : 0;
}

function topTerms(v: Vector): string[] {
  return [...v].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, TOP_TERMS).map(([t]) => t);
}

/** Groups `docs` into stories (see the file comment for the rule). */
export function groupStories(docs: readonly StoryDoc[], linkCosine = LINK_COSINE): Stories {
  const n = docs.length;
  const vecs = vectors(docs);
  const time = (i: number): number => docs[i].publishedAt ?? Number.NaN;
  // Buckets: term -> dated articles, in time order.
  const order = [...Array(n).keys()].filter((i) => Number.isFinite(time(i))).sort((x, y) => time(x) - time(y) || x - y);
  const buckets = new Map<string, number[]>();
  for (const i of order) {
    for (const t of topTerms(vecs[i])) {
      const b = buckets.get(t);
      if (b) b.push(i);
      else buckets.set(t, [i]);
    }
  }
  const seen = new Set<number>();
  const links: Array<{ a: number; b: number; score: number }> = [];
  for (const bucket of buckets.values()) {
    for (let k = 1; k < bucket.length; k++) {
      const j = bucket[k];
      for (let m = k - 1; m >= 0 && m >= k - BUCKET_WINDOW; m--) {
        const i = bucket[m];
        if (time(j) - time(i) > WINDOW_MS) break;
        if (docs[i].source === docs[j].source) continue;
        const key = i < j ? i * n + j : j * n + i;
        if (seen.has(key)) continue;
        seen.add(key);
        const score = cosine(vecs[i], vecs[j]);
        if (score >= linkCosine) links.push({ a: i, b: j, score });
      }
    }
  }
  links.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
  // Union-find whose roots carry the group's time span and outlets.
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const first = Float64Array.from({ length: n }, (_, i) => time(i));
  const last = Float64Array.from(first);
  const outlets: Array<Set<string> | null> = docs.map((d) => new Set([d.source]));
  const root = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  for (const { a, b } of links) {
    const ra = root(a);
    const rb = root(b);
    if (ra === rb) continue;
    const from = Math.min(first[ra], first[rb]);
    const to = Math.max(last[ra], last[rb]);
    if (to - from > WINDOW_MS) continue;
    const oa = outlets[ra]!;
    const ob = outlets[rb]!;
    if ([...ob].some((s) => oa.has(s))) continue;
    parent[rb] = ra;
    first[ra] = from;
    last[ra] = to;
    for (const s of ob) oa.add(s);
    outlets[rb] = null;
  }
  // Name each story by its earliest article (ties: lowest index).
  const earliest = new Map<number, number>();
  const count = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const r = root(i);
    const e = earliest.get(r);
    if (e === undefined || time(i) < time(e) || (time(i) === time(e) && i < e)) earliest.set(r, i);
    count.set(r, (count.get(r) ?? 0) + 1);
  }
  const story = new Int32Array(n);
  const size = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const r = root(i);
    story[i] = earliest.get(r)!;
    size[i] = count.get(r)!;
  }
  return { story, size };
}
