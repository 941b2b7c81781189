// Hugo's `[params]`, Zola's `[extra]` and RSS-style authors (`Name <address>`, `address (Name)`)
// as a person sees them in the dashboard, in a real terminal at 80x24 (NO_COLOR) and 120x40:
// each article's author named in the body's header (and in the list's source column where it has
// room), never the address, which the inspector shows as written; the frame in place throughout.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hasTmux, TmuxSession } from './tmux.js';
import { expectBorderedRows } from './bordered-rows.js';

const repo = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(repo, 'dist', 'cli.js');
const folders = ['tests/fixtures/cases/loader-more/site-params', 'tests/fixtures/cases/loader-more/rss-authors'];

// The twelve articles' authors, newest first, as the list orders them.
const NAMES = [
  'Mei Lin', 'Tomás Ferreira', 'Priya Nair', 'Jane Doe', 'Ana Ruiz', 'Kofi Mensah',
  'Dana Whitfield', 'Carlos Méndez', 'Yuki Tanaka', 'research@example.com', "O'Brien, Siobhan", 'Jane Doe (CoinDesk)',
];

let session: TmuxSession | undefined;
let home: string | undefined;
afterEach(() => {
  session?.close();
  if (home) fs.rmSync(home, { recursive: true, force: true });
});

function start(width: number, height: number, env: Record<string, string>): TmuxSession {
  if (!hasTmux()) throw new Error('tmux is required for the terminal end-to-end tests (.ci/run installs it)');
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-site-fields-'));
  const s = new TmuxSession(width, height, repo, {
    ...env, XDG_CONFIG_HOME: path.join(home, 'config'), XDG_STATE_HOME: path.join(home, 'state'), XDG_CACHE_HOME: path.join(home, 'cache'),
  });
  session = s;
  s.type(`node ${cli} --no-cache ${folders.join(' ')}; echo "exit=$?"`);
  s.send('Enter');
  return s;
}

// The body pane's header row under the title (`Name · 2025-11-20 09:15`), right of the list pane.
const bodyHeader = (screen: string): string =>
  screen.split('\n').map((row) => row.split('││')[1]?.replace(/│$/, '').trim() ?? '').find((r) => / · \d{4}-\d{2}-\d{2}/.test(r)) ?? '';

async function walk(width: number, height: number, env: Record<string, string>): Promise<{ headers: string[]; first: string }> {
  const s = start(width, height, env);
  let screen = await s.waitFor((t) => t.includes('12/12') && t.includes('focus: list') && bodyHeader(t).startsWith('Mei Lin ·'), 'the dashboard');
  const first = screen;
  const headers: string[] = [];
  for (let i = 0; i < NAMES.length; i++) {
    expectBorderedRows(screen, width, height);
    headers.push(bodyHeader(screen));
    if (i === NAMES.length - 1) break;
    s.send('j');
    const next = NAMES[i + 1];
    screen = await s.waitFor((t) => bodyHeader(t).startsWith(`${next} ·`), `the header of article ${i + 2}`);
  }
  // The inspector of the last but four (Carlos Méndez's) shows the author as written, address and all.
  for (let i = 0; i < 4; i++) s.send('k');
  await s.waitFor((t) => bodyHeader(t).startsWith('Carlos Méndez ·'), "Carlos Méndez's article");
  s.send('i');
  const inspector = await s.waitFor((t) => t.includes('Inspector') && t.includes('author:'), 'the inspector');
  // Cut to the pane's width at 80 columns.
  expect(inspector).toContain(width >= 120 ? 'author: newsdesk@example.org (Carlos Méndez)' : 'author: newsdesk@example.org (');
  expectBorderedRows(inspector, width, height);
  s.send('q');
  await s.waitFor((t) => t.includes('exit=130'), 'the exit');
  return { headers, first };
}

describe('site params and RSS authors in the dashboard', () => {
  it('80x24 with NO_COLOR: each body header names the author, never the address; the frame stays', async () => {
    const { headers } = await walk(80, 24, { NO_COLOR: '1' });
    expect(headers.map((h) => h.split(' · ')[0])).toEqual(NAMES);
  }, 120_000);

  it('120x40: the list names the authors too', async () => {
    const { headers, first } = await walk(120, 40, {});
    expect(headers.map((h) => h.split(' · ')[0])).toEqual(NAMES);
    const list = first.split('\n').map((l) => l.split('││')[0]).join('\n');
    for (const name of ['Mei Lin', 'Jane Doe', 'Ana Ruiz']) expect(list).toContain(` ${name} `);
    expect(list).not.toMatch(/<|@example\.(org|net)|Theme Default/);
  }, 120_000);
});
