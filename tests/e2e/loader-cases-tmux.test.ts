// What a person sees of the loader cases in the dashboard, at 80x24 in a real terminal: a date
// that could not be read is marked `~` in the list and explained in the inspector, the load's
// warnings are counted in the status line, and `-q` takes a query that starts with `-`.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hasTmux, TmuxSession } from './tmux.js';

const repo = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(repo, 'dist', 'cli.js');
const cases = 'tests/fixtures/cases/loader';

let session: TmuxSession | undefined;
afterEach(() => session?.close());

function start(args: string): TmuxSession {
  if (!hasTmux()) throw new Error('tmux is required for the terminal end-to-end tests (.ci/run installs it)');
  const s = new TmuxSession(80, 24, repo);
  session = s;
  s.type(`node ${cli} --no-cache ${args}; echo "exit=$?"`);
  s.send('Enter');
  return s;
}

const ready = (screen: string): boolean => screen.includes('? help') && /\d+\/\d+/.test(screen);

describe('loader cases in the dashboard (80x24)', () => {
  it('unreadable and ambiguous dates: ~ in the list, a note in the inspector, warnings counted', async () => {
    const s = start(`${cases}/written-dates`);
    const list = await s.waitFor((t) => ready(t) && ['Custodian Adds', 'Regulator Delays', 'Payments Firm'].every((w) => t.includes(w)), 'the dashboard');
    const row = (title: string): string => list.split('\n').find((l) => l.includes(title)) ?? '';
    expect(row('Custodian Adds')).toMatch(/~\S+\s+Custodian Adds/);
    expect(row('Regulator Delays')).toMatch(/~\S+\s+Regulator Delays/);
    expect(row('Payments Firm')).toContain('Nov 4 2025');
    expect(row('Payments Firm')).not.toContain('~');
    expect(list).toContain('2 warnings');

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
