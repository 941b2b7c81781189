// A big folder's first computation (facts-stream.ts) counts while it goes: between chunks the
// engine answers a count over the articles done so far, marked with how far it got, and those
// counts are exactly the pulse of the matches among those articles; once every article's facts
// are in (the stories still to group) the pulse is the whole's, and once grouped nothing is marked.
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/core/load/load.js';
import { fileURLToPath } from 'node:url';
import { computeFacts, FactsBuilder } from '../../../src/core/stories/facts-builder.js';
import { factsInput } from '../../../src/core/stories/story-doc.js';
import { FactsEngine, type FactsProgress } from '../../../src/core/stories/facts-engine.js';
import { computeInChunks, progressEvery } from '../../../src/core/stories/facts-stream.js';
import { pulseOfFacts, PulseTally } from '../../../src/core/stories/facts-count.js';
import { articleFacts, type FactsInput } from '../../../src/core/stories/facts.js';

const data = fileURLToPath(new URL('../../../data', import.meta.url));

async function inputs(): Promise<FactsInput[]> {
  return (await loadCorpus([data], { cache: false })).articles.map(factsInput);
}

describe('counting while the facts are first computed', () => {
  it('counts the articles done so far between chunks, then the whole, then marks nothing', async () => {
    const docs = await inputs();
    const n = docs.length;
    expect(n).toBeGreaterThan(20);
    const all = Int32Array.from({ length: n }, (_, i) => i);
    const engine = new FactsEngine(true);
    const heard: FactsProgress[] = [];
    const seen: Array<{ done: number; ok: boolean }> = [];
    await computeInChunks(
      engine,
      n,
      async (ids) => new Map(ids.map((id) => [id, docs[id]])),
      async () => {
        const c = engine.count(all.slice(), false, 0);
        const p = c.progress;
        if (!p) return;
        // The pulse of the matches among the articles done, exactly.
        const want = pulseOfFacts(Int32Array.from({ length: p.done }, (_, i) => i), computeFacts(docs.slice(0, p.done), false));
        seen.push({ done: p.done, ok: JSON.stringify(c.pulse) === JSON.stringify(want) });
      },
      7,
      (p) => heard.push({ ...p }),
    );
    // Every chunk of the first pass but its last, then with every article in the stories' pass: its
    // start, then each chunk of the dated articles compared (in date order, `chunk` at a time).
    const first = heard.filter((p) => !p.stories);
    expect(first.map((p) => p.done)).toEqual(Array.from({ length: Math.ceil(n / 7) - 1 }, (_, k) => 7 * (k + 1)));
    const grouping = heard.slice(first.length);
    const dated = docs.filter((d) => Number.isFinite(articleFacts(d).time)).length;
    expect(dated).toBeGreaterThan(7);
    expect(grouping.map((p) => p.stories?.done)).toEqual([0, ...Array.from({ length: Math.ceil(dated / 7) }, (_, k) => Math.min(dated, 7 * (k + 1)))]);
    expect(grouping.every((p) => p.done === n && p.stories?.n === dated)).toBe(true);
    expect(heard.every((p) => p.n === n && !p.grouped)).toBe(true);
    expect(seen.length).toBeGreaterThan(Math.ceil(n / 7));
    expect(seen.every((s) => s.ok)).toBe(true);
    expect(seen[0].done).toBe(7);
    // While the stories are grouped the counts are of every article.
    expect(seen.at(-1)!.done).toBe(n);
    const done = engine.count(all.slice(), false, 0);
    expect(done.progress).toBeUndefined();
    expect(done.pulse).toEqual(pulseOfFacts(all, computeFacts(docs)));
    expect(engine.computing).toBeNull();
  });

  it('counts each of several results exactly when they take turns, a result counted again adding only the articles done since', async () => {
    const docs = await inputs();
    const n = docs.length;
    // Every article; every third one backwards with ids past the corpus (articles added since); none.
    const all = Int32Array.from({ length: n }, (_, i) => i);
    const some = Int32Array.from([n + 5, ...Array.from({ length: Math.ceil(n / 3) }, (_, k) => n - 1 - 3 * k), n + 1]);
    const results = [all, all, some, some, all, new Int32Array(0), all];
    const engine = new FactsEngine(true);
    const wrong: string[] = [];
    let turn = 0;
    await computeInChunks(
      engine,
      n,
      async (ids) => new Map(ids.map((id) => [id, docs[id]])),
      async () => {
        const ids = results[turn++ % results.length];
        const c = engine.count(ids.slice(), false, 0);
        if (!c.progress) return;
        const done = c.progress.done;
        const want = pulseOfFacts(ids.filter((id) => id < done), computeFacts(docs.slice(0, done), false));
        if (JSON.stringify(c.pulse) !== JSON.stringify(want)) wrong.push(`turn ${turn} at ${done}`);
      },
      5,
    );
    expect(turn).toBeGreaterThan(2 * results.length);
    expect(wrong).toEqual([]);
  });

  it('a tally added to range by range is the tally of the whole; ids out of the range are passed over', async () => {
    const docs = await inputs();
    const n = docs.length;
    const f = computeFacts(docs, false);
    const ids = Int32Array.from([...Array.from({ length: n }, (_, i) => n - 1 - i), n, n + 3]);
    const whole = pulseOfFacts(ids, f);
    expect(whole.total).toBe(n);
    const tally = new PulseTally();
    for (let from = 0; from < n; from += 4) tally.add(ids, f, from, Math.min(n, from + 4));
    expect(tally.pulse(f)).toEqual(whole);
    // Names that grew after the first counts (a partial view has fewer) are counted from where they appear.
    const first = new PulseTally().add(ids, computeFacts(docs.slice(0, 3), false));
    expect(first.add(ids, f, 3, n).pulse(f)).toEqual(whole);
    expect(new PulseTally().add(ids, f, 0, 0).pulse(f).total).toBe(0);
  });

  it('without grouping (--no-group) tells every chunk, the last included, and no stories', async () => {
    const docs = await inputs();
    const heard: FactsProgress[] = [];
    await computeInChunks(new FactsEngine(false), docs.length, async (ids) => new Map(ids.map((id) => [id, docs[id]])), async () => {}, 7, (p) => heard.push({ ...p }));
    expect(heard.map((p) => p.done)).toEqual(Array.from({ length: Math.ceil(docs.length / 7) }, (_, k) => Math.min(docs.length, 7 * (k + 1))));
    expect(heard.some((p) => p.stories)).toBe(false);
  });

  it('gives the same facts with and without a listener', async () => {
    const docs = await inputs();
    const run = async (listen: boolean) => {
      const engine = new FactsEngine(true);
      await computeInChunks(engine, docs.length, async (ids) => new Map(ids.map((id) => [id, docs[id]])), async () => {}, 5, listen ? () => {} : undefined);
      return engine.facts;
    };
    expect(await run(true)).toEqual(await run(false));
    expect(await run(true)).toEqual(computeFacts(docs));
  });
});

describe('FactsBuilder.view', () => {
  it('holds what a snapshot holds, every article its own story, without copying', async () => {
    const docs = await inputs();
    const b = new FactsBuilder();
    const alone = { story: Int32Array.from({ length: docs.length }, (_, i) => i), size: new Int32Array(docs.length).fill(1) };
    for (const [k, d] of docs.entries()) {
      b.push(articleFacts(d));
      if (k % 9 !== 0 && k !== docs.length - 1) continue;
      const view = b.view(alone);
      const snap = b.snapshot();
      expect({ ...view, tagStart: [...view.tagStart], coinStart: [...view.coinStart] }).toEqual({ ...snap, tagStart: [...snap.tagStart], coinStart: [...snap.coinStart] });
      expect(view.n).toBe(k + 1);
    }
  });
});

describe('progressEvery (how often the facts worker tells the dashboard)', () => {
  it('passes the first report, then one per interval, and the end of the first pass at once', () => {
    let now = 1_000;
    const posted: number[] = [];
    const tell = progressEvery(2_000, (p) => posted.push(p.done), () => now);
    const at = (t: number, done: number) => {
      now = t;
      tell({ done, n: 100, grouped: false });
    };
    at(1_000, 10); // first: passed
    at(1_500, 20); // within the interval: dropped
    at(2_999, 30); // still within: dropped
    at(3_000, 40); // an interval after the last told: passed
    at(3_100, 100); // the first pass's end: passed at once
    expect(posted).toEqual([10, 40, 100]);
  });
  it('passes the stories\' start at once, then one of their reports per interval', () => {
    let now = 1_000;
    const posted: Array<number | undefined> = [];
    const tell = progressEvery(2_000, (p) => posted.push(p.stories?.done), () => now);
    const at = (t: number, done: number, stories?: number) => {
      now = t;
      tell({ done, n: 100, grouped: false, ...(stories === undefined ? {} : { stories: { done: stories, n: 90 } }) });
    };
    at(1_000, 10); // the first pass's first: passed
    at(1_100, 100, 0); // the stories' start, within the interval: passed at once
    at(1_200, 100, 10); // within the interval: dropped
    at(3_099, 100, 20); // still within: dropped
    at(3_100, 100, 30); // an interval after: passed
    at(3_200, 100, 90); // the last: dropped (the facts follow)
    expect(posted).toEqual([undefined, 0, 30]);
  });
});
