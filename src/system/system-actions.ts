// The interface through which the UI reaches outside the process: the browser, the clipboard and
// the editor. The entry wires the real ones (actions.ts); tests stub them.

/** What the dashboard lets the UI do outside itself (the entry wires the real ones; tests stub them). */
export interface SystemActions {
  /** Opens a checked http(s) URL in the browser; rejects (an OpenFailed) when nothing opened it. */
  open(url: string): Promise<void>;
  /** Copies text (OSC 52 and the local clipboard); resolves with how it went. */
  copy(text: string): Promise<void>;
  /** Hands the terminal to $EDITOR on the file and takes it back; what happened, for the status line. */
  edit(path: string): string;
}

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
