// A folder of generated articles (scripts/gen-corpus.mjs) in a temporary directory of its own, for
// the end-to-end tests that need a big one, the first run that builds its on-disk index so a
// dashboard over it starts warm, and its removal. Made in a beforeAll, removed in an afterAll.
// Each step runs without blocking the test's thread (child processes, async removal): tens of
// thousands of files take minutes on a loaded machine, and vitest's calls to a worker blocked that
// long time out (`Timeout calling "onTaskUpdate"`) and fail the run. Give their hooks minutes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CLI, runNode } from './run-child.js';

const repo = path.resolve(import.meta.dirname, '..', '..');

// A child's limit: 20,000 files and their first index take minutes at load 20-30; the hook's own
// limit (up to 600 s) is the one that counts, this only keeps a hung child from outliving it.
const STEP_MS = 600_000;

/** A generated corpus: `corpus` (the articles' folder) inside `root` (a fresh temporary directory, for caches too). */
export interface GeneratedCorpus {
  root: string;
  corpus: string;
}

/** Generates `files` articles into `<tmp>/<prefix>XXXXXX/news`. Rejects with the generator's stderr when it fails. */
export async function generatedCorpus(prefix: string, files: number): Promise<GeneratedCorpus> {
  const root = await fs.promises.mkdtemp(path.join(os.tmpdir(), prefix));
  const corpus = path.join(root, 'news');
  const made = await runNode([path.join(repo, 'scripts', 'gen-corpus.mjs'), String(files), corpus], { timeout: STEP_MS });
  if (made.status !== 0) throw new Error(`gen-corpus.mjs ${files} exited ${made.status}: ${made.stderr}`);
  return { root, corpus };
}

/**
 * Builds `corpus`'s index as a first run does (the built CLI's `--filter` for a word found nowhere,
 * which exits 1), with `env`'s XDG folders, so later runs with them start warm. Rejects otherwise.
 */
export async function indexCorpus(corpus: string, env: Record<string, string>): Promise<void> {
  const first = await runNode([CLI, '--filter', 'zzqqxxnothing', '--print', 'path', corpus], { env: { ...process.env, ...env }, timeout: STEP_MS });
  if (first.status !== 1) throw new Error(`the first --filter run exited ${first.status}, not 1: ${first.stderr}`);
}

/** Removes a generated corpus's `root` (and whatever the test put there). */
export function removeCorpus(root: string): Promise<void> {
  return fs.promises.rm(root, { recursive: true, force: true });
}
