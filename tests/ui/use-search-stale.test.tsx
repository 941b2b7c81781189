import { Text } from 'ink';
import { render } from 'ink-testing-library';
import { describe, expect, it, vi } from 'vitest';
import { SearchIndex } from '../../src/core/search/search.js';
import { frameCommitted } from '../../src/ui/input/after-input.js';
import { searchRequest, useSearch } from '../../src/ui/use-search.js';
import { makeArticle } from '../helpers/make-article.js';
import { eventually } from './frame.js';

const NOW = Date.UTC(2025, 10, 14, 12);

function Probe({ index, query }: { index: SearchIndex; query: string }) {
  const s = useSearch(searchRequest({ index, version: 1, query, sort: null, includeDrafts: false, now: NOW }));
  return <Text>{`${s.query}:${s.ok ? s.result.total : 'error'}`}</Text>;
}

describe('useSearch', () => {
  it('answers a keystroke typed with the screen up to date in the same frame', () => {
    const index = new SearchIndex(['bitcoin etf', 'bitfarms', 'ether'].map((title, id) => makeArticle({ id, title, publishedAt: NOW - id })));
    const r = render(<Probe index={index} query="" />);
    r.rerender(<Probe index={index} query="ether" />);
    expect(r.lastFrame()).toBe(`ether:${index.search('ether', { now: NOW, limit: 1000 }).total}`);
    r.unmount();
  });

  it('for keys queued behind a frame, searches only once no newer key has arrived; a superseded query is never searched or drawn', async () => {
    const index = new SearchIndex(['bitcoin etf', 'bitfarms', 'ether'].map((title, id) => makeArticle({ id, title, publishedAt: NOW - id })));
    const search = vi.spyOn(index, 'search');
    const r = render(<Probe index={index} query="" />);
    expect(r.lastFrame()).toBe(':3');
    const frames: string[] = [];
    // The clock stands still while the keys are handled: "right after a frame" must not depend on
    // how busy the machine running the test is (BEHIND_MS is a few milliseconds).
    const clock = vi.spyOn(performance, 'now').mockReturnValue(performance.now());
    // Three keystrokes in one turn of the event loop: only the last is current when searching starts.
    for (const q of ['b', 'bi', 'bitfarms']) {
      // Each key is handled right after a frame was made: it had been waiting.
      frameCommitted();
      r.rerender(<Probe index={index} query={q} />);
      frames.push(r.lastFrame() ?? '');
    }
    clock.mockRestore();
    await eventually(() => expect(r.lastFrame()).toMatch(/^bitfarms:/));
    expect(search.mock.calls.map((c) => c[0])).toEqual(['', 'bitfarms']);
    expect(r.lastFrame()).toBe(`bitfarms:${index.search('bitfarms', { now: NOW, limit: 1000 }).total}`);
    // Until the current query's results arrive, the previous results stay on screen.
    expect(frames).toEqual([':3', ':3', ':3']);
    r.unmount();
  });

  it('keeps the last answer and reports a malformed query as an error', async () => {
    const index = new SearchIndex([makeArticle({ id: 0, title: 'bitcoin', publishedAt: NOW })]);
    const r = render(<Probe index={index} query="bitcoin" />);
    r.rerender(<Probe index={index} query={'"unclosed'} />);
    await eventually(() => expect(r.lastFrame()).toBe('"unclosed:error'));
    r.unmount();
  });
});
