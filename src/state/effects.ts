// What the reducer asks the world to do. The reducer stays pure: a command that must touch the
// reading-state database, the browser, the clipboard or the terminal appends an Effect, and App
// runs the effects after the frame that shows the change (ui/use-effects.ts), through SystemActions
// (system/system-actions.ts) for whatever leaves the process.

/** One side effect requested by a command. Ids are article ids of the loaded corpus. */
export type Effect =
  | { kind: 'toggleRead'; ids: readonly number[] }
  | { kind: 'toggleSaved'; ids: readonly number[] }
  | { kind: 'markRead'; ids: readonly number[] }
  /** `hold` false: the result was asked again (`r`, another query) before it ran: its rows are not held (held-rows.ts). */
  | { kind: 'markAllRead'; hold?: false }
  /** `u`: the last change of `m`, `*` or `M` taken back; `hold` as markAllRead's. */
  | { kind: 'undo'; hold?: false }
  /** `read`: the articles marked read once the URL is open (not when nothing opened it). */
  | { kind: 'open'; url: string; read: readonly number[] }
  | { kind: 'resolveLink'; id: number; n: number }
  | { kind: 'copy'; text: string }
  | { kind: 'edit'; id: number }
  | { kind: 'saveHistory'; query: string };

/** A question or entry in the status line; while one is up the keymap is in its mode. */
export type Prompt =
  | { kind: 'open'; url: string; id: number }
  | { kind: 'markAll'; count: number }
  | { kind: 'link'; digits: string };

/** What the reducer needs to know of an article to open or copy it. */
export interface ArticleRef {
  url: string | null;
  title: string;
  path: string;
}
