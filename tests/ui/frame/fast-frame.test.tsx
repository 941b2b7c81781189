import type { render } from 'ink-testing-library';
import { describe, expect, it, vi } from 'vitest';
import { SearchIndex } from '../../../src/core/search/search.js';
import { App } from '../../../src/ui/App.js';
import { drawFastFramesTo } from '../../../src/ui/frame/fast-frame.js';
import { makeArticle } from '../../helpers/make-article.js';
import { render120, stillFrame, withCompositor, recordFastFrames } from './compositor-setup.js';

const NOW = Date.UTC(2025, 10, 14, 12);
withCompositor();

function dashboard() {
  const articles = Array.from({ length: 60 }, (_, i) =>
    makeArticle({
      id: i,
      title: i === 3 ? 'Bitfarms — 日本語 winds down Bitcoin mining 🚀' : `Ether #${i} rallies as ETF flows return`,
      publishedAt: NOW - (i + 1) * 3_600_000,
      source: i % 2 ? 'CoinDesk' : 'Decrypt',
      sentiment: i % 3 === 0 ? 'positive' : i % 3 === 1 ? 'negative' : null,
      tags: ['btc', 'markets'],
      body: `# Heading ${i}\n\nSome **bold** text.`,
    }),
  );
  return render120(<App index={new SearchIndex(articles)} version={1} warnings={[]} loading={null} width={120} height={30} now={NOW} onDone={vi.fn()} />);
}

/**
 * Presses `key`, checks that its rows were drawn ahead in the turn it was read (one patch, no
 * React frame yet), waits for React's frames, and gives the key's own frame, the frame before it
 * and the rows drawn ahead.
 */
async function pressDrawnAhead(r: ReturnType<typeof render>, patches: Array<Map<number, string>>, key: string) {
  const framesBefore = r.frames.length;
  const patchesBefore = patches.length;
  r.stdin.write(key);
  await Promise.resolve();
  expect(patches).toHaveLength(patchesBefore + 1);
  expect(r.frames).toHaveLength(framesBefore);
  await stillFrame(r);
  return { keyFrame: (r.frames[framesBefore] ?? '').split('\n'), before: (r.frames[framesBefore - 1] ?? '').split('\n'), patch: patches.at(-1)! };
}

describe('a cursor move drawn before React renders it', () => {
  it('draws the two list rows and the title that the key’s own frame then shows, and nothing else', async () => {
    const patches = recordFastFrames();
    const r = dashboard();
    await stillFrame(r);
    for (const key of ['j', 'j', 'k', 'j']) {
      const { keyFrame, before, patch } = await pressDrawnAhead(r, patches, key);
      // The title and the rows the cursor left and reached: rows of the key's own frame, byte for byte.
      expect([...patch.keys()]).toContain(1);
      for (const [y, text] of patch) expect([y, text]).toEqual([y, keyFrame[y]]);
      // The rows the key's frame changed (title, the row left, the row reached) are the rows drawn ahead.
      const changed = keyFrame.map((row, y) => (row === before[y] ? null : y)).filter((y) => y !== null);
      expect(changed).toHaveLength(3);
      expect([...patch.keys()].sort((a, b) => a - b)).toEqual(changed);
    }
    r.unmount();
  });

  it('draws a typed key’s search line, title, rows and status line that its own frame then shows', async () => {
    const patches = recordFastFrames();
    const r = dashboard();
    await stillFrame(r);
    r.stdin.write('/');
    await stillFrame(r);
    // `e` and `et` keep the pane full (every title holds them); a backspace is answered from the recent answers.
    for (const key of ['e', 't', '\x7f', 't']) {
      const { keyFrame, before, patch } = await pressDrawnAhead(r, patches, key);
      for (const [y, text] of patch) expect([y, text]).toEqual([y, keyFrame[y]]);
      // Only rows that change are drawn ahead; the search line always does.
      expect(patch.has(0)).toBe(true);
      for (const [y, text] of patch) expect(text).not.toBe(before[y]);
      // Whatever else the key's frame changed is the pulse strip's row (a count, drawn after the list).
      const left = keyFrame.map((row, y) => (row === before[y] || patch.has(y) ? null : y)).filter((y) => y !== null);
      expect(left.every((y) => y === 2)).toBe(true);
    }
    r.unmount();
  });

  it('leaves every other key to React: a scroll of the window, a pane switch, a mode change', async () => {
    const patches = recordFastFrames();
    const r = dashboard();
    await stillFrame(r);
    for (const key of ['G', 'g', '\t', '\t', '\t', '/', '\r']) {
      r.stdin.write(key);
      await stillFrame(r);
    }
    expect(patches).toHaveLength(0);
    r.unmount();
  });

  it('without a writer draws nothing and the keys work as before', async () => {
    drawFastFramesTo(null);
    const r = dashboard();
    await stillFrame(r);
    r.stdin.write('j');
    await stillFrame(r);
    expect(r.lastFrame()).toMatch(/Articles 2\/60/);
    r.unmount();
  });
});
