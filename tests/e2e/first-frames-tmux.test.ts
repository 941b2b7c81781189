// The dashboard's first frames in a real terminal come before its own module loads
// (dashboard-start.ts): the skeleton on any start, and on a warm start the index's first page in
// it. The test holds the CLI's import of dashboard.tsx (hold-dashboard/, a module hook) until it has
// seen those frames, then lets the dashboard come up over them: without the split, nothing is drawn
// while that import is held.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { heapFlags } from '../../src/heap-growth.js';
import { eventually } from '../helpers/eventually.js';
import { cli, copiedCorpus, hasTmux, TmuxSession } from './tmux.js';

const repo = path.resolve(import.meta.dirname, '..', '..');
const hold = path.join(import.meta.dirname, 'hold-dashboard', 'register.mjs');
const recordFlags = path.join(import.meta.dirname, 'hold-dashboard', 'record-flags.mjs');

const copy = copiedCorpus('cnt-first-frames-');

const loaded = (t: string) => t.includes('? help') && /(?:Articles|Stories) 1\/\d+/.test(t) && !/loading|finding files/.test(t);
const skeleton = (t: string) => /╭─▶ Articles ─*╮/.test(t) && t.includes('press / to search') && /loading…\s+\? help/.test(t);
const glyphRows = (t: string) => t.split('\n').filter((l) => /^│ .*[▲▼●] \S/.test(l)).length;

/** Starts the CLI on the copy.corpus with the dashboard's module held until `release` exists. */
function start(release: string): TmuxSession {
  if (!hasTmux()) throw new Error('tmux is required for the terminal end-to-end tests (.ci/run installs it)');
  const s = new TmuxSession(120, 35, repo, {
    XDG_CACHE_HOME: path.join(copy.root, 'cache'),
    XDG_CONFIG_HOME: path.join(copy.root, 'config'),
    XDG_STATE_HOME: path.join(copy.root, 'state'),
    CNT_TEST_HOLD_DASHBOARD: release,
    CNT_TEST_FLAGS_LOG: path.join(copy.root, 'flags.log'),
  });
  copy.session = s;
  s.type(`node --import ${hold} --import ${recordFlags} ${cli} ${copy.corpus}`);
  s.send('Enter');
  return s;
}

/**
 * The heap's growth is limited (heap-growth.ts) before the dashboard's module loads, but only after
 * the first frames: a V8 flag set makes each of Node's own modules loaded after it compile from source.
 */
async function flagsAfterFrames(): Promise<void> {
  await eventually(() => {
    const lines = fs.readFileSync(path.join(copy.root, 'flags.log'), 'utf8').split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    expect(new Set(lines)).toEqual(new Set([`after-frame ${heapFlags()}`]));
  });
}

describe('first frames before the dashboard module', () => {
  it('a cold start draws the skeleton, a warm start the first page in it, both while dashboard.tsx is not loaded yet', async () => {
    // Cold: no index yet, so the skeleton alone; the dashboard comes up once released.
    const cold = start(path.join(copy.root, 'release-cold'));
    const bare = await cold.waitFor(skeleton, 'the skeleton, with the dashboard held');
    expect(glyphRows(bare)).toBe(0);
    expect(bare).not.toMatch(/(?:Articles|Stories) 1\//);
    await flagsAfterFrames();
    fs.writeFileSync(path.join(copy.root, 'release-cold'), '');
    await cold.waitFor(loaded, 'the loaded list after the release');
    cold.send('q');
    await cold.waitFor((t) => t.includes('$ ') && !t.includes('? help'), 'the shell back after q');
    cold.close();
    fs.rmSync(path.join(copy.root, 'flags.log'));

    // Warm: the index's first page drawn in the skeleton while the dashboard is still held.
    const warm = start(path.join(copy.root, 'release-warm'));
    const page = await warm.waitFor((t) => skeleton(t) && glyphRows(t) >= 3, 'the warm page in the skeleton, with the dashboard held');
    expect(page).not.toMatch(/(?:Articles|Stories) 1\//); // no count: the dashboard itself is not up
    await flagsAfterFrames();
    fs.writeFileSync(path.join(copy.root, 'release-warm'), '');
    const list = await warm.waitFor(loaded, 'the loaded list after the release');
    expect(glyphRows(list)).toBeGreaterThanOrEqual(3);
  });
});
