// Any sequence of keys, delivered in any chunking (a paste, a fast typist, tmux send-keys), leaves
// the dashboard drawable: no React error, the frame keeps its size, and onDone fires at most once.
// A move and Enter arriving in one chunk once sent React into an endless re-render.
import fc from 'fast-check';
import { render } from 'ink-testing-library';
import { describe, expect, it, vi } from 'vitest';
import { SearchIndex } from '../../src/core/search/search.js';
import { App } from '../../src/ui/App.js';
import { makeArticle } from '../helpers/make-article.js';
import { maxWidth, rows, tick } from './frame.js';

const NOW = Date.UTC(2025, 10, 14, 12);
const KEYS = ['j', 'k', 'g', 'G', '/', 'b', 'i', 't', 's', 'w', '?', ' ', '\t', '\u001B[Z', '\r', '\u001B', '\u001B[A', '\u001B[B', '\u001B[6~', '\u0004', '\u0015', '\u007F', 'x:y', 'q'];

describe('App under arbitrary key chunks', () => {
  it('never errors, keeps its frame size, and ends at most once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.constantFrom(...KEYS), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        async (chunks, multi) => {
          const index = new SearchIndex(
            Array.from({ length: 12 }, (_, i) => makeArticle({ id: i, title: `Bitcoin note ${i}`, publishedAt: NOW - i * 60_000, body: `# Head ${i}\n\ntext` })),
          );
          const onDone = vi.fn();
          const app = render(<App index={index} version={1} warnings={[]} loading={null} width={80} height={24} now={NOW} multi={multi} onDone={onDone} />);
          try {
            for (const chunk of chunks) {
              app.stdin.write(chunk.join(''));
              await tick(5);
            }
            await tick(20);
            const frame = app.lastFrame() ?? '';
            expect(frame).not.toMatch(/ERROR|Too many re-renders/);
            if (onDone.mock.calls.length === 0) {
              expect(rows(frame)).toHaveLength(23);
              expect(maxWidth(frame)).toBeLessThanOrEqual(80);
            }
            expect(onDone.mock.calls.length).toBeLessThanOrEqual(1);
          } finally {
            app.unmount();
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
