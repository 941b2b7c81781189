// What a person sees of the loader cases in the dashboard, at 80x24 in a real terminal: a date
// that could not be read is marked `~` in the list and explained in the inspector, the load's
// warnings are listed by `w`, and `-q` takes a query that starts with `-`.
import { afterEach, describe, expect, it } from 'vitest';
import { FolderDashboard } from './folder-dashboard.js';

const cases = 'tests/fixtures/cases/loader';

const dashboard = new FolderDashboard();
afterEach(() => dashboard.close());
const start = (args: string) => dashboard.start(80, 24, args);

const ready = (screen: string): boolean => screen.includes('? help') && /\d+\/\d+/.test(screen);

describe('loader cases in the dashboard (80x24)', () => {
  it('unreadable and ambiguous dates: ~ in the list, a note in the inspector, warnings listed', async () => {
    const s = start(`${cases}/written-dates`);
    const list = await s.waitFor((t) => ready(t) && ['Custodian Adds', 'Regulator Delays', 'Payments Firm'].every((w) => t.includes(w)), 'the dashboard');
    // The list pane only (left of the `││` between panes): the body pane beside it shows a title too.
    const row = (title: string): string => list.split('\n').map((l) => l.split('││')[0]).find((l) => l.includes(title)) ?? '';
    expect(row('Custodian Adds')).toMatch(/~\S+\s+Custodian Adds/);
    expect(row('Regulator Delays')).toMatch(/~\S+\s+Regulator Delays/);
    expect(row('Payments Firm')).toContain('Nov 4 2025');
    expect(row('Payments Firm')).not.toContain('~');

    // One warning per file whose date was not understood, naming the file and the value.
    s.send('w');
    const warnings = await s.waitFor((t) => /warnings — press any key/.test(t), 'the warnings overlay');
    expect(warnings).toContain('2 warnings');
    expect(warnings).toContain('bad-date.md: date "next tuesday"');
    expect(warnings).toContain('us-order.md: date "11-04-2025"');
    s.send('j');
    await s.waitFor((t) => !/warnings — press any key/.test(t), 'the warnings overlay to close');

    // The newest (a guessed date, so the file's time) is selected; the inspector explains it.
    s.send('i');
    const inspector = await s.waitFor((t) => t.includes('Inspector') && t.includes('note:'), 'the inspector');
    expect(inspector).toMatch(/note: date guessed from file time/);
    s.send('q');
    await s.waitFor((t) => t.includes('exit=130'), 'the exit');
  });

  it("-q '-source:decrypt' starts the dashboard with that query", async () => {
    const s = start(`-q '-source:decrypt' ${cases}/leading-dash`);
    const screen = await s.waitFor((t) => ready(t) && t.includes('Wire Desk'), 'the filtered list');
    expect(screen).toMatch(/\b1\/2\b/);
    expect(screen).not.toContain('Decrypt Desk');
    s.send('q');
    await s.waitFor((t) => t.includes('exit=130'), 'the exit');
  });
});
