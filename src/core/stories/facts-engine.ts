// The facts of a corpus kept up to date and counted: what the facts worker (facts-worker.ts) runs,
// and what the UI thread runs itself for a small corpus or where no built worker exists. It holds
// the facts (facts-builder.ts), computes them for a whole corpus or adopts stored ones, appends
// articles added while the dashboard is open (their stories regrouped within the window they can
// touch, regroup.ts), and answers the aggregate of a result: the pulse of any set of ids and their
// hot order. Pure computation; messages and storage are the worker's business.
import type { Pulse } from '../pulse/index.js';
import { pulseOfFacts, PulseTally, storiesOf } from './facts-count.js';
import { articleFacts, type ArticleFacts, type Facts, type FactsInput } from './facts.js';
import { copyFacts, FactsBuilder } from './facts-builder.js';
import { groupStories, type StoryDoc } from './group.js';
import { hotOrderOfFacts } from './hot.js';
import { regroupAmong, touchedStories } from './regroup.js';

/** The aggregate of one result: its pulse, and its ids in hot order when asked. */
export interface Counted {
  pulse: Pulse;
  hot: Int32Array | null;
  /** Set while a first computation is under way: the counts are of the articles done so far (and hot order without stories). */
  progress?: FactsProgress;
  /** How many of the ids the facts do not hold yet (arrived since they were last updated): left out of the pulse. Absent when none. */
  missing?: number;
  /** How many stories the ids the facts hold belong to (storiesOf); absent while a first computation runs. */
  stories?: number;
}

/**
 * How far a corpus's first computation has got (facts-stream.ts): the facts of articles
 * 0..done-1 of n are computed (coins and the pulse's codes); `grouped` once stories are too.
 */
export interface FactsProgress {
  done: number;
  n: number;
  grouped: boolean;
  /** Set while the stories are grouped (every article's facts in): `done` of the `n` dated articles compared so far. */
  stories?: { done: number; n: number };
}

/** What counts a result's aggregate (a FactsService: on the facts worker). */
export interface FactsCounter {
  /** The pulse and (with `hot`) hot order of the result `ids`; null when superseded by a newer count or without facts. Never rejects. */
  count(ids: Int32Array, hot: boolean, now: number): Promise<Counted | null>;
}

/**
 * The pulse of `ids` (those the facts hold: ids >= f.n arrived since and are left out, and
 * Counted.missing says how many, so the pulse is never drawn as exact) and, with `hot`, their hot
 * order at `now`.
 */
export function countFacts(f: Facts, ids: Int32Array, hot: boolean, now: number): Counted {
  // pulseOfFacts passes over ids >= f.n itself (no copy of a million ids); only how many is counted here.
  let missing = 0;
  for (let k = 0; k < ids.length; k++) if (ids[k] >= f.n) missing++;
  const counted: Counted = { pulse: pulseOfFacts(ids, f), hot: hot ? hotOrderOfFacts(ids, f, now) : null, stories: storiesOf(ids, f) };
  if (missing > 0) counted.missing = missing;
  return counted;
}

// Whether two results hold the same ids in the same order (a millisecond at a million ids: far
// less than counting them).
function sameIds(x: Int32Array, y: Int32Array): boolean {
  if (x.length !== y.length) return false;
  for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return false;
  return true;
}

/** Articles added and taken away in one live update. */
export interface FactsChange {
  /** The new articles, ids continuing the corpus (the first is `n`). */
  added: readonly FactsInput[];
  /** Ids no longer shown (removed files, old versions of changed ones), with their dates (epoch ms or null). */
  gone: ReadonlyArray<{ id: number; path: string; publishedAt: number | null }>;
  /** Grouping input of the other articles within 2 x WINDOW_MS of an added or gone one, by id (regroup.ts). */
  context: ReadonlyArray<{ id: number; input: FactsInput }>;
}

/** A corpus's facts, held and updated. */
export class FactsEngine {
  // The facts as counted. A builder (growable arrays with room to append: ~1.3x the facts) only
  // while an update is made: held for the whole session beside them, it was the larger of two
  // copies on the facts worker (~75 MB at a million articles) for live updates that seldom come.
  private builder: FactsBuilder | null = null;
  private current: Facts = new FactsBuilder().snapshot();
  private readonly goneIds = new Set<number>();
  // While a first computation runs: how far it got (current then holds the articles done).
  private progress: FactsProgress | null = null;
  // Meanwhile, the last result counted (a copy of its ids), the articles it was counted over
  // (0..upTo-1) and its counts: the same result counted again adds only the articles done since
  // (at a million matches, counting them all again at each progress took 10-25% of the worker).
  private partial: { ids: Int32Array; upTo: number; tally: PulseTally } | null = null;

  constructor(private readonly group = true) {}

  /** Whether stories are grouped (false: `--no-group`, every article its own story). */
  get grouping(): boolean {
    return this.group;
  }

  /** The facts as they stand (do not transfer: snapshot() gives a copy to hand over). */
  get facts(): Facts {
    return this.current;
  }

  /** The facts as they stand, to hand to another thread (copyFacts: the typed arrays are shared memory the engine never writes again). */
  snapshot(): Facts {
    return copyFacts(this.current);
  }

  // The builder an update appends to or regroups in, made from the facts as they stand.
  private building(): FactsBuilder {
    return (this.builder ??= new FactsBuilder(this.current));
  }

  /** Computes the facts of a whole corpus (`inputs[i]` is article i's). */
  compute(inputs: readonly FactsInput[]): Facts {
    return this.adopt(inputs.map(articleFacts), this.group ? groupStories(inputs) : null);
  }

  /** Takes facts computed or stored elsewhere, to count and update from here on. */
  adoptFacts(facts: Facts): Facts {
    this.builder = new FactsBuilder(facts);
    this.goneIds.clear();
    return this.refresh();
  }

  /** Takes per-article facts (and stories, null: each its own) found elsewhere: stored in the index, or computed there. */
  adopt(articles: readonly ArticleFacts[], stories: { story: Int32Array; size: Int32Array } | null): Facts {
    return this.adoptEach(articles.length, (id) => articles[id], stories);
  }

  /** adopt, an article at a time: `factsOf(id)` for ids 0..n-1 (no array of a million objects at once). */
  adoptEach(n: number, factsOf: (id: number) => ArticleFacts, stories: { story: Int32Array; size: Int32Array } | null): Facts {
    this.builder = new FactsBuilder();
    for (let id = 0; id < n; id++) this.builder.push(factsOf(id));
    if (stories) ({ story: this.builder.story, size: this.builder.size } = stories);
    this.goneIds.clear();
    return this.refresh();
  }

  /**
   * Counts over `partial` (the articles done so far, facts-builder.ts view()) until the first
   * computation under way adopts the whole; `progress` says how far it got.
   */
  showPartial(partial: Facts, progress: FactsProgress): void {
    this.current = partial;
    this.progress = progress;
  }

  /** How far the first computation under way got; null when none is. */
  get computing(): FactsProgress | null {
    return this.progress;
  }

  /** Takes a builder filled elsewhere (a snapshot's articles copied by code, the rest computed), with its stories (null: each its own). */
  adoptBuilder(builder: FactsBuilder, stories: { story: Int32Array; size: Int32Array } | null): Facts {
    this.builder = builder;
    if (stories) ({ story: this.builder.story, size: this.builder.size } = stories);
    this.goneIds.clear();
    return this.refresh();
  }

  /** Groups the articles `ids` (ascending; `docs[k]` is ids[k]'s) among themselves, every other story kept (regroup.ts). */
  regroup(ids: readonly number[], docs: readonly StoryDoc[]): Facts {
    const { story, size } = this.building().stories();
    if (this.group && ids.length) regroupAmong(ids, docs, story, size);
    return this.refresh();
  }

  /**
   * Applies a live update: appends the added articles' facts and regroups the stories they (and
   * the gone ones) can touch. Returns the ids whose story changed or was made (the added included).
   */
  apply(change: FactsChange): number[] {
    const builder = this.building();
    const firstNew = builder.n;
    for (const input of change.added) builder.push(articleFacts(input));
    for (const g of change.gone) this.goneIds.add(g.id);
    const { story, size } = builder.stories();
    let touched: number[] = change.added.map((_, k) => firstNew + k);
    if (this.group) {
      const changed = [...change.added.map((a) => a.publishedAt ?? Number.NaN), ...change.gone.map((g) => g.publishedAt ?? Number.NaN)];
      const docs = new Map<number, StoryDoc>(change.context.map((c) => [c.id, c.input]));
      change.added.forEach((a, k) => docs.set(firstNew + k, a));
      // Only the articles whose grouping input came along can be grouped again.
      const ids = touchedStories(changed, builder.times, story, (id) => this.goneIds.has(id)).filter((id) => docs.has(id));
      regroupAmong(ids, ids.map((id) => docs.get(id)!), story, size, change.gone.map((g) => g.id));
      touched = [...new Set([...touched, ...ids])];
    }
    this.refresh();
    return touched;
  }

  /** The pulse of `ids` and, with `hot`, their hot order at `now` (countFacts over the facts as they stand). */
  count(ids: Int32Array, hot: boolean, now: number): Counted {
    if (!this.progress) return countFacts(this.current, ids, hot, now);
    // The facts of articles already counted do not change while a first computation runs: it only adds.
    const f = this.current;
    const last = this.partial;
    const again = last !== null && last.upTo <= f.n && sameIds(last.ids, ids);
    const tally = again ? last.tally.add(ids, f, last.upTo, f.n) : new PulseTally().add(ids, f);
    this.partial = { ids: again ? last.ids : ids.slice(), upTo: f.n, tally };
    return { pulse: tally.pulse(f), hot: hot ? hotOrderOfFacts(ids, f, now) : null, progress: { ...this.progress } };
  }

  private refresh(): Facts {
    this.progress = null;
    this.partial = null;
    // Over shared memory: the copy handed to the UI thread (snapshot()) is these bytes, not a second set.
    this.current = this.building().snapshot(true);
    this.builder = null;
    return this.current;
  }
}
