// Live updates through App's props, as the dashboard passes them (dashboard.tsx): new articles in
// the index with `arrivals`. The status line counts only arrivals the list shows: a draft never,
// an article whose publish date is to come once the session's clock reaches it.
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '../../src/core/article.js';
import { SearchIndex } from '../../src/core/search/search.js';
import { App, type AppProps } from '../../src/ui/App.js';
import type { SessionClock } from '../../src/ui/use-session-clock.js';
import { makeArticle } from '../helpers/make-article.js';
import { eventually, rows, tick } from './frame.js';

const NOW = Date.UTC(2026, 0, 1, 12);
const WIDTH = 120;
const HEIGHT = 30;

// A clock whose time moves only by `advance`, firing the timers then due (as session-clock.test.tsx's).
function testClock(start: number) {
  let time = start;
  let timers: Array<{ at: number; fn: () => void }> = [];
  const clock: SessionClock = {
    now: () => time,
    after(ms, fn) {
      const timer = { at: time + ms, fn };
      timers.push(timer);
      return () => void (timers = timers.filter((t) => t !== timer));
    },
  };
  const advance = (to: number) => {
    time = to;
    const due = timers.filter((t) => t.at <= to);
    timers = timers.filter((t) => t.at > to);
    for (const t of due) t.fn();
  };
  return { clock, advance };
}

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
