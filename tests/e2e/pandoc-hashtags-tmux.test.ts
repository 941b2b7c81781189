// Pandoc's title block and Obsidian's hashtags as a person sees them in the dashboard, in a real
// terminal at 80x24 (NO_COLOR) and 120x40: a post opening with `% Title`, `% Author`, `% Date` listed
// by its title, its header naming the author and the date, the `%` lines gone from the body; tags
// written `"#btc"` shown once as `#btc`, not `##btc`. The frame in place throughout.
import { afterEach, describe, expect, it } from 'vitest';
import { bodyPane, FolderDashboard } from './folder-dashboard.js';
import { expectBorderedRows } from './bordered-rows.js';

const PANDOC = 'tests/fixtures/cases/loader-more/pandoc-title-block';
const HASHTAGS = 'tests/fixtures/cases/loader-more/obsidian-hashtags';

const dashboard = new FolderDashboard();
afterEach(() => dashboard.close());

async function pandoc(width: number, height: number, env: Record<string, string>): Promise<void> {
  // Newest first: the four-% file (dated by its file's time), then the three title blocks by their
  // dates; down the list until the Lagos post's body is drawn.
  const opened = await dashboard.openAt(width, height, PANDOC, 4, 'The exchange said', env);
  const s = opened.s;
  const screen = await s.waitFor((t) => bodyPane(t).includes('The exchange said') && bodyPane(t).includes('2025-11-14'), "the Lagos post's header and body");
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
  const s = dashboard.start(width, height, HASHTAGS, env);
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
