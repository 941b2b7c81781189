// A cursor move's draw worked out while the screen holds still, written as its key is read
// (input/draw-ahead.ts, frame/fast-frame.ts planPlaced): the same rows the key's own frame shows,
// before anything else is made for the key, and never once the screen changed since.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SearchIndex } from '../../../src/core/search/search.js';
import { App } from '../../../src/ui/App.js';
import { drawFastFramesTo } from '../../../src/ui/frame/fast-frame.js';
import { screenChanged, screenVersion } from '../../../src/ui/frame/screen-version.js';
import { pauseWith, YIELD_MS } from '../../../src/ui/frame/terminal-yield.js';
import { AHEAD_MS, drawAheadFor, drawsAhead } from '../../../src/ui/input/draw-ahead.js';
import { HOLD_MS } from '../../../src/ui/input/use-keys.js';
import { plainKey } from '../../../src/ui/input/key-tap.js';
import type { AppState } from '../../../src/state/reducer.js';
import { makeArticle } from '../../helpers/make-article.js';
import { render120, stillFrame, withCompositor } from '../frame/compositor-setup.js';
import { rows, tick } from '../frame.js';

const NOW = Date.UTC(2025, 10, 14, 12);
withCompositor();

function dashboard() {
  const articles = Array.from({ length: 60 }, (_, i) =>
    makeArticle({ id: i, title: `Ether #${i} rallies as ETF flows return`, publishedAt: NOW - (i + 1) * 3_600_000, source: 'CoinDesk', body: `Body ${i}.` }),
  );
  return render120(<App index={new SearchIndex(articles)} version={1} warnings={[]} loading={null} width={120} height={30} now={NOW} onDone={vi.fn()} />);
}

/** A row writer that logs what reaches it: `patch` (drawn as the key is handled) and `ahead` (a draw worked out before, written). */
function recordWrites() {
  const log: Array<{ how: 'patch' | 'ahead'; rows: Map<number, string> }> = [];
  drawFastFramesTo({
    patch: (rows) => (log.push({ how: 'patch', rows: new Map(rows) }), true),
    // `then` right after the bytes, as the FrameWriter's keep calls it.
    planPatch: (rows) => ({ bytes: 'rows', keep: (then) => (log.push({ how: 'ahead', rows: new Map(rows) }), then?.()) }),
  });
  return log;
}

/** Waits until the screen holds still and the draws ahead have been worked out. */
async function settled(r: ReturnType<typeof dashboard>): Promise<void> {
  await stillFrame(r);
  await tick(AHEAD_MS * 3);
}

/** The dashboard, settled, and the writes from then on. */
async function settledDashboard() {
  const log = recordWrites();
  const r = dashboard();
  await settled(r);
  log.length = 0;
  return { log, r, list: () => rows(r.lastFrame()).join('\n') };
}

afterEach(() => {
  drawFastFramesTo(null);
  pauseWith(null);
});

describe('draws worked out ahead', () => {
  it('writes a j’s or k’s rows and title as the key is read, the rows its own frame then shows', async () => {
    const log = recordWrites();
    const r = dashboard();
    for (const key of ['j', 'j', 'k', 'j']) {
      await settled(r);
      const framesBefore = r.frames.length;
      const before = (r.frames.at(-1) ?? '').split('\n');
      log.length = 0;
      r.stdin.write(key);
      // In the same turn, before any microtask: the draw worked out ahead is written, nothing else.
      expect(log.map((w) => w.how)).toEqual(['ahead']);
      await stillFrame(r);
      // The key's own fast frame found its rows drawn and wrote nothing more.
      expect(log.map((w) => w.how)).toEqual(['ahead']);
      const keyFrame = (r.frames[framesBefore] ?? '').split('\n');
      const changed = keyFrame.map((row, y) => (row === before[y] ? null : y)).filter((y) => y !== null);
      expect(changed).toHaveLength(3);
      const ahead = log[0].rows;
      expect([...ahead.keys()].sort((a, b) => a - b)).toEqual(changed);
      for (const [y, text] of ahead) expect([y, text]).toEqual([y, keyFrame[y]]);
    }
    expect(rows(r.lastFrame()).join('\n')).toContain('Articles 3/60');
    r.unmount();
  });

  it('writes Down’s and Up’s rows ahead as it does j’s and k’s', async () => {
    const log = recordWrites();
    const r = dashboard();
    for (const [key, at] of [['\x1b[B', 2], ['\x1b[B', 3], ['\x1b[A', 2]] as const) {
      await settled(r);
      log.length = 0;
      r.stdin.write(key);
      // As ink hands the arrow over, before any microtask: the draw worked out ahead, nothing else.
      expect(log.map((w) => w.how)).toEqual(['ahead']);
      await stillFrame(r);
      expect(log.map((w) => w.how)).toEqual(['ahead']);
      expect(rows(r.lastFrame()).join('\n')).toContain(`Articles ${at}/60`);
    }
    r.unmount();
  });

  it('does not write a draw once the screen changed after it was worked out: the key is drawn as it is handled, in its own turn', async () => {
    const { log, r, list } = await settledDashboard();
    // Something drawn since the draw was worked out (a frame, a slot, the rows on the terminal).
    screenChanged();
    const before = (r.frames.at(-1) ?? '').split('\n');
    const frames = r.frames.length;
    r.stdin.write('j');
    // Drawn as the key is handled, before any microtask (the turn's search step, React): the rows
    // the key's own frame then shows.
    expect(log.map((w) => w.how)).toEqual(['patch']);
    await stillFrame(r);
    expect(log.map((w) => w.how)).toEqual(['patch']);
    const keyFrame = (r.frames[frames] ?? '').split('\n');
    const changed = keyFrame.map((row, y) => (row === before[y] ? null : y)).filter((y) => y !== null);
    expect([...log[0].rows.keys()].sort((a, b) => a - b)).toEqual(changed);
    for (const [y, text] of log[0].rows) expect([y, text]).toEqual([y, keyFrame[y]]);
    expect(list()).toContain('Articles 2/60');
    r.unmount();
  });

  it('sleeps right after a draw written ahead, before anything else is made for the key; not after a key drawn the usual way', async () => {
    const { log, r, list } = await settledDashboard();
    const pauses: Array<{ ms: number; writes: string[]; frames: number; version: number }> = [];
    pauseWith((ms) => void pauses.push({ ms, writes: log.map((w) => w.how), frames: r.frames.length, version: screenVersion() }));
    const frames = r.frames.length;
    const version = screenVersion();
    r.stdin.write('j');
    // Once, with the rows written and nothing else done for the key yet (no frame, no other write,
    // not even the draw's own bookkeeping: its slots are placed after the sleep).
    expect(pauses).toEqual([{ ms: YIELD_MS, writes: ['ahead'], frames, version }]);
    expect(screenVersion()).toBeGreaterThan(version);
    await stillFrame(r);
    expect(pauses).toHaveLength(1);
    expect(list()).toContain('Articles 2/60');
    await settled(r);
    // A draw no longer valid: the key is drawn as it is handled, with no sleep.
    screenChanged();
    r.stdin.write('j');
    await stillFrame(r);
    expect(log.map((w) => w.how)).toContain('patch');
    expect(pauses).toHaveLength(1);
    expect(list()).toContain('Articles 3/60');
    r.unmount();
  });

  it('draws a turn’s later keys from the rows its first key drew: j then k in one turn leave the cursor where it was', async () => {
    // Drawn ahead, and drawn as it is handled (the draw no longer valid): either way `j`'s rows
    // are on the terminal before `k` is read in the same turn, and must not stay there.
    for (const stale of [false, true]) {
      const { r } = await settledDashboard();
      const before = rows(r.lastFrame()).join('\n');
      if (stale) screenChanged();
      r.stdin.write('j');
      r.stdin.write('k');
      await stillFrame(r);
      await tick(HOLD_MS * 3);
      await stillFrame(r);
      expect(rows(r.lastFrame()).join('\n')).toEqual(before);
      r.unmount();
    }
  });

  it('leaves a key whose draw was not worked out to the usual way', async () => {
    const { log, r, list } = await settledDashboard();
    // G jumps past the rows shown: nothing was worked out for it.
    r.stdin.write('G');
    expect(log).toEqual([]);
    await stillFrame(r);
    expect(log.map((w) => w.how)).not.toContain('ahead');
    expect(list()).toContain('Articles 60/60');
    r.unmount();
  });
});

describe('drawsAhead and drawAheadFor', () => {
  it('plans a state two keys lead to once, kept under both keys’ names; an arrow finds its own, a modified one none', () => {
    const [before, down, up] = [{}, {}, {}] as AppState[];
    const drawn: string[] = [];
    const plan = vi.fn((_: AppState, after: AppState) => () => (drawn.push(after === down ? 'down' : 'up'), true));
    const ahead = drawsAhead(before, (input, key) => (input === 'j' || key.downArrow ? down : up), plan);
    expect(ahead.map((a) => a.name)).toEqual(['j', 'k', 'down', 'up']);
    expect(plan).toHaveBeenCalledTimes(2);
    expect(ahead[0]!.draw).toBe(ahead[2]!.draw);
    expect(drawAheadFor(ahead, '', { ...plainKey(''), upArrow: true }, before)).toBe(true);
    expect(drawAheadFor(ahead, '', { ...plainKey(''), downArrow: true, shift: true }, before)).toBe(false);
    expect(drawAheadFor(ahead, '', plainKey(''), before)).toBe(false);
    expect(drawAheadFor(ahead, 'j', null, before)).toBe(true);
    expect(drawn).toEqual(['up', 'down']);
  });
});
