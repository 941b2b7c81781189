// Copying text: always by OSC 52, written by the caller to the user's own terminal (terminals and
// tmux with `set-clipboard on` put it on the clipboard, over ssh too), and also through clipboardy
// when a local clipboard tool can be reached (macOS, Windows, or Linux with a display).
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
