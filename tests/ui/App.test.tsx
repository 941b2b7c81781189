import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LoadWarning } from '../../src/core/article.js';
import { SearchIndex } from '../../src/core/search/search.js';
import { App, type AppProps } from '../../src/ui/App.js';
import { makeArticle } from '../helpers/make-article.js';
import { eventually, maxWidth, rows, tick } from './frame.js';

const NOW = Date.UTC(2025, 10, 14, 12);
const corpus = () =>
  Array.from({ length: 30 }, (_, i) =>
    makeArticle({
      id: i,
      title: i === 7 ? 'Bitfarms Will Wind Down Bitcoin Mining and Pivot to AI' : `Eth #${i} news`,
      publishedAt: NOW - (i + 1) * 3_600_000,
      source: i % 2 ? 'CoinDesk' : 'Decrypt',
      sentiment: i === 7 ? 'NEGATIVE' : null,
      score: i,
    }),
  );

let unmount: (() => void) | null = null;
afterEach(() => {
  unmount?.();
  unmount = null;
});

function setup(over: Partial<AppProps> = {}) {
  const index = new SearchIndex(corpus());
  const onDone = vi.fn();
  const props: AppProps = { index, version: 1, warnings: [], loading: null, width: 80, height: 24, now: NOW, onDone, ...over };
  const r = render(<App {...props} />);
  // ink-testing-library's stdout is 100 columns; make Ink lay out at the width under test.
  Object.defineProperty(r.stdout, 'columns', { get: () => props.width, configurable: true });
  r.stdout.emit('resize');
  unmount = r.unmount;
  const type = async (s: string) => {
    r.stdin.write(s);
    await tick();
  };
  return { ...r, index, onDone, props, type, frame: () => rows(r.lastFrame()) };
}

describe('App', () => {
  it.each([
    [80, 24],
    [200, 50],
    [100, 30],
    [60, 20],
    [40, 12],
  ])('draws exactly height-1 rows within %dx%d', async (width, height) => {
    const app = setup({ width, height });
    await tick();
    await eventually(() => expect(app.frame()).toHaveLength(height - 1));
    await eventually(() => expect(maxWidth(app.lastFrame())).toBeLessThanOrEqual(width));
    await app.type('?');
    await eventually(() => expect(app.frame()).toHaveLength(height - 1));
    await eventually(() => expect(maxWidth(app.lastFrame())).toBeLessThanOrEqual(width));
  });

  it('narrows the list live when "/" then "bitfarms" arrive as one write', async () => {
    const app = setup();
    await tick();
    await eventually(() => expect(app.frame().join('\n')).toContain('30/30'));
    await app.type('/');
    await app.type('bitfarms');
    await eventually(() => expect(app.frame().at(-1)).toContain('1/30'));
    const out = app.frame().join('\n');
    expect(out).toContain('/ bitfarms█');
    expect(out).toContain('1/30');
    expect(out).toMatch(/▶ +\d+h .*Bitfarms Will/);
    expect(out).not.toContain('Eth #1 news');
    expect(out).toMatch(/│▶ .*▼ Bitfarms/);
    // The list shows the sentiment glyph; the body header, drawn a frame after the list, names it.
    await eventually(() => expect(app.frame().join('\n')).toMatch(/negative/i));
  });

  it('moves the selection with j and arrow down', async () => {
    const app = setup();
    await tick();
    await app.type('j');
    await eventually(() => expect(app.frame().find((l) => l.startsWith('│▶ '))).toContain('Eth #1 news'));
    await app.type('\u001B[B');
    await eventually(() => expect(app.frame().find((l) => l.startsWith('│▶ '))).toContain('Eth #2 news'));
  });

  it('ignores a key ink 6 cannot name (Ctrl+F1, a pasted colour code) instead of crashing', async () => {
    const app = setup();
    await tick();
    app.stdin.write('\u001B[1;5P');
    await tick();
    app.stdin.write('\u001B[31m');
    await tick();
    app.stdin.write('j');
    await eventually(() => expect(app.frame().find((l) => l.startsWith('│▶ '))).toContain('Eth #1 news'));
    expect(app.onDone).not.toHaveBeenCalled();
  });

  it('cycles the sort with s and shows it in the status bar', async () => {
    const app = setup();
    await tick();
    await eventually(() => expect(app.frame().at(-1)).toContain('sort: date'));
    await app.type('s');
    await eventually(() => expect(app.frame().at(-1)).toContain('sort: title'));
    await app.type('s');
    await eventually(() => expect(app.frame().at(-1)).toContain('sort: score'));
  });

  it('Enter chooses the selected article, once', async () => {
    const app = setup();
    await tick();
    await app.type('j');
    await app.type('\r');
    await app.type('\r');
    await eventually(() => expect(app.onDone).toHaveBeenCalledTimes(1));
    await tick();
    expect(app.onDone).toHaveBeenCalledTimes(1);
    expect(app.onDone.mock.calls[0][0]).toMatchObject({ kind: 'chosen', articles: [{ id: 1 }] });
  });

  it('a move and Enter arriving as one chunk choose the moved-to article (no render loop)', async () => {
    const app = setup();
    await tick();
    await app.type('j\r');
    await eventually(() => expect(app.onDone).toHaveBeenCalledTimes(1));
    const result = app.onDone.mock.calls[0][0] as { kind: string; articles: Array<{ title: string }> };
    expect(result.kind).toBe('chosen');
    expect(result.articles[0].title).toContain('Eth #1');
  });

  it('q cancels, once', async () => {
    const app = setup();
    await tick();
    await app.type('q');
    await app.type('q');
    await eventually(() => expect(app.onDone).toHaveBeenCalledWith({ kind: 'cancelled' }));
    await tick();
    expect(app.onDone).toHaveBeenCalledTimes(1);
  });

  it('Ctrl-C cancels while typing a search', async () => {
    const app = setup();
    await tick();
    await app.type('/sol');
    await app.type('\u0003');
    await eventually(() => expect(app.onDone).toHaveBeenCalledWith({ kind: 'cancelled' }));
  });

  it('keeps the previous results and shows the error for a malformed query', async () => {
    const app = setup();
    await tick();
    await app.type('/bitfarms');
    await app.type(' "unclosed');
    await eventually(() => expect(app.frame()[0]).toContain('✗ unclosed quote'));
    const out = app.frame().join('\n');
    expect(out).toContain('✗ unclosed quote');
    expect(out).toContain('Bitfarms Will');
    expect(app.onDone).not.toHaveBeenCalled();
  });

  it('says so when nothing matches; Enter then ends with nothing chosen', async () => {
    const app = setup();
    await tick();
    await app.type('/zzzzqqqxxx');
    await app.type('\r');
    await eventually(() => expect(app.frame().join('\n')).toContain('no matches for "zzzzqqqxxx"'));
    await app.type('\r');
    await eventually(() => expect(app.onDone).toHaveBeenCalledWith({ kind: 'chosen', articles: [] }));
  });

  it('in multi mode returns marked articles in marking order', async () => {
    const app = setup({ multi: true });
    await tick();
    await app.type('jj');
    await app.type(' ');
    await app.type('k');
    await app.type('k');
    await app.type(' ');
    await eventually(() => expect(app.frame().at(-1)).toContain('2 marked'));
    await app.type('\r');
    await eventually(() => expect(app.onDone.mock.calls[0][0].articles.map((a: { id: number }) => a.id)).toEqual([2, 1]));
  });

  it('shows loading progress and warnings in the status bar, and w lists the warnings', async () => {
    const warnings: LoadWarning[] = [{ path: 'bad.md', reason: 'not UTF-8' }];
    const app = setup({ width: 120, loading: { done: 43_210, total: 100_000 }, warnings });
    await eventually(() => expect(app.frame().at(-1)).toContain('loading'));
    const status = app.frame().at(-1) ?? '';
    expect(status).toContain('loading 43,210 / 100,000');
    expect(status).toContain('1 warning');
    await app.type('w');
    await eventually(() => expect(app.frame().join('\n')).toContain('bad.md: not UTF-8'));
    await app.type('x');
    await eventually(() => expect(app.frame().join('\n')).not.toContain('bad.md: not UTF-8'));
  });

  it('shows newly streamed articles when the version bumps', async () => {
    const app = setup();
    await tick();
    app.index.add([makeArticle({ id: 30, title: 'Fresh Solana headline', publishedAt: NOW - 60_000 })]);
    app.rerender(<App {...app.props} version={2} />);
    await tick();
    // At the top row (under the pulse strip), the newest article (just streamed in) becomes the selection.
    await eventually(() => expect(app.frame()[3]).toMatch(/^│▶ .*Fresh Solana/));
    await eventually(() => expect(app.frame().at(-1)).toContain('31/31'));
  });

  it('keeps the selection on its article when more stream in below the top row', async () => {
    const app = setup();
    await tick();
    await app.type('j');
    await eventually(() => expect(app.frame()[4]).toMatch(/^│▶ .*Eth #1/));
    app.index.add([makeArticle({ id: 30, title: 'Fresh Solana headline', publishedAt: NOW - 60_000 })]);
    app.rerender(<App {...app.props} version={2} />);
    await eventually(() => expect(app.frame()[3]).toContain('Fresh Solana'));
    await eventually(() => expect(app.frame()[5]).toMatch(/^│▶ .*Eth #1/));
  });

  it('lays out again when the CLI passes a new size', async () => {
    const app = setup();
    await tick();
    Object.defineProperty(app.stdout, 'columns', { get: () => 60, configurable: true });
    app.rerender(<App {...app.props} width={60} height={20} />);
    await tick();
    await eventually(() => expect(app.frame()).toHaveLength(19));
    await eventually(() => expect(maxWidth(app.lastFrame())).toBeLessThanOrEqual(60));
  });

  it('opens help with ? (generated from the keymap) and closes it with any key', async () => {
    const app = setup({ width: 120, height: 40 });
    await tick();
    await app.type('?');
    await eventually(() => expect(app.frame().join('\n')).toContain('cycle sort'));
    await app.type('j');
    await eventually(() => expect(app.frame().join('\n')).not.toContain('cycle sort'));
  });

  it('selects a row with a mouse click and ignores reports when mouse is off', async () => {
    const on = setup({ mouse: true });
    await tick();
    // Row 4 of the list: y = search line (1) + top border (1) + pulse strip (1) + 3, SGR is 1-based.
    await on.type('\u001B[<0;10;7M');
    await eventually(() => expect(on.frame().find((l) => l.startsWith('│▶ '))).toContain('Eth #3 news'));
    on.unmount();
    const off = setup({ mouse: false });
    await tick();
    await off.type('/');
    await off.type('\u001B[<0;10;6M');
    await tick(50);
    expect(off.frame()[0]).toBe('/ █');
    expect(off.frame().find((l) => l.startsWith('│▶ '))).toContain('Eth #0 news');
  });

  it('folds and unfolds an inspector node with Enter when the inspector has focus', async () => {
    const index = new SearchIndex([
      makeArticle({ id: 0, title: 'Only one', frontMatter: { title: 'Only one', coverImage: { raw: 'r', full: 'f', small: 's', thumb: 't' } } }),
    ]);
    const app = setup({ index, width: 200, height: 30 });
    await eventually(() => expect(app.frame().join('\n')).toContain('▸ coverImage'));
    await app.type('\t');
    await app.type('\t');
    await eventually(() => expect(app.frame()[1]).toContain('▶ Inspector'));
    await app.type('j');
    await app.type('\r');
    await eventually(() => expect(app.frame().join('\n')).toContain('▾ coverImage'));
    expect(app.frame().join('\n')).toContain('thumb: t');
    await app.type('h');
    await eventually(() => expect(app.frame().join('\n')).toContain('▸ coverImage'));
    expect(app.onDone).not.toHaveBeenCalled();
  });

  it('Tab moves focus to the body and the marker follows', async () => {
    const app = setup();
    await tick();
    await eventually(() => expect(app.frame()[1]).toContain('▶ Articles'));
    await app.type('\t');
    await eventually(() => expect(app.frame()[1]).toMatch(/▶ Article[─ ]/));
    await eventually(() => expect(app.frame()[1]).not.toContain('▶ Articles'));
  });

  it("the body pane's title shows how far the article has been read, 100% once its last row is on screen", async () => {
    const long = makeArticle({ id: 0, title: 'A long read', publishedAt: NOW - 3_600_000, body: Array.from({ length: 60 }, (_, i) => `Paragraph ${i}.`).join('\n\n') });
    const app = setup({ index: new SearchIndex([long]) });
    const percent = (): number => Number(/Article · (\d+)%/.exec(app.frame()[1] ?? '')?.[1] ?? NaN);
    await eventually(() => expect(percent()).toBeLessThan(100));
    const top = percent();
    await app.type('\t');
    await app.type('\x1b[6~');
    await eventually(() => expect(percent()).toBeGreaterThan(top));
    expect(percent()).toBeLessThan(100);
    await app.type('G');
    await eventually(() => expect(app.frame()[1]).toContain('Article · 100%'));
  });
});
