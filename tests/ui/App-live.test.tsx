// Live updates through App's props, as the dashboard passes them (dashboard.tsx, live-updates.ts
// LiveView): new articles in the index with `arrivals`, an edited file's new version with `hidden`
// and `replaced`. The status line counts only arrivals the list shows: a draft never, an article
// whose publish date is to come once the session's clock reaches it. Saving the article on
// screen keeps the body's scroll and the inspector's cursor and folds.
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '../../src/core/article.js';
import { SearchIndex } from '../../src/core/search/search.js';
import { App, type AppProps } from '../../src/ui/App.js';
import { testClock } from '../helpers/test-clock.js';
import { remapKeymap } from '../../src/state/keymap-remap.js';
import { makeArticle } from '../helpers/make-article.js';
import { eventually, rows, tick } from './frame.js';

const NOW = Date.UTC(2026, 0, 1, 12);
const WIDTH = 120;
const HEIGHT = 30;


let unmount: (() => void) | null = null;
afterEach(() => {
  unmount?.();
  unmount = null;
});

/** App over `articles` at WIDTH x HEIGHT; `update` re-renders it with more props, as the dashboard does after a merged batch. */
function setup(articles: Article[], over: Partial<AppProps> = {}) {
  const index = new SearchIndex(articles);
  let props: AppProps = { index, version: 1, warnings: [], loading: null, width: WIDTH, height: HEIGHT, now: NOW, onDone: vi.fn(), ...over };
  const r = render(<App {...props} />);
  // ink-testing-library's stdout is 100 columns; make Ink lay out at the width under test.
  Object.defineProperty(r.stdout, 'columns', { get: () => WIDTH, configurable: true });
  r.stdout.emit('resize');
  unmount = r.unmount;
  const update = (more: Partial<AppProps>) => {
    props = { ...props, ...more, version: props.version + 1 };
    r.rerender(<App {...props} />);
  };
  const type = async (s: string) => {
    r.stdin.write(s);
    await tick();
  };
  const screen = () => rows(r.lastFrame()).join('\n');
  return { index, update, type, screen, status: () => rows(r.lastFrame()).at(-1) ?? '' };
}

const listed = (n: number) => Array.from({ length: n }, (_, i) => makeArticle({ id: i, title: `Listed story ${i}`, publishedAt: NOW - (i + 1) * 3_600_000 }));

describe('App counting live arrivals', () => {
  it('does not count a draft or an article not yet published; counts the latter once its date comes, and r selects it', async () => {
    const { clock, advance } = testClock(NOW);
    const app = setup(listed(3), { clock });
    await eventually(() => expect(app.screen()).toContain('3/3'));
    app.index.add([
      makeArticle({ id: 3, title: 'Draft arrival', publishedAt: NOW - 60_000, draft: true, path: '/corpus/draft.md' }),
      makeArticle({ id: 4, title: 'Scheduled arrival', publishedAt: NOW + 60_000, path: '/corpus/scheduled.md' }),
    ]);
    app.update({ arrivals: [3, 4] });
    // Merged (the total counts them) but not listed: nothing new to show.
    await eventually(() => expect(app.status()).toContain('3/5'));
    expect(app.status()).not.toContain('new ·');
    await app.type('r');
    await eventually(() => expect(app.status()).toContain('nothing new'));
    advance(NOW + 60_000);
    await eventually(() => expect(app.status()).toContain('4/5'));
    expect(app.screen()).toContain('Scheduled arrival');
    expect(app.status()).toContain('1 new · r to show');
    await app.type('r');
    await eventually(() => expect(app.screen()).toMatch(/▶.*Scheduled arrival/));
    expect(app.status()).not.toContain('new ·');
    expect(app.screen()).not.toContain('Draft arrival');
  });
});

// Found by a tester: with `[keys] showNew = ["n"]` the status line still said `r to show`.
describe('App naming the keys in force', () => {
  it('says `n to show` when n is the key that shows arrivals, and n shows them; the search and help hints too', async () => {
    const app = setup(listed(3), { keymap: remapKeymap({ showNew: ['n'], help: ['H'], startSearch: ['ctrl+f'] }) });
    await eventually(() => expect(app.screen()).toContain('3/3'));
    expect(app.screen()).toContain('press Ctrl-f to search, H for help');
    expect(app.status().trimEnd()).toMatch(/ H help$/);
    app.index.add([makeArticle({ id: 3, title: 'Fresh arrival', publishedAt: NOW - 60_000, path: '/corpus/fresh.md' })]);
    app.update({ arrivals: [3] });
    await eventually(() => expect(app.status()).toContain('1 new · n to show'));
    await app.type('n');
    await eventually(() => expect(app.screen()).toMatch(/▶.*Fresh arrival/));
  });
});

describe('App when the article on screen is saved', () => {
  const paragraphs = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} of the long report.`).join('\n\n');
  const long = makeArticle({ id: 0, title: 'Long report', publishedAt: NOW - 1_800_000, path: '/corpus/long.md', body: paragraphs, frontMatter: { title: 'Long report', tags: ['BTC', 'ETF'], source: { name: 'Decrypt', key: 'decrypt' } } });
  // The body pane's first row of text: the right half of the row under its title.
  const bodyTop = (screen: string) => screen.split('\n')[3]?.slice(WIDTH / 2) ?? '';

  it('keeps the body scrolled where it was, and the inspector cursor and folds', async () => {
    const app = setup([long, ...listed(3).map((a, i) => ({ ...a, id: i + 1 }))]);
    await eventually(() => expect(app.screen()).toMatch(/▶.*Long report/));
    await app.type('\t');
    await eventually(() => expect(app.screen()).toContain('Paragraph 0'));
    // Down a line at a time until a paragraph well into the body is the pane's top row.
    for (let k = 0; k < 40 && !bodyTop(app.screen()).includes('Paragraph 6 '); k++) await app.type('j');
    const scrolled = bodyTop(app.screen());
    expect(scrolled).toContain('Paragraph 6 ');
    // Saved with a paragraph more at its end: a new version (id 4) of the same file.
    app.index.add([{ ...long, id: 4, body: `${paragraphs}\n\nA paragraph added.`, size: long.size + 20 }]);
    app.update({ hidden: new Set([0]), replaced: new Map([[0, 4]]) });
    await tick(200);
    await eventually(() => expect(app.screen()).toMatch(/▶.*Long report/));
    expect(bodyTop(app.screen())).toBe(scrolled);

    // The inspector: its cursor moved down and a node folded, then the file saved again.
    await app.type('\t');
    await eventually(() => expect(app.screen()).toContain('Inspector'));
    for (let k = 0; k < 4; k++) await app.type('j');
    await eventually(() => expect(app.screen()).toMatch(/▶ *▾ source/));
    await app.type('h');
    await eventually(() => expect(app.screen()).toMatch(/▶ *▸ source/));
    app.index.add([{ ...long, id: 5, body: `${paragraphs}\n\nTwo paragraphs added.\n\nHere.` }]);
    app.update({ hidden: new Set([0, 4]), replaced: new Map([[0, 4], [4, 5]]) });
    await tick(200);
    await eventually(() => expect(app.screen()).toMatch(/▶.*Long report/));
    expect(app.screen()).toMatch(/▶ *▸ source/);
  });
});
