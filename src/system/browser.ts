// Opening a checked http(s) URL: through $BROWSER when set (each `:`-separated command tried in
// turn, as Python's webbrowser does), else the platform's opener via the `open` package. The
// browser runs detached with its output discarded so it never draws over the dashboard. Neither
// way says whether anything opened: a command that is not there fails after the spawn, and
// xdg-open with no browser to hand exits 3 a moment later. So the opener is watched for a while
// (OPENER_WATCH_MS) and only one that has not failed by then counts as having opened the URL.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import open from 'open';
import { errorMessage } from '../core/error-message.js';
import { commandFor } from './command-line.js';
import { OpenFailed } from './system-actions.js';

/**
 * How long a started opener is watched for a failure (ms). xdg-open, open(1) and a $BROWSER script
 * that cannot open the URL fail well within it; one still running then (a browser started in the
 * foreground) has the URL.
 */
export const OPENER_WATCH_MS = 1500;

/** What starts the platform's opener on a URL (the `open` package's; tests give another). */
export type Opener = (url: string) => Promise<ChildProcess>;

const platformOpener: Opener = (url) => open(url, { wait: false });

/**
 * Resolves once `child` has started and, within `watchMs`, exited with 0 or not exited at all;
 * rejects with why not (`xdg-open not found`, `xdg-open found no browser`, `firefox exited with 1`).
 */
export function watchOpener(child: ChildProcess, watchMs: number = OPENER_WATCH_MS): Promise<void> {
  const name = path.basename(child.spawnfile ?? 'the opener');
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (error: Error | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.unref();
      if (error) reject(error);
      else resolve();
    };
    const timer = setTimeout(() => settle(null), watchMs);
    // Kept after settling: an `error` with no listener would crash the dashboard.
    child.on('error', (error: NodeJS.ErrnoException) => settle(new Error(error.code === 'ENOENT' ? `${name} not found` : `${name}: ${errorMessage(error)}`)));
    child.once('exit', (code, signal) => settle(code === 0 ? null : new Error(exitReason(name, code, signal))));
  });
}

// An opener's failing exit in words: xdg-open's 3 is its "a required tool could not be found",
// which for a URL means no browser (it tried the desktop's and then www-browser, links, lynx, w3m, …).
function exitReason(name: string, code: number | null, signal: NodeJS.Signals | null): string {
  if (code === null) return `${name} was stopped (${signal})`;
  return name === 'xdg-open' && code === 3 ? 'xdg-open found no browser' : `${name} exited with ${code}`;
}

/**
 * Opens `url` (already checked by checkOpenable); rejects with an OpenFailed when nothing opened
 * it: `$BROWSER could not open it` when it is set, else `no browser to open with: set $BROWSER`.
 */
export async function openInBrowser(url: string, env: NodeJS.ProcessEnv = process.env, opener: Opener = platformOpener, watchMs = OPENER_WATCH_MS): Promise<void> {
  const browsers = (env.BROWSER ?? '').split(':').map((c) => c.trim()).filter(Boolean);
  let lastError: unknown = null;
  for (const command of browsers) {
    const argv = commandFor(command, url);
    if (argv.length === 0) continue;
    try {
      await watchOpener(spawn(argv[0], argv.slice(1), { detached: true, stdio: 'ignore' }), watchMs);
      return;
    } catch (error) {
      lastError = error;
    }
  }
  if (browsers.length > 0) throw new OpenFailed('$BROWSER could not open it', errorMessage(lastError));
  try {
    await watchOpener(await opener(url), watchMs);
  } catch (error) {
    throw new OpenFailed('no browser to open with: set $BROWSER', errorMessage(error));
  }
}
