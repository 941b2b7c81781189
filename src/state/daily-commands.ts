// The reducer's daily-reading commands: read and saved marks, opening and copying, saved views,
// search history. Each is pure (AppState in, AppState out); what must happen outside (the state
// database, a browser, the clipboard) is appended to `effects` for App to run.
import { checkOpenable } from '../core/text/index.js';
import type { Effect, Prompt } from './effects.js';
import type { Command } from './keymap.js';
import type { AppState } from './app-state.js';
import { holdRows, releaseRows } from './held-rows.js';
import { freshArrivals } from './selectors.js';
import { foldedMembers } from './story-rows.js';
import { revealArticles } from './story-transitions.js';

/** Above this many articles, `M` asks before marking the whole result read. */
export const MARK_ALL_ASK = 100;

/** What `r` says when no new file has arrived since it last showed them. */
export const NOTHING_NEW = 'nothing new';

const withEffect = (s: AppState, ...effects: Effect[]): AppState => ({ ...s, effects: [...s.effects, ...effects] });
const ask = (s: AppState, prompt: Prompt): AppState => ({ ...s, prompt, mode: prompt.kind === 'link' ? 'link' : 'confirm' });

/**
 * The ids `m` and `*` act on: every marked one with --multi, else the selected one; a folded
 * story row stands for every article of its story in the result.
 */
export function targetIds(s: AppState): number[] {
  const rows = s.multi && s.marked.length > 0 ? s.marked : s.selectedId === null ? [] : [s.selectedId];
  if (!rows.some((id) => s.rowInfo.has(id))) return [...rows];
  const members = foldedMembers(s.rawHits, s.stories, s.rowInfo);
  return [...new Set(rows.flatMap((id) => members.get(id) ?? [id]))];
}

/** `[title](url)` with the title's brackets escaped so the link stays one Markdown link. */
export function markdownLink(title: string, url: string): string {
  return `[${title.replace(/[\r\n]+/g, ' ').replace(/([[\]\\])/g, '\\$1')}](${url.replace(/[()\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)})`;
}

/** The `o` question for the selected article, or the reason it cannot be opened. */
export function askOpen(s: AppState, id: number | null, url: string | null): AppState {
  if (id === null) return { ...s, message: 'nothing to open' };
  const check = checkOpenable(url);
  return check.ok ? ask(s, { kind: 'open', url: check.url, id }) : { ...s, message: check.reason };
}

const NO_VIEWS = 'no saved views (see [[views]] in the config)';

/** The first view's number is 1; 0 is "All". */
function switchView(s: AppState, n: number): AppState {
  if (n > s.views.length) return { ...s, message: s.views.length ? `no view ${n} (there are ${s.views.length})` : NO_VIEWS };
  return { ...s, view: n };
}

/** `]` / `[`: the next or previous view, All among them and round the end; the only keys to views past 9. */
function stepView(s: AppState, dir: 1 | -1): AppState {
  if (s.views.length === 0) return { ...s, message: NO_VIEWS };
  const count = s.views.length + 1;
  return { ...s, view: (s.view + dir + count) % count };
}

function recall(s: AppState, dir: -1 | 1): AppState {
  const at = (s.historyAt ?? s.history.length) + dir;
  if (at < 0) return { ...s, message: s.history.length ? 'oldest query' : 'no search history' };
  if (at >= s.history.length) return { ...s, historyAt: null, query: '' };
  return { ...s, historyAt: at, query: s.history[at] };
}

/** Handles the commands of this file; undefined for any other. */
export function dailyCommand(s: AppState, c: Command): AppState | undefined {
  const ref = s.selectedId === null ? null : s.describe(s.selectedId);
  switch (c) {
    case 'toggleRead':
    case 'toggleSaved': {
      const ids = targetIds(s);
      if (ids.length === 0) return { ...s, message: 'nothing selected' };
      return withEffect(holdRows(s, ids), { kind: c, ids });
    }
    case 'markAllRead':
      if (s.total === 0) return { ...s, message: 'nothing to mark' };
      return s.total > MARK_ALL_ASK ? ask(s, { kind: 'markAll', count: s.total }) : withEffect(s, { kind: 'markAllRead' });
    case 'undoMarkAll':
      // The command keeps its name (a `[keys]` entry names it); it undoes any mark change now.
      return withEffect(s, { kind: 'undo' });
    case 'open':
      return askOpen(s, s.selectedId, ref?.url ?? null);
    case 'openLink': {
      if (s.mode !== 'link') return s.selectedId === null ? { ...s, message: 'nothing to open' } : ask(s, { kind: 'link', digits: '' });
      const digits = s.prompt?.kind === 'link' ? s.prompt.digits : '';
      const back = { ...s, mode: 'browse' as const, prompt: null };
      if (s.selectedId === null) return back;
      // No number: Enter opens the article's own URL, as `o` does in the other panes.
      return digits === '' ? askOpen(back, s.selectedId, ref?.url ?? null) : withEffect(back, { kind: 'resolveLink', id: s.selectedId, n: Number(digits) });
    }
    case 'confirmYes': {
      const p = s.prompt;
      const back = { ...s, mode: 'browse' as const, prompt: null };
      // What happened is told when the opener has had its chance (ui/use-effects.ts); until then, that it is under way.
      if (p?.kind === 'open') return withEffect(holdRows({ ...back, message: `opening ${p.url}…` }, [p.id]), { kind: 'open', url: p.url, read: [p.id] });
      if (p?.kind === 'markAll') return withEffect(back, { kind: 'markAllRead' });
      return back;
    }
    case 'copyUrl':
    case 'copyLink': {
      if (!ref) return { ...s, message: 'nothing to copy' };
      const target = ref.url ?? ref.path;
      return withEffect(s, { kind: 'copy', text: c === 'copyUrl' ? target : markdownLink(ref.title, target) });
    }
    case 'edit':
      return s.selectedId === null ? { ...s, message: 'nothing to edit' } : withEffect(s, { kind: 'edit', id: s.selectedId });
    case 'showNew': {
      // Shows what the count promised: every arrival the list shows, each on a row of its own (a
      // story it joined unfolded), the last one selected. Arrivals the list would not show stay
      // to be shown when it does.
      // `r` asks the result again too: rows held for their marks (held-rows.ts) go when they no longer match.
      const fresh = freshArrivals(s);
      if (fresh.length === 0) return { ...releaseRows(s), message: NOTHING_NEW };
      const now = new Set(fresh);
      const arrivalsShown = new Set(s.arrivalsShown);
      s.arrivals.forEach((id, k) => now.has(id) && arrivalsShown.add(k));
      return revealArticles({ ...releaseRows(s), arrivalsShown }, fresh);
    }
    case 'historyPrev':
      return recall(s, -1);
    case 'historyNext':
      return recall(s, 1);
    case 'viewAll':
      return switchView(s, 0);
    case 'viewNext':
    case 'viewPrev':
      return stepView(s, c === 'viewNext' ? 1 : -1);
    default:
      if (/^view[1-9]$/.test(c)) return switchView(s, Number(c.slice(4)));
      return undefined;
  }
}

/** The new files' arrivals as the dashboard now lists them (AppState.arrivals). */
export function arrived(s: AppState, ids: readonly number[]): AppState {
  return newsTold({ ...s, arrivals: ids });
}

/**
 * `s` without the `nothing new` that `r` said, once arrivals are new (they came, or a result lists
 * them now: a publish date come, a query changed), or the status line would show it beside
 * `2 new · r to show` until the next key.
 */
export function newsTold(s: AppState): AppState {
  return s.message === NOTHING_NEW && freshArrivals(s).length > 0 ? { ...s, message: null } : s;
}

/** Any key that is not an answer in the confirm mode: the question goes away, nothing happens. */
export function dismissPrompt(s: AppState): AppState {
  return { ...s, mode: 'browse', prompt: null, message: s.prompt?.kind === 'open' ? 'not opened' : 'cancelled' };
}

/** Enter leaving the search line: the query joins the history (in memory and, via the effect, on disk). */
export function rememberQuery(s: AppState): AppState {
  const q = s.query.trim();
  if (!q) return { ...s, historyAt: null };
  const history = [...s.history.filter((h) => h !== q), q].slice(-100);
  return withEffect({ ...s, history, historyAt: null }, { kind: 'saveHistory', query: q });
}
