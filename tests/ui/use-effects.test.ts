// What the status line says after `o y`, and what is marked: `opened` and the article read only
// when the browser took the URL; when nothing opened it, the remedy, the other way to the URL (y
// copies it) and what happened, the article left unread. Once said `opened` whatever happened.
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/article.js';
import type { Reading } from '../../src/core/reading/index.js';
import type { SearchIndex } from '../../src/core/search/index.js';
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
