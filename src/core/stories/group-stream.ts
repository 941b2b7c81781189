// groupStories (group.ts) for a corpus too big to hold: the same stories, from two passes over the
// articles instead of every article's text and vector in memory at once (at a million articles
// those took ~6 GB and a quarter of an hour). The first pass, in id order, gives each term its id
// and counts its document frequency exactly as group.ts's vectors() does; the second, in date
// order, makes each article's vector again from its text, compares it with the articles before it
// in its buckets (group.ts's rule), and keeps vectors only while they are within WINDOW_MS of the
// article being compared (no link spans more) and buckets only their last BUCKET_WINDOW entries (no
// comparison looks further back). The links are then merged as groupStories merges them. Memory:
// the term table, a few numbers per article, and the window's vectors.
import { BUCKET_WINDOW, LINK_COSINE, MIN_SHARED, storiesOfLinks, TOP_TERMS, WINDOW_MS, type StoryDoc, type Stories } from './group.js';
import { LinkFinder } from './links.js';
import { storyTerms } from './terms.js';

/** One article's TF-IDF vector: terms ascending by id, unit-length weights. */
interface Vector {
  term: Int32Array;
  weight: Float64Array;
}

/** The first pass: term ids and document frequencies over the articles, added in id order. */
export class StoryTermCounts {
  private readonly ids = new Map<string, number>();
  private readonly words: string[] = [];
  private df = new Int32Array(1024);
  /** Articles added. */
  n = 0;

  /** Counts the terms of the next article (ids 0, 1, 2, ... in the order added). */
  add(doc: StoryDoc): void {
    for (const id of this.frequencies(doc).keys()) this.df[id]++;
    this.n++;
  }

  /** The term's text (ties between equal weights are broken by it, as group.ts does). */
  word(id: number): string {
    return this.words[id];
  }

  /** The article's vector (its text as added in the first pass), weighted as group.ts's vectors() weighs it. */
  vector(doc: StoryDoc): Vector {
    const tf = this.frequencies(doc);
    const term = Int32Array.from(tf.keys()).sort();
    const weight = new Float64Array(term.length);
    let norm = 0;
    for (let k = 0; k < term.length; k++) {
      // Smoothed IDF, as vectors() computes it, in the same order of operations.
      const w = (1 + Math.log(tf.get(term[k])!)) * (Math.log((this.n + 1) / (this.df[term[k]] + 1)) + 1);
      weight[k] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < term.length; k++) weight[k] /= norm;
    return { term, weight };
  }

  // Term id -> weighted count in the article (title twice), ids given on first sight, as vectors() gives them.
  private frequencies(doc: StoryDoc): Map<number, number> {
    const tf = new Map<number, number>();
    const add = (terms: string[], w: number): void => {
      for (const t of terms) {
        let id = this.ids.get(t);
        if (id === undefined) {
          id = this.words.length;
          this.ids.set(t, id);
          this.words.push(t);
          if (id === this.df.length) {
            const grown = new Int32Array(id * 2);
            grown.set(this.df);
            this.df = grown;
          }
        }
        tf.set(id, (tf.get(id) ?? 0) + w);
      }
    };
    add(storyTerms(doc.title), 2);
    add(storyTerms(doc.description), 1);
    add(storyTerms(doc.lead), 1);
    return tf;
  }
}

// group.ts's cosine over two vectors: 0 below MIN_SHARED shared terms.
function cosine(x: Vector, y: Vector): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  let shared = 0;
  while (i < x.term.length && j < y.term.length) {
    if (x.term[i] === y.term[j]) {
      dot += x.weight[i++] * y.weight[j++];
      shared++;
    } else if (x.term[i] < y.term[j]) i++;
    else j++;
  }
  return shared >= MIN_SHARED ? dot : 0;
}

function topTerms(v: Vector, counts: StoryTermCounts): number[] {
  const ks = Array.from({ length: v.term.length }, (_, k) => k);
  ks.sort((p, q) => v.weight[q] - v.weight[p] || (counts.word(v.term[p]) < counts.word(v.term[q]) ? -1 : 1));
  return ks.slice(0, TOP_TERMS).map((k) => v.term[k]);
}

/**
 * The second pass and the merge: groupStories' stories of articles 0..n-1 (n = counts.n), from
 * their dates (`time`, NaN undated), outlets (`source`: equal codes, one outlet) and `docsOf`,
 * which gives the articles' texts for a list of ids in that order (asked `chunk` at a time, in
 * date order). Resolves once every article has been compared.
 */
export async function groupStream(counts: StoryTermCounts, time: Float64Array, source: Int32Array, docsOf: (ids: number[]) => Promise<StoryDoc[]>, chunk = 2_000, linkCosine = LINK_COSINE): Promise<Stories> {
  const n = counts.n;
  const order: number[] = [];
  for (let i = 0; i < n; i++) if (Number.isFinite(time[i])) order.push(i);
  order.sort((x, y) => time[x] - time[y] || x - y);
  const vectors = new Map<number, Vector>();
  let oldest = 0; // order[oldest..] still hold vectors
  const finder = new LinkFinder({ time: (i) => time[i], source: (i) => source[i], linkCosine, windowMs: WINDOW_MS, bucketWindow: BUCKET_WINDOW });
  for (let start = 0; start < order.length; start += chunk) {
    const ids = order.slice(start, start + chunk);
    const docs = await docsOf(ids);
    for (let k = 0; k < ids.length; k++) {
      const j = ids[k];
      while (time[j] - time[order[oldest]] > WINDOW_MS) vectors.delete(order[oldest++]);
      const vj = counts.vector(docs[k]);
      vectors.set(j, vj);
      finder.arrive(j, topTerms(vj, counts), (i) => cosine(vectors.get(i)!, vj));
    }
    if (start % (chunk * 25) === 0) finder.dropStale(time[ids[ids.length - 1]]);
  }
  const links = finder.links();
  return storiesOfLinks(n, (i) => time[i], (i) => source[i], links);
}
