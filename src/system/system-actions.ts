// The interface through which the UI reaches outside the process: the browser, the clipboard and
// the editor. The entry wires the real ones (actions.ts); tests stub them.

/** What the dashboard lets the UI do outside itself (the entry wires the real ones; tests stub them). */
export interface SystemActions {
  /** Opens a checked http(s) URL in the browser; rejects (an OpenFailed) when nothing opened it. */
  open(url: string): Promise<void>;
  /**
   * Copies text (OSC 52 and the local clipboard); resolves with where it went: `clipboard` (a
   * local clipboard tool took it), `terminal` (OSC 52 alone: the terminal's clipboard, where the
   * terminal supports it) or `dropped` (OSC 52 alone, inside a tmux that drops it).
   */
  copy(text: string): Promise<CopyOutcome>;
  /** Hands the terminal to $EDITOR on the file and takes it back; what happened, for the status line. */
  edit(path: string): string;
}

/** Where copied text went (SystemActions.copy). */
export type CopyOutcome = 'clipboard' | 'terminal' | 'dropped';

/**
 * Why `open` opened nothing: what the user can do (`no browser to open with: set $BROWSER`) and
 * what happened (`xdg-open not found`), kept apart so the status line can put the remedy first
 * and the detail last, where a narrow terminal cuts it.
 */
export class OpenFailed extends Error {
  constructor(
    readonly advice: string,
    readonly reason: string,
  ) {
    super(`${advice} (${reason})`);
  }
}
