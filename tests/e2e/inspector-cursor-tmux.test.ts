// The inspector's cursor as a person sees it in a real terminal: marked `▶` in its gutter, which
// is all that shows it without colour (NO_COLOR), and a value longer than the pane (a description,
// a URL) wrapped whole under its label while the cursor is on it, cut to one row again once the
// cursor moves on. At 80x24 with NO_COLOR and at 120x40; the frame in place throughout.
import { afterEach, describe, expect, it } from 'vitest';
import { FolderDashboard } from './folder-dashboard.js';
import { expectBorderedRows } from './bordered-rows.js';

const FOLDER = 'tests/fixtures/inspector';
const DESCRIPTION = 'On-chain data show exchange balances of bitcoin dropping for the ninth week running, the longest streak since 2020, as long-term holders withdraw to self-custody';
const URL = 'https://example.com/markets/2025/11/04/exchange-reserves-fall-to-a-five-year-low-as-holders-move-coins-to-cold-storage?utm_source=rss';

const dashboard = new FolderDashboard();
afterEach(() => dashboard.close());

// The inspector pane's rows (the right-hand pane), without its borders.
const inspectorRows = (screen: string): string[] => screen.split('\n').map((row) => row.split('││')[1]?.replace(/│$/, '') ?? '').filter((r) => r !== '');

// The cursor's rows: its marked row and the wrapped rows under it (indented, no gutter mark, no fold glyph).
function cursorText(screen: string): { rows: string[]; text: string } {
  const rows = inspectorRows(screen);
  const at = rows.findIndex((r) => r.startsWith('▶'));
  if (at < 0) return { rows: [], text: '' };
  let end = at + 1;
  while (end < rows.length && /^ {3}\S/.test(rows[end]) && !/^ {3}[A-Za-z[\]0-9]+: /.test(rows[end])) end++;
  const mine = rows.slice(at, end);
  return { rows: mine, text: mine.map((r) => r.slice(3).trimEnd()).join('\n') };
}

async function walk(width: number, height: number, env: Record<string, string>): Promise<void> {
  const s = dashboard.start(width, height, FOLDER, env);
  await s.waitFor((t) => t.includes('1/1') && t.includes('focus: list'), 'the dashboard');
  // Tab to the inspector (list, body, inspector).
  s.send('Tab');
  s.send('Tab');
  let screen = await s.waitFor((t) => t.includes('focus: inspector') && /││▶/.test(t), 'the inspector focused');
  expectBorderedRows(screen, width, height);
  expect(inspectorRows(screen).filter((r) => r.startsWith('▶'))).toHaveLength(1);
  expect(cursorText(screen).rows[0]).toMatch(/^▶ {2}title: /);
  // Down to the description: every word of it on screen, under its label.
  s.send('j');
  screen = await s.waitFor((t) => cursorText(t).rows[0]?.includes('description:') ?? false, 'the cursor on the description');
  expectBorderedRows(screen, width, height);
  const description = cursorText(screen);
  expect(description.text.replace(/\s+/g, ' ')).toBe(`description: ${DESCRIPTION}`);
  expect(description.text).not.toContain('…');
  // Down to the URL: all of it, wrapped by character where no space breaks it.
  for (let i = 0; i < 6; i++) s.send('j');
  screen = await s.waitFor((t) => cursorText(t).rows[0]?.includes('url:') ?? false, 'the cursor on the url');
  expectBorderedRows(screen, width, height);
  const url = cursorText(screen);
  expect(url.text.replace(/\n/g, '')).toBe(`url: ${URL}`);
  // The description, left behind, is one row again (cut where the pane ends).
  const left = inspectorRows(screen).filter((r) => r.includes('description:'));
  expect(left).toHaveLength(1);
  if (width < 120) expect(left[0]).toContain('…');
  s.send('q');
  await s.waitFor((t) => t.includes('exit=130'), 'the exit');
}

describe('the inspector cursor in a real terminal', () => {
  it('80x24 with NO_COLOR: the cursor row marked in the gutter; long values read whole under the cursor', async () => {
    await walk(80, 24, { NO_COLOR: '1' });
  }, 120_000);

  it('120x40: the same', async () => {
    await walk(120, 40, {});
  }, 120_000);
});
