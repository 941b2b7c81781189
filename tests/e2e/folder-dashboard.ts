// The CLI on a fixture folder in a real terminal, with a private home for config, reading state
// and cache (a test never touches the user's), and the shell's `exit=N` line after it: the e2e
// tests of the loader's kinds each open one at a time and close it after each test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expectBorderedRows } from './bordered-rows.js';
import { hasTmux, TmuxSession } from './tmux.js';

const repo = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(repo, 'dist', 'cli.js');

/** One dashboard at a time: `start` opens it (closing the last), `close` ends it and removes its home. */
export class FolderDashboard {
  private session: TmuxSession | undefined;
  private home: string | undefined;

  /** Runs `node dist/cli.js --no-cache ARGS` (args as shell words, paths relative to the repo) in a `width`x`height` pane with `env` added. */
  start(width: number, height: number, args: string, env: Record<string, string> = {}): TmuxSession {
    if (!hasTmux()) throw new Error('tmux is required for the terminal end-to-end tests (.ci/run installs it)');
    this.close();
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-folder-e2e-'));
    this.home = home;
    const s = new TmuxSession(width, height, repo, {
      ...env, XDG_CONFIG_HOME: path.join(home, 'config'), XDG_STATE_HOME: path.join(home, 'state'), XDG_CACHE_HOME: path.join(home, 'cache'),
    });
    this.session = s;
    s.type(`node ${cli} --no-cache ${args}; echo "exit=$?"`);
    s.send('Enter');
    return s;
  }

  /**
   * Opens `args` (as `start`), waits for `count`/`count` articles with one shown, and moves down
   * the list until the body pane shows `text`; the frame is checked on the first screen and the last.
   */
  async openAt(width: number, height: number, args: string, count: number, text: string, env: Record<string, string> = {}): Promise<{ s: TmuxSession; screen: string }> {
    const s = this.start(width, height, args, env);
    let screen = await s.waitFor((t) => t.includes(`${count}/${count}`) && t.includes('focus: list') && articleShown(t), 'the dashboard');
    expectBorderedRows(screen, width, height);
    for (let i = 0; i < count && !bodyPane(screen).includes(text); i++) {
      const before = bodyPane(screen);
      s.send('j');
      screen = await s.waitFor((t) => bodyPane(t) !== before, 'the next article');
    }
    screen = await s.waitFor((t) => bodyPane(t).includes(text), `the body with "${text}"`);
    expectBorderedRows(screen, width, height);
    return { s, screen };
  }

  close(): void {
    this.session?.close();
    this.session = undefined;
    if (this.home) fs.rmSync(this.home, { recursive: true, force: true });
    this.home = undefined;
  }
}

/** The body pane of a three-pane screen: the text right of the list pane, row by row. */
export const bodyPane = (screen: string): string => screen.split('\n').map((row) => row.split('││')[1]?.replace(/│$/, '').trimEnd() ?? '').join('\n');

/** Whether the body pane shows an article: not empty, not `opening…` (a selected row not read yet) nor `No article selected`. */
export const articleShown = (screen: string): boolean => {
  const body = bodyPane(screen).trim();
  return body !== '' && !/^(opening…|No article selected)/.test(body);
};
