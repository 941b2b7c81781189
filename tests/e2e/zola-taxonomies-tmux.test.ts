// Zola's `[taxonomies] authors = [...]` as a person sees it in the dashboard, in a real terminal at
// 80x24 (NO_COLOR) and 120x40: the first author named in the body's header as a top-level
// `authors` is (it was the folder's name), and found by `source:`; the frame in place throughout.
import { afterEach, describe, expect, it } from 'vitest';
import { bodyPane, FolderDashboard } from './folder-dashboard.js';
import { expectBorderedRows } from './bordered-rows.js';

const FOLDER = 'tests/fixtures/cases/loader-more/zola-taxonomies';
const dashboard = new FolderDashboard();
afterEach(() => dashboard.close());

// The body pane's header row under the title (`Name · 2025-11-14`).
const header = (screen: string): string => bodyPane(screen).split('\n').map((r) => r.trim()).find((r) => / · \d{4}-\d{2}-\d{2}/.test(r)) ?? '';

async function authors(width: number, height: number, env: Record<string, string>): Promise<void> {
  const s = dashboard.start(width, height, FOLDER, env);
  // Newest first: the page whose only author is in its taxonomies.
  let screen = await s.waitFor((t) => t.includes('4/4') && t.includes('focus: list') && header(t).startsWith('Ama Owusu ·'), 'the dashboard');
  expectBorderedRows(screen, width, height);
  expect(screen).not.toContain('zola-taxonomies ·');
  s.send('/');
  s.type('source:"sofia brandt"');
  screen = await s.waitFor((t) => /\b1\/4\b/.test(t) && header(t).startsWith('Sofia Brandt ·'), 'the taxonomy author over [extra]');
  expect(bodyPane(screen)).toContain('Lido Withdrawal Queue Clears');
  expectBorderedRows(screen, width, height);
  s.send('C-c');
  await s.waitFor((t) => t.includes('exit=130'), 'the exit');
}

describe("Zola's taxonomies in a real terminal", () => {
  it('80x24 with NO_COLOR', () => authors(80, 24, { NO_COLOR: '1' }), 120_000);
  it('120x40', () => authors(120, 40, {}), 120_000);
});
