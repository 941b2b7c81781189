// Keys typed before the list has anything to act on (type-ahead while the program starts, or
// while the first articles are still loading) wait for it, then act as if typed a moment later.
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SearchIndex } from '../../src/core/search/search.js';
import { App, type AppProps } from '../../src/ui/App.js';
import { makeArticle } from '../helpers/make-article.js';
import { eventually, tick } from './frame.js';

const NOW = Date.UTC(2025, 10, 14, 12);
const articles = () => Array.from({ length: 5 }, (_, i) => makeArticle({ id: i, title: `Eth #${i} news`, publishedAt: NOW - (i + 1) * 3_600_000 }));

let unmount: (() => void) | null = null;
afterEach(() => {
  unmount?.();
  unmount = null;
});

function loadingApp() {
  const index = new SearchIndex([]);
  const onDone = vi.fn();
  const props: AppProps = { index, version: 1, warnings: [], loading: { done: 0, total: 5, what: 'files' }, width: 80, height: 24, now: NOW, onDone };
  const r = render(<App {...props} />);
  unmount = r.unmount;
  return { ...r, index, onDone, props };
}

describe('type-ahead', () => {
  it('j and Enter typed while the list is empty and loading choose the second row once it is there', async () => {
    const app = loadingApp();
    await tick();
    app.stdin.write('j');
    await tick();
    app.stdin.write('\r');
    await tick();
    await tick();
    // Nothing to choose yet: held, not "chosen nothing".
    expect(app.onDone).not.toHaveBeenCalled();
    app.index.add(articles());
    app.rerender(<App {...app.props} version={2} loading={null} />);
    await eventually(() => expect(app.onDone).toHaveBeenCalledTimes(1));
    expect(app.onDone.mock.calls[0][0]).toMatchObject({ kind: 'chosen', articles: [{ id: 1 }] });
  });

  it('Ctrl-C is not held: it cancels at once', async () => {
    const app = loadingApp();
    await tick();
    app.stdin.write('\x03');
    await eventually(() => expect(app.onDone).toHaveBeenCalledTimes(1));
    expect(app.onDone.mock.calls[0][0]).toMatchObject({ kind: 'cancelled' });
  });

  it('an empty folder, once loaded, gets the keys: Enter then chooses nothing', async () => {
    const app = loadingApp();
    await tick();
    app.stdin.write('\r');
    await tick();
    expect(app.onDone).not.toHaveBeenCalled();
    app.rerender(<App {...app.props} version={2} loading={null} />);
    await eventually(() => expect(app.onDone).toHaveBeenCalledTimes(1));
    expect(app.onDone.mock.calls[0][0]).toMatchObject({ kind: 'chosen', articles: [] });
  });
});
