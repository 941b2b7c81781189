// The panes' daily-reading additions: unread/saved markers in the list, the status line's
// question, unread count and new-articles banner, and the saved-view tabs.
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { ArticleList, SAVED_GLYPH, UNREAD_GLYPH } from '../../src/ui/ArticleList.js';
import { StatusBar, type StatusBarProps } from '../../src/ui/StatusBar.js';
import { ViewTabs } from '../../src/ui/ViewTabs.js';
import { article, hit } from './factory.js';
import { maxWidth, rows } from './frame.js';

const NOW = Date.UTC(2025, 10, 14, 12);
const corpus = [article(0, { title: 'Unread and saved' }), article(1, { title: 'Read one' }), article(2, { title: 'Unread only' })];

describe('ArticleList reading marks', () => {
  const marks = (a: { id?: number; path: string }) => ({ unread: a.path !== '/tmp/a1.md', saved: a.path === '/tmp/a0.md' });
  const frame = (withMarks: boolean) =>
    render(
      <ArticleList hits={corpus.map((a) => hit(a.id))} start={0} cursor={0} article={(id) => corpus[id]} width={60} height={5} now={NOW} multi={false} marked={new Set()} focused emptyMessage="" marks={withMarks ? marks : null} />,
    ).lastFrame() ?? '';

  it('shows ◆ for unread and ★ for saved, in their own column', () => {
    const r = rows(frame(true));
    expect(r[0]).toMatch(new RegExp(`^▶${UNREAD_GLYPH}${SAVED_GLYPH} `));
    expect(r[1]).toMatch(/^ {3}/);
    expect(r[1]).toContain('Read one');
    expect(r[2]).toMatch(new RegExp(`^ ${UNREAD_GLYPH} `));
    expect(maxWidth(frame(true))).toBeLessThanOrEqual(60);
  });

  it('without reading state there is no marker column', () => {
    const r = rows(frame(false));
    expect(r[0]).not.toContain(UNREAD_GLYPH);
    expect(r[2]).not.toContain(UNREAD_GLYPH);
  });
});

describe('StatusBar daily pieces', () => {
  const base: StatusBarProps = { shown: 23, total: 66, query: '', sort: 'date', focus: 'list', mode: 'browse', loading: null, warnings: 0, marked: 0, message: null, width: 100 };
  const line = (over: Partial<StatusBarProps>) => rows(render(<StatusBar {...base} {...over} />).lastFrame())[0];

  it('counts unread in the result and shows the new-articles banner', () => {
    const out = line({ unread: 5, fresh: 3 });
    expect(out).toContain('5 unread');
    expect(out).toContain('3 new · r to show');
  });
  it('a question replaces everything else', () => {
    const out = line({ prompt: 'open https://news.test/a ? y/n', unread: 5 });
    expect(out).toContain('open https://news.test/a ? y/n');
    expect(out).not.toContain('unread');
  });
  it('shows the start notice', () => {
    expect(line({ message: '12 new since Nov 28 09:14' })).toContain('12 new since Nov 28 09:14');
  });
});

describe('ViewTabs', () => {
  const views = [{ name: 'Bitcoin', query: 'bitcoin' }, { name: 'Bad news', query: 'sentiment:negative' }];
  it('draws All and each view with its key, the active one bracketed', () => {
    const out = rows(render(<ViewTabs views={views} active={2} width={80} />).lastFrame())[0];
    expect(out).toContain(' 0 All ');
    expect(out).toContain(' 1 Bitcoin ');
    expect(out).toContain('[2 Bad news]');
  });
  it('keeps the active tab on the row when the tabs run past it, with ‹ for the ones scrolled off', () => {
    const many = Array.from({ length: 9 }, (_, i) => ({ name: `ビュー ${i + 1}`, query: 'tag:x' }));
    const frame = render(<ViewTabs views={many} active={8} width={60} />).lastFrame() ?? '';
    expect(rows(frame)[0]).toContain('[8 ビュー 8]');
    expect(rows(frame)[0].startsWith('‹ ')).toBe(true);
    expect(maxWidth(frame)).toBeLessThanOrEqual(60);
  });
  it('fits a narrow width', () => {
    expect(maxWidth(render(<ViewTabs views={views} active={0} width={12} />).lastFrame() ?? '')).toBeLessThanOrEqual(12);
  });
});
