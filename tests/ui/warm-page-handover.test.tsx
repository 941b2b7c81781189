// The warm start shows the index's first page (a SearchIndex of those articles alone, ids 0..n-1)
// until the load's index replaces it, where the same articles have other ids. Two things must hold
// across that hand-over: the pulse never counts the page as if it were the folder (the page's
// counts beside the folder's total are wrong numbers, not stale ones), and the body never shows
// the article that happens to carry the selected article's old id in the new index. A cold load
// that has found nothing yet draws no zeros either.
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SearchIndex } from '../../src/core/search/search.js';
import { App, type AppProps } from '../../src/ui/App.js';
import { frameCommitted } from '../../src/ui/input/after-input.js';
import { makeCorpus } from '../helpers/make-article.js';
import { eventually, rows, tick } from './frame.js';

const NOW = Date.UTC(2026, 2, 3, 12);
const H = 3_600_000;
const spec = (i: number, sentiment: 'POSITIVE' | 'NEGATIVE') => ({
  title: `Story number ${i} about ${sentiment === 'POSITIVE' ? 'gains' : 'losses'}`,
  source: 'Decrypt', sourceKey: 'decrypt', publishedAt: NOW - i * H, sentiment, body: `Body text of story ${i}.`,
  // Each story keeps its own file whatever its id: the hand-over follows the selection by path.
  path: `/corpus/story-${i}.md`, relPath: `story-${i}.md`,
});
// The folder: 6 articles, newest first by date; the warm page holds the newest 3.
const folder = makeCorpus([0, 1, 2, 3, 4, 5].map((i) => spec(i, i < 3 ? 'POSITIVE' : 'NEGATIVE')));
const page = makeCorpus([0, 1, 2].map((i) => spec(i, 'POSITIVE')));
// The load's index holds the folder in another order (file order, not date order): the newest
// article's id there is 5, and id 0 is the oldest.
const loadedOrder = makeCorpus([5, 4, 3, 2, 1, 0].map((i) => spec(i, i < 3 ? 'POSITIVE' : 'NEGATIVE')));

let unmount: (() => void) | null = null;
afterEach(() => {
  unmount?.();
  unmount = null;
});

function setup(over: Partial<AppProps>) {
  const props: AppProps = { index: new SearchIndex(page), version: 1, warnings: [], loading: { done: 0, total: 0 }, width: 140, height: 24, now: NOW, onDone: vi.fn(), ...over };
  const r = render(<App {...props} />);
  unmount = r.unmount;
  return { ...r, props, text: () => rows(r.lastFrame()).join('\n') };
}

describe('the warm page handed over to the loaded index', () => {
  it('counts no pulse over a page of a bigger folder, and counts the folder once it is loaded', async () => {
    const app = setup({ warmTotal: { listed: folder.length, total: folder.length } });
    await eventually(() => expect(app.text()).toContain('Story number 0'));
    for (let i = 0; i < 5; i++) await tick();
    expect(app.text()).toContain('counting…');
    expect(app.text()).not.toMatch(/▲ \d/);
    app.rerender(<App {...app.props} index={new SearchIndex(folder)} version={2} loading={null} warmTotal={null} />);
    await eventually(() => expect(app.text()).toContain('▲ 3 ● 0 ▼ 3'));
  });

  it('counts the page at once when it is the whole folder', async () => {
    const app = setup({ warmTotal: { listed: page.length, total: page.length } });
    await eventually(() => expect(app.text()).toContain('▲ 3 ● 0 ▼ 0'));
  });

  it('keeps the body on the selected article while ids change meaning, then follows the new index', async () => {
    const app = setup({ warmTotal: { listed: folder.length, total: folder.length } });
    await eventually(() => expect(app.text()).toContain('Body text of story 0.'));
    const seen: string[] = [];
    const look = () => seen.push(app.text());
    app.rerender(<App {...app.props} index={new SearchIndex(loadedOrder)} version={2} loading={null} warmTotal={null} />);
    look();
    for (let i = 0; i < 40; i++) {
      await new Promise((r) => setTimeout(r, 5));
      look();
    }
    await eventually(() => {
      look();
      expect(seen.at(-1)).toMatch(/▶.*Story number 0/);
      expect(seen.at(-1)).toContain('Body text of story 0.');
    });
    // Id 0 of the loaded index is story 5: its body must never have been drawn.
    for (const screen of seen) expect(screen).not.toContain('Body text of story 5.');
  });

  it('draws the loaded index\'s own rows in the frame of the swap, even with keys waiting', async () => {
    const app = setup({ warmTotal: { listed: folder.length, total: folder.length } });
    await eventually(() => expect(app.text()).toContain('Body text of story 0.'));
    // A frame just written: the swap's render takes the reader to be behind the screen, when a
    // list may stand in with its last answer; never one over the replaced index.
    frameCommitted();
    app.rerender(<App {...app.props} index={new SearchIndex(loadedOrder)} version={2} loading={null} warmTotal={null} />);
    const swapped = app.text();
    // The list's rows in date order, newest first (an answer over the page would draw ids 0-2
    // of the loaded index: stories 5, 4, 3).
    const listed = [...swapped.matchAll(/│[▶ ] +\S+ [▲●▼] Story number (\d)/g)].map((m) => Number(m[1]));
    expect(listed).toEqual([0, 1, 2, 3, 4, 5]);
    expect(swapped).toMatch(/▶.*Story number 0/);
    expect(swapped).not.toContain('Body text of story 5.');
  });
});

describe('a cold load that has found nothing yet', () => {
  it('says it is counting rather than drawing zeros, then counts what the load brings', async () => {
    const app = setup({ index: new SearchIndex([]), loading: { done: 0, total: 0 } });
    for (let i = 0; i < 5; i++) await tick();
    expect(app.text()).toContain('counting…');
    expect(app.text()).not.toContain('▲ 0');
    app.rerender(<App {...app.props} index={new SearchIndex(folder)} version={2} loading={{ done: 6, total: 6 }} />);
    await eventually(() => expect(app.text()).toContain('▲ 3 ● 0 ▼ 3'));
  });

  it('draws zeros for a folder that loaded empty', async () => {
    const app = setup({ index: new SearchIndex([]), loading: null });
    await eventually(() => expect(app.text()).toContain('▲ 0 ● 0 ▼ 0'));
  });
});
