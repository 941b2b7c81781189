// A folder of generated articles (scripts/gen-corpus.mjs) in a temporary directory of its own, for
// the end-to-end tests that need a big one, the first run that builds its on-disk index so a
// dashboard over it starts warm, and its removal. Made in a beforeAll, removed in an afterAll.
// Each step runs without blocking the test's thread (child processes, async removal): tens of
// thousands of files take minutes on a loaded machine, and vitest's calls to a worker blocked that
// long time out (`Timeout calling "onTaskUpdate"`) and fail the run. Give their hooks minutes.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repo = path.resolve(import.meta.dirname, '..', '..');

/** A generated corpus: `corpus` (the articles' folder) inside `root` (a fresh temporary directory, for caches too). */
export interface GeneratedCorpus {
  root: string;
  corpus: string;
}

// Runs a Node script to its end: its exit code (null when killed) and what it wrote to stderr.
function node(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stderr }));
  });
}

/** Generates `files` articles into `<tmp>/<prefix>XXXXXX/news`. Rejects with the generator's stderr when it fails. */
export async function generatedCorpus(prefix: string, files: number): Promise<GeneratedCorpus> {
  const root = await fs.promises.mkdtemp(path.join(os.tmpdir(), prefix));
  const corpus = path.join(root, 'news');
  const made = await node([path.join(repo, 'scripts', 'gen-corpus.mjs'), String(files), corpus]);
  if (made.code !== 0) throw new Error(`gen-corpus.mjs ${files} exited ${made.code}: ${made.stderr}`);
  return { root, corpus };
}

/**
 * Builds `corpus`'s index as a first run does (the built CLI's `--filter` for a word found nowhere,
 * which exits 1), with `env`'s XDG folders, so later runs with them start warm. Rejects otherwise.
 */
export async function indexCorpus(corpus: string, env: Record<string, string>): Promise<void> {
  const first = await node([path.join(repo, 'dist', 'cli.js'), '--filter', 'zzqqxxnothing', '--print', 'path', corpus], { ...process.env, ...env });
  if (first.code !== 1) throw new Error(`the first --filter run exited ${first.code}, not 1: ${first.stderr}`);
}

/** Removes a generated corpus's `root` (and whatever the test put there). */
export function removeCorpus(root: string): Promise<void> {
  return fs.promises.rm(root, { recursive: true, force: true });
}
