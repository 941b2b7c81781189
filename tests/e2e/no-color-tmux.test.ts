// NO_COLOR in a real terminal: https://no-color.org forbids colour, not other styling, so the
// dashboard draws as the `mono` theme does: the selected row inverse, unread titles bold, the
// search's matches underlined, and no colour code at all (found by a tester: with NO_COLOR the
// screen carried no escape sequence, the highlight and the selection gone with the colour).
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli, hasTmux, TmuxSession } from './tmux.js';

const repo = path.resolve(import.meta.dirname, '..', '..');

let session: TmuxSession | undefined;
afterEach(() => session?.close());

const ready = (screen: string) => screen.includes('? help') && /\d+\/\d+/.test(screen);

// The SGR parameter lists of a capture with its attributes (`capture-pane -e`).
const sgrs = (drawn: string) => [...drawn.matchAll(/\x1b\[([0-9;]*)m/g)].map((m) => m[1]);
// Parameters that set a colour: 30-37/90-97 and 40-47/100-107, or 38;/48; (256 colours, RGB). tmux's
// capture ends every run with 39 and 49 (back to the default colours), which draw none.
const colourParams = (drawn: string) => sgrs(drawn).flatMap((p) => p.split(';')).filter((p) => /^(3[0-8]|4[0-8]|9[0-7]|10[0-7])$/.test(p));

describe.sequential('NO_COLOR in tmux', () => {
  it('keeps bold, underline and inverse and draws no colour, as theme = "mono" does', async () => {
    if (!hasTmux()) throw new Error('tmux is required');
    const s = new TmuxSession(120, 30, repo, { NO_COLOR: '1' });
    session = s;
    const status = path.join(s.dir, 'status.txt');
    s.type(`node ${cli} -q bitcoin; echo "exit=$?" > ${status}`);
    s.send('Enter');
    await s.waitFor((t) => ready(t) && / BTC/.test(t), 'the dashboard with its matches');
    const drawn = s.tmux('capture-pane', '-p', '-e', '-t', 'main');
    expect(colourParams(drawn)).toEqual([]);
    const params = sgrs(drawn).map((p) => p.split(';'));
    expect(params.some((p) => p.includes('7')), 'the selected row, inverse').toBe(true);
    expect(params.some((p) => p.includes('4')), 'the matches, underlined').toBe(true);
    expect(params.some((p) => p.includes('1')), 'bold (unread titles, the focused pane)').toBe(true);
    s.send('q');
    expect(await s.waitForFile(status)).toBe('exit=130\n');
  });
});
