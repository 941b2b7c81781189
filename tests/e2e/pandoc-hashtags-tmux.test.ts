// Pandoc's title block and Obsidian's hashtags as a person sees them in the dashboard, in a real
// terminal at 80x24 (NO_COLOR) and 120x40: a post opening with `% Title`, `% Author`, `% Date` listed
// by its title, its header naming the author and the date, the `%` lines gone from the body; tags
// written `"#btc"` shown once as `#btc`, not `##btc`. The frame in place throughout.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hasTmux, TmuxSession } from './tmux.js';
import { expectBorderedRows } from './bordered-rows.js';

const repo = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(repo, 'dist', 'cli.js');
const PANDOC = 'tests/fixtures/cases/loader-more/pandoc-title-block';
const HASHTAGS = 'tests/fixtures/cases/loader-more/obsidian-hashtags';

let session: TmuxSession | undefined;
let home: string | undefined;
afterEach(() => {
  session?.close();
  if (home) fs.rmSync(home, { recursive: true, force: true });
});

function start(width: number, height: number, env: Record<string, string>, folder: string): TmuxSession {
  if (!hasTmux()) throw new Error('tmux is required for the terminal end-to-end tests (.ci/run installs it)');
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-pandoc-hashtags-'));
  const s = new TmuxSession(width, height, repo, {
    ...env, XDG_CONFIG_HOME: path.join(home, 'config'), XDG_STATE_HOME: path.join(home, 'state'), XDG_CACHE_HOME: path.join(home, 'cache'),
  });
  session = s;
  s.type(`node ${cli} --no-cache ${folder}; echo "exit=$?"`);
  s.send('Enter');
  return s;
}

// The body pane: the text right of the list pane, row by row.
const bodyPane = (screen: string): string => screen.split('\n').map((row) => row.split('││')[1]?.replace(/│$/, '').trimEnd() ?? '').join('\n');

async function pandoc(width: number, height: number, env: Record<string, string>): Promise<void> {
  const s = start(width, height, env, PANDOC);
  let screen = await s.waitFor((t) => t.includes('4/4') && t.includes('focus: list') && bodyPane(t).trim() !== '', 'the dashboard');
  expectBorderedRows(screen, width, height);
  // Newest first: the four-% file (dated by its file's time), then the three title blocks by their
  // dates; down the list until the Lagos post's body is drawn.
  for (let i = 0; i < 4 && !bodyPane(screen).includes('The exchange said'); i++) {
    const before = bodyPane(screen);
    s.send('j');
    screen = await s.waitFor((t) => bodyPane(t) !== before, 'the next article');
  }
  screen = await s.waitFor((t) => bodyPane(t).includes('The exchange said') && bodyPane(t).includes('2025-11-14'), "the Lagos post's header and body");
  expectBorderedRows(screen, width, height);
  const body = bodyPane(screen);
  expect(body.replace(/\s+/g, ' ')).toContain('Lagos Exchange Reopens Naira Pairs After Review');
  expect(body).toContain('Maria Silva');
  expect(body).not.toMatch(/^% /m);
  expect(screen).toContain('Lagos Exchange');
  s.send('q');
  await s.waitFor((t) => t.includes('exit=130'), 'the exit');
}

async function hashtags(width: number, height: number, env: Record<string, string>): Promise<void> {
  const s = start(width, height, env, HASHTAGS);
  let screen = await s.waitFor((t) => t.includes('2/2') && t.includes('focus: list') && bodyPane(t).includes('Open interest peaked'), 'the dashboard');
  expect(bodyPane(screen)).toMatch(/#options #deribit/);
  s.send('j');
  screen = await s.waitFor((t) => bodyPane(t).includes('Funding rates flipped'), "the funding post's body");
  expect(bodyPane(screen)).toMatch(/#btc #derivatives/);
  expect(screen).not.toContain('##');
  expectBorderedRows(screen, width, height);
  s.send('q');
  await s.waitFor((t) => t.includes('exit=130'), 'the exit');
}

describe("Pandoc's title block and Obsidian's hashtags in the dashboard", () => {
  it('80x24 with NO_COLOR: the title block as title, author and date, gone from the body; hashtags as tags; the frame stays', async () => {
    await pandoc(80, 24, { NO_COLOR: '1' });
    await hashtags(80, 24, { NO_COLOR: '1' });
  }, 180_000);

  it('120x40: the same', async () => {
    await pandoc(120, 40, {});
    await hashtags(120, 40, {});
  }, 180_000);
});
