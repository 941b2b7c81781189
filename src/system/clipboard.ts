// Copying text: always by OSC 52, written by the caller to the user's own terminal (terminals and
// tmux with `set-clipboard on` put it on the clipboard, over ssh too), and also through clipboardy
// when a local clipboard tool can be reached (macOS, Windows, or Linux with a display). Inside
// tmux, OSC 52 from a program reaches a clipboard only with `set-clipboard on`: tmux's default,
// `external`, and `off` drop it (tmux(1), set-clipboard), so the user is told instead of `copied`.
import { execFile } from 'node:child_process';
import clipboard from 'clipboardy';

/** The OSC 52 sequence that sets the clipboard (`c`) to `text`, terminated by BEL. */
export function osc52(text: string): string {
  return `\x1b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\x07`;
}

/** True when clipboardy has a tool to talk to: not on a Linux/BSD box without a display (a server, ssh). */
export function hasLocalClipboard(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): boolean {
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.WAYLAND_DISPLAY || env.DISPLAY);
}

/** Copies through the local clipboard tool when there is one; never throws (OSC 52 has already done the job). */
export async function copyLocally(text: string, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  if (!hasLocalClipboard(env)) return false;
  try {
    await clipboard.write(text);
    return true;
  } catch {
    return false;
  }
}

/** How long `tmux show-options` may take before the answer is taken as unknown (ms). */
const TMUX_ASK_MS = 1_000;

/**
 * Whether the tmux the program runs in (`$TMUX` set) drops OSC 52 written by programs: its
 * `set-clipboard` option is `external` (the default since tmux 2.6) or `off`. False outside tmux,
 * and when tmux cannot be asked (not found, too slow): then nothing is known to be lost.
 */
export function tmuxDropsOsc52(env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  if (!env.TMUX) return Promise.resolve(false);
  return new Promise((resolve) => {
    execFile('tmux', ['show-options', '-sv', 'set-clipboard'], { env, timeout: TMUX_ASK_MS }, (error, stdout) => {
      const value = String(stdout).trim();
      resolve(!error && (value === 'external' || value === 'off'));
    });
  });
}
