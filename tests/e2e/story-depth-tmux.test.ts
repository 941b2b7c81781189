// A folder whose articles come two by two (the same story told by two outlets), bigger than the
// list's first pages: with the stories grouped, one `G` reaches the oldest story, and `G Enter`
// typed together prints it. Found by testers: in a folder of 5,000 the list stopped at the 2,000th
// article, as it asked the search for hits two pages beyond the cursor's ROW, and 2,000 hits folded
// into fewer rows than that; then each `G` went ~1,000 rows further, the list's two pages.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expectBorderedRows } from './bordered-rows.js';
import { startCli, type Started } from './tmux.js';
import { tempDirs } from '../helpers/temp-dirs.js';

const PAIRS = 1500;
const WORDS = ['amber', 'basalt', 'cobalt', 'delta', 'ember', 'fjord', 'garnet', 'harbor', 'indigo', 'juniper', 'kestrel', 'lumen', 'meadow', 'nimbus', 'onyx', 'pillar'];

// The test's folder, removed after the session is closed (vitest runs after-hooks last first).
const tmp = tempDirs('cnt-story-depth-');
let started: Started | undefined;
afterEach(() => started?.s.close());

// Pair k: two outlets' reports of one event, a minute apart, pairs an hour apart; a name of three
// words no other pair has, so each pair is one story and no two pairs are.
function writeFolder(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const start = Date.UTC(2026, 0, 1);
  for (let k = 0; k < PAIRS; k++) {
    const name = `${WORDS[k % 16]} ${WORDS[(k >> 4) % 16]} ${WORDS[(k >> 8) % 16]}`;
    for (const [j, source] of ['Wire One', 'Wire Two'].entries()) {
      const at = new Date(start + k * 3_600_000 + j * 60_000).toISOString();
      const title = j === 0 ? `Protocol ${name} exploited for $${k + 5}M in bridge attack` : `Bridge attack drains $${k + 5}M from protocol ${name}`;
      fs.writeFileSync(path.join(dir, `p${k}-${j}.md`), `---\ntitle: "${title}"\npublishedAt: '${at}'\nsource:\n  name: ${source}\n---\n\nAttackers drained $${k + 5}M from ${name}'s bridge.\n`);
    }
  }
}

describe('a list of stories deeper than its first pages', () => {
  it('one G reaches the oldest story, the last of 3,000 articles; G Enter typed together prints it', async () => {
    const root = tmp();
    const folder = path.join(root, 'news');
    writeFolder(folder);
    const env = { XDG_CONFIG_HOME: path.join(root, 'config'), XDG_STATE_HOME: path.join(root, 'state'), XDG_CACHE_HOME: path.join(root, 'cache') };
    started = startCli(100, 30, `--no-config ${folder}`, env);
    const s = started.s;
    // Grouped: the first row is the newest pair's story (`+1`).
    await s.waitFor((t) => t.includes('? help') && /Stories 1\/1,500 · 3,000 articles/.test(t) && /│▶.*\+1 /.test(t), 'the list grouped into stories', 120_000);
    s.send('G');
    const screen = await s.waitFor((t) => /Stories 1,500\/1,500 · 3,000 articles/.test(t) && t.includes('Also reported by 1 other outlet'), 'the last row after one G');
    // The oldest pair's story: amber amber amber, $5M, with its other outlet in the body.
    expect(screen).toMatch(/│▶.*\+1 Protocol amber amber am/);
    expect(screen).toContain('exploited for $5M');
    expectBorderedRows(screen, 100, 30);
    // Back to the top, then the two keys in one write: Enter acts on the last row, not the last loaded.
    s.send('g');
    await s.waitFor((t) => /Stories 1\/1,500/.test(t), 'the first row again');
    s.type('G\r');
    await s.waitFor((t) => fs.existsSync(started!.status) && fs.readFileSync(started!.status, 'utf8').includes('exit=0'), 'the exit');
    // The story's scoop: the first outlet's report of the oldest pair.
    expect(fs.readFileSync(started.out, 'utf8').trim()).toBe(path.join(folder, 'p0-0.md'));
  }, 180_000);
});
