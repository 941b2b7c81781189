// Found by a tester: in an `is:unread` list `m` dropped the row at once, the cursor landed on the
// next article, a second `m` read that one too, and `u` said `nothing to undo`. The row now stays,
// drawn read, until the result is asked again (the sort here); `m` again toggles it back; `u`
// takes back the last change. The same for a folded story's row and for `*` under `-is:saved`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Reading } from '../../src/core/reading/reading.js';
import { SearchIndex } from '../../src/core/search/search.js';
import { storyMap } from '../../src/core/stories/index.js';
import { App, type AppProps } from '../../src/ui/App.js';
import { SAVED_GLYPH, UNREAD_GLYPH } from '../../src/ui/ArticleList.js';
import { makeCorpus } from '../helpers/make-article.js';
import { eventually, rows, tick } from './frame.js';

const NOW = Date.UTC(2026, 2, 3, 12);
const H = 3_600_000;
const articles = makeCorpus([
  { title: 'Quarry bridge exploited for $21M via forged withdrawal proofs', source: 'The Block', sourceKey: 'theblock', publishedAt: NOW - 9 * H, tags: ['HACK'] },
  { title: 'Quarry cross-chain bridge drained of $21 million with forged proofs', source: 'CoinDesk', sourceKey: 'coindesk', publishedAt: NOW - 6 * H, tags: ['HACK'] },
  { title: 'Forged withdrawal proofs cost Quarry bridge $21M', source: 'Decrypt', sourceKey: 'decrypt', publishedAt: NOW - 3 * H, tags: ['HACK'] },
  { title: 'Solana validators ship a client update', source: 'Decrypt', sourceKey: 'decrypt', publishedAt: NOW - H, tags: ['SOL'] },
  { title: 'Ether staking queue shortens', source: 'Decrypt', sourceKey: 'decrypt', publishedAt: NOW - 12 * H, tags: ['ETH'] },
]);

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

function setup(query: string, stories: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'cnt-held-'));
  const reading = Reading.open(dir);
  const props: AppProps = {
    index: new SearchIndex(articles), version: 1, warnings: [], loading: null, width: 120, height: 30, now: NOW,
    onDone: vi.fn(), stories: stories ? storyMap(articles) : null, reading, initialQuery: query,
  };
  const r = render(<App {...props} />);
  cleanup = () => {
    r.unmount();
    reading.close();
    rmSync(dir, { recursive: true, force: true });
  };
  const frame = () => rows(r.lastFrame());
  return {
    reading,
    frame,
    type: async (s: string) => {
      r.stdin.write(s);
      await tick();
    },
    row: (title: string) => frame().find((l) => l.startsWith('│') && l.includes(title.slice(0, 20))) ?? null,
    selected: () => frame().find((l) => l.startsWith('│▶')) ?? '',
  };
}

describe('a row whose mark changes stays listed until the result is asked again', () => {
  it('is:unread: m m toggles the same article; u undoes; s lets the read row go', async () => {
    const app = setup('is:unread', false);
    await eventually(() => expect(app.selected()).toContain('Solana validators'));
    await app.type('m');
    await eventually(() => expect(app.frame().join('\n')).toContain('marked read'));
    await tick(60);
    // Still listed, still selected, drawn read.
    expect(app.selected()).toContain('Solana validators');
    expect(app.selected()).not.toContain(UNREAD_GLYPH);
    await app.type('m');
    await eventually(() => expect(app.frame().join('\n')).toContain('marked unread'));
    expect(app.reading.isRead(articles[3])).toBe(false);
    expect(articles.filter((a) => app.reading.isRead(a))).toHaveLength(0);
    await app.type('u');
    await eventually(() => expect(app.frame().join('\n')).toContain('undone: marked unread'));
    expect(app.reading.isRead(articles[3])).toBe(true);
    expect(app.selected()).toContain('Solana validators');
    // The sort asks the result again: the read article is no longer in it.
    await app.type('s');
    await eventually(() => expect(app.row('Solana validators')).toBeNull());
  });

  it('a folded story row read with m stays, and m again unreads all of it', async () => {
    const app = setup('is:unread', true);
    await eventually(() => expect(app.frame().join('\n')).toContain('+2'));
    await app.type('j');
    await eventually(() => expect(app.selected()).toContain('+2'));
    await app.type('m');
    await eventually(() => expect(app.frame().join('\n')).toContain('3 articles read'));
    await tick(60);
    expect(app.selected()).toContain('+2');
    expect(app.selected()).not.toContain(UNREAD_GLYPH);
    await app.type('m');
    await eventually(() => expect(app.frame().join('\n')).toContain('3 articles unread'));
    expect(articles.some((a) => app.reading.isRead(a))).toBe(false);
  });

  it('-is:saved: * keeps the row with its ★, * again unsaves the same article', async () => {
    const app = setup('-is:saved', false);
    await eventually(() => expect(app.selected()).toContain('Solana validators'));
    await app.type('*');
    await eventually(() => expect(app.frame().join('\n')).toContain('saved ★'));
    await tick(60);
    expect(app.selected()).toContain('Solana validators');
    expect(app.selected()).toContain(SAVED_GLYPH);
    await app.type('*');
    await eventually(() => expect(app.frame().join('\n')).toContain('unsaved'));
    expect(articles.some((a) => app.reading.isSaved(a))).toBe(false);
  });
});
