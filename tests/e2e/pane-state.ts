// What a program can change about a terminal besides the text on it, read back from tmux: the
// pane title (OSC 0/2), the clipboard (OSC 52 lands in a tmux paste buffer when set-clipboard is
// on), whether the alternate screen is still on and whether the cursor is visible.
import { hasTmux, TmuxSession } from './tmux.js';

/** The pane's title before the program ran; any OSC title write replaces it. */
export const ORIGINAL_TITLE = 'cnt-original-title';

/** Terminal state that must be the same after the program as before it. */
export interface PaneState {
  title: string;
  alternateScreen: boolean;
  cursorVisible: boolean;
  pasteBuffers: string;
}

/** A tmux session primed so title and clipboard writes are observable. */
export function observableSession(width: number, height: number, cwd: string, env: Record<string, string> = {}): TmuxSession {
  if (!hasTmux()) throw new Error('tmux is required for the terminal end-to-end tests (.ci/run installs it)');
  const s = new TmuxSession(width, height, cwd, env);
  s.tmux('set-option', '-g', 'set-clipboard', 'on');
  s.tmux('select-pane', '-t', 'main', '-T', ORIGINAL_TITLE);
  return s;
}

/** Reads the pane state back from tmux. */
export function paneState(s: TmuxSession): PaneState {
  const [title, alt, cursor] = s.tmux('display-message', '-p', '-t', 'main', '#{pane_title}\t#{alternate_on}\t#{cursor_flag}').trimEnd().split('\t');
  return { title, alternateScreen: alt === '1', cursorVisible: cursor === '1', pasteBuffers: s.tmux('list-buffers') };
}

/** The state of a pane the program left exactly as it found it. */
export const UNTOUCHED: PaneState = { title: ORIGINAL_TITLE, alternateScreen: false, cursorVisible: true, pasteBuffers: '' };

/** Waits for the shell prompt to come back on the last line with no dashboard left on screen. */
export async function cleanPrompt(s: TmuxSession): Promise<string> {
  return s.waitFor((text) => /\$ *$/.test(text.trimEnd()) && !text.includes('? help'), 'a clean shell prompt');
}

/** Text printed after the program, captured with its attributes: it must carry no colour or style. */
export async function plainAfterwards(s: TmuxSession): Promise<string> {
  s.type('echo after-the-program');
  s.send('Enter');
  await s.waitFor((t) => /^after-the-program$/m.test(t), 'the echo');
  const styled = s.tmux('capture-pane', '-p', '-e', '-t', 'main');
  return styled.split('\n').find((l) => l.includes('after-the-program') && !l.includes('echo')) ?? '';
}
