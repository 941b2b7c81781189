// The interface through which the UI reaches outside the process: the browser, the clipboard and
// the editor. The entry wires the real ones (actions.ts); tests stub them.

/** What the dashboard lets the UI do outside itself (the entry wires the real ones; tests stub them). */
export interface SystemActions {
  /** Opens a checked http(s) URL in the browser. */
  open(url: string): Promise<void>;
  /** Copies text (OSC 52 and the local clipboard); resolves with how it went. */
  copy(text: string): Promise<void>;
  /** Hands the terminal to $EDITOR on the file and takes it back; what happened, for the status line. */
  edit(path: string): string;
}
