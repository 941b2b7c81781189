import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { freshText, StatusBar, statusRow, type StatusBarProps } from '../../src/ui/StatusBar.js';
import { DEFAULT_HINTS, type KeyHints } from '../../src/state/keymap-remap.js';
import { rows } from './frame.js';

const base: StatusBarProps = {
  shown: 23,
  total: 66,
  query: 'bitfarms',
  sort: 'relevance',
  focus: 'list',
  mode: 'browse',
  loading: null,
  warnings: 0,
  marked: 0,
  message: null,
  width: 100,
};
const line = (over: Partial<StatusBarProps> = {}) => rows(render(<StatusBar {...base} {...over} />).lastFrame())[0];

describe('StatusBar', () => {
  it('shows count, query, sort, focus and the help hint', () => {
    const out = line();
    for (const part of ['23/66', 'query: bitfarms', 'sort: relevance', 'focus: list', '? help']) expect(out).toContain(part);
    expect(out.endsWith('? help')).toBe(true);
  });

  it('keeps a lasting notice (a folder given gone) at 80 columns, where the sort and focus give way', () => {
    const out = line({ width: 80, query: '', shown: 0, total: 0, unread: 0, notice: '/tmp/h4/live3 is gone; waiting for it' });
    expect(out).toContain('0/0 · 0 unread · /tmp/h4/live3 is gone; waiting for it');
    expect(line({ width: 80 })).not.toContain('gone');
  });

  it('shows loading progress with thousands separators and the warnings count', () => {
    const out = line({ loading: { done: 43_210, total: 100_000 }, warnings: 3, query: '' });
    expect(out).toContain('loading 43,210 / 100,000');
    expect(out).toContain('3 warnings — press w');
  });

  it('shows the full-text indexing that follows the load as its own progress', () => {
    const out = line({ loading: { done: 2_048, total: 100_000, what: 'text' }, query: '' });
    expect(out).toContain('indexing text 2,048 / 100,000');
    expect(out).not.toContain('loading');
  });

  it('says it is finding files before the walk has a total', () => {
    expect(line({ loading: { done: 0, total: 0 } })).toContain('finding files…');
  });

  it('counts the files found while a big tree is walked', () => {
    expect(line({ loading: { done: 0, total: 0, found: 245_760 } })).toContain('finding files… 245,760');
  });

  it('marks a count that is a lower bound with +', () => {
    expect(line({ shown: 1000, total: 100_000, shownIsLowerBound: true })).toContain('1,000+/100,000');
    expect(line({ shown: 1000, total: 100_000 })).toContain('1,000/100,000');
  });

  it('says counting… while the exact count is coming, never the lower bound as a count', () => {
    const counting = line({ shown: 1000, total: 100_000, shownIsLowerBound: true, shownCounting: true });
    expect(counting).toContain('counting…/100,000');
    expect(counting).not.toContain('1,000');
  });

  it('shows a notice and marked count', () => {
    const out = line({ message: 'nothing to choose', marked: 2 });
    expect(out).toContain('nothing to choose');
    expect(out).toContain('2 marked');
  });

  it('says typing while in search mode', () => {
    expect(line({ mode: 'search' })).toContain('typing');
  });

  it('sanitises the query echo', () => {
    expect(line({ query: 'a\x1b]0;pwned\x07b' })).not.toContain('\x1b');
  });

  it.each([10, 20, 30, 45, 60, 80])('fits %d columns, keeping the count', (width) => {
    const out = line({ width, loading: { done: 5, total: 10 }, warnings: 1, message: 'x', query: '日本語のクエリ' });
    expect(stringWidth(out)).toBeLessThanOrEqual(width);
    expect(out).toContain(width >= 10 ? '23/66' : '23');
  });

  it('drops the lowest-priority pieces first', () => {
    const out = line({ width: 40, loading: { done: 5, total: 10 } });
    expect(out).toContain('loading 5 / 10');
    expect(out).not.toContain('query:');
  });
});

describe('the live arrivals count', () => {
  it('says where arrivals that joined a folded story are, since they have no row of their own', () => {
    expect(line({ fresh: 2 })).toContain('2 new · r to show');
    expect(freshText(1, 1)).toBe('1 new in a story · r to show');
    expect(freshText(2, 2)).toBe('2 new in stories · r to show');
    expect(freshText(3, 1)).toBe('3 new (1 in a story) · r to show');
    expect(freshText(1_200, 1_000)).toBe('1,200 new (1,000 in stories) · r to show');
    // The key in force (`[keys]` showNew = ["n"]), or no hint when none is bound.
    expect(freshText(2, 0, 'n')).toBe('2 new · n to show');
    expect(freshText(2, 0, null)).toBe('2 new');
    // Warnings and help with their keys remapped, or with none bound.
    const row = (hints: KeyHints) => statusRow({ ...base, warnings: 2, width: 100, hints });
    expect(row({ ...DEFAULT_HINTS, warnings: 'W', help: 'F1' })).toMatch(/2 warnings — press W .* F1 help$/);
    expect(row({ search: null, help: null, warnings: null, showNew: null }).trimEnd()).toMatch(/2 warnings$/);
    expect(line({ fresh: 0, freshInStories: 0 })).not.toContain('new');
  });
});

describe('StatusBar on a narrow terminal', () => {
  it('cuts a long message short instead of dropping it', () => {
    const out = line({ width: 80, query: 'coin:sol', message: 'copied /home/someone/news/2025/11/a-very-long-file-name-about-solana-fees.md' });
    expect(out).toContain('copied /home/someone/news');
    expect(stringWidth(out)).toBeLessThanOrEqual(80);
  });

  it('keeps saying marks wait for a locked state.db at 80 columns, beside the notice of the key', () => {
    const out = line({ width: 80, query: 'bitcoin', message: 'marked read', unsaved: 'marks not saved yet: state.db is locked by another program', unread: 3 });
    expect(out).toContain('marked read');
    expect(out).toContain('marks not saved yet: state.db is locked');
    expect(stringWidth(out)).toBeLessThanOrEqual(80);
    expect(line({ unsaved: null })).not.toContain('not saved');
  });

  it('keeps the load warnings note before the sort, focus and query', () => {
    const out = line({ width: 80, query: 'bitcoin etf', warnings: 3, unread: 2, fresh: 2 });
    expect(out).toContain('3 warnings — press w');
  });

  it('says the unread count is a lower bound only when the count says so, not when the shown total is one', () => {
    expect(line({ unread: 1000, unreadIsLowerBound: true })).toContain('1,000+ unread');
    expect(line({ unread: 12 })).toContain('12 unread');
    // The list's total still counting (`1,000+`) while the unread count is over every match: exact.
    const exact = line({ shown: 1000, total: 100_000, shownIsLowerBound: true, unread: 4321 });
    expect(exact).toContain('1,000+/100,000');
    expect(exact).toContain('4,321 unread');
    expect(exact).not.toContain('4,321+');
  });

  it('the pulse strip focused at 80 columns: its keys kept, the sort and the query dropped first', () => {
    const out = line({ width: 80, mode: 'pulse', unread: 72, shown: 75, total: 78, query: 'source:coindesk', sort: 'date' });
    expect(out).toContain('pulse: ←/→ move, Enter add, - exclude, Esc back');
    expect(out).toContain('75/78');
    expect(out).not.toContain('sort: date');
    expect(stringWidth(out)).toBeLessThanOrEqual(80);
  });
});
