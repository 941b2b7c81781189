// Jekyll posts copied out of their site with any Markdown extension Jekyll reads, as a person sees
// them in the dashboard at 80x24 (NO_COLOR): a `.mkd` post's `tags: "spot market"` is split as
// Jekyll splits it, shown as two tags under its header and found by `tag:market`; it was one tag,
// `spot market`, as the dated-post name knew only `.md` and `.markdown`. The frame in place.
import { afterEach, describe, expect, it } from 'vitest';
import { bodyPane, FolderDashboard } from './folder-dashboard.js';
import { expectBorderedRows } from './bordered-rows.js';

const FOLDER = 'tests/fixtures/cases/loader-more/jekyll-copied';
const dashboard = new FolderDashboard();
afterEach(() => dashboard.close());

describe('Jekyll posts with other Markdown extensions in a real terminal', () => {
  it('tag:market finds the .mkd post, its tags split; tag:flows the .md and the .mdown ones', async () => {
    const s = dashboard.start(80, 24, FOLDER, { NO_COLOR: '1' });
    let screen = await s.waitFor((t) => t.includes('6/6') && t.includes('focus: list'), 'the dashboard');
    expectBorderedRows(screen, 80, 24);
    s.send('/');
    s.type('tag:market');
    screen = await s.waitFor((t) => /\b1\/6\b/.test(t) && bodyPane(t).includes('.mkd post'), 'the .mkd post');
    expect(bodyPane(screen)).toContain('#spot #market');
    expect(bodyPane(screen)).toContain('2024-12-20');
    expectBorderedRows(screen, 80, 24);
    s.send('C-u');
    s.type('tag:flows');
    screen = await s.waitFor((t) => /\b2\/6\b/.test(t), 'the .md and .mdown posts');
    expectBorderedRows(screen, 80, 24);
    s.send('C-c');
    await s.waitFor((t) => t.includes('exit=130'), 'the exit');
  }, 120_000);
});
