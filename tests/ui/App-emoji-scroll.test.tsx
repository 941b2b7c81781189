// Scrolling a long body whose emoji shortcodes turn into emoji after it was first measured: gemoji's
// table arrives after the body is shown (it is loaded on demand), the body takes fewer rows, and
// the reducer's scroll bounds must be measured again with it (use-shown-article.ts `drawn`), or
// the bottom of the body is a few rows past where the pane stops and `k` seems to do nothing.
// Alone in its file: the table must not be loaded before the article is shown.
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SearchIndex } from '../../src/core/search/search.js';
import { App, type AppProps } from '../../src/ui/App.js';
import { makeArticle } from '../helpers/make-article.js';
import { eventually, rows, tick } from './frame.js';

const NOW = Date.UTC(2025, 10, 14, 12);
// One paragraph of 40 shortcodes (about ten rows as written at 38 columns, four as emoji), then
// numbered lines, then the end.
const BODY = [
  Array.from({ length: 40 }, () => ':rocket:').join(' '),
  ...Array.from({ length: 30 }, (_, i) => `Line ${i + 1}.`),
  'THE END.',
].join('\n\n');

let unmount: (() => void) | null = null;
afterEach(() => {
  unmount?.();
  unmount = null;
});

describe('App with a body whose shortcodes become emoji after it is shown', () => {
  it('scrolls to the real end of the body, and one row up from it', async () => {
    const index = new SearchIndex([makeArticle({ id: 0, title: 'Launch day', source: 'Desk', publishedAt: NOW - 3_600_000, body: BODY })]);
    const props: AppProps = { index, version: 1, warnings: [], loading: null, width: 80, height: 24, now: NOW, onDone: vi.fn() };
    const r = render(<App {...props} />);
    Object.defineProperty(r.stdout, 'columns', { get: () => props.width, configurable: true });
    r.stdout.emit('resize');
    unmount = r.unmount;
    const frame = () => rows(r.lastFrame()).join('\n');
    const type = async (s: string) => {
      r.stdin.write(s);
      await tick();
    };
    await eventually(() => expect(frame()).toContain('🚀'), 20_000);
    expect(frame()).not.toContain(':rocket:');
    await type('\t');
    await eventually(() => expect(frame()).toContain('focus: body'));
    await type('G');
    await eventually(() => expect(frame()).toContain('THE END.'));
    // One row up from the bottom: the last row leaves the pane (a stale, longer count kept the
    // scroll past the end the pane shows, so the first `k` moved nothing).
    await type('k');
    await eventually(() => expect(frame()).not.toContain('THE END.'));
    expect(frame()).toContain('Line 30.');
  });
});
