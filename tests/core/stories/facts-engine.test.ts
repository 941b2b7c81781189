// The facts held for a session (facts-engine.ts) on this thread and on the built worker
// (FactsService): counting any result as pulseOf and hotOrder would from the articles, answering
// only the newest of several counts asked at once, and live updates that append articles and
// regroup only the stories they can touch, giving what a full computation gives.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../../src/core/article.js';
import { articleCoins } from '../../../src/core/coins/index.js';
import { loadCorpus } from '../../../src/core/load/load.js';
import { pulseOf } from '../../../src/core/pulse/index.js';
import { computeFacts } from '../../../src/core/stories/facts-builder.js';
import { FactsService } from '../../../src/core/stories/facts-background.js';
import { factsInput } from '../../../src/core/stories/story-doc.js';
import { FactsEngine, type FactsChange } from '../../../src/core/stories/facts-engine.js';
import { coinMentionsOf } from '../../../src/core/stories/facts.js';
import { WINDOW_MS } from '../../../src/core/stories/group.js';
import { countFacts, hotOrder } from '../../../src/core/stories/index.js';
import { hotOrderOfFacts } from '../../../src/core/stories/hot.js';
import { touchedStories } from '../../../src/core/stories/regroup.js';

const data = fileURLToPath(new URL('../../../data', import.meta.url));
const worker = new URL('../../../dist/core/stories/facts-worker.js', import.meta.url);
let articles: Article[];
let now: number;

// The partition of ids into stories, comparable between two groupings of the same articles.
const partition = (story: ArrayLike<number>, ids: readonly number[]): string =>
  JSON.stringify([...new Map(ids.map((i) => [story[i], ids.filter((j) => story[j] === story[i])])).values()].map((m) => m.join(',')).sort());

beforeAll(async () => {
  articles = (await loadCorpus([data], { cache: false })).articles;
  now = Math.max(...articles.map((a) => a.publishedAt ?? 0)) + 3_600_000;
});

describe('counting a result', () => {
  it('gives the pulse and hot order the articles give, on this thread and on the worker', async () => {
    const engine = new FactsEngine();
    const facts = engine.compute(articles.map(factsInput));
    const sets = [articles.map((a) => a.id), articles.filter((a) => /bitcoin|solana/i.test(a.title)).map((a) => a.id), []];
    if (!fs.existsSync(fileURLToPath(worker))) throw new Error('run `npm run build` first: this test starts the built worker');
    const service = new FactsService({ worker });
    try {
      await service.load((id) => articles[id], articles.length);
      for (const ids of sets) {
        const want = { pulse: pulseOf(ids.map((id) => articles[id])), hot: hotOrder(ids, (id) => articles[id], facts.size, now) };
        const here = engine.count(Int32Array.from(ids), true, now);
        expect({ pulse: here.pulse, hot: Array.from(here.hot!) }).toEqual(want);
        const there = await service.count(Int32Array.from(ids), true, now);
        expect({ pulse: there!.pulse, hot: Array.from(there!.hot!) }).toEqual(want);
      }
      expect(hotOrderOfFacts([0, 1], facts, now)).toHaveLength(2);
    } finally {
      service.close();
    }
  });

  it('says how many of the ids are newer than the facts (left out of the pulse), and nothing when none are', () => {
    const ids = Int32Array.from(articles.map((a) => a.id));
    const older = computeFacts(articles.slice(0, 10).map(factsInput), false);
    const behind = countFacts(older, ids, false, now);
    expect(behind.pulse.total).toBe(10);
    expect(behind.missing).toBe(articles.length - 10);
    const whole = countFacts(computeFacts(articles.map(factsInput), false), ids, false, now);
    expect(whole.pulse.total).toBe(articles.length);
    expect(whole.missing).toBeUndefined();
  });

  it('counts the stories of the ids (the rows a list of them folds into), every article its own before grouping', () => {
    const ids = Int32Array.from(articles.map((a) => a.id));
    const grouped = computeFacts(articles.map(factsInput), true);
    const stories = new Set(articles.map((a) => grouped.story[a.id])).size;
    expect(stories).toBeLessThan(articles.length);
    expect(countFacts(grouped, ids, false, now).stories).toBe(stories);
    // Half the ids: the stories among them only.
    const half = ids.filter((_, k) => k % 2 === 0);
    expect(countFacts(grouped, half, false, now).stories).toBe(new Set([...half].map((i) => grouped.story[i])).size);
    expect(countFacts(computeFacts(articles.map(factsInput), false), ids, false, now).stories).toBe(articles.length);
  });

  it('answers only the newest of counts asked together; every answer given is right', async () => {
    const service = new FactsService({ worker });
    try {
      const many = Array.from({ length: 3_000 }, (_, i) => articles[i % articles.length]);
      await service.load((id) => many[id], many.length);
      // The worker is kept busy by a live update of 3,000 articles while the counts queue up behind it.
      const changing = service.change({ added: many.map(factsInput), gone: [], context: [] });
      await new Promise((resolve) => setImmediate(resolve));
      const asked = Array.from({ length: 12 }, (_, k) => Array.from({ length: 3_000 - k * 100 }, (_, i) => i));
      const answers = await Promise.all(asked.map((ids) => service.count(Int32Array.from(ids), false, now)));
      expect((await changing)!.n).toBe(6_000);
      expect(answers.at(-1)).not.toBeNull();
      expect(answers.filter((a) => a === null).length).toBeGreaterThan(0);
      answers.forEach((a, k) => {
        if (a) expect(a.pulse.total).toBe(asked[k].length);
      });
    } finally {
      service.close();
    }
  });
});

describe('live updates', () => {
  // The bundled data with one multi-outlet story's articles moved to the end: the corpus before
  // they arrived, and after.
  const split = () => {
    const full = computeFacts(articles.map(factsInput));
    const lead = full.story.findIndex((s, i) => s === i && full.size[i] >= 3);
    const late = articles.filter((a) => full.story[a.id] === lead);
    const early = articles.filter((a) => full.story[a.id] !== lead);
    const order = [...early, ...late];
    return { early, late, order, lead };
  };
  const contextOf = (order: readonly Article[], from: number, dates: number[]): FactsChange['context'] =>
    order.slice(0, from).flatMap((a, id) => (a.publishedAt !== null && dates.some((t) => Math.abs(t - a.publishedAt!) <= 2 * WINDOW_MS) ? [{ id, input: factsInput(a) }] : []));

  it('appending a story’s articles counts them at once and groups them as a full computation does', async () => {
    const { early, late, order } = split();
    const whole = computeFacts(order.map(factsInput));
    for (const where of ['here', 'worker'] as const) {
      const service = new FactsService({ worker: where === 'worker' ? worker : null });
      try {
        await service.load((id) => early[id], early.length);
        const dates = late.map((a) => a.publishedAt!);
        const updated = await service.change({ added: late.map(factsInput), gone: [], context: contextOf(order, early.length, dates) });
        expect(updated!.n).toBe(order.length);
        const ids = order.map((_, i) => i);
        expect(partition(updated!.story, ids)).toBe(partition(whole.story, ids));
        expect([...updated!.size]).toEqual([...whole.size]);
        for (let id = early.length; id < order.length; id++) expect(coinMentionsOf(updated!, id)).toEqual(articleCoins(order[id]));
        const counted = await service.count(Int32Array.from(ids), false, now);
        expect(counted!.pulse).toEqual(pulseOf(order));
      } finally {
        service.close();
      }
    }
  });

  it('hands over its facts in shared memory that no update writes, and updates one after another (each made on a builder taken from the facts) give what one computation gives', () => {
    const { early, late, order } = split();
    const whole = computeFacts(order.map(factsInput));
    const engine = new FactsEngine();
    engine.compute(early.map(factsInput));
    // The facts handed to another thread are the engine's bytes in shared memory (no second copy),
    // which no update writes: the handed facts stay as they were while the engine moves on.
    const handed = engine.snapshot();
    expect(handed.story.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(handed.time.buffer).toBe(engine.facts.time.buffer);
    const kept = { n: handed.n, story: [...handed.story], size: [...handed.size], time: [...handed.time], coinIds: [...handed.coinIds] };
    const half = Math.ceil(late.length / 2);
    for (const [from, part] of [[early.length, late.slice(0, half)], [early.length + half, late.slice(half)]] as const) {
      engine.apply({ added: part.map(factsInput), gone: [], context: contextOf(order, from, part.map((a) => a.publishedAt!)) });
    }
    const after = engine.facts;
    expect({ n: handed.n, story: [...handed.story], size: [...handed.size], time: [...handed.time], coinIds: [...handed.coinIds] }).toEqual(kept);
    expect(after.story.buffer).not.toBe(handed.story.buffer);
    const ids = order.map((_, i) => i);
    expect(after.n).toBe(order.length);
    expect(partition(after.story, ids)).toBe(partition(whole.story, ids));
    expect([...after.size]).toEqual([...whole.size]);
    expect([...after.time]).toEqual([...whole.time]);
    for (const id of ids) expect(coinMentionsOf(after, id)).toEqual(articleCoins(order[id]));
  });

  it('a removed article leaves its story (the rest regrouped), touching no story outside its window', () => {
    const { order, early } = split();
    const engine = new FactsEngine();
    const before = engine.compute(order.map(factsInput));
    const goneId = order.length - 1;
    const gone = order[goneId];
    const touched = touchedStories([gone.publishedAt!], before.time, before.story, (id) => id === goneId);
    engine.apply({ added: [], gone: [{ id: goneId, path: gone.path, publishedAt: gone.publishedAt }], context: contextOf(order, order.length, [gone.publishedAt!]).filter((c) => c.id !== goneId) });
    const after = engine.facts;
    expect(after.story[goneId]).toBe(goneId);
    expect(after.size[goneId]).toBe(1);
    const members = order.map((_, i) => i).filter((i) => i !== goneId && before.story[i] === before.story[goneId]);
    for (const m of members) expect(after.size[m]).toBe(before.size[m] - 1);
    // Stories far from the removed article kept their exact arrays.
    for (let i = 0; i < early.length; i++) {
      if (touched.includes(i)) continue;
      expect([after.story[i], after.size[i]]).toEqual([before.story[i], before.size[i]]);
    }
    expect(touched.length).toBeLessThan(order.length);
  });
});
