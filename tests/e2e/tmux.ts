// A tiny driver for a real terminal: a private tmux server running an interactive shell, so a
// test types into the built program exactly as a person would and reads what the screen shows.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { processEnded } from '../helpers/process-gone.js';

/** True when tmux is installed (.ci/run installs it). */
export function hasTmux(): boolean {
  try {
    execFileSync('tmux', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

// How long waitFor and waitForFile poll unless told: a minute, within a test's default limit (vitest.config.ts).
const WAIT_MS = 60_000;

/** One tmux session on a private socket, with a plain bash prompt `$ `. */
export class TmuxSession {
  readonly socket = `cnt-e2e-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-e2e-'));

  constructor(
    readonly width: number,
    readonly height: number,
    readonly cwd: string,
    env: Record<string, string> = {},
  ) {
    // CI=true is set by the CI runner; ink draws nothing under CI, and the program drops it,
    // but the shell in the pane starts without it anyway so the test is independent of that.
    // Each session keeps its read marks and session times in its own state folder (unless the
    // test gives one): nothing reaches the runner's ~/.local/state, and no test sees another's marks.
    const shellEnv = Object.entries({ PS1: '$ ', TERM: 'xterm-256color', XDG_STATE_HOME: path.join(this.dir, 'state'), ...env })
      .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
      .join(' ');
    this.tmux(
      'new-session', '-d', '-s', 'main', '-x', String(width), '-y', String(height), '-c', cwd,
      `env -u CI ${shellEnv} bash --norc --noprofile`,
    );
  }

  tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }

  /** Types keys (tmux key names such as Enter, Escape, C-c, or literal text). */
  send(...keys: string[]): void {
    this.tmux('send-keys', '-t', 'main', ...keys);
  }

  /** Types literal text (no key-name lookup). */
  type(text: string): void {
    this.tmux('send-keys', '-t', 'main', '-l', text);
  }

  screen(): string {
    return this.tmux('capture-pane', '-p', '-t', 'main');
  }

  /**
   * Copies every byte the pane's program writes from now on into a file (tmux's pipe-pane), and
   * returns a reader of it: a state that lasts less than one poll of the screen (progress that a
   * fast machine finishes within a frame or two) is still in the stream.
   */
  record(): () => string {
    const file = path.join(this.dir, 'stream.bin');
    fs.writeFileSync(file, '');
    this.tmux('pipe-pane', '-t', 'main', '-o', `cat >> ${JSON.stringify(file)}`);
    return () => fs.readFileSync(file, 'utf8');
  }

  resize(width: number, height: number): void {
    this.tmux('resize-window', '-t', 'main', '-x', String(width), '-y', String(height));
  }

  /**
   * Polls the screen until `predicate` holds; throws with the last screen after `timeoutMs`. The
   * default only catches a program that never gets there: a cold start under CI's load takes many
   * times its quiet seconds, and the poll returns as soon as the screen shows the thing.
   */
  async waitFor(predicate: (screen: string) => boolean, what: string, timeoutMs = WAIT_MS): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let last = '';
    // A capture can fall between two rows of one frame's write (the status line already new, the
    // list not yet): a screen that satisfies the predicate is captured again until two captures in
    // a row are the same. A screen that stops satisfying it meanwhile (a passing state, such as a
    // load's progress) or keeps changing until time runs out is taken as first seen.
    let candidate: string | null = null;
    while (Date.now() < deadline) {
      last = this.screen();
      if (predicate(last)) {
        if (last === candidate) return last;
        candidate = last;
        await new Promise((r) => setTimeout(r, 40));
        continue;
      }
      if (candidate !== null) return candidate;
      await new Promise((r) => setTimeout(r, 100));
    }
    if (candidate !== null) return candidate;
    throw new Error(`timed out waiting for ${what}; screen was:\n${last}`);
  }

  /** Polls until a file exists with content, returning the content. */
  async waitForFile(file: string, timeoutMs = WAIT_MS): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (fs.existsSync(file)) {
        const text = fs.readFileSync(file, 'utf8');
        if (text.length > 0) return text;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for ${file}; screen was:\n${this.screen()}`);
  }

  /**
   * Ends the session and waits (up to `waitMs`) for every program started from its shell to exit:
   * a program hung up by the closed terminal may still be writing its cache or state for a moment,
   * and a test's afterEach that removes their folder meanwhile fails with ENOTEMPTY. The programs
   * are sent the hang-up themselves, before the shell goes: tmux's kill-server closes the terminal
   * only ~1 s later, and a program whose shell is gone may block on a write tmux no longer reads.
   */
  close(waitMs = 20_000): void {
    let pids: number[] = [];
    let shells: number[] = [];
    try {
      shells = this.tmux('list-panes', '-a', '-F', '#{pane_pid}').split('\n').map(Number).filter((pid) => pid > 0);
      pids = programsOf(shells);
      for (const pid of pids) hangUp(pid);
      this.tmux('kill-server');
    } catch {
      // Already gone.
    }
    const deadline = Date.now() + waitMs;
    // An orphan that exited stays a zombie until init (here a VM's own) reaps it, ~1-1.7 s later: ended is what counts.
    while (!pids.every(processEnded) && Date.now() < deadline) sleepSync(50);
    // The shell itself goes on once its program ended (startCli's `echo "exit=$?" > status.txt`
    // writes into this folder) until the closed terminal hangs it up ~1 s later: in CI that write
    // landed while the folder was being removed (ENOTEMPTY after every retry). So it is hung up now
    // and waited for too.
    for (const pid of shells) hangUp(pid);
    while (!shells.every(processEnded) && Date.now() < deadline) sleepSync(20);
    // Retried (Node retries ENOTEMPTY itself when asked): in CI once a file appeared in the folder
    // while it was being removed (ENOTEMPTY), the program's last write landing after the walk.
    fs.rmSync(this.dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
}

/** Every descendant of the pane processes (`shells`), from `ps`. */
function programsOf(shells: readonly number[]): number[] {
  const children = new Map<number, number[]>();
  for (const line of execFileSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' }).split('\n')) {
    const [pid, ppid] = line.trim().split(/\s+/).map(Number);
    if (!pid || ppid === undefined) continue;
    const siblings = children.get(ppid);
    if (siblings) siblings.push(pid);
    else children.set(ppid, [pid]);
  }
  const found: number[] = [];
  const todo = shells.flatMap((pid) => children.get(pid) ?? []);
  while (todo.length > 0) {
    const pid = todo.pop()!;
    found.push(pid);
    todo.push(...(children.get(pid) ?? []));
  }
  return found;
}

function hangUp(pid: number): void {
  try {
    process.kill(pid, 'SIGHUP');
  } catch {
    // Gone already.
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * The columns this tmux's grid gives each text when drawn (the cursor's move after printing it),
 * which for emoji sequences differs between tmux versions and from its own `#{w:}` count (tmux
 * 3.3a draws a ZWJ sequence in 2 columns, a skin-toned emoji in 4).
 */
export async function drawnWidths(texts: readonly string[]): Promise<Map<string, number>> {
  const s = new TmuxSession(200, 5, os.tmpdir());
  const widths = new Map<string, number>();
  try {
    for (const [i, text] of texts.entries()) {
      const marker = `m${i}`;
      // The cursor stops after the text while `read` waits; the marker says the line was printed.
      s.type(`clear; printf '${marker}\\n%s' '${text.replaceAll("'", "'\\''")}'; read _`);
      s.send('Enter');
      await s.waitFor((t) => t.split('\n').some((l) => l.trim() === marker), `"${text}" printed`);
      widths.set(text, Number(s.tmux('display', '-p', '-t', 'main', '#{cursor_x}').trim()));
      s.send('Enter');
    }
  } finally {
    s.close();
  }
  return widths;
}

const repo = path.resolve(import.meta.dirname, '..', '..');
/** The built program. */
export const cli = path.join(repo, 'dist', 'cli.js');

/** A program started in tmux: the session, and the files its stdout and `exit=N` go to. */
export interface Started {
  s: TmuxSession;
  out: string;
  status: string;
}

/** Starts the built program with `args` in a new session of `width` x `height`, typed as a person would. */
export function startCli(width: number, height: number, args = '', env: Record<string, string> = {}): Started {
  if (!hasTmux()) throw new Error('tmux is required for the terminal end-to-end tests (.ci/run installs it)');
  const s = new TmuxSession(width, height, repo, env);
  const out = path.join(s.dir, 'out.txt');
  const status = path.join(s.dir, 'status.txt');
  s.type(`node ${cli} ${args} > ${out}; echo "exit=$?" > ${status}`);
  s.send('Enter');
  return { s, out, status };
}

/** A test's copy of the bundled corpus (see copiedCorpus); `session` is closed after the test. */
export interface CopiedCorpus {
  /** The test's own temporary folder (cache, state, config and output files go here). */
  root: string;
  /** `root`/news: a copy of data/news, which the test may change. */
  corpus: string;
  session: TmuxSession | undefined;
}

/**
 * Gives each test of the file a fresh copy of the bundled corpus in a temporary folder named from
 * `prefix`, and after each test closes its session and removes the folder (retrying: the closed
 * session's program may still be storing its facts in the cache for a moment). Call at the top level.
 */
export function copiedCorpus(prefix: string): CopiedCorpus {
  const copy: CopiedCorpus = { root: '', corpus: '', session: undefined };
  beforeEach(() => {
    copy.root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    copy.corpus = path.join(copy.root, 'news');
    fs.cpSync(path.join(repo, 'data', 'news'), copy.corpus, { recursive: true });
  });
  afterEach(() => {
    copy.session?.close();
    copy.session = undefined;
    fs.rmSync(copy.root, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  });
  return copy;
}
