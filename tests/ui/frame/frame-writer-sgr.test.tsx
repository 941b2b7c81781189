// The dashboard's own frames through the frame writer's updates (with their SGR said once,
// sgr-minimise.ts) on a real terminal emulator (xterm.js, headless): after each update the screen
// holds exactly the cells a whole draw of that frame, escapes as ink and chalk spelled them, holds.
// Full colour, 256 colours and none (NO_COLOR), wide characters and emoji, the list's cursor, a
// search's highlights, the body and inspector.
import chalk from 'chalk';
import { describe, expect, it, vi } from 'vitest';
import { SearchIndex } from '../../../src/core/search/search.js';
import { App } from '../../../src/ui/App.js';
import { frameUpdate, placeWideClusters } from '../../../src/ui/frame/frame-writer.js';
import { makeArticle } from '../../helpers/make-article.js';
import { render120, stillFrame, withCompositor } from './compositor-setup.js';
import { cells, writeTo, xterm } from './xterm-cells.js';

const NOW = Date.UTC(2025, 10, 14, 12);
const COLS = 120;
const ROWS = 30;
withCompositor();

function dashboard() {
  const articles = Array.from({ length: 40 }, (_, i) =>
    makeArticle({
      id: i,
      title: i % 7 === 3 ? `Bitfarms — 日本語 winds down Bitcoin mining 🚀 #${i}` : `Ether #${i} rallies as bitcoin ETF flows return`,
      publishedAt: NOW - (i + 1) * 3_600_000,
      source: i % 2 ? 'CoinDesk' : 'Decrypt',
      sentiment: i % 3 === 0 ? 'positive' : i % 3 === 1 ? 'negative' : null,
      tags: ['btc', 'markets'],
      body: `# Heading ${i}\n\nSome **bold** and *italic* text, \`code\`, a [link](https://example.com/${i}) and 中文.\n\n- one\n- two 👍🏽`,
    }),
  );
  return render120(<App index={new SearchIndex(articles)} version={1} warnings={[]} loading={null} width={COLS} height={ROWS} now={NOW} onDone={vi.fn()} />);
}

// A whole frame drawn with its escapes as they are: each row erased and written at its place.
const wholeDraw = (rows: string[]) => `\x1b[H\x1b[2J${rows.map((row, y) => `\x1b[${y + 1};1H\x1b[0m\x1b[2K${placeWideClusters(row)}`).join('')}\x1b[0m`;

// Every frame the dashboard drew for `keys` (each key's frames, once they hold still).
async function framesFor(keys: string[]): Promise<string[][]> {
  const r = dashboard();
  await stillFrame(r);
  for (const key of keys) {
    r.stdin.write(key);
    await stillFrame(r);
  }
  const frames = r.frames.map((f) => f.split('\n'));
  r.unmount();
  return frames;
}

describe('frame updates with their SGR said once', () => {
  for (const [name, level] of [['full colour', 3], ['256 colours', 2], ['no colour', 0]] as const) {
    it(`leave the same cells as whole draws of each frame (${name})`, async () => {
      const was = chalk.level;
      chalk.level = level;
      try {
        const frames = await framesFor(['j', 'j', 'k', '\t', 'j', '\t', '/', 'b', 'i', 't', '\x7f', '\r', 'G', 'k']);
        expect(frames.length).toBeGreaterThan(10);
        const updated = xterm(COLS, ROWS);
        let previous: string[] | null = null;
        for (const frame of frames) {
          const update = frameUpdate(previous, frame);
          // No SGR right after another: each change of attributes is one sequence.
          expect(update).not.toMatch(/\x1b\[[0-9;]*m\x1b\[[0-9;]*m/);
          await writeTo(updated, update);
          previous = frame;
          const whole = xterm(COLS, ROWS);
          await writeTo(whole, wholeDraw(frame));
          expect(cells(updated)).toEqual(cells(whole));
          whole.dispose();
        }
        updated.dispose();
      } finally {
        chalk.level = was;
      }
    });
  }
});
