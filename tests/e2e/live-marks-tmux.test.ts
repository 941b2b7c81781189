// What the live updates keep of a file's story in a real terminal, found by a tester: the read
// and saved marks of a file with neither externalId nor url (keyed by its path) were lost when it
// was renamed while the dashboard ran, though the rename was followed (still selected, no arrival);
// a file that arrived broken and was fixed was listed but never counted new; a symlink loop's
// warning stayed after the link was removed.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dailyHarness, type DailyArticle } from './daily-home.js';

const daily = dailyHarness('cnt-live-marks-');
const ARTICLES: DailyArticle[] = [
  { name: 'alpha', day: 13, title: 'Alpha Bitcoin Rally', extra: '', body: 'Body of alpha.\n' },
  { name: 'beta', day: 14, title: 'Beta Ether Upgrade', extra: '', body: 'Body of beta.\n' },
];
// The status line: the screen's last row with text.
const statusLine = (screen: string): string => screen.trimEnd().split('\n').at(-1) ?? '';
// The list row of the article titled `title` (its marks: `◆` unread, `★` saved).
const rowOf = (screen: string, title: string): string => screen.split('\n').map((l) => l.split('│')[1] ?? '').find((l) => l.includes(title)) ?? '';
const post = (title: string, date: string, extra = ''): string => `---\ntitle: ${title}\npublishedAt: '${date}'\nsource: Probe Wire\n${extra}---\n\nBody of ${title}.\n`;

describe('a file renamed while the dashboard runs', () => {
  it('keeps its read and saved marks without externalId or url, and after a restart', async () => {
    const { env, news } = daily.makeHome(null, ARTICLES);
    const started = daily.start(env, { args: news });
    await started.s.waitFor((t) => t.includes('Beta Ether') && t.includes('2/2'), 'the list');
    fs.writeFileSync(path.join(news, 'gamma.md'), post('Gamma Probe Story', '2025-11-10T10:00:00Z', 'tags:\n  - BTC\n'));
    await started.s.waitFor((t) => statusLine(t).includes('1 new · r to show'), 'the arrival counted');
    started.s.send('r');
    await started.s.waitFor((t) => /▶.*Gamma Probe/.test(t) && !statusLine(t).includes('new ·'), 'r selecting it');
    started.s.send('*');
    started.s.send('m');
    const marked = await started.s.waitFor((t) => rowOf(t, 'Gamma Probe').includes('★') && !rowOf(t, 'Gamma Probe').includes('◆'), 'saved and read');
    expect(rowOf(marked, 'Gamma Probe')).toMatch(/▶/);
    fs.renameSync(path.join(news, 'gamma.md'), path.join(news, 'gamma-renamed.md'));
    started.s.send('i');
    const after = await started.s.waitFor((t) => t.includes('Inspector') && t.includes('news/gamma-renamed'), 'the rename merged (its new name in the inspector)');
    expect(rowOf(after, 'Gamma Probe')).toContain('★');
    expect(rowOf(after, 'Gamma Probe')).not.toContain('◆');
    expect(statusLine(after)).not.toContain('new ·');
    await daily.quit(started);

    // The marks are stored under the new name: a restart shows them.
    const again = daily.start(env, { args: news });
    const shown = await again.s.waitFor((t) => t.includes('Gamma Probe') && t.includes('3/3') && t.includes('? help'), 'the list again');
    expect(rowOf(shown, 'Gamma Probe')).toContain('★');
    expect(rowOf(shown, 'Gamma Probe')).not.toContain('◆');
    await daily.quit(again);
  });
});

describe('a file that arrives broken and is fixed', () => {
  it('is counted new once it loads, and r selects it', async () => {
    const { env, news } = daily.makeHome(null, ARTICLES);
    const started = daily.start(env, { args: news });
    await started.s.waitFor((t) => /▶.*Beta Ether/.test(t) && t.includes('2/2'), 'the list');
    const file = path.join(news, 'late.md');
    fs.writeFileSync(file, "---\ntitle: Broken Probe\npublishedAt: '2025-11-10T10:00:00Z'\ntags: [unclosed\n---\n\nBody.\n");
    await started.s.waitFor((t) => statusLine(t).includes('1 warning'), 'the broken file reported');
    fs.writeFileSync(file, post('Fixed Probe Story', '2025-11-10T10:00:00Z'));
    const fixed = await started.s.waitFor((t) => t.includes('Fixed Probe Story') && statusLine(t).includes('3/3'), 'the fixed file listed');
    expect(statusLine(fixed)).toContain('1 new · r to show');
    expect(statusLine(fixed)).not.toContain('warning');
    started.s.send('r');
    await started.s.waitFor((t) => /▶.*Fixed Probe/.test(t) && !statusLine(t).includes('new ·'), 'r selecting it');
    await daily.quit(started);
  });
});

describe('a symlink loop removed', () => {
  it('takes its warning with it, one made while the dashboard runs and one found at start-up alike', async () => {
    const { env, news } = daily.makeHome(null, ARTICLES);
    fs.mkdirSync(path.join(news, 'sub'));
    fs.symlinkSync('..', path.join(news, 'sub', 'old-loop'));
    const started = daily.start(env, { args: news });
    await started.s.waitFor((t) => t.includes('Beta Ether') && statusLine(t).includes('2/2') && statusLine(t).includes('1 warning'), 'the list with the start-up loop warned');
    fs.symlinkSync(news, path.join(news, 'loop'));
    await started.s.waitFor((t) => statusLine(t).includes('2 warnings'), 'the new loop warned');
    started.s.send('w');
    const listed = await started.s.waitFor((t) => /loop: symlink loop/.test(t) && t.includes('old-loop: symlink loop'), 'the warnings list');
    expect(listed.match(/symlink loop/g)).toHaveLength(2);
    started.s.send('Escape');
    fs.rmSync(path.join(news, 'loop'));
    await started.s.waitFor((t) => statusLine(t).includes('1 warning'), 'the new loop\'s warning gone');
    started.s.send('w');
    const left = await started.s.waitFor((t) => t.includes('old-loop: symlink loop'), 'the warnings list again');
    expect(left.match(/symlink loop/g)).toHaveLength(1);
    started.s.send('Escape');
    fs.rmSync(path.join(news, 'sub', 'old-loop'));
    await started.s.waitFor((t) => statusLine(t).includes('2/2') && !statusLine(t).includes('warning'), 'the start-up loop\'s warning gone');
    started.s.send('w');
    await started.s.waitFor((t) => t.includes('no warnings'), 'w saying there are none');
    await daily.quit(started);
  });
});
