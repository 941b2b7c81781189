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
import { eventually, maxWidth, rows, tick } from './frame.js';

const NOW = Date.UTC(2026, 2, 3, 12);
const H = 3_600_000;
const articles = makeCorpus([
  { title: 'Quarry bridge exploited for $21M via forged withdrawal proofs', source: 'The Block', sourceKey: 'theblock', publishedAt: NOW - 9 * H, sentiment: 'NEGATIVE', tags: ['HACK'] },
  { title: 'Quarry cross-chain bridge drained of $21 million with forged proofs', source: 'CoinDesk', sourceKey: 'coindesk', publishedAt: NOW - 6 * H, sentiment: 'NEGATIVE', tags: ['HACK'] },
  { title: 'Forged withdrawal proofs cost Quarry bridge $21M', source: 'Decrypt', sourceKey: 'decrypt', publishedAt: NOW - 3 * H, sentiment: 'NEUTRAL', tags: ['HACK'] },
  { title: 'Solana validators ship a client update', source: 'Decrypt', sourceKey: 'decrypt', publishedAt: NOW - H, sentiment: 'POSITIVE', tags: ['SOL'] },
]);

let unmount: (() => void) | null = null;
afterEach(() => {
  unmount?.();
  unmount = null;
});

function setup(width: number, height: number, over: Partial<AppProps> = {}) {
  const props: AppProps = {
    index: new SearchIndex(articles), version: 1, warnings: [], loading: null, width, height, now: NOW,
    onDone: vi.fn(), stories: storyMap(articles), ...over,
  };
  const r = render(<App {...props} />);
  Object.defineProperty(r.stdout, 'columns', { get: () => width, configurable: true });
  r.stdout.emit('resize');
  unmount = r.unmount;
  return { ...r, type: async (s: string) => { r.stdin.write(s); await tick(); }, frame: () => rows(r.lastFrame()) };
}

describe.each([[80, 24], [200, 50]])('stories and the pulse at %dx%d', (width, height) => {
  it('shows one row per story with +N, the pulse strip above, within the frame', async () => {
    const app = setup(width, height);
    await eventually(() => expect(app.frame().join('\n')).toContain('+2'));
    const text = app.frame().join('\n');
    expect(text).toContain('Stories 1/2 · 4 articles');
    expect(app.frame().filter((l) => /Quarry|Forged/.test(l) && l.startsWith('│'))).toHaveLength(1);
    await eventually(() => expect(app.frame()[2]).toContain('▲ 1 ● 1 ▼ 2'));
    expect(maxWidth(app.lastFrame())).toBeLessThanOrEqual(width);
    expect(app.frame()).toHaveLength(height - 1);
  });

  it('unfolds a story with l, lists its other outlets in the body, and folds it with h', async () => {
    const app = setup(width, height);
    await eventually(() => expect(app.frame().join('\n')).toContain('+2'));
    await app.type('j');
    await app.type('l');
    await eventually(() => expect(app.frame().filter((l) => l.includes('└'))).toHaveLength(2));
    // The body follows the selection in a frame of its own.
    await eventually(() => expect(app.frame().join('\n')).toContain('Also reported by 2 other outlets'));
    await app.type('j');
    await app.type('h');
    await eventually(() => expect(app.frame().filter((l) => l.includes('└'))).toHaveLength(0));
    expect(app.frame().join('\n')).toContain('+2');
  });

  it('lists every article with stories off (--no-group)', async () => {
    const app = setup(width, height, { stories: null });
    await eventually(() => expect(app.frame().filter((l) => /Quarry|Forged/.test(l) && l.startsWith('│'))).toHaveLength(3));
  });
});

describe('the pulse strip in the dashboard', () => {
  it('f then Enter on a tag adds it to the query', async () => {
    const app = setup(200, 50);
    await eventually(() => expect(app.frame()[3]).toContain('tag HACK 3'));
    await app.type('f');
    // Entries: three sentiments, three sources, then the tags.
    for (let i = 0; i < 6; i++) await app.type('l');
    await eventually(() => expect(app.frame()[3]).toContain('▸HACK 3'));
    await app.type('\r');
    await eventually(() => expect(app.frame()[0]).toContain('tag:hack'));
    await eventually(() => expect(app.frame().join('\n')).toContain('Stories 1/1 · 3 articles'));
  });
});

describe('read marks on a folded story row', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = '';
  });
  // The list's story row (the body pane may show the same title): the one with the +2 marker.
  const storyRow = (frame: string[]) => frame.find((l) => l.includes('+2')) ?? '';

  it('shows ◆ while any of its articles is unread; m on the folded row marks them all', async () => {
    dir = mkdtempSync(join(tmpdir(), 'cnt-fold-'));
    const reading = Reading.open(dir);
    const app = setup(120, 30, { reading });
    await eventually(() => expect(app.frame().join('\n')).toContain('+2'));
    expect(storyRow(app.frame())).toContain(UNREAD_GLYPH);
    // One article of the story read from inside the open story: the folded row stays unread.
    await app.type('j');
    await app.type('l');
    await eventually(() => expect(app.frame().filter((l) => l.includes('└'))).toHaveLength(2));
    await app.type('j');
    await app.type('m');
    await app.type('h');
    await eventually(() => expect(app.frame().filter((l) => l.includes('└'))).toHaveLength(0));
    expect(articles.filter((a) => reading.isRead(a))).toHaveLength(1);
    expect(storyRow(app.frame())).toContain(UNREAD_GLYPH);
    // m on the folded row: some were unread, so all become read and the ◆ goes.
    await app.type('m');
    await eventually(() => expect(storyRow(app.frame())).not.toContain(UNREAD_GLYPH));
    expect(articles.slice(0, 3).every((a) => reading.isRead(a))).toBe(true);
    expect(reading.isRead(articles[3])).toBe(false);
    // Again: all were read, so all become unread.
    await app.type('m');
    await eventually(() => expect(storyRow(app.frame())).toContain(UNREAD_GLYPH));
    expect(articles.some((a) => reading.isRead(a))).toBe(false);
    // * saves the whole story; the row shows ★.
    await app.type('*');
    await eventually(() => expect(storyRow(app.frame())).toContain(SAVED_GLYPH));
    expect(articles.slice(0, 3).every((a) => reading.isSaved(a))).toBe(true);
    reading.store.close();
  });
});

describe('a folded story row in a date sort', () => {
  it('shows the date of its newest matching report, where it stands, not the scoop\'s (found by a tester)', async () => {
    const app = setup(120, 30);
    const storyRow = (): string => app.frame().find((l) => l.includes('+2'))!;
    await eventually(() => expect(app.frame().join('\n')).toContain('+2'));
    // The scoop (The Block, 9 hours old) is the row's title; it stands at the Decrypt report 3 hours old.
    expect(storyRow()).toContain('Quarry bridge exploited');
    expect(storyRow()).toMatch(/ 3h /);
    expect(storyRow()).not.toMatch(/ 9h /);
    // Unfolded, the story's row keeps that date, its articles under it in date order.
    await app.type('j');
    await app.type('l');
    await eventually(() => expect(app.frame().filter((l) => l.includes('└'))).toHaveLength(2));
    const listRowsNow = app.frame().filter((l) => l.startsWith('│')).map((l) => l.split('│')[1]);
    const dates = listRowsNow.filter((l) => /▾|└/.test(l)).map((l) => / (\d+)h /.exec(l)?.[1]);
    expect(dates).toEqual(['3', '3', '6']);
    await app.type('h');
    // Sorted by title, the row shows its scoop's own date.
    await app.type('s');
    await eventually(() => expect(app.frame().join('\n')).toMatch(/sort: title/));
    await eventually(() => expect(storyRow()).toMatch(/ 9h /));
  });
});
