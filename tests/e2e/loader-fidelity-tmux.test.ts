// What a person sees of issue 8's loader cases in the dashboard, at 80x24 in a real terminal: an
// article whose status is `draft` (Ghost, WordPress, Pelican, TOML) is not listed until --drafts,
// and one dated by Obsidian Linter's `date created` shows that date in the list, not `~`.
import { afterEach, describe, expect, it } from 'vitest';
import { expectBorderedRows } from './bordered-rows.js';
import { FolderDashboard } from './folder-dashboard.js';

const cases = 'tests/fixtures/cases/loader-more';
const drafts = ['Ghost draft', 'Cap Draft', 'Toml status', 'Pelican draft'];

const dashboard = new FolderDashboard();
afterEach(() => dashboard.close());

const ready = (screen: string): boolean => screen.includes('? help') && /\d+\/\d+/.test(screen);
// The list pane only (left of the `││` between panes): the body pane beside it shows a title too.
const listPane = (screen: string): string => screen.split('\n').map((l) => l.split('││')[0]).join('\n');
// The row showing `title` whole (`Linter keys`, not `Linter keys German`).
const row = (screen: string, title: string): string => listPane(screen).split('\n').find((l) => l.trimEnd().replace(/│$/, '').trimEnd().endsWith(title)) ?? '';

describe('issue 8 loader cases in the dashboard (80x24)', () => {
  it('status: draft is hidden and Linter-dated articles show their dates; --drafts lists the drafts, marked DRAFT', async () => {
    let s = dashboard.start(80, 24, `${cases}/status-drafts ${cases}/linter-timestamps`);
    // 10 listed of 19 once all are read: the eight drafts and the one scheduled for 2099 wait for --drafts.
    const list = await s.waitFor((t) => ready(t) && /\b10\/19\b/.test(t) && t.includes('Linter keys') && t.includes('Validators Vote'), 'the dashboard');
    expectBorderedRows(list, 80, 24);
    for (const title of drafts) expect(listPane(list)).not.toContain(title);
    expect(row(list, 'Linter keys')).toMatch(/Jul 21 2025\s+Linter keys/);
    expect(row(list, 'Linter keys German')).toMatch(/Dec 8 2025\s+Linter keys German/);
    expect(row(list, 'last modified key')).toMatch(/Mar 11 2024\s+last modified key/);
    expect(listPane(list)).not.toContain('~');
    s.send('q');
    await s.waitFor((t) => t.includes('exit=130'), 'the exit');

    s = dashboard.start(80, 24, `--drafts -q 'is:draft' ${cases}/status-drafts`, { NO_COLOR: '1' });
    // The selected draft's header says DRAFT once its body is drawn.
    const shown = await s.waitFor((t) => ready(t) && /\b8\/12\b/.test(t) && drafts.every((title) => t.includes(title)) && t.includes('DRAFT'), 'the drafts');
    expectBorderedRows(shown, 80, 24);
    expect(listPane(shown)).not.toContain('Validators Vote');
    s.send('q');
    await s.waitFor((t) => t.includes('exit=130'), 'the exit');
  });
});
