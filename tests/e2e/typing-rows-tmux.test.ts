// Typing a word where the index reads a word's tokens on a thread (from 300k articles; here
// lowered with the internal CRYPTO_NEWS_TUI_THREAD_READS, the key not waiting for the thread at
// all): a key answered meanwhile lists the rows its exact answer lists, or waits for the thread, so
// the list never shows rows that change once the read is in. Every frame the program draws is
// replayed into a terminal emulator (frames end with the synchronized-update mark) and, for each
// typed prefix, the list may show only the previous prefix's rows (before the key's answer) and
// then its own final rows: never a third set of rows.
//
// The folder makes the rows of the answer meanwhile differ from the exact ones: the newest 10,000
// articles (the bodies a limited search reads) hold `tollgate` in a quarter of the newest 2,000
// bodies, so it is answered meanwhile from the bodies in memory, while every article holding
// `quokka` (in its title) is older than those and holds `tollgate` in its body only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeQuokkaFolder } from '../helpers/quokka-folder.js';
import { writeTo, xterm } from '../ui/frame/xterm-cells.js';
import { hasTmux, TmuxSession } from './tmux.js';

const repo = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(repo, 'dist', 'cli.js');
const NEWEST = 10_000;
const OLDER = 2_000;
const WORD = 'quokka tollgate';
const SYNC_END = '\x1b[?2026l';
let root: string;
let session: TmuxSession | undefined;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-typing-rows-'));
  writeQuokkaFolder(root, NEWEST, OLDER);
});
afterEach(() => session?.close());
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** The search line's query and the list pane's rows of a screen (lines), or null without a list pane. */
function listOf(lines: string[]): { query: string | null; rows: string } | null {
  const top = lines.findIndex((l) => l.includes('╭'));
  const bottom = lines.findIndex((l, i) => i > top && l.includes('╰'));
  if (top < 0 || bottom < 0) return null;
  const edge = lines[top]!.indexOf('╮');
  const query = /^\/ (.*?)█?\s*$/.exec(lines[0] ?? '')?.[1] ?? null;
  // The pane's first row holds the pulse strip or `counting…`: counts, not rows.
  return { query, rows: lines.slice(top + 2, bottom).map((l) => l.slice(0, edge + 1)).join('\n') };
}

describe('typing where the index reads words on a thread', () => {
  it('never shows a key rows other than the previous key\'s and its own final ones', async () => {
    if (!hasTmux()) throw new Error('tmux is required for the terminal end-to-end tests (.ci/run installs it)');
    const [cols, height] = [120, 35];
    const s = new TmuxSession(cols, height, repo, { XDG_CACHE_HOME: path.join(root, 'cache'), CRYPTO_NEWS_TUI_THREAD_READS: '1000:0' });
    session = s;
    const status = path.join(s.dir, 'status.txt');
    // From before the program starts: a frame writes only the rows that changed.
    const stream = s.record();
    s.type(`node ${cli} ${path.join(root, 'news')} > /dev/null; echo "exit=$?" > ${status}`);
    s.send('Enter');
    const total = (NEWEST + OLDER).toLocaleString('en-US');
    // A cold start: the list, then the index's full text (the index's words attach once it is built).
    await s.waitFor((t) => t.includes(`${total}/${total}`) && !/loading|indexing text|counting…/.test(t), 'the list and the full text', 240_000);
    s.send('/');
    await s.waitFor((t) => /^\/ █?\s*$/m.test(t.split('\n')[0] ?? ''), 'the search line');
    for (let k = 1; k <= WORD.length; k++) {
      const prefix = WORD.slice(0, k);
      s.type(prefix.at(-1)!);
      // Each key's answer settled (no `counting…`) before the next key.
      await s.waitFor((t) => (t.split('\n')[0] ?? '').startsWith(`/ ${prefix}█`) && !t.includes('counting…'), `the answer to "${prefix}"`, 60_000);
    }
    // Anything still to come for the last key (a read that must change nothing) has its chance.
    await new Promise((r) => setTimeout(r, 1_500));
    const last = listOf(s.screen().split('\n'));
    expect(last?.query).toBe(WORD);
    // The exact answer: every older article, each holding both words.
    expect(last?.rows).toContain('Quokka tour');
    s.send('C-c');
    await s.waitForFile(status);

    // Replay the frames; per query, the distinct row sets shown while the search line shows it.
    const term = xterm(cols, height);
    const shown = new Map<string, string[]>();
    for (const frame of stream().split(SYNC_END)) {
      await writeTo(term, frame + SYNC_END);
      const buffer = term.buffer.active;
      const lines = Array.from({ length: height }, (_, y) => buffer.getLine(y)?.translateToString(true) ?? '');
      const seen = listOf(lines);
      if (!seen || seen.query === null) continue;
      const sets = shown.get(seen.query) ?? [];
      if (sets.at(-1) !== seen.rows) sets.push(seen.rows);
      shown.set(seen.query, sets);
    }
    let before = shown.get('')?.at(-1);
    expect(before).toBeDefined();
    for (let k = 1; k <= WORD.length; k++) {
      const prefix = WORD.slice(0, k);
      const sets = shown.get(prefix) ?? [];
      expect(sets.length, `frames showing "${prefix}"`).toBeGreaterThan(0);
      const final = sets.at(-1)!;
      const others = sets.filter((rows) => rows !== final && rows !== before);
      expect(others, `rows shown for "${prefix}" other than the previous key's and its final ones`).toEqual([]);
      before = final;
    }
  }, 400_000);
});
