// `e`: the article's file in $EDITOR (else $PAGER, else less). The caller hands the terminal over
// first (leaves the alternate screen, raw mode off) and takes it back after; this runs the
// program on the terminal's own descriptors and waits for it.
import { spawnSync } from 'node:child_process';
import { splitCommand } from './command-line.js';

/** The argv that views or edits `file`: $EDITOR, else $PAGER, else `less`, with the file as its own argument. */
export function editorCommand(file: string, env: NodeJS.ProcessEnv = process.env): string[] {
  for (const name of ['EDITOR', 'PAGER'] as const) {
    const words = splitCommand(env[name] ?? '');
    if (words.length > 0) return [...words, file];
  }
  return ['less', file];
}

/** Runs the editor on the given terminal descriptors and waits; returns what happened, for the status line. */
export function runEditor(file: string, fds: { input: number; output: number }, env: NodeJS.ProcessEnv = process.env): string {
  const argv = editorCommand(file, env);
  const result = spawnSync(argv[0], argv.slice(1), { stdio: [fds.input, fds.output, fds.output], env });
  if (result.error) return `${argv[0]}: ${(result.error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : result.error.message}`;
  return `back from ${argv[0]}`;
}
