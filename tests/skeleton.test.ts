import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import type { Article } from '../src/core/article.js';
import { skeletonBytes, skeletonFrame } from '../src/skeleton.js';
import { steadyRows, warmRows } from '../src/warm-rows.js';
import { padWidth } from '../src/core/width/index.js';
import { computeLayout } from '../src/state/layout.js';
import { DEFAULT_HINTS, keyHints, remapKeymap, searchLineHint, statusHelpHint } from '../src/state/keymap-remap.js';

// The default keys' hints, as the CLI hands them to the skeleton once the config is read.
const DEFAULT = { searchLine: searchLineHint(DEFAULT_HINTS), help: statusHelpHint(DEFAULT_HINTS) };

describe('skeletonFrame', () => {
  it.each([
    [80, 24],
    [200, 50],
    [40, 10],
  ])('%dx%d: rows-1 lines, each exactly the width, loading shown', (columns, rows) => {
    const lines = skeletonFrame(columns, rows, undefined, false, DEFAULT);
    expect(lines).toHaveLength(rows - 1);
    for (const line of lines.slice(1)) expect(stringWidth(line)).toBe(columns);
    expect(lines.at(-1)).toMatch(/^loading….*\? help$/);
    expect(lines[1]).toContain('Articles');
  });

  it('names no key before the config is read (no hints), and the keys in force once it is', () => {
    // The CLI's entry draws the first frame before `[keys]` is read: it cannot know `/` and `?` are still theirs.
    const bare = skeletonFrame(80, 24);
    expect(bare[0].trim()).toBe('');
    expect(bare.at(-1)!.trim()).toBe('loading…');
    expect(bare.join('\n')).not.toMatch(/search|help/);
    const remapped = keyHints(remapKeymap({ startSearch: ['s'], help: ['H'] }));
    const lines = skeletonFrame(80, 24, undefined, false, { searchLine: searchLineHint(remapped), help: statusHelpHint(remapped) });
    expect(lines[0]).toBe('  press s to search, H for help');
    expect(lines.at(-1)).toMatch(/^loading… +H help$/);
    expect(stringWidth(lines.at(-1)!)).toBe(80);
  });

  it('starts by clearing the screen and leaves the cursor home for ink', () => {
    const bytes = skeletonBytes(80, 24);
    expect(bytes.startsWith('\x1b[2J\x1b[H')).toBe(true);
    expect(bytes.endsWith('\x1b[H')).toBe(true);
  });

  it.each([
    [120, 35],
    [200, 50],
    [60, 20],
  ])('%dx%d warm start: the rows in the list pane at the layout width, the rest of the frame the same', (columns, rows) => {
    const list = computeLayout(columns, rows).list;
    // As warmRows gives them: exactly the pane's inside wide (the skeleton measures no text).
    const rowText = ['first row', 'second row'].map((r) => r.padEnd(list.width - 2));
    const lines = skeletonFrame(columns, rows, { rows: rowText }, false, DEFAULT);
    expect(lines).toHaveLength(rows - 1);
    // No count: `N/M` on screen is what tells a reader (and the terminal tests) that the dashboard is live.
    expect(lines[1]).toMatch(/^╭─▶ Articles ─*╮$/);
    expect(stringWidth(lines[1])).toBe(list.width);
    expect(lines[2]).toBe(`│first row${' '.repeat(list.width - 11)}│`);
    expect(lines[3]).toContain('second row');
    expect(lines[list.height]).toMatch(/^╰─*╯$/);
    expect(lines.at(-1)).toMatch(/^loading….*\? help$/);
  });
});

describe('warmRows', () => {
  const article = (title: string, sentiment: string | null, publishedAt: number | null): Article =>
    ({ title, sentiment, publishedAt, dateGuessed: false, source: 'CoinDesk' }) as Article;

  it("draws date, source, sentiment glyph and title, cut or padded to the pane's width, control characters removed", async () => {
    const now = Date.UTC(2025, 10, 20);
    const rows = await warmRows([article('Bitcoin rallies\x1b[2J', 'positive', Date.UTC(2025, 10, 19)), article('x'.repeat(200), 'negative', null)], 70, now);
    expect(rows[0]).toMatch(/CoinDesk +▲ Bitcoin rallies +$/);
    expect(stringWidth(rows[0])).toBe(70);
    expect(rows[0]).not.toContain('\x1b');
    expect(rows[1]).toContain('▼ xxx');
    expect(stringWidth(rows[1])).toBe(70);
    expect(rows[1].endsWith('…')).toBe(true);
  });

  it('fits rows of steady text by counting, and the others with the width rule (emoji, marks)', async () => {
    const now = Date.UTC(2025, 10, 20);
    const steady = [article('比特币 — ETF “approved” → ★', 'neutral', Date.UTC(2025, 9, 1)), article('Solana', null, now - 3_600_000)];
    const wide = [article('Rocket 🚀 launch', 'positive', now), article('Cafe\u0301 crypto', 'negative', now)];
    const counted = steadyRows(steady, 60, now);
    expect(counted).not.toBeNull();
    expect(await warmRows(steady, 60, now)).toEqual(counted);
    // Already fitted as the width rule fits them: padding them again to the width changes nothing.
    for (const row of counted ?? []) expect([stringWidth(row), padWidth(row, 60)]).toEqual([60, row]);
    expect(counted?.[0]).toContain('● 比特币 — ETF “approved” → ★');
    expect(steadyRows(wide, 60, now)).toBeNull();
    const rows = await warmRows(wide, 60, now);
    expect(rows[0]).toContain('▲ Rocket 🚀 launch');
    for (const row of rows) expect(stringWidth(row.replaceAll('\ufdd0', ''))).toBeLessThanOrEqual(60);
  });
});
