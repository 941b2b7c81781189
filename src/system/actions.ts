// The dashboard's real SystemActions: the browser, the clipboard and the editor, wired to the
// terminal the UI draws on. Kept apart so the UI only ever sees the SystemActions interface.
import type { Terminal } from '../terminal.js';
import type { SystemActions } from '../ui/use-effects.js';
import { openInBrowser } from './browser.js';
import { copyLocally, osc52 } from './clipboard.js';
import { runEditor } from './editor.js';

/** SystemActions on `term`; `ui` gives the ink instance to clear so it redraws after the editor. */
export function systemActions(term: Terminal, ui: () => { clear(): void }): SystemActions {
  return {
    open: (url) => openInBrowser(url),
    copy: async (text) => {
      term.writeRaw(osc52(text));
      await copyLocally(text);
    },
    edit: (file) => {
      term.suspend();
      try {
        return runEditor(file, term.fds);
      } finally {
        term.resume();
        // The screen was the editor's: ink forgets its last frame; the notice this returns
        // changes the status line, so the next frame is drawn whole.
        ui().clear();
      }
    },
  };
}
