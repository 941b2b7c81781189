import chalk from 'chalk';
import { Box, Text } from 'ink';
import { render } from 'ink-testing-library';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SearchIndex } from '../../../src/core/search/search.js';
import { App } from '../../../src/ui/App.js';
import { compositorStats, installCompositor, lineColumns, setCompositorActive } from '../../../src/ui/frame/ink-compositor.js';
import stringWidth from 'string-width';
import { PaintedRows } from '../../../src/ui/Lines.js';
import { paint } from '../../../src/ui/frame/paint.js';
import { expandMeasured, expandRefs, rowRef, rowRefsOn, slotBlock, slotRef } from '../../../src/ui/frame/placed-rows.js';
import { makeArticle } from '../../helpers/make-article.js';
import { cells, rows } from '../frame.js';
import { stillFrame } from './compositor-setup.js';

const NOW = Date.UTC(2025, 10, 14, 12);
let level: typeof chalk.level;
beforeAll(async () => {
  expect(await installCompositor()).toBe(true);
  // Colours on, so the comparison covers styles and not only text.
  level = chalk.level;
  chalk.level = 3;
});
afterAll(() => {
  chalk.level = level;
});

/** Frames of the dashboard after each key, drawn with the compositor on or off. */
async function dashboardFrames(active: boolean): Promise<string[]> {
  setCompositorActive(active);
  const articles = Array.from({ length: 40 }, (_, i) =>
    makeArticle({
      id: i,
      title: i === 3 ? 'Bitfarms — 日本語 winds down Bitcoin mining 🚀' : `Ether #${i} rallies as ETF flows return`,
      publishedAt: NOW - (i + 1) * 3_600_000,
      source: i % 2 ? 'CoinDesk' : 'Decrypt',
      sentiment: i % 3 === 0 ? 'positive' : i % 3 === 1 ? 'negative' : null,
      tags: ['btc', 'markets'],
      body: `# Heading ${i}\n\nSome **bold** and _italic_ text with \`code\` and a [link](https://example.com/${i}).\n\n> a quote\n\n- one\n- two\n`,
    }),
  );
  const index = new SearchIndex(articles);
  const r = render(<App index={index} version={1} warnings={[]} loading={null} width={120} height={30} now={NOW} onDone={vi.fn()} />);
  Object.defineProperty(r.stdout, 'columns', { get: () => 120, configurable: true });
  r.stdout.emit('resize');
  const frames: string[] = [];
  // The body follows the list in a later frame: wait until the screen holds still.
  const settle = async () => {
    frames.push(await stillFrame(r));
  };
  await settle();
  for (const key of ['j', 'j', 'j', '\t', 'j', '\t', 'j', '/', 'b', 'i', 't', '\r', 'G', 'g']) {
    r.stdin.write(key);
    await settle();
  }
  r.unmount();
  return frames;
}

describe('the ink compositor', () => {
  it('applies to the installed ink (a version that moved its Output fails here, not silently)', async () => {
    expect(await installCompositor()).toBe(true);
    setCompositorActive(true);
    expect(rowRefsOn()).toBe(true);
  });

  it('draws the dashboard cell for cell as ink draws it, styles included, without handing frames back', async () => {
    const inks = await dashboardFrames(false);
    const before = { ...compositorStats };
    const ours = await dashboardFrames(true);
    expect(compositorStats.fast).toBeGreaterThan(before.fast);
    expect(compositorStats.handedBack).toBe(before.handedBack);
    expect(ours.length).toBe(inks.length);
    for (let i = 0; i < inks.length; i++) expect(cells(ours[i]), `frame ${i}`).toEqual(cells(inks[i]));
    // The script reached the places it means to compare: a moved cursor, a body, a search.
    expect(rows(ours[1]).some((l) => l.includes('▶') && l.includes('Ether #1'))).toBe(true);
    expect(ours.join('\n')).toContain('Heading 3');
    expect(ours.at(-3)).toContain('bit');
    // No reference reaches the screen.
    expect(ours.join('')).not.toContain('\x1b]7457;');
  });

  it('hands a frame with overlapping pieces back to ink, its placed rows written out', () => {
    setCompositorActive(true);
    const before = compositorStats.handedBack;
    const r = render(
      <Box width={30} height={2}>
        <Box position="absolute" marginLeft={0}>
          <PaintedRows rows={[paint('under the other', { color: 'red' })]} width={20} />
        </Box>
        <Box position="absolute" marginLeft={5}>
          <Text>OVER</Text>
        </Box>
      </Box>,
    );
    expect(compositorStats.handedBack).toBeGreaterThan(before);
    expect(rows(r.lastFrame())[0]).toBe('underOVER other');
    r.unmount();
  });

  it('hands a horizontally clipped frame back to ink, its placed rows written out and cut', () => {
    setCompositorActive(true);
    const before = compositorStats.handedBack;
    const r = render(
      <Box width={12} overflowX="hidden">
        <PaintedRows rows={['a row wider than the box']} width={24} />
      </Box>,
    );
    expect(compositorStats.handedBack).toBeGreaterThan(before);
    expect(rows(r.lastFrame())[0]).toBe('a row wider');
    r.unmount();
  });
});

describe('lineColumns', () => {
  it('counts every written line as string-width does, by length where its units are one column each', () => {
    const lines = [
      'plain ascii', chalk.bold.red('Bitcoin — ETF “approved” …'), `${chalk.inverse('▶')} Ñandú ${chalk.underline('Δελτίο')}`,
      '\x1b]8;;https://example.com\x07link\x1b]8;;\x07 text', `│${rowRef('row', 12)}│`, 'ビットコイン 🚀', chalk.green('👩\u200d🔬 lab'), 'tab\there', '\x1b[2Kerased', '',
    ];
    for (const l of lines) expect([l, lineColumns(l)]).toEqual([l, stringWidth(l)]);
  });
});

describe('expandMeasured', () => {
  it('gives the expanded line of placed rows and the columns lineColumns counts for it', () => {
    setCompositorActive(true);
    const block = slotBlock();
    const rowsShown = ['plain row', chalk.bold.red('Bitcoin — ETF “approved” …'), 'ビットコイン 🚀', chalk.green('👩\u200d🔬 lab'), '', 'a row wider than its ref'];
    const lines = [
      ...rowsShown.map((r, i) => slotRef(block, i, r, 16)),
      `│${rowRef('row', 12)}│`,
      `${chalk.dim('│')} ${slotRef(block, 9, chalk.inverse('▶ x'), 8)}${rowRef('Δελτίο', 10)} tail`,
    ];
    for (const l of lines) {
      const placed = expandMeasured(l, lineColumns);
      expect(placed?.text).toBe(expandRefs(l, lineColumns));
      expect([placed?.text, placed?.width]).toEqual([placed?.text, lineColumns(placed!.text)]);
    }
    expect(expandMeasured('no refs here', lineColumns)).toBeNull();
  });
});
