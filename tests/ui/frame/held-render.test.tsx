// A cursor move drawn ahead of React (fast-frame.ts) reaches React HOLD_MS later
// (input/held-actions.ts): the terminal takes the rows in while the program is idle. What the
// user sees must not change: the moved cursor at once, the body of the article it stops on a
// moment later, and keys that come meanwhile acting on the moved cursor.
import { describe, expect, it, vi } from 'vitest';
import { SearchIndex } from '../../../src/core/search/search.js';
import { App } from '../../../src/ui/App.js';
import { drawFastFramesTo } from '../../../src/ui/frame/fast-frame.js';
import { HOLD_MS } from '../../../src/ui/input/use-keys.js';
import { makeArticle } from '../../helpers/make-article.js';
import { render120, stillFrame, withCompositor, recordFastFrames } from './compositor-setup.js';

const NOW = Date.UTC(2025, 10, 14, 12);
withCompositor();

function dashboard(onDone = vi.fn()) {
  const articles = Array.from({ length: 40 }, (_, i) =>
    makeArticle({
      id: i,
      title: `Story number ${i} about ether flows`,
      publishedAt: NOW - (i + 1) * 3_600_000,
      source: i % 2 ? 'CoinDesk' : 'Decrypt',
      body: `# Heading ${i}\n\nBody text of story ${i}.`,
    }),
  );
  const index = new SearchIndex(articles);
  const r = render120(<App index={index} version={1} warnings={[]} loading={null} width={120} height={30} now={NOW} onDone={onDone} />);
  return Object.assign(r, { index });
}

// Right-hand panes: the body starts past the list's column.
const bodyOf = (frame: string | undefined) => (frame ?? '').split('\n').map((l) => l.slice(62)).join('\n');

// One turn of the event loop: what a key written to stdin does before the next is read.
const nextTurn = () => new Promise((res) => setImmediate(res));

// Waits for React's frame for a key pressed at `start`: it comes, and not before the hold is over.
async function reactFrameAfterHold(r: { frames: string[] }, framesBefore: number, start: number): Promise<void> {
  while (r.frames.length === framesBefore && performance.now() - start < 10_000) await nextTurn();
  expect(r.frames.length).toBeGreaterThan(framesBefore);
  expect(performance.now() - start).toBeGreaterThanOrEqual(HOLD_MS - 1);
}

describe('React’s render of a cursor move drawn ahead', () => {
  it('comes HOLD_MS after the rows, once; the body of the new article follows it', async () => {
    const patches = recordFastFrames();
    const r = dashboard();
    await stillFrame(r);
    expect(bodyOf(r.lastFrame())).toContain('Story number 0');
    const framesBefore = r.frames.length;
    const start = performance.now();
    r.stdin.write('j');
    await Promise.resolve();
    expect(patches).toHaveLength(1);
    // React's frame for the key: not before the hold is over (timers never fire early).
    await reactFrameAfterHold(r, framesBefore, start);
    await stillFrame(r);
    expect(r.lastFrame()).toMatch(/Articles 2\/40/);
    expect(bodyOf(r.lastFrame())).toContain('Story number 1');
    expect(patches).toHaveLength(1);
    r.unmount();
  });

  it('keys read during the hold act on the moved cursor: moves chain, anything else takes them along in order', async () => {
    const patches = recordFastFrames();
    const onDone = vi.fn();
    const r = dashboard(onDone);
    await stillFrame(r);
    // Two moves in two turns, then Enter: it chooses the row the two moves reached.
    r.stdin.write('j');
    await nextTurn();
    r.stdin.write('j');
    await nextTurn();
    // Each move drew its rows ahead (the second from the first's, before React rendered either).
    expect(patches).toHaveLength(2);
    expect([...patches[1].values()].join('\n')).toMatch(/Articles 3\/40/);
    r.stdin.write('\r');
    await stillFrame(r);
    expect(onDone).toHaveBeenCalledTimes(1);
    expect(onDone.mock.calls[0][0].articles.map((a: { title: string }) => a.title)).toEqual(['Story number 2 about ether flows']);
    r.unmount();
  });

  it('a render for new props while moves are held shows them, not the cursor before them', async () => {
    drawFastFramesTo({ patch: () => true });
    const r = dashboard();
    await stillFrame(r);
    const start = performance.now();
    r.stdin.write('j');
    await Promise.resolve();
    // New props before the hold is over (a loading repaint, a warning found): App renders at once.
    const warning = { path: '/tmp/x.md', reason: 'unreadable' };
    r.rerender(<App index={r.index} version={1} warnings={[warning]} loading={null} width={120} height={30} now={NOW} onDone={vi.fn()} />);
    await nextTurn();
    const frame = r.lastFrame() ?? '';
    // Only meaningful while the hold lasts (a loaded machine may have let it run out).
    if (performance.now() - start < HOLD_MS) expect(frame).toMatch(/Articles 2\/40/);
    await stillFrame(r);
    expect(r.lastFrame()).toMatch(/Articles 2\/40/);
    r.unmount();
  });
});

// Text without its styles; the search line (row 0) as drawn ahead.
const unstyled = (s: string | undefined) => (s ?? '').replace(/\x1b\[[0-9;]*m/g, '');
const searchRowOf = (patch: Map<number, string>) => unstyled(patch.get(0));

describe('React’s render of a typed key drawn ahead', () => {
  it('comes HOLD_MS after the search line and rows, once; the query and its list are what it shows', async () => {
    const patches = recordFastFrames();
    const r = dashboard();
    await stillFrame(r);
    r.stdin.write('/');
    await stillFrame(r);
    const framesBefore = r.frames.length;
    const start = performance.now();
    r.stdin.write('e');
    await Promise.resolve();
    expect(patches).toHaveLength(1);
    expect(searchRowOf(patches[0])).toContain('/ e');
    await reactFrameAfterHold(r, framesBefore, start);
    // React's own frame for the key shows, row for row, what was drawn ahead.
    const keyFrame = (r.frames[framesBefore] ?? '').split('\n');
    for (const [y, text] of patches[0]) expect([y, text]).toEqual([y, keyFrame[y]]);
    r.unmount();
  });

  it('keys typed during the hold chain (each drawn from the one before); a cursor move among them is left to React', async () => {
    const patches = recordFastFrames();
    const onDone = vi.fn();
    const r = dashboard(onDone);
    await stillFrame(r);
    r.stdin.write('/');
    await stillFrame(r);
    r.stdin.write('e');
    await nextTurn();
    r.stdin.write('t');
    await nextTurn();
    expect(patches).toHaveLength(2);
    expect(searchRowOf(patches[1])).toContain('/ et');
    // Ctrl-N (next result) while the typed keys are held: the list rows on screen are not the ones
    // React last painted, so no move is drawn ahead from them; React draws it with the rest.
    r.stdin.write('\x0e');
    await nextTurn();
    expect(patches).toHaveLength(2);
    await stillFrame(r);
    expect(unstyled(r.lastFrame())).toMatch(/\/ et/);
    expect(unstyled(r.lastFrame())).toMatch(/Articles 2\/40/);
    r.stdin.write('\r');
    await stillFrame(r);
    r.stdin.write('\r');
    await stillFrame(r);
    expect(onDone).toHaveBeenCalledTimes(1);
    expect(onDone.mock.calls[0][0].articles.map((a: { title: string }) => a.title)).toEqual(['Story number 1 about ether flows']);
    r.unmount();
  });
});
