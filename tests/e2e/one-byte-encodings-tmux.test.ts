// The tester's legacy-encoding files and secondary dates in the dashboard at 80x24 in a real
// terminal: a Windows-1251 title shows in the list as the Cyrillic it is (it loaded as
// Windows-1252's `Íîâîñòè áèòêîèíà`), and the frame keeps its width; an expiry or lastmod that
// does not read is in the `w` warnings list, naming its key and value.
import { afterEach, describe, expect, it } from 'vitest';
import { expectBorderedRows } from './bordered-rows.js';
import { bodyPane, FolderDashboard } from './folder-dashboard.js';

const more = 'tests/fixtures/cases/loader-more';

const dashboard = new FolderDashboard();
afterEach(() => dashboard.close());

// The list pane only (left of the `││` between panes): the body pane beside it shows a title too.
const listPane = (screen: string): string[] => screen.split('\n').map((l) => l.split('││')[0]);

describe('the tester\'s loader cases in the dashboard (80x24)', () => {
  it('one-byte-encodings: the Windows-1251 and KOI8-R titles read as Cyrillic in the list, the frame intact', async () => {
    const s = dashboard.start(80, 24, `${more}/one-byte-encodings`);
    const screen = await s.waitFor((t) => t.includes('4/4') && t.includes('? help') && listPane(t).some((l) => l.includes('Ελληνικά')), 'the dashboard');
    const rows = listPane(screen).filter((l) => l.includes('Новости биткоина'));
    expect(rows, screen).toHaveLength(2); // cp1251.md and koi8r.md
    expect(listPane(screen).some((l) => l.includes('Rynek kryptowalut w')), screen).toBe(true);
    expect(screen).not.toMatch(/Íîâîñòè|\ufffd/);
    expectBorderedRows(screen, 80, 24);
    // The Windows-1250 title, cut in the list, reads whole in the body pane's header.
    s.send('j');
    const polish = await s.waitFor((t) => bodyPane(t).includes('Rynek kryptowalut w Łodzi'), 'the Windows-1250 article');
    expectBorderedRows(polish, 80, 24);
    s.send('q');
    await s.waitFor((t) => t.includes('exit=130'), 'the exit');
  });

  it('other-dates: the warnings list names the file, the key and the value of each date not applied', async () => {
    const s = dashboard.start(80, 24, `${more}/other-dates`);
    await s.waitFor((t) => t.includes('? help') && /\d+\/\d+/.test(t) && t.includes('4 warnings'), 'the dashboard');
    s.send('w');
    const warnings = await s.waitFor((t) => /warnings — press any key/.test(t), 'the warnings overlay');
    // Each warning wraps over the overlay's rows: the path and key on one, the value on the next.
    expect(warnings).toContain('4 warnings');
    expect(warnings).toContain('ambiguous-expiry.md: expiryDate');
    expect(warnings).toContain('"12/08/2026" could be 12 August 2026 or 8 December 2026; not applied');
    expect(warnings).toContain('unreadable-lastmod.md: lastmod');
    expect(warnings).toContain('"yesterday" not understood; not applied');
    s.send('j');
    await s.waitFor((t) => !/warnings — press any key/.test(t), 'the warnings overlay to close');
    s.send('q');
    await s.waitFor((t) => t.includes('exit=130'), 'the exit');
  });
});
