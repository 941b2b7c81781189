// What names the code behind stored data: the build writes a hash per part (parser, facts) over
// the modules that part reaches, so an upgrade that changes them drops the stored rows, and a
// reinstall or rebuild that changes nothing keeps them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeOutput } from '../helpers/run-child.js';

const repo = path.resolve(import.meta.dirname, '..', '..');
let root: string;

// A copy of the built program with its build script, so the test can change built files.
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-stamp-'));
  fs.cpSync(path.join(repo, 'dist'), path.join(root, 'dist'), { recursive: true });
  fs.cpSync(path.join(repo, 'scripts', 'postbuild.mjs'), path.join(root, 'scripts', 'postbuild.mjs'));
  fs.cpSync(path.join(repo, 'src', 'core', 'coins', 'asset-manifest.json'), path.join(root, 'src', 'core', 'coins', 'asset-manifest.json'));
  fs.cpSync(path.join(repo, 'package.json'), path.join(root, 'package.json'));
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

async function stamps(): Promise<{ parser: string; facts: string }> {
  await nodeOutput([path.join(root, 'scripts', 'postbuild.mjs')]);
  return JSON.parse(fs.readFileSync(path.join(root, 'dist', 'build-stamps.json'), 'utf8'));
}
const touch = (rel: string, text: string) => fs.appendFileSync(path.join(root, 'dist', rel), text);

describe('build stamps', () => {
  it('names each part with 16 hex digits, the same for the same bytes', async () => {
    const first = await stamps();
    expect(first.parser).toMatch(/^[0-9a-f]{16}$/);
    expect(first.facts).toMatch(/^[0-9a-f]{16}$/);
    expect(first.parser).not.toBe(first.facts);
    // Files rewritten with the same bytes and a new time: nothing stored is dropped.
    const now = new Date();
    fs.utimesSync(path.join(root, 'dist', 'core', 'load', 'parse.js'), now, now);
    expect(await stamps()).toEqual(first);
  });

  it('changes a stamp when a module its part reaches changes, and only then', async () => {
    const before = await stamps();
    touch('ui/App.js', '\n// a change to the UI only\n');
    expect(await stamps()).toEqual(before);
    // Coin detection feeds the facts, and the index's rows too (their coins answer coin:).
    // (The build copies the asset list from the sources.)
    fs.appendFileSync(path.join(root, 'src', 'core', 'coins', 'asset-manifest.json'), ' ');
    const coins = await stamps();
    expect(coins.facts).not.toBe(before.facts);
    expect(coins.parser).not.toBe(before.parser);
    // The story grouping feeds the facts only.
    touch('core/stories/facts.js', '\n// a facts change\n');
    const facts = await stamps();
    expect(facts.facts).not.toBe(coins.facts);
    expect(facts.parser).toBe(coins.parser);
    // The parser: its rows are dropped (written again under new ids, which no facts snapshot
    // holds: the facts stamp need not change).
    touch('core/load/normalise.js', '\n// a parser change\n');
    const parser = await stamps();
    expect(parser.parser).not.toBe(facts.parser);
    expect(parser.facts).toBe(facts.facts);
    // The story grouping's rule: the stored stories are dropped, the rows kept.
    touch('core/stories/links/link-store.js', '\n// a grouping change\n');
    const grouping = await stamps();
    expect(grouping.facts).not.toBe(parser.facts);
    expect(grouping.parser).toBe(parser.parser);
  });

  it('keeps the rows when only how the index is read changes, not when their full text does', async () => {
    const before = await stamps();
    // The word index, its threads and the reader answer queries over the rows; they store none.
    for (const rel of ['core/index/words/token-reads.js', 'core/index/word-index.js', 'core/index/reader.js']) touch(rel, '\n// a change to reading the index\n');
    const reading = await stamps();
    expect(reading).toEqual(before);
    // The full text of a row (FTS5) is made here: a change drops the rows.
    touch('core/index/article-text.js', '\n// a change to the rows\' text\n');
    expect((await stamps()).parser).not.toBe(reading.parser);
  });

  it('is what the built loader names its index rows with', async () => {
    const { parserStamp } = (await import(path.join(repo, 'dist', 'core', 'load', 'load.js'))) as typeof import('../../src/core/load/load.js');
    const built = JSON.parse(fs.readFileSync(path.join(repo, 'dist', 'build-stamps.json'), 'utf8'));
    expect(parserStamp(4096)).toBe(`${built.parser}:4096`);
  });
});
