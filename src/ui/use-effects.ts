// Runs the side effects the reducer asked for (state/effects.ts), in order, after the frame that
// asked: reading marks go to the state database, URLs to the browser, text to the clipboard, the
// terminal to the editor. Each outcome comes back as a status-line notice; none can crash the UI.
import { useEffect, type Dispatch } from 'react';
import type { Article } from '../core/article.js';
import { errorMessage } from '../core/error-message.js';
import { bodyMarkdown, renderMarkdown } from '../core/render/index.js';
import { SAVED_NOTICE, searchWithReading, unsavedNotice, type Reading, type Undone } from '../core/reading/index.js';
import { countText, visibleName } from '../core/text/index.js';
import type { SearchIndex } from '../core/search/index.js';
import type { Effect } from '../state/effects.js';
import type { Command } from '../state/keymap.js';
import { hintKey } from '../state/keymap-remap.js';
import { OpenFailed, type CopyOutcome, type SystemActions } from '../system/system-actions.js';

export type { SystemActions } from '../system/system-actions.js';
import type { Action } from '../state/reducer.js';

/** Everything an effect may need. */
export interface EffectContext {
  index: SearchIndex;
  reading: Reading | null;
  system: SystemActions | null;
  /** The query in force (view AND typed) and its options, for `M`; `held`: the rows the list keeps whatever their marks (AppState.held). */
  query: string;
  includeDrafts: boolean;
  held?: ReadonlySet<number> | null;
  /** Keeps these articles' rows listed (the reducer's `hold`), called before their marks change: set by useEffectRunner. */
  hold?: (ids: readonly number[]) => void;
  /** The body pane's width, which numbers its links. */
  bodyWidth: number;
  /** The key a hint names for a command (keymap-remap.ts hintKey over the keymap in force; absent: the default keymap's). */
  keyOf?: (command: Command) => string | null;
}

const NO_STATE = 'reading state is unavailable (see the warning at start)';
const plural = (n: number, what: string) => `${countText(n)} ${what}${n === 1 ? '' : 's'}`;

/** Runs one effect; returns the notice for the status line, if any. */
export async function runEffect(e: Effect, ctx: EffectContext): Promise<string | null> {
  const articles = (ids: readonly number[]): Article[] => ids.map((id) => ctx.index.article(id));
  // ` · u undoes`: a hint naming the key in force, or nothing when no key does it.
  const hint = (command: Command, what: string): string => {
    const key = (ctx.keyOf ?? hintKey)(command);
    return key === null ? '' : ` · ${key} ${what}`;
  };
  switch (e.kind) {
    case 'toggleRead': {
      if (!ctx.reading) return NO_STATE;
      const read = ctx.reading.toggleRead(articles(e.ids), e.ids);
      return `${e.ids.length > 1 ? plural(e.ids.length, 'article') : 'marked'} ${read ? 'read' : 'unread'}`;
    }
    case 'toggleSaved': {
      if (!ctx.reading) return NO_STATE;
      const saved = ctx.reading.toggleSaved(articles(e.ids), e.ids);
      return `${e.ids.length > 1 ? `${plural(e.ids.length, 'article')} ` : ''}${saved ? 'saved ★' : 'unsaved'}`;
    }
    case 'markRead':
      ctx.reading?.markRead(articles(e.ids));
      return null;
    case 'markAllRead': {
      if (!ctx.reading) return NO_STATE;
      // The result the list shows, held rows included; they stay listed, drawn read, until it is asked again.
      const result = searchWithReading(ctx.index, ctx.query, { includeDrafts: ctx.includeDrafts }, ctx.reading, ctx.reading.version, null, ctx.held ?? null);
      const ids = result.hits.map((h) => h.id);
      if (e.hold !== false) ctx.hold?.(ids);
      const n = ctx.reading.markAll(articles(ids), ids);
      return `marked ${plural(n, 'article')} read${hint('undoMarkAll', 'undoes')}`;
    }
    case 'undo': {
      if (!ctx.reading) return NO_STATE;
      // The ids are held before the store changes, so no search in between drops their rows.
      const undone = ctx.reading.undo();
      if (undone && e.hold !== false) ctx.hold?.(undone.ids);
      return undone ? `undone: ${undoneText(undone)}` : 'nothing to undo';
    }
    case 'open':
      if (!ctx.system) return 'opening is not available here';
      try {
        await ctx.system.open(e.url);
      } catch (error) {
        // Nothing opened it (no browser, $BROWSER failing): the remedy, the other way to the URL,
        // then what happened (cut first on a narrow terminal).
        return error instanceof OpenFailed ? `${error.advice}${hint('copyUrl', 'copies the URL')} · ${error.reason}` : `${errorMessage(error)}${hint('copyUrl', 'copies the URL')}`;
      }
      // Opened: the article counts as read, as a chosen one does; one nothing opened stays unread.
      ctx.reading?.markRead(articles(e.read));
      return `opened ${e.url}`;
    case 'resolveLink': {
      const links = renderMarkdown(bodyMarkdown(ctx.index.article(e.id)), Math.max(1, ctx.bodyWidth)).links;
      return e.n >= 1 && e.n <= links.length ? `link:${links[e.n - 1]}` : links.length ? `no link ${e.n} (1-${links.length})` : 'this article has no links';
    }
    case 'copy':
      if (!ctx.system) return 'copying is not available here';
      return copiedNotice(await ctx.system.copy(e.text), e.text);
    case 'edit':
      if (!ctx.system) return 'editing is not available here';
      return ctx.system.edit(ctx.index.article(e.id).path);
    case 'saveHistory':
      ctx.reading?.addHistory(e.query);
      return null;
  }
}

/** What an undo took back, as the status line says it after `undone: ` (`marked read`, `3 articles saved`, `marked 12 articles read`). */
export function undoneText(u: Undone): string {
  const what = u.mark === 'read' ? (u.to ? 'read' : 'unread') : u.to ? 'saved' : 'unsaved';
  if (u.all) return `marked ${plural(u.count, 'article')} read`;
  if (u.count > 1) return `${plural(u.count, 'article')} ${u.mark === 'read' ? 'marked ' : ''}${what}`;
  return u.mark === 'read' ? `marked ${what}` : what;
}

// What `y` says. OSC 52 alone reached a clipboard only if the terminal takes it, so the way is named;
// a tmux that drops it (clipboard.ts tmuxDropsOsc52) is told with the setting that lets it through.
// What was copied (a path when there is no URL) is shown with its control bytes as pictures (`␛`),
// not dropped by the status line's sanitising: the reader sees what the clipboard holds.
function copiedNotice(outcome: CopyOutcome, copied: string): string {
  const text = visibleName(copied);
  if (outcome === 'clipboard') return `copied ${text}`;
  if (outcome === 'terminal') return `copied by OSC 52: ${text}`;
  return 'not copied: tmux drops OSC 52 (set -s set-clipboard on)';
}

/**
 * Runs pending effects one after another and reports each outcome to the reducer; and keeps the
 * status line told of marks another program's lock keeps out of state.db (mark-writer.ts): what
 * waits while it does (AppState.unsaved), then that it was written.
 */
export function useEffectRunner(effects: readonly Effect[], dispatch: Dispatch<Action>, ctx: EffectContext): void {
  const writer = ctx.reading?.store.writer ?? null;
  useEffect(() => {
    if (!writer) return;
    writer.onChange = (state) => {
      const message = unsavedNotice(state);
      dispatch({ type: 'unsaved', message });
      if (message === null) dispatch({ type: 'notice', message: SAVED_NOTICE });
    };
    return () => void (writer.onChange = null);
  }, [writer, dispatch]);
  useEffect(() => {
    if (effects.length === 0) return;
    const batch = effects;
    dispatch({ type: 'effectsDone', count: batch.length });
    const withHold: EffectContext = { ...ctx, hold: (ids) => dispatch({ type: 'hold', ids }) };
    void (async () => {
      for (const e of batch) {
        let notice: string | null;
        try {
          notice = await runEffect(e, withHold);
        } catch (error) {
          notice = errorMessage(error);
        }
        if (notice?.startsWith('link:') && e.kind === 'resolveLink') dispatch({ type: 'askOpen', id: e.id, url: notice.slice(5) });
        else if (notice) dispatch({ type: 'notice', message: notice });
      }
      // Marks changed without a notice (Enter, o) still redraw the list.
      dispatch({ type: 'effectsDone', count: 0 });
    })();
    // ctx is read when the effects arrive; it changing alone must not re-run anything.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [effects, dispatch]);
}
