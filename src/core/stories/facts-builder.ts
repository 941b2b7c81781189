// Lays per-article facts (facts.ts ArticleFacts) out as the flat Facts the pulse and the list read,
// and keeps doing so as articles are appended (live updates): codes for sources, tags and coins
// are interned once, the arrays grow by doubling. A snapshot is a copy, so one can be handed to
// another thread while the builder goes on.
import { groupStories } from './group.js';
import { articleFacts, dayOf, type ArticleFacts, type FacetName, type Facts, type FactsInput } from './facts.js';

// Interns facet values: value -> code, keeping the first label met.
class Names {
  readonly list: FacetName[] = [];
  private readonly codes = new Map<string, number>();
  constructor(list: readonly FacetName[] = []) {
    for (const name of list) this.code(name.value, name.label);
  }
  code(value: string, label: string): number {
    let c = this.codes.get(value);
    if (c === undefined) {
      c = this.list.length;
      this.codes.set(value, c);
      this.list.push({ value, label });
    }
    return c;
  }
}

type Typed = Int32Array | Uint8Array | Float64Array;
// A growable typed array.
class Grow<T extends Typed> {
  length = 0;
  constructor(public data: T) {}
  static of<T extends Typed>(a: T): Grow<T> {
    const g = new Grow(a.slice() as T);
    g.length = a.length;
    return g;
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new (this.data.constructor as new (n: number) => T)(Math.max(1024, this.data.length * 2));
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  done(shared = false): T {
    // Full and over shared memory already (made with its exact room, FactsRoom): handed as it is.
    // A later push finds it full and moves to a new array, so the one handed is never written.
    if (shared && this.length === this.data.length && this.data.buffer instanceof SharedArrayBuffer) return this.data;
    return copyOf(this.data.subarray(0, this.length) as T, shared);
  }
}

// A typed array's constructor: by length, or over a buffer.
interface TypedOf<T extends Typed> {
  new (length: number): T;
  new (buffer: ArrayBufferLike): T;
  readonly BYTES_PER_ELEMENT: number;
}

// A copy of `a` over shared memory (a SharedArrayBuffer): posted to another thread, both threads
// read the same bytes instead of each holding its own.
function sharedCopy<T extends Typed>(a: T): T {
  const out = new (a.constructor as new (buffer: SharedArrayBuffer) => T)(new SharedArrayBuffer(a.byteLength));
  out.set(a);
  return out;
}

// A copy of `a`: over shared memory, or of its own.
const copyOf = <T extends Typed>(a: T, shared: boolean): T => (shared ? sharedCopy(a) : (a.slice() as T));

/** How many articles, tags and coins a builder will hold in all, when known before the first push. */
export interface FactsRoom {
  articles: number;
  /** Entries of tagIds: each article's tags, summed. */
  tags: number;
  /** Entries of coinIds (and coinWhere): each article's coins, summed. */
  coins: number;
}

/** Facts built an article at a time, ids 0, 1, 2, ... in push order. */
export class FactsBuilder {
  private readonly sentiment: Grow<Uint8Array>;
  private readonly day: Grow<Int32Array>;
  private readonly time: Grow<Float64Array>;
  private readonly points: Grow<Float64Array>;
  private readonly source: Grow<Int32Array>;
  private readonly tagStart: Grow<Int32Array>;
  private readonly tagIds: Grow<Int32Array>;
  private readonly coinStart: Grow<Int32Array>;
  private readonly coinIds: Grow<Int32Array>;
  private readonly coinWhere: Grow<Uint8Array>;
  private readonly sources: Names;
  private readonly tags: Names;
  private readonly coins: Names;
  /** Each article's story and the story's size (groupStories' meaning); an appended article starts alone. */
  story: Int32Array;
  size: Int32Array;

  /**
   * A builder holding `from`'s articles (none when absent), to append to; with `namesOnly`, none
   * of its articles but its names with their codes, so pushFrom can copy its articles by code.
   * `room` (with no articles from `from`): what it will hold in all, when known before the first
   * push; its columns are then made once, over shared memory, and snapshot(true) hands them as they are.
   */
  constructor(from?: Facts, namesOnly = false, room?: FactsRoom) {
    const f = namesOnly ? undefined : from;
    // With its exact room, each column is made once, over shared memory, and handed as it is by
    // snapshot(true): a warm start's million articles no longer grow ten columns by doubling (the
    // old arrays left as holes in the thread's malloc arena) nor copy them once more at the end.
    // (Grow doubles from at least one element.)
    const fresh = <T extends Typed>(of: TypedOf<T>, length: number): Grow<T> => new Grow(room ? new of(new SharedArrayBuffer(Math.max(1, length) * of.BYTES_PER_ELEMENT)) : new of(1024));
    const articles = room?.articles ?? 0;
    this.sentiment = f ? Grow.of(f.sentiment) : fresh(Uint8Array, articles);
    this.day = f ? Grow.of(f.day) : fresh(Int32Array, articles);
    this.time = f ? Grow.of(f.time) : fresh(Float64Array, articles);
    this.points = f ? Grow.of(f.points) : fresh(Float64Array, articles);
    this.source = f ? Grow.of(f.source) : fresh(Int32Array, articles);
    // The CSR offsets keep their closing entry only in a snapshot.
    this.tagStart = f ? Grow.of(f.tagStart.subarray(0, f.n)) : fresh(Int32Array, articles);
    this.tagIds = f ? Grow.of(f.tagIds) : fresh(Int32Array, room?.tags ?? 0);
    this.coinStart = f ? Grow.of(f.coinStart.subarray(0, f.n)) : fresh(Int32Array, articles);
    this.coinIds = f ? Grow.of(f.coinIds) : fresh(Int32Array, room?.coins ?? 0);
    this.coinWhere = f ? Grow.of(f.coinWhere) : fresh(Uint8Array, room?.coins ?? 0);
    this.sources = new Names(from?.sources);
    this.tags = new Names(from?.tags);
    this.coins = new Names(from?.coins.map((c) => ({ value: c, label: c })));
    this.story = f ? f.story.slice() : new Int32Array(0);
    this.size = f ? f.size.slice() : new Int32Array(0);
  }

  /** Each article's date (epoch ms, NaN undated), a view valid until the next push. */
  get times(): Float64Array {
    return this.time.data.subarray(0, this.time.length);
  }

  /** Articles held. */
  get n(): number {
    return this.sentiment.length;
  }

  /** Appends an article's facts; it is its own story until grouped. Returns its id. */
  push(a: ArticleFacts): number {
    const id = this.n;
    this.sentiment.push(a.sentiment);
    this.time.push(a.time);
    this.day.push(dayOf(a.time));
    this.points.push(a.points);
    this.source.push(this.sources.code(a.source.value, a.source.label));
    this.tagStart.push(this.tagIds.length);
    for (const t of a.tags) this.tagIds.push(this.tags.code(t.value, t.label));
    this.coinStart.push(this.coinIds.length);
    for (const [symbol, where] of a.coins) {
      this.coinIds.push(this.coins.code(symbol, symbol));
      this.coinWhere.push(where);
    }
    return id;
  }

  /**
   * Appends article `i` of `f` by its codes, which must be this builder's (a builder made from `f`
   * with `namesOnly`: its names, in their order, are the first ones here). Returns the new id.
   */
  pushFrom(f: Facts, i: number): number {
    const id = this.n;
    this.sentiment.push(f.sentiment[i]);
    this.time.push(f.time[i]);
    this.day.push(f.day[i]);
    this.points.push(f.points[i]);
    this.source.push(f.source[i]);
    this.tagStart.push(this.tagIds.length);
    for (let t = f.tagStart[i]; t < f.tagStart[i + 1]; t++) this.tagIds.push(f.tagIds[t]);
    this.coinStart.push(this.coinIds.length);
    for (let c = f.coinStart[i]; c < f.coinStart[i + 1]; c++) {
      this.coinIds.push(f.coinIds[c]);
      this.coinWhere.push(f.coinWhere[c]);
    }
    return id;
  }

  /** Story arrays sized to every article held: new articles alone. */
  stories(): { story: Int32Array; size: Int32Array } {
    const n = this.n;
    if (this.story.length !== n) {
      const story = Int32Array.from({ length: n }, (_, i) => i);
      const size = new Int32Array(n).fill(1);
      story.set(this.story.subarray(0, Math.min(n, this.story.length)));
      size.set(this.size.subarray(0, Math.min(n, this.size.length)));
      this.story = story;
      this.size = size;
    }
    return { story: this.story, size: this.size };
  }

  /**
   * The facts held so far as views of the builder's own arrays (no copy: valid until the next
   * push), every article in the story `alone` gives it (arrays of at least n: each its own story
   * of size 1). For counting the pulse over the articles done while the rest are computed.
   */
  view(alone: { story: Int32Array; size: Int32Array }): Facts {
    const n = this.n;
    // The CSR offsets' closing entry, written past the held ones (room made by a push taken back).
    const withEnd = (starts: Grow<Int32Array>, end: number): Int32Array => {
      starts.push(end);
      starts.length--;
      return starts.data.subarray(0, n + 1);
    };
    return {
      n,
      story: alone.story.subarray(0, n),
      size: alone.size.subarray(0, n),
      sentiment: this.sentiment.data.subarray(0, n),
      day: this.day.data.subarray(0, n),
      time: this.time.data.subarray(0, n),
      points: this.points.data.subarray(0, n),
      source: this.source.data.subarray(0, n),
      sources: this.sources.list,
      tagStart: withEnd(this.tagStart, this.tagIds.length),
      tagIds: this.tagIds.data.subarray(0, this.tagIds.length),
      tags: this.tags.list,
      coinStart: withEnd(this.coinStart, this.coinIds.length),
      coinIds: this.coinIds.data.subarray(0, this.coinIds.length),
      coinWhere: this.coinWhere.data.subarray(0, this.coinWhere.length),
      coins: this.coins.list.map((c) => c.value),
    };
  }

  /**
   * The facts of every article held, as copies; with `shared`, their typed arrays over shared
   * memory (SharedArrayBuffer), for facts that are never written once made (FactsEngine's): a copy
   * posted to another thread then reads the same bytes (copyFacts). v8.serialize refuses shared
   * memory: a snapshot to store is made without.
   */
  snapshot(shared = false): Facts {
    const { story, size } = this.stories();
    const withEnd = (starts: Grow<Int32Array>, end: number): Int32Array => {
      const bytes = (starts.length + 1) * Int32Array.BYTES_PER_ELEMENT;
      const out = new Int32Array(shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
      out.set(starts.data.subarray(0, starts.length));
      out[starts.length] = end;
      return out;
    };
    return {
      n: this.n,
      story: copyOf(story, shared),
      size: copyOf(size, shared),
      sentiment: this.sentiment.done(shared),
      day: this.day.done(shared),
      time: this.time.done(shared),
      points: this.points.done(shared),
      source: this.source.done(shared),
      sources: this.sources.list.slice(),
      tagStart: withEnd(this.tagStart, this.tagIds.length),
      tagIds: this.tagIds.done(shared),
      tags: this.tags.list.slice(),
      coinStart: withEnd(this.coinStart, this.coinIds.length),
      coinIds: this.coinIds.done(shared),
      coinWhere: this.coinWhere.done(shared),
      coins: this.coins.list.map((c) => c.value),
    };
  }
}

/**
 * A copy of `f` to hand to another thread: its typed arrays over shared memory are the same ones
 * (the facts engine never writes facts once made: an update builds new ones), the others copied
 * (handed over by transfer, factsBuffers). Sharing them spares the UI thread a copy of every
 * article's facts (~62 bytes an article: ~6 MB at 100k, ~60 MB at 1M).
 */
export function copyFacts(f: Facts): Facts {
  const own = <T extends Typed>(a: T): T => (a.buffer instanceof SharedArrayBuffer ? a : (a.slice() as T));
  return {
    ...f,
    story: own(f.story),
    size: own(f.size),
    sentiment: own(f.sentiment),
    day: own(f.day),
    time: own(f.time),
    points: own(f.points),
    source: own(f.source),
    sources: f.sources.slice(),
    tagStart: own(f.tagStart),
    tagIds: own(f.tagIds),
    tags: f.tags.slice(),
    coinStart: own(f.coinStart),
    coinIds: own(f.coinIds),
    coinWhere: own(f.coinWhere),
    coins: f.coins.slice(),
  };
}

/** The facts of articles 0..n-1 (`inputs[i]` is article i's); with `group` false every article is its own story. */
export function computeFacts(inputs: readonly FactsInput[], group = true): Facts {
  const b = new FactsBuilder();
  for (const input of inputs) b.push(articleFacts(input));
  if (group) ({ story: b.story, size: b.size } = groupStories(inputs));
  return b.snapshot();
}
