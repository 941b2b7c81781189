// A folder of very many files must load: the walk, the loader and the cache once spread the file
// list into a call (`files.push(...found)`), which overflows V8's stack at around 120k arguments
// with the default stack. Making a million files in a test is too slow, so the CLI runs here with
// a stack small enough that the same mistake overflows at a few thousand; 30,000 files in one
// folder (no subfolders) must then load, print every match and exit 0, cold and warm.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNode } from '../helpers/run-child.js';

const repo = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(repo, 'dist', 'cli.js');
const COUNT = 30_000;
// KiB: enough for the program (React and the parsers included), far too little for a spread of COUNT.
const STACK_KIB = 150;
let root: string;
// Making and deleting 30,000 files takes seconds on an idle machine and over a minute on a loaded
// one (the suite's default hook timeout): the hooks get their own bound so a busy CI box does not
// fail a suite whose tests passed.
const TREE_MS = 300_000;

// Asynchronous, in batches, so the worker stays free to answer the runner while the tree is made
// (written synchronously it blocked the worker for over a minute at load 20-30: see run-child.ts).
beforeAll(async () => {
  root = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'cnt-many-'));
  await fs.promises.mkdir(path.join(root, 'flat'));
  for (let from = 0; from < COUNT; from += 500) {
    const batch = Array.from({ length: Math.min(500, COUNT - from) }, (_, k) => from + k);
    await Promise.all(batch.map((i) => fs.promises.writeFile(path.join(root, 'flat', `n${i}.md`), `---\ntitle: Note ${i}\nsource: wire\n---\nBody of note ${i}.\n`)));
  }
}, TREE_MS);
// Asynchronous, so the worker stays free to answer the runner while the tree goes.
afterAll(() => fs.promises.rm(root, { recursive: true, force: true }), TREE_MS);

function run(args: string[]) {
  return runNode([`--stack-size=${STACK_KIB}`, cli, ...args, path.join(root, 'flat')], {
    env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: path.join(root, 'cache') },
  });
}

describe(`a folder of ${COUNT.toLocaleString('en')} files`, () => {
  it('the stack is small enough that a spread of that many arguments overflows it', async () => {
    const r = await runNode([`--stack-size=${STACK_KIB}`, '-e', `[].push(...new Array(${COUNT}).fill(0))`]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('Maximum call stack size exceeded');
  });

  it.each([
    ['without the cache', ['--no-cache']],
    ['cold, writing the cache', []],
    ['warm, from the cache', []],
  ])('loads %s and prints every match', async (_label, extra) => {
    const r = await run([...extra, '-f', 'source:wire', '-p', 'title']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const titles = r.stdout.split('\n').filter(Boolean);
    expect(titles).toHaveLength(COUNT);
    expect(new Set(titles).size).toBe(COUNT);
    expect(titles).toContain(`Note ${COUNT - 1}`);
  });
});
