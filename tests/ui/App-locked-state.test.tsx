// Found by a tester: with another program holding state.db's write lock (`sqlite3` inside
// `BEGIN IMMEDIATE`), `m` froze the dashboard for 5 s and the mark was then lost. Now the row is
// drawn read at once, the status line says the marks wait, and once the lock is free they are
// written and the status line says so.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Reading, STATE_FILE } from '../../src/core/reading/reading.js';
import { SearchIndex } from '../../src/core/search/search.js';
import { App, type AppProps } from '../../src/ui/App.js';
import { UNREAD_GLYPH } from '../../src/ui/ArticleList.js';
import { makeCorpus } from '../helpers/make-article.js';
import { eventually, rows, tick } from './frame.js';

const NOW = Date.UTC(2026, 2, 3, 12);
const articles = makeCorpus([
  { title: 'Solana validators ship a client update', source: 'Decrypt', sourceKey: 'decrypt', publishedAt: NOW - 3_600_000, tags: ['SOL'] },
  { title: 'Ether staking queue shortens', source: 'Decrypt', sourceKey: 'decrypt', publishedAt: NOW - 7_200_000, tags: ['ETH'] },
]);

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

describe('m while another program holds state.db locked', () => {
  it('draws the mark at once, says it waits, and writes it once the lock is free', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cnt-locked-app-'));
    const reading = Reading.open(dir);
    reading.see(articles, NOW);
    const props: AppProps = { index: new SearchIndex(articles), version: 1, warnings: [], loading: null, width: 100, height: 20, now: NOW, onDone: vi.fn(), reading };
    const r = render(<App {...props} />);
    const other = new Database(join(dir, STATE_FILE));
    cleanup = () => {
      r.unmount();
      if (other.open) other.close();
      reading.close();
      rmSync(dir, { recursive: true, force: true });
    };
    const frame = () => rows(r.lastFrame());
    const row = () => frame().find((l) => l.includes('Solana validators')) ?? '';
    await eventually(() => expect(row()).toContain(UNREAD_GLYPH));
    other.exec('BEGIN IMMEDIATE');
    const began = performance.now();
    r.stdin.write('m');
    await tick();
    await eventually(() => expect(row()).not.toContain(UNREAD_GLYPH));
    expect(performance.now() - began).toBeLessThan(1000);
    expect(frame().at(-1)).toContain('marks not saved yet: state.db is locked by another program');
    // Another key clears the notice of `m`, not the word that marks wait.
    r.stdin.write('j');
    await tick();
    expect(frame().at(-1)).toContain('marks not saved yet');
    other.exec('ROLLBACK');
    await eventually(() => expect(frame().at(-1)).toContain('marks saved to state.db'));
    expect(frame().at(-1)).not.toContain('not saved yet');
    const key = reading.store.readKeyPage(null);
    expect(key).toHaveLength(1);
    expect(other.prepare('SELECT read FROM articles WHERE key = ?').pluck().get(key[0])).toBe(1);
  });
});
