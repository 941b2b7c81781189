// groupStories (group.ts) for a corpus too big to hold: the same stories, from two passes over the
// articles instead of every article's text and vector in memory at once (at a million articles
// those took ~6 GB and a quarter of an hour). The first pass, in id order, gives each term its id
// and counts its document frequency exactly as group.ts's vectors() does, and keeps each article's
// term ids and counts packed (PackedTerms: a few bytes a term); the second, in date order, weighs
// each article's vector from them (the document frequencies are final only then), compares it
// with the articles before it in its buckets (group.ts's rule), and keeps vectors only while they
// are within WINDOW_MS of the article being compared (no link spans more) and buckets only their
// last BUCKET_WINDOW entries (no comparison looks further back). The links are then merged as
// groupStories merges them. Memory: the term table, the packed terms, a few numbers per article,
// and the window's vectors. (The second pass used to read every article from the index again and
// tokenise it again: about half the first computation's time.)
import { BUCKET_WINDOW, LINK_COSINE, MIN_SHARED, storiesOfLinksInSteps, TOP_TERMS, WINDOW_MS, type StoryDoc, type Stories } from './group.js';
import { LinkFinder } from './links/link-finder.js';
import { FLAG_BITS, sameSubject, termFlags, type FlaggedTerms } from './similarity/subject.js';
import { storyTerms } from './similarity/terms.js';
import { PackedTerms } from './packed-terms.js';

/** One article's TF-IDF vector: terms ascending by id, unit-length weights. */
interface Vector {
  term: Int32Array;
  weight: Float64Array;
  /** Each term's flags (similarity/subject.ts). */
  flags: Uint8Array;
}

/** Arrays StoryTermCounts.flagged reads articles' terms into, reused from check to check. */
export interface FlagScratch {
  term: Int32Array;
  flags: Uint8Array;
  /** Entries in use: the next article is read from here on. */
  used: number;
}

/** The first pass: term ids and document frequencies over the articles, added in id order. */
export class StoryTermCounts {
  private readonly ids = new Map<string, number>();
  private readonly words: string[] = [];
  private df = new Int32Array(1024);
  // Each article's terms and counts, for its vector in the second pass.
  private readonly packed = new PackedTerms();

  /** Articles added. */
  get n(): number {
    return this.packed.n;
  }

  /** Bytes the articles' packed terms take. */
  get bytes(): number {
    return this.packed.bytes;
  }

  /** Counts the terms of the next article (ids 0, 1, 2, ... in the order added) and keeps them for its vector. */
  add(doc: StoryDoc): void {
    const tf = this.frequencies(doc);
    const ids = Int32Array.from(tf.keys()).sort();
    const counts = new Float64Array(ids.length);
    const flags = termFlags(doc.title, [doc.description, doc.lead]);
    for (let k = 0; k < ids.length; k++) {
      // The term's flags packed below its count (a varint of a few bits more).
      counts[k] = tf.get(ids[k])! * 2 ** FLAG_BITS + (flags.get(this.words[ids[k]]) ?? 0);
      this.df[ids[k]]++;
    }
    this.packed.push(ids, counts);
  }

  /** The term's text (ties between equal weights are broken by it, as group.ts does). */
  word(id: number): string {
    return this.words[id];
  }

  /**
   * Article `i`'s terms and their flags (no weights), for the subject check between groups at
   * merge: read into `into`'s arrays from `into.used` on (grown when short), which moves past them.
   * A merge's check reads a handful of articles; reading each into arrays of its own made millions
   * of small buffers at a million articles (peak RSS 0.7 -> 1.3 GB while the links were applied).
   */
  flagged(i: number, into: FlagScratch): FlaggedTerms {
    const size = this.packed.size(i);
    if (into.used + size > into.term.length) {
      const length = Math.max(2 * into.term.length, into.used + size);
      // Terms read before stay readable in the arrays they were read into.
      [into.term, into.flags] = [new Int32Array(length), new Uint8Array(length)];
      into.used = 0;
    }
    const from = into.used;
    this.packed.readFlags(i, into.term, into.flags, from, FLAG_BITS);
    into.used += size;
    return { term: into.term, flags: into.flags, from, to: from + size };
  }

  /** Article `i`'s vector (from its terms as added in the first pass), weighted as group.ts's vectors() weighs it. */
  vector(i: number): Vector {
    const size = this.packed.size(i);
    const term = new Int32Array(size);
    const weight = new Float64Array(size);
    this.packed.read(i, term, weight);
    const flags = new Uint8Array(size);
    for (let k = 0; k < size; k++) {
      flags[k] = weight[k] % 2 ** FLAG_BITS;
      weight[k] = Math.floor(weight[k] / 2 ** FLAG_BITS);
    }
    let norm = 0;
    for (let k = 0; k < term.length; k++) {
      // Smoothed IDF, as vectors() computes it, in the same order of operations.
      const w = (1 + Math.log(weight[k])) * (Math.log((this.n + 1) / (this.df[term[k]] + 1)) + 1);
      weight[k] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < term.length; k++) weight[k] /= norm;
    return { term, weight, flags };
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
 * their dates (`time`, NaN undated), outlets (`source`: equal codes, one outlet) and the terms
 * `counts` kept of each. `pause` is awaited after every `chunk` articles compared (in date
 * order), and between the steps the links are applied in, so that the thread can answer
 * meanwhile. `folder`: where the links past their first blocks wait (links/link-runs.ts; the
 * system's temporary folder when absent). Resolves once the stories are made.
 */
export async function groupStream(counts: StoryTermCounts, time: Float64Array, source: Int32Array, pause: () => Promise<void>, chunk = 2_000, linkCosine = LINK_COSINE, folder?: string): Promise<Stories> {
  const n = counts.n;
  const order: number[] = [];
  for (let i = 0; i < n; i++) if (Number.isFinite(time[i])) order.push(i);
  order.sort((x, y) => time[x] - time[y] || x - y);
  const vectors = new Map<number, Vector>();
  let oldest = 0; // order[oldest..] still hold vectors
  const finder = new LinkFinder({ time: (i) => time[i], source: (i) => source[i], linkCosine, windowMs: WINDOW_MS, bucketWindow: BUCKET_WINDOW }, folder);
  for (let start = 0; start < order.length; start += chunk) {
    const ids = order.slice(start, start + chunk);
    for (let k = 0; k < ids.length; k++) {
      const j = ids[k];
      while (time[j] - time[order[oldest]] > WINDOW_MS) vectors.delete(order[oldest++]);
      const vj = counts.vector(j);
      vectors.set(j, vj);
      const tj = { term: vj.term, flags: vj.flags, from: 0, to: vj.term.length };
      const word = (id: number): string => counts.word(id);
      finder.arrive(j, topTerms(vj, counts), (i) => {
        const vi = vectors.get(i)!;
        const s = cosine(vi, vj);
        // group.ts's subject check, for pairs alike enough to link.
        return s >= linkCosine && sameSubject({ term: vi.term, flags: vi.flags, from: 0, to: vi.term.length }, tj, word) ? s : 0;
      });
    }
    if (start % (chunk * 25) === 0) finder.dropStale(time[ids[ids.length - 1]]);
    await pause();
  }
  const links = finder.links();
  // group.ts's subject check between the members of two groups reads their terms again from the packed store.
  const scratch: FlagScratch = { term: new Int32Array(4096), flags: new Uint8Array(4096), used: 0 };
  return storiesOfLinksInSteps(n, (i) => time[i], (i) => source[i], links, pause, undefined, {
    begin: () => void (scratch.used = 0),
    terms: (i) => counts.flagged(i, scratch),
    word: (id) => counts.word(id),
  });
}
