// Inspector folds sent in one burst (one read of the terminal), in a real terminal: `l j l` on a
// folded node unfolds it, moves onto its first child and unfolds that too, as the three keys typed
// a moment apart do. The second `l` once acted on the rows drawn before the first (the tree is
// rebuilt only by the render), and unfolded the node's next sibling instead.
import { afterEach, describe, expect, it } from 'vitest';
import { FolderDashboard } from './folder-dashboard.js';
import { expectBorderedRows } from './bordered-rows.js';

const FOLDER = 'tests/fixtures/inspector-nested';

const dashboard = new FolderDashboard();
afterEach(() => dashboard.close());

// The inspector pane's rows (the right-hand pane), without its borders, trailing blanks cut.
const inspectorRows = (screen: string): string[] => screen.split('\n').map((row) => row.split('││').at(-1)?.replace(/│$/, '').trimEnd() ?? '').filter((r) => r !== '');

describe('inspector keys in one burst', () => {
  it('l j l unfolds meta and then its first child links; extra, after meta, stays folded', async () => {
    const s = dashboard.start(120, 35, FOLDER);
    await s.waitFor((t) => t.includes('1/1') && t.includes('focus: list'), 'the dashboard');
    s.send('Tab');
    s.send('Tab');
    await s.waitFor((t) => t.includes('focus: inspector') && /││▶/.test(t), 'the inspector focused');
    // title, publishedAt, then meta: folded by default (four keys).
    s.send('j');
    s.send('j');
    await s.waitFor((t) => inspectorRows(t).some((r) => /^▶▸ meta: \{4 keys\}/.test(r)), 'the cursor on meta');
    // One write: the program reads the three keys together.
    s.type('ljl');
    // meta opens either way; what the second `l` did is read from the same screen.
    const screen = await s.waitFor((t) => inspectorRows(t).includes(' ▾ meta: {4 keys}') && !inspectorRows(t).some((r) => r.startsWith('▶▾ meta')), 'meta unfolded and the cursor past it');
    expectBorderedRows(screen, 120, 35);
    const rows = inspectorRows(screen);
    expect(rows).toContain('       docs: https://example.com/docs');
    expect(rows.find((r) => r.startsWith('▶'))).toMatch(/^▶ {2}▾ links: \{4 keys\}/);
    expect(rows).toContain(' ▸ extra: {4 keys}');
    s.send('q');
    await s.waitFor((t) => t.includes('exit=130'), 'the exit');
  }, 120_000);

  // Found by a tester: the body and inspector follow the list's selection a moment after its
  // frame, and keys in the same burst that moved the list and then acted in the inspector acted on
  // the rows of the article shown before (they wait for the panes to follow now).
  it('j Tab Tab j j l in one burst unfolds the row of the article j moved to', async () => {
    const s = dashboard.start(160, 40, 'tests/fixtures/inspector-two');
    await s.waitFor((t) => t.includes('2/2') && t.includes('focus: list') && inspectorRows(t).some((r) => r.includes('▸ meta: {4 keys}')), 'the dashboard');
    // One write: the second row, the inspector, its third row (the older article's `extra`), unfolded.
    s.type('j\t\tjjl');
    const screen = await s.waitFor((t) => t.includes('focus: inspector') && inspectorRows(t).some((r) => r.includes('asset: stETH')), 'extra unfolded');
    expectBorderedRows(screen, 160, 40);
    expect(inspectorRows(screen).find((r) => r.startsWith('▶'))).toMatch(/^▶▾ extra: \{4 keys\}/);
    // The article before was left as it was: back on it, meta is still folded.
    s.send('Tab');
    s.send('k');
    const back = await s.waitFor((t) => t.includes('focus: list') && inspectorRows(t).some((r) => r.includes('meta: {4 keys}')), 'the newer article again');
    expect(inspectorRows(back)).toContain(' ▸ meta: {4 keys}');
    s.send('q');
    await s.waitFor((t) => t.includes('exit=130'), 'the exit');
  }, 120_000);
});
