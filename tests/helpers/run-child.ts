// Child processes run to their end without blocking the test's thread. A test worker blocked in
// spawnSync/execFileSync for over 60 s (a few CLI runs at load 20-30 on two cores) misses vitest's
// RPC deadline: `[vitest-worker]: Timeout calling "onTaskUpdate"`, an unhandled error that fails
// the whole run even when every test passed. Same shape as spawnSync's result, so a test converts
// by adding `await`.
import { spawn } from 'node:child_process';
import path from 'node:path';

const repo = path.resolve(import.meta.dirname, '..', '..');

/** The built CLI, package.json's bin (`npm test` builds first; `node dist/cli.js` runs the same file). */
export const CLI = path.join(repo, 'dist', 'cli.cjs');

/** How long a child may run before it counts as hung and is killed: 4 min (a CLI run is ~0.5 s quiet, up to ~12 s at load 27). */
export const CHILD_MS = 240_000;

/** A finished child: its exit code (null when a signal ended it), that signal, and its output as UTF-8 text. */
export interface ChildResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** How to run a child. `env` replaces the environment (default: the test's); `input` is written to its stdin, which is then closed (closed at once without it, as spawnSync does); `timeout` in ms (default CHILD_MS). */
export interface ChildOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  input?: string;
  timeout?: number;
}

/** Runs `command args` to its end. Rejects if it cannot start, or (after SIGKILL) if it outlives `timeout`, naming the command and its stderr so far. */
export function runChild(command: string, args: readonly string[], options: ChildOptions = {}): Promise<ChildResult> {
  const { cwd, env = process.env, input, timeout = CHILD_MS } = options;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    // A child that exits without reading its stdin makes the write fail with EPIPE: not an error here.
    child.stdin.on('error', () => {});
    child.stdin.end(input ?? '');
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} ran over ${timeout} ms and was killed; stderr: ${stderr}`));
    }, timeout);
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.once('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr });
    });
  });
}

/** Runs a Node child (`node args`), as runChild. */
export function runNode(args: readonly string[], options: ChildOptions = {}): Promise<ChildResult> {
  return runChild(process.execPath, args, options);
}

/** Runs the built CLI (`node dist/cli.js args`), as runChild. */
export function runCli(args: readonly string[], options: ChildOptions = {}): Promise<ChildResult> {
  return runNode([CLI, ...args], options);
}

/** Runs `node args` and gives its stdout; rejects unless it exits 0 (as execFileSync throws), with its stderr and stdout (tsc reports there). */
export async function nodeOutput(args: readonly string[], options: ChildOptions = {}): Promise<string> {
  const r = await runNode(args, options);
  if (r.status !== 0) throw new Error(`node ${args.join(' ').slice(0, 300)} exited ${r.status ?? r.signal}: ${r.stderr}${r.stdout.slice(0, 4000)}`);
  return r.stdout;
}
