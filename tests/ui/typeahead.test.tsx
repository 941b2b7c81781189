// Keys typed before the list has anything to act on (type-ahead while the program starts, or
// while the first articles are still loading) wait for it, then act as if typed a moment later.
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SearchIndex } from '../../src/core/search/search.js';
import { computeFacts } from '../../src/core/stories/facts-builder.js';
import { factsInput } from '../../src/core/stories/story-doc.js';
import { countFacts, storyMap, type FactsCounter } from '../../src/core/stories/index.js';
import { App, type AppProps } from '../../src/ui/App.js';
import { ORDER_WAIT_MS } from '../../src/ui/list/order-wait.js';
import { makeArticle, makeCorpus } from '../helpers/make-article.js';
import { eventually, rows, tick } from './frame.js';

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

// Quarry's story, told by three outlets, and Solana's single report, newer.
const H = 3_600_000;
const QUARRY_AND_SOLANA = [
  { title: 'Quarry bridge exploited for $21M via forged withdrawal proofs', source: 'The Block', sourceKey: 'theblock', publishedAt: NOW - 9 * H },
  { title: 'Quarry cross-chain bridge drained of $21 million with forged proofs', source: 'CoinDesk', sourceKey: 'coindesk', publishedAt: NOW - 6 * H },
  { title: 'Forged withdrawal proofs cost Quarry bridge $21M', source: 'Decrypt', sourceKey: 'decrypt', publishedAt: NOW - 3 * H },
  { title: 'Solana validators ship a client update', source: 'Decrypt', sourceKey: 'decrypt', publishedAt: NOW - H },
];

// Under `--sort hot` the list's first order is its own hits' (listedHits), made before the stories
// are grouped (no story sizes); the aggregate's, counted over the facts once they are in, is the
// one the settled screen shows. Found by a tester: Enter typed ahead printed a single report that
// the settled list showed below a story told by three outlets.
describe('type-ahead under the hot order', () => {
  // Quarry's story (three outlets, older) ranks above Solana's single report once sizes are known.
  const corpus = makeCorpus(QUARRY_AND_SOLANA);
  const facts = computeFacts(corpus.map(factsInput));
  // The facts worker: counts over the facts once they are in (dashboard-facts.ts), nothing before.
  const counter: FactsCounter = { count: async (ids, hot, now) => (known ? countFacts(facts, ids, hot, now) : null) };
  let known = false;

  function hotApp() {
    known = false;
    const onDone = vi.fn();
    const props: AppProps = { index: new SearchIndex(corpus), version: 1, warnings: [], loading: null, width: 100, height: 24, now: NOW, sort: 'hot', facts: null, stories: null, counter, onDone };
    const r = render(<App {...props} />);
    unmount = r.unmount;
    return { ...r, onDone, props, text: () => rows(r.lastFrame()).join('\n') };
  }

  it('Enter typed before the stories are in chooses the first row of the settled list', async () => {
    // The settled list, its first row chosen with Enter once the story (`+2`) is drawn first.
    const settled = hotApp();
    known = true;
    settled.rerender(<App {...settled.props} facts={facts} stories={storyMap(corpus)} />);
    await eventually(() => expect(settled.text()).toMatch(/▶.*\+2 .*Quarry/));
    await tick(100);
    settled.stdin.write('\r');
    await eventually(() => expect(settled.onDone).toHaveBeenCalledTimes(1));
    const first = settled.onDone.mock.calls[0][0].articles[0].id;
    expect(first).not.toBe(3);
    settled.unmount();

    const app = hotApp();
    // The stand-in order, without story sizes: the newest single report first.
    await eventually(() => expect(app.text()).toMatch(/▶.*Solana validators/));
    app.stdin.write('\r');
    await tick(100);
    expect(app.onDone).not.toHaveBeenCalled();
    // The facts and stories come (dashboard.tsx onFacts): the aggregate's hot order puts Quarry's story first.
    known = true;
    app.rerender(<App {...app.props} facts={facts} stories={storyMap(corpus)} />);
    await eventually(() => expect(app.onDone).toHaveBeenCalledTimes(1));
    expect(app.onDone.mock.calls[0][0]).toMatchObject({ kind: 'chosen', articles: [{ id: first }] });
  });

  it('keys wait no longer than ORDER_WAIT_MS for facts that never come, then act on the order shown', async () => {
    const app = hotApp();
    await eventually(() => expect(app.text()).toMatch(/▶.*Solana validators/));
    const sent = performance.now();
    app.stdin.write('j\r');
    await eventually(() => expect(app.onDone).toHaveBeenCalledTimes(1), ORDER_WAIT_MS + 10_000);
    expect(performance.now() - sent).toBeGreaterThanOrEqual(ORDER_WAIT_MS - 50);
    // The second row of the order shown: the newest of Quarry's outlets.
    expect(app.onDone.mock.calls[0][0]).toMatchObject({ kind: 'chosen', articles: [{ id: 2 }] });
  }, 30_000);
});

// Without `--sort hot` the rows are one per article until the stories are grouped (the facts
// worker's answer, dashboard.tsx): the settled screen folds a story's articles into one row. Found
// by a tester: `j j j j j j Enter` typed ahead at a warm start printed another article than the
// same keys typed a second later.
describe('type-ahead while the stories are grouped', () => {
  const corpus = makeCorpus([
    ...QUARRY_AND_SOLANA,
    { title: 'Ether staking queue empties for the first time this year', source: 'CoinDesk', sourceKey: 'coindesk', publishedAt: NOW - 10 * H },
  ]);

  function storyApp(storiesComing: boolean) {
    const onDone = vi.fn();
    const props: AppProps = { index: new SearchIndex(corpus), version: 1, warnings: [], loading: null, width: 100, height: 24, now: NOW, stories: null, storiesComing, onDone };
    const r = render(<App {...props} />);
    unmount = r.unmount;
    return { ...r, onDone, props, text: () => rows(r.lastFrame()).join('\n') };
  }

  it('j j Enter typed before the stories are in chooses the row the settled list shows there', async () => {
    const app = storyApp(true);
    // One row per article: `j j` would land on Quarry's second report.
    await eventually(() => expect(app.text()).toMatch(/Quarry cross-chain/));
    app.stdin.write('jj\r');
    await tick(100);
    expect(app.onDone).not.toHaveBeenCalled();
    app.rerender(<App {...app.props} stories={storyMap(corpus)} storiesComing={false} />);
    await eventually(() => expect(app.onDone).toHaveBeenCalledTimes(1));
    // Grouped: Solana, Quarry's story, Ether: the third row is Ether's.
    expect(app.onDone.mock.calls[0][0]).toMatchObject({ kind: 'chosen', articles: [{ id: 4 }] });
  });

  it('with no stories coming (`--no-group`, or a load still streaming in) the keys act at once', async () => {
    const app = storyApp(false);
    await eventually(() => expect(app.text()).toMatch(/Quarry cross-chain/));
    app.stdin.write('jj\r');
    await eventually(() => expect(app.onDone).toHaveBeenCalledTimes(1));
    expect(app.onDone.mock.calls[0][0]).toMatchObject({ kind: 'chosen', articles: [{ id: 1 }] });
  });
});

