// The pulse strip and the unread count when the folder watch adds files to an open dashboard, in a
// real terminal, on a folder bigger than the list's first fetch (1,000 hits: every count is over
// matches the list does not hold). The new list comes first; its counts follow. Meanwhile the
// strip says `counting…` (or `so far N%`) and the status line no unread count, never the old
// size's counts drawn as exact beside the new list (the pulse61 rule: AppState.pulseAt); then the
// exact counts, the new files in them. With the facts' live update held (hold-stories/, a module
// hook), the pulse is counted from facts that lack the new articles: drawn `so far N%`, N the share
// of the matches counted, until the update is let through.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cli, hasTmux, TmuxSession } from './tmux.js';
import { generatedCorpus, removeCorpus } from '../helpers/generated-corpus.js';

const FILES = 1_500;
// Files added per test: all `positive`, so the exact counts after are known from those before.
const ADDED = 200;
const hold = path.join(import.meta.dirname, 'hold-stories', 'register.mjs');

let root: string;
let corpus: string;
let session: TmuxSession | undefined;

beforeAll(async () => {
  ({ root, corpus } = await generatedCorpus('cnt-live-counts-', FILES));
}, 300_000);

afterAll(() => removeCorpus(root), 300_000);
afterEach(() => session?.close());

/** What the list pane and the status line say: the list's size, the strip's counts and mark, the unread count. */
interface Counts {
  listed: number;
  /** The sentiment counts (positive, neutral, negative); null while the strip says `counting…`. */
  pulse: [number, number, number] | null;
  /** `so far N%`'s N, when the strip is so marked; else null. */
  soFar: number | null;
  /** The status line's unread count; null when none is drawn. */
  unread: number | null;
}

const num = (s: string): number => Number(s.replaceAll(',', ''));

/** The counts on `screen`, or null before the list is drawn. */
function countsOf(screen: string): Counts | null {
  // The articles listed: the title's total, or beside the rows where stories fold them (`Stories 1/6,580 · 9,889 articles`).
  const title = /Articles \d+\/([\d,]+)|Stories \d+\/\S+ · ([\d,]+) articles?/.exec(screen);
  if (!title) return null;
  const listed = [title[0], title[1] ?? title[2]];
  const strip = /│(?:so far (\d+)% )?▲ ([\d,]+) ● ([\d,]+) ▼ ([\d,]+)/.exec(screen);
  const unread = /· ([\d,]+) unread/.exec(screen);
  return {
    listed: num(listed[1]),
    pulse: strip ? [num(strip[2]), num(strip[3]), num(strip[4])] : null,
    soFar: strip?.[1] ? Number(strip[1]) : null,
    unread: unread ? num(unread[1]) : null,
  };
}

/** Counts drawn as exact: the strip unmarked, and the unread count drawn. */
type Exact = Counts & { pulse: [number, number, number]; unread: number };
const settled = (c: Counts | null): c is Exact => !!c && c.pulse !== null && c.soFar === null && c.unread !== null;

/** Starts the dashboard over the corpus in a 120x35 terminal (`preload`: a module for node's --import) and waits for its exact counts. */
async function open(env: Record<string, string>, preload = ''): Promise<{ s: TmuxSession; before: Exact }> {
  if (!hasTmux()) throw new Error('tmux is required for the terminal end-to-end tests (.ci/run installs it)');
  const s = new TmuxSession(120, 35, root, { XDG_CACHE_HOME: path.join(root, 'cache'), ...env });
  session = s;
  s.type(`node ${preload ? `--import ${preload} ` : ''}${cli} ${corpus} > /dev/null`);
  s.send('Enter');
  const screen = await s.waitFor((t) => settled(countsOf(t)) && countsOf(t)!.listed > 1_000, 'the exact counts', 180_000);
  return { s, before: countsOf(screen) as Exact };
}

/** Writes ADDED positive articles dated an hour ago outside the folder, then moves each in (a feed fetcher's way). */
function addFiles(tag: string): void {
  const stage = fs.mkdtempSync(path.join(root, 'stage-'));
  const at = new Date(Date.now() - 3_600_000).toISOString();
  for (let k = 0; k < ADDED; k++) {
    const name = `${tag}-${k}.md`;
    fs.writeFileSync(path.join(stage, name), `---\ntitle: Live ${tag} story ${k}\npublishedAt: '${at}'\nsource:\n  name: The Block\n  key: theblock\nsentiment: POSITIVE\ndraft: false\n---\n\nA story added while the dashboard is open.\n`);
  }
  for (let k = 0; k < ADDED; k++) fs.renameSync(path.join(stage, `${tag}-${k}.md`), path.join(corpus, `${tag}-${k}.md`));
}

/**
 * What is wrong with counts `c` drawn after positive articles were added to a folder whose exact
 * counts were `before`, or null: an unmarked strip or an unread count that is not of the list beside it.
 */
function staleIn(c: Counts, before: Exact): string | null {
  const grown = c.listed - before.listed;
  const pulse = [before.pulse[0] + grown, before.pulse[1], before.pulse[2]];
  if (c.pulse && c.soFar === null && c.pulse.some((n, k) => n !== pulse[k])) return `the strip ${c.pulse.join('/')} drawn as exact beside ${c.listed} articles (exact: ${pulse.join('/')})`;
  if (c.unread !== null && c.unread !== before.unread + grown) return `${c.unread} unread drawn beside ${c.listed} articles (exact: ${before.unread + grown})`;
  return null;
}

describe('counts after the folder watch adds files', () => {
  it('never draws the old size’s pulse or unread count as exact beside the grown list, then counts the new files', async () => {
    const { s, before } = await open({});
    addFiles('watched');
    const after = { listed: before.listed + ADDED, pulse: [before.pulse[0] + ADDED, before.pulse[1], before.pulse[2]], unread: before.unread + ADDED };
    // Every screen until the exact counts of the grown list: an unmarked strip and a drawn unread
    // count are of the list beside them (the watch may merge the files in more than one batch, each
    // counted in turn). Captured as fast as tmux answers: a stale count lasts until the aggregate
    // comes (tens of ms). A capture can fall between two rows of one frame's write, so a screen
    // breaks the rule only when the next capture breaks it too.
    const deadline = Date.now() + 120_000;
    let broken: string | null = null;
    for (;;) {
      const screen = s.screen();
      const c = countsOf(screen);
      const wrong = c && staleIn(c, before);
      if (wrong && broken) expect.fail(`${wrong}:\n${broken}\nthen:\n${screen}`);
      broken = wrong ? screen : null;
      if (c?.listed === after.listed && settled(c) && !wrong) {
        expect(c.pulse).toEqual(after.pulse);
        expect(c.unread).toBe(after.unread);
        break;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for the grown list's exact counts; screen was:\n${screen}`);
      await new Promise((r) => setImmediate(r));
    }
    s.send('q');
  }, 400_000);

  it('draws the pulse `so far N%` while the facts lack the new articles (their update held), then exact once they have them', async () => {
    const holdFile = path.join(root, 'hold-stories');
    const { s, before } = await open({ CNT_TEST_HOLD_STORIES: holdFile }, hold);
    // The facts are in (the exact pulse of more matches than the list holds is counted from them):
    // from now on their live update waits.
    fs.writeFileSync(holdFile, '');
    addFiles('held');
    const listed = before.listed + ADDED;
    // Counted from the facts of the old articles: their counts, marked with their share of the matches.
    const partial = await s.waitFor((t) => countsOf(t)?.listed === listed && countsOf(t)?.soFar !== null, 'the pulse so far', 120_000);
    const c = countsOf(partial)!;
    expect(c.pulse).toEqual(before.pulse);
    expect(c.soFar).toBe(Math.floor((100 * before.listed) / listed));
    // A frame's chance to draw the update that must not come while it is held.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(countsOf(s.screen())).toMatchObject({ listed, soFar: c.soFar, pulse: before.pulse });
    fs.rmSync(holdFile);
    const exact = await s.waitFor((t) => countsOf(t)?.listed === listed && settled(countsOf(t)), 'the exact pulse', 120_000);
    expect(countsOf(exact)!.pulse).toEqual([before.pulse[0] + ADDED, before.pulse[1], before.pulse[2]]);
    s.send('q');
  }, 400_000);
});
