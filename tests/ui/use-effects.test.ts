// What the status line says after `o y`, and what is marked: `opened` and the article read only
// when the browser took the URL; when nothing opened it, the remedy, the other way to the URL (y
// copies it) and what happened, the article left unread. Once said `opened` whatever happened.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/article.js';
import { Reading as ReadingImpl } from '../../src/core/reading/reading.js';
import type { Reading } from '../../src/core/reading/index.js';
import type { SearchIndex } from '../../src/core/search/index.js';
import { SearchIndex as SearchIndexImpl } from '../../src/core/search/search.js';
import { article } from './factory.js';
import { OpenFailed, type CopyOutcome, type SystemActions } from '../../src/system/system-actions.js';
import { runEffect, type EffectContext } from '../../src/ui/use-effects.js';
import { hintKey, remapKeymap } from '../../src/state/keymap-remap.js';

const URL = 'https://news.test/a?x=1';

// A context whose index names article 7 and whose reading state records what is marked read.
function context(open: SystemActions['open'], copied: CopyOutcome = 'clipboard'): { ctx: EffectContext; read: string[] } {
  const read: string[] = [];
  const article = { path: '/n/a.md' } as Article;
  const ctx: EffectContext = {
    index: { article: () => article } as unknown as SearchIndex,
    reading: { markRead: (as: readonly Article[]) => read.push(...as.map((a) => a.path)) } as unknown as Reading,
    system: { open, copy: async () => copied, edit: () => '' },
    query: '',
    includeDrafts: false,
    bodyWidth: 80,
  };
  return { ctx, read };
}

describe('the open effect', () => {
  it('opened: says so and marks the article read', async () => {
    const { ctx, read } = context(async () => {});
    expect(await runEffect({ kind: 'open', url: URL, read: [7] }, ctx)).toBe(`opened ${URL}`);
    expect(read).toEqual(['/n/a.md']);
  });

  it('no browser: the remedy first, then y to copy, then the reason (cut first on a narrow status line); nothing marked', async () => {
    const { ctx, read } = context(async () => {
      throw new OpenFailed('no browser to open with: set $BROWSER', 'xdg-open not found');
    });
    expect(await runEffect({ kind: 'open', url: URL, read: [7] }, ctx)).toBe('no browser to open with: set $BROWSER · y copies the URL · xdg-open not found');
    expect(read).toEqual([]);
  });

  it('any other failure: its message and y to copy; nothing marked', async () => {
    const { ctx, read } = context(async () => {
      throw new Error('spawn EACCES');
    });
    expect(await runEffect({ kind: 'open', url: URL, read: [7] }, ctx)).toBe('spawn EACCES · y copies the URL');
    expect(read).toEqual([]);
  });
});

// Found by a tester: the hints named the default keys whatever `[keys]` bound.
describe('hints name the keys in force', () => {
  const failing = async (): Promise<void> => {
    throw new OpenFailed('no browser to open with: set $BROWSER', 'xdg-open not found');
  };
  it('copy remapped to c: `c copies the URL`; nothing bound to it: no hint', async () => {
    const remapped = remapKeymap({ copyUrl: ['c'] });
    const { ctx } = context(failing);
    expect(await runEffect({ kind: 'open', url: URL, read: [7] }, { ...ctx, keyOf: (c) => hintKey(c, remapped) })).toBe('no browser to open with: set $BROWSER · c copies the URL · xdg-open not found');
    const unbound = remapped.filter((b) => b.command !== 'copyUrl');
    expect(await runEffect({ kind: 'open', url: URL, read: [7] }, { ...ctx, keyOf: (c) => hintKey(c, unbound) })).toBe('no browser to open with: set $BROWSER · xdg-open not found');
  });
  it('hintKey: the first key bound in the list, as help writes it', () => {
    expect(hintKey('showNew')).toBe('r');
    expect(hintKey('showNew', remapKeymap({ showNew: ['ctrl+n', 'N'] }))).toBe('Ctrl-n');
    expect(hintKey('undoMarkAll', remapKeymap({ undoMarkAll: ['U'] }))).toBe('U');
  });
});

// Found by a tester (issue 8): `[click](javascript:...)` took number 2, which the link key then
// refused. A link that leads nowhere has no number, and `o N Enter` asks to open the Nth one shown.
describe('the link key resolves the numbers the body shows', () => {
  const body = fs.readFileSync(path.resolve(import.meta.dirname, '..', 'fixtures', 'cases', 'render', 'more-unopenable-links.md'), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
  const { ctx } = context(async () => {});
  const withBody = { ...ctx, index: { article: () => article(7, { body }) } as unknown as SearchIndex };
  it.each([
    [1, 'link:https://example.org/filing'], [2, 'link:https://example.org/report'], [3, 'link:mailto:desk@example.org'],
    [4, 'link:https://example.org/archive'], [5, 'link:https://example.org/markets'], [6, 'link:https://example.org/newsletter'], [7, 'no link 7 (1-6)'],
  ])('link %i', async (n, said) => {
    expect(await runEffect({ kind: 'resolveLink', id: 7, n }, withBody)).toBe(said);
  });
});

// Found by a tester: `y` said `copied` after writing OSC 52 even where nothing takes it.
describe('the copy effect says where the text went', () => {
  const noBrowser = async (): Promise<void> => {};
  it('a local clipboard tool took it: copied', async () => {
    expect(await runEffect({ kind: 'copy', text: URL }, context(noBrowser, 'clipboard').ctx)).toBe(`copied ${URL}`);
  });
  it('a copied path (no URL) is shown with its control bytes as pictures, as the clipboard holds it', async () => {
    expect(await runEffect({ kind: 'copy', text: '/n/name-\x1b[31mred.md' }, context(noBrowser, 'clipboard').ctx)).toBe('copied /n/name-␛[31mred.md');
  });
  it('OSC 52 alone: the way named, so an empty clipboard can be explained', async () => {
    expect(await runEffect({ kind: 'copy', text: URL }, context(noBrowser, 'terminal').ctx)).toBe(`copied by OSC 52: ${URL}`);
  });
  it('inside a tmux that drops OSC 52: not copied, and the setting that lets it through', async () => {
    expect(await runEffect({ kind: 'copy', text: URL }, context(noBrowser, 'dropped').ctx)).toBe('not copied: tmux drops OSC 52 (set -s set-clipboard on)');
  });
});

// Found by a tester: `u` undid only `M` (`nothing to undo` after an `m`). It takes back the last
// `m`, `*` or `M` and says which; `M` and `u` hold the rows they change before they change them.
describe('marks and their undo', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });
  function marking(query = 'is:unread'): { ctx: EffectContext; reading: Reading; holds: number[][] } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-undo-effects-'));
    dirs.push(dir);
    const reading = ReadingImpl.open(dir);
    const holds: number[][] = [];
    const index = new SearchIndexImpl(Array.from({ length: 3 }, (_, id) => article(id, { url: `https://u.test/${id}` })));
    const ctx: EffectContext = { index, reading, system: null, query, includeDrafts: false, bodyWidth: 80, hold: (ids) => holds.push([...ids]) };
    return { ctx, reading, holds };
  }

  it('u after m, *, a multi m and M says what it undid; nothing left: nothing to undo', async () => {
    const { ctx, reading } = marking();
    expect(await runEffect({ kind: 'undo' }, ctx)).toBe('nothing to undo');
    expect(await runEffect({ kind: 'toggleRead', ids: [0] }, ctx)).toBe('marked read');
    expect(await runEffect({ kind: 'toggleRead', ids: [0] }, ctx)).toBe('marked unread');
    expect(await runEffect({ kind: 'toggleSaved', ids: [1] }, ctx)).toBe('saved ★');
    expect(await runEffect({ kind: 'toggleRead', ids: [1, 2] }, ctx)).toBe('2 articles read');
    expect(await runEffect({ kind: 'undo' }, ctx)).toBe('undone: 2 articles marked read');
    expect(await runEffect({ kind: 'undo' }, ctx)).toBe('undone: saved');
    expect(await runEffect({ kind: 'undo' }, ctx)).toBe('undone: marked unread');
    expect(reading.isRead(ctx.index.article(0))).toBe(true);
    expect(await runEffect({ kind: 'undo' }, ctx)).toBe('undone: marked read');
    expect(reading.isRead(ctx.index.article(0))).toBe(false);
    expect(await runEffect({ kind: 'markAllRead' }, ctx)).toBe('marked 3 articles read · u undoes');
    expect(await runEffect({ kind: 'undo' }, ctx)).toBe('undone: marked 3 articles read');
    expect([0, 1, 2].some((id) => reading.isRead(ctx.index.article(id)))).toBe(false);
    reading.close();
  });

  it('M marks the rows the list holds too, and holds every row it marks; u holds the rows it changes', async () => {
    const { ctx, reading, holds } = marking();
    await runEffect({ kind: 'toggleRead', ids: [0] }, ctx);
    // Row 0 is read and held: M marks the other two, and holds all three.
    expect(await runEffect({ kind: 'markAllRead' }, { ...ctx, held: new Set([0]) })).toBe('marked 2 articles read · u undoes');
    expect(holds).toEqual([[0, 1, 2]]);
    await runEffect({ kind: 'undo' }, ctx);
    await runEffect({ kind: 'undo' }, ctx);
    expect(holds).toEqual([[0, 1, 2], [0, 1, 2], [0]]);
    reading.close();
  });
});
