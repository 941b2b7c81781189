// A big folder's first start computes its facts (coins, stories, the pulse's codes) a chunk at a
// time on the facts worker (core/stories/facts-stream.ts): meanwhile the pulse strip counts the
// matches among the articles done so far, says so (`so far N%`) and grows; once every article's
// facts are in it is the exact pulse, said to be while the stories are still grouped (`stories
// N%`: the list's story rows change until then), then unmarked. The corpus is generated here, just
// above the size from which the computation goes a chunk at a time (STREAM_FROM), and its index is
// built by a first `--filter` run, so the dashboard's start is warm with no facts kept yet. Drawn
// in an 80-column terminal without colour: the signs are words that fit the list's pane.
import path from 'node:path';
import stringWidth from 'string-width';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { STREAM_FROM } from '../../src/core/stories/facts-stream.js';
import { hasTmux, TmuxSession } from './tmux.js';
import { generatedCorpus, indexCorpus, removeCorpus } from '../helpers/generated-corpus.js';

const repo = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(repo, 'dist', 'cli.js');
const FILES = STREAM_FROM + 2_000;

let root: string;
let corpus: string;
let session: TmuxSession | undefined;

beforeAll(async () => {
  ({ root, corpus } = await generatedCorpus('cnt-facts-progress-', FILES));
  await indexCorpus(corpus, { XDG_CACHE_HOME: path.join(root, 'cache') });
}, 600_000);

// 22,000 files take a while to remove on a busy machine.
afterAll(() => removeCorpus(root), 300_000);
afterEach(() => session?.close());

// The strip's sentiment counts (`▲ 5,424 ● 10,894 ▼ 5,444`), after its mark (`so far N%`,
// `stories N%`: N first) or right after the pane's border when unmarked (null).
const sentiments = (screen: string, mark: 'so far' | 'stories' | null): number[] | null => {
  const m = new RegExp(`│${mark ? `${mark} (\\d+)% ` : ''}▲ ([\\d,]+) ● ([\\d,]+) ▼ ([\\d,]+)`).exec(screen);
  return m ? m.slice(1).map((x) => Number(x.replaceAll(',', ''))) : null;
};

describe('the first start over a big folder', () => {
  it('draws a partial pulse, marked, while the facts are computed, then the exact one marked while the stories are grouped, then unmarked', async () => {
    if (!hasTmux()) throw new Error('tmux is required for the terminal end-to-end tests (.ci/run installs it)');
    const width = 80;
    const s = new TmuxSession(width, 24, repo, {});
    session = s;
    s.type(`NO_COLOR=1 XDG_CACHE_HOME=${path.join(root, 'cache')} node ${cli} ${corpus} > /dev/null`);
    s.send('Enter');
    const early = await s.waitFor((t) => sentiments(t, 'so far') !== null, 'a pulse counted so far', 180_000);
    const [percent, ...soFar] = sentiments(early, 'so far')!;
    expect(percent).toBeLessThan(100);
    // The list is the folder's whole (drafts and expired articles aside), not the part counted.
    const listed = Number(/Articles 1\/([\d,]+)/.exec(early)![1].replaceAll(',', ''));
    expect(listed).toBeGreaterThan(STREAM_FROM);
    expect(soFar.reduce((a, b) => a + b)).toBeLessThan(listed);
    for (const line of early.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(width);
    // Every article's facts in, the stories not yet: the exact counts, said to be while they are grouped.
    const grouping = await s.waitFor((t) => sentiments(t, 'stories') !== null, 'the stories being grouped', 300_000);
    const [grouped, ...counted] = sentiments(grouping, 'stories')!;
    expect(grouped).toBeLessThanOrEqual(100);
    for (const line of grouping.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(width);
    const exact = await s.waitFor((t) => !/so far|stories \d+%/.test(t) && sentiments(t, null) !== null, 'the exact pulse, the stories in', 300_000);
    const whole = sentiments(exact, null)!;
    expect(counted).toEqual(whole);
    // Counts over part of the folder are lower bounds of the whole's.
    soFar.forEach((n, k) => expect(n).toBeLessThanOrEqual(whole[k]));
    expect(soFar.reduce((a, b) => a + b)).toBeLessThan(whole.reduce((a, b) => a + b));
  }, 600_000);
});
