// Opening a checked http(s) URL: through $BROWSER when set (each `:`-separated command tried in
// turn, as Python's webbrowser does), else the platform's opener via the `open` package. The
// browser runs detached with its output discarded so it never draws over the dashboard.
import { spawn } from 'node:child_process';
import open from 'open';
import { errorMessage } from '../core/error-message.js';
import { commandFor } from './command-line.js';

function spawnDetached(argv: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0], argv.slice(1), { detached: true, stdio: 'ignore' });
    child.once('error', reject);
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}

/** Opens `url` (already checked by checkOpenable); rejects with the reason when nothing could open it. */
export async function openInBrowser(url: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const browsers = (env.BROWSER ?? '').split(':').map((c) => c.trim()).filter(Boolean);
  let lastError: unknown = null;
  for (const command of browsers) {
    const argv = commandFor(command, url);
    if (argv.length === 0) continue;
    try {
      await spawnDetached(argv);
      return;
    } catch (error) {
      lastError = error;
    }
  }
  if (browsers.length > 0) throw new Error(`$BROWSER could not be run: ${errorMessage(lastError)}`);
  const child = await open(url, { wait: false });
  child.once('error', () => {});
  child.unref();
}
