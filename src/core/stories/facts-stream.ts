// The facts of a whole corpus computed a chunk of articles at a time (the first start over a big
// folder, when the index holds no facts snapshot yet): each chunk's inputs are read, their facts
// laid out and their story terms counted and kept packed, then dropped; the stories follow from a
// second pass in date order over those terms (group-stream.ts), which reads no input again. The same facts and stories as computing over every input at once
// (FactsEngine.compute), in memory bounded by a chunk and the story window instead of every
// article's text: at a million articles the all-at-once computation took ~6 GB and a quarter of
// an hour. Runs on the facts worker.
import path from 'node:path';
import { articleFacts, type FactsInput } from './facts.js';
import { FactsBuilder } from './facts-builder.js';
import type { FactsEngine, FactsProgress } from './facts-engine.js';
import { groupStream, StoryTermCounts } from './group-stream.js';

/** From this many articles on, a first computation with the index's rows goes a chunk at a time. */
export const STREAM_FROM = 20_000;
/** Articles read per chunk: below index/leads.ts's SCAN_FROM, so a chunk is read row by row, never by a scan of the table. */
export const STREAM_CHUNK = 1_999;

/**
 * Loads `engine` with the facts of articles 0..n-1, whose inputs `inputsOf(ids)` gives (every id
 * asked for must be in its answer), asked `chunk` ids at a time in id order; with grouping, the
 * stories follow from the terms kept of them. `pause` is awaited between chunks (messages waiting on the thread are read then;
 * the engine counts meanwhile over the articles done, marked with how far it got). `onProgress`
 * hears after each chunk of the first pass but its last, then (with grouping) as the stories'
 * pass starts and after each of its chunks (`stories`: dated articles compared of all).
 * `indexFile`: the index the inputs come from; the candidate links wait beside it.
 */
export async function computeInChunks(
  engine: FactsEngine,
  n: number,
  inputsOf: (ids: number[]) => Promise<Map<number, FactsInput>>,
  pause: () => Promise<void>,
  chunk = STREAM_CHUNK,
  onProgress: (p: FactsProgress) => void = () => {},
  indexFile?: string,
): Promise<void> {
  // Each article's columns made once at their full size, over shared memory, and handed as they
  // are (FactsRoom): grown by doubling, the arrays they left and the copy made at the end stayed in
  // the thread's malloc arena once freed. (Tags and coins, whose totals are not known yet, grow.)
  const b = new FactsBuilder(undefined, false, { articles: n, tags: 0, coins: 0 });
  const counts = new StoryTermCounts();
  const codes = new Map<string, number>();
  const source = new Int32Array(n);
  // Until the stories are grouped, each article is its own (what the partial facts count by).
  const alone = { story: Int32Array.from({ length: n }, (_, i) => i), size: new Int32Array(n).fill(1) };
  for (let start = 0; start < n; start += chunk) {
    const ids = Array.from({ length: Math.min(chunk, n - start) }, (_, k) => start + k);
    const got = await inputsOf(ids);
    for (const id of ids) {
      const input = got.get(id)!;
      b.push(articleFacts(input));
      if (!engine.grouping) continue;
      counts.add(input);
      let code = codes.get(input.source);
      if (code === undefined) codes.set(input.source, (code = codes.size));
      source[id] = code;
    }
    // Counts asked for meanwhile (answered in the pause) are of the articles done so far. (With
    // grouping, the first pass's end is told as the stories' start, below: nothing is drawn between.)
    const progress = { done: b.n, n, grouped: false };
    engine.showPartial(b.view(alone), progress);
    if (b.n < n || !engine.grouping) onProgress(progress);
    await pause();
  }
  if (!engine.grouping) {
    engine.adoptBuilder(b, null);
    return;
  }
  // Every article's facts are in: the pulse is exact from here; the stories follow, the dated
  // articles compared in date order, told as they go.
  engine.adoptBuilder(b, alone);
  let dated = 0;
  for (const t of b.times) if (Number.isFinite(t)) dated++;
  const grouping = { done: n, n, grouped: false, stories: { done: 0, n: dated } };
  engine.showPartial(engine.facts, grouping);
  onProgress(grouping);
  // groupStream's pause between its chunks of `chunk` articles: says how far it got, then pauses.
  let compared = 0;
  const storiesPause = async (): Promise<void> => {
    compared = Math.min(dated, compared + chunk);
    onProgress({ ...grouping, stories: { done: compared, n: dated } });
    await pause();
  };
  // The candidate links past their first blocks wait in a file beside the index (links/link-runs.ts).
  const folder = indexFile === undefined ? undefined : path.dirname(indexFile);
  engine.adoptBuilder(b, await groupStream(counts, b.times.slice(), source, storiesPause, chunk, undefined, folder));
}

/**
 * A computeInChunks `onProgress` that passes on to `post` the first report (the pulse then draws),
 * then one every `everyMs` (ms; each of the first pass makes the dashboard count its result
 * again), and at once each report that starts a stage: the stories' grouping (FactsProgress.stories),
 * or the first pass's end without grouping.
 */
export function progressEvery(everyMs: number, post: (p: FactsProgress) => void, clock: () => number = Date.now): (p: FactsProgress) => void {
  let told = 0;
  let stage = '';
  return (progress) => {
    const now = clock();
    const at = progress.done < progress.n ? 'facts' : progress.stories ? 'stories' : 'end';
    if (told && at === stage && now - told < everyMs) return;
    told = now;
    stage = at;
    post(progress);
  };
}
