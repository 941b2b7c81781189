// File names with escape bytes, and long warnings, in a real terminal at 80x24 (found by a
// tester): a path is shown with its control characters as pictures (`␛`, `␇`, as `--print path`
// does on a terminal) in the inspector and the warnings list, never with them dropped (a name
// that does not exist) nor raw; the warnings list wraps at spaces, not mid-word.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli, hasTmux, TmuxSession } from './tmux.js';

let session: TmuxSession | undefined;
afterEach(() => session?.close());

describe.sequential('odd paths on a real terminal', () => {
  it('the inspector and the warnings list (w) show control bytes as ␛ and ␇, and warnings wrap at spaces', async () => {
    if (!hasTmux()) throw new Error('tmux is required');
    const s = new TmuxSession(80, 24, '/tmp', { NO_COLOR: '1' });
    session = s;
    const dir = path.join(s.dir, 'x');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'name-\x1b[31mred.md'), '---\ntitle: Redname\n---\nbody\n');
    fs.writeFileSync(path.join(dir, 'broken-\x1b]0;HACK\x07.md'), '---\ntitle: [broken\n---\nbody\n');
    fs.writeFileSync(path.join(dir, 'undated-article-about-markets.md'), '---\ntitle: Undated one\ndate: "next tuesday"\n---\nbody\n');
    const status = path.join(s.dir, 'status.txt');
    s.type(`cd ${s.dir} && XDG_CACHE_HOME=${path.join(s.dir, 'cache')} node ${cli} -q redname x > /dev/null; echo "exit=$?" > ${status}`);
    s.send('Enter');
    await s.waitFor((t) => t.includes('? help') && t.includes('Redname') && t.includes('2 warnings'), 'the dashboard');
    // Wide enough for the inspector to hold the whole absolute path, then back to 80 columns.
    s.resize(200, 24);
    // At 200 columns the inspector has a pane of its own; `i` sent before the redraw raced the resize
    // (read at 80 columns it showed the inspector, at 200 it hid it): sent only when it is not there.
    const wide = await s.waitFor((t) => t.split('\n')[1].length === 200 && t.includes('? help'), 'the redraw at 200 columns');
    if (!wide.includes('path: ')) s.send('i');
    const inspector = await s.waitFor((t) => t.includes('path: '), 'the inspector');
    expect(inspector).toContain(`path: ${dir}/name-␛[31mred.md `);
    s.resize(80, 24);
    await s.waitFor((t) => t.split('\n')[1].length <= 80 && t.includes('? help'), 'the redraw at 80 columns');
    s.send('w');
    const list = await s.waitFor((t) => t.includes('2 warnings — press any key'), 'the warnings list');
    expect(list).toContain('│x/broken-␛]0;HACK␇.md: ');
    // At 80 columns this warning takes two rows: they break at a space, every word whole (not `fi` / `le's time`).
    const warning = 'x/undated-article-about-markets.md: date "next tuesday" not understood; using the file\'s time';
    const rows = list.split('\n').map((l) => l.slice(1, -1).trim());
    const at = rows.findIndex((r) => r.startsWith('x/undated'));
    expect(rows[at].length).toBeLessThan(warning.length);
    expect(`${rows[at]} ${rows[at + 1]}`).toBe(warning);
    s.send('Escape');
    s.send('q');
    expect(await s.waitForFile(status)).toBe('exit=130\n');
  });
});
