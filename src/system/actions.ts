// The dashboard's real SystemActions: the browser, the clipboard and the editor, wired to the
// terminal the UI draws on. Kept apart so the UI only ever sees the SystemActions interface.
import type { Terminal } from '../terminal.js';
import type { SystemActions } from './system-actions.js';
import { openInBrowser } from './browser.js';
import { copyLocally, osc52, tmuxDropsOsc52 } from './clipboard.js';
import { runEditor } from './editor.js';

/** SystemActions on `term`; `redrawAll` makes the next frame draw every row (after the editor). */
export function systemActions(term: Terminal, redrawAll: () => void): SystemActions {
  return {
    open: (url) => openInBrowser(url),
    copy: async (text) => {
      term.writeRaw(osc52(text));
      if (await copyLocally(text)) return 'clipboard';
      return (await tmuxDropsOsc52()) ? 'dropped' : 'terminal';
    },
    edit: (file) => {
      term.suspend();
      try {
        return runEditor(file, term.fds);
      } finally {
        term.resume();
        // The screen was the editor's: the next frame (the notice this returns makes one) is drawn whole.
        redrawAll();
      }
    },
  };
}
