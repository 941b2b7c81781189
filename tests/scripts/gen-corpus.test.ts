// Runs scripts/gen-corpus.mjs as a child process, the way `npm run gen-corpus` does.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNode } from '../helpers/run-child.js';

const repoRoot = resolve(fileURLToPath(import.meta.url), '..', '..', '..');
const script = join(repoRoot, 'scripts', 'gen-corpus.mjs');
const work = mkdtempSync(join(tmpdir(), 'gen-corpus-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function gen(...args: string[]) {
  return runNode([script, ...args]);
}

// Every generated file, keyed by its path relative to the output folder.
function readCorpus(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const shard of readdirSync(dir).sort()) {
    for (const name of readdirSync(join(dir, shard)).sort()) {
      files.set(`${shard}/${name}`, readFileSync(join(dir, shard, name), 'utf8'));
    }
  }
  return files;
}

function frontMatter(text: string): Record<string, unknown> {
  expect(text.startsWith('---\n')).toBe(true);
  const end = text.indexOf('\n---\n', 4);
  expect(end).toBeGreaterThan(0);
  return load(text.slice(4, end)) as Record<string, unknown>;
}

describe('gen-corpus', () => {
  const dirA = join(work, 'a');
  let first: Awaited<ReturnType<typeof gen>>;
  let corpusA: Map<string, string>;
  beforeAll(async () => {
    first = await gen('60', dirA, '--seed', '7');
    corpusA = readCorpus(dirA);
  });

  it('writes the requested number of articles, prints nothing on stdout and one summary line on stderr', () => {
    expect(first.status).toBe(0);
    expect(first.stdout).toBe('');
    expect(first.stderr).toMatch(new RegExp(`^wrote 60 articles \\(\\d+\\.\\d MB\\) to ${dirA.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n$`));
    expect(corpusA.size).toBe(60);
  });

  it('gives identical bytes for the same seed', async () => {
    const dirB = join(work, 'b');
    expect((await gen('60', dirB, '--seed', '7')).status).toBe(0);
    expect(readCorpus(dirB)).toEqual(corpusA);
  });

  it('gives different articles for a different seed', async () => {
    const dirC = join(work, 'c');
    expect((await gen('60', dirC, '--seed=8')).status).toBe(0);
    const corpusC = readCorpus(dirC);
    expect(corpusC.size).toBe(60);
    const same = [...corpusC.values()].filter((text) => [...corpusA.values()].includes(text));
    expect(same).toHaveLength(0);
  });

  it('makes a smaller corpus a prefix of a bigger one', async () => {
    const dirD = join(work, 'd');
    expect((await gen('25', dirD, '--seed', '7')).status).toBe(0);
    const small = readCorpus(dirD);
    expect(small.size).toBe(25);
    for (const [path, text] of small) expect(corpusA.get(path)).toBe(text);
  });

  it('averages between 2 and 4.5 KB per file', () => {
    const total = [...corpusA.values()].reduce((sum, text) => sum + Buffer.byteLength(text), 0);
    const avg = total / corpusA.size;
    expect(avg).toBeGreaterThan(2000);
    expect(avg).toBeLessThan(4500);
  });

  it('writes front matter that js-yaml parses, in the seed schema', () => {
    for (const [path, text] of corpusA) {
      const fm = frontMatter(text);
      expect(typeof fm.title, path).toBe('string');
      expect((fm.title as string).length, path).toBeGreaterThan(5);
      expect(Number.isNaN(Date.parse(fm.publishedAt as string)), path).toBe(false);
      expect(typeof (fm.source as { name: unknown }).name, path).toBe('string');
      expect(Array.isArray(fm.tags) && fm.tags.length > 0, path).toBe(true);
      for (const key of ['description', 'updatedAt', 'lang', 'externalId', 'category', 'stickyWeight', 'sentiment', 'score', 'draft', 'coverImage', 'ai']) {
        expect(fm, `${path} ${key}`).toHaveProperty(key);
      }
      const body = text.slice(text.indexOf('\n---\n') + 5);
      expect(body, path).toMatch(/^## /m);
    }
  });

  it('varies sources, categories and sentiments', () => {
    const fms = [...corpusA.values()].map(frontMatter);
    expect(new Set(fms.map((fm) => (fm.source as { key: string }).key)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(fms.map((fm) => fm.category)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(fms.map((fm) => fm.sentiment))).toEqual(new Set(['POSITIVE', 'NEGATIVE', 'NEUTRAL']));
    expect(new Set(fms.map((fm) => fm.title)).size).toBeGreaterThan(40);
  });

  it('shards into folders of 1,000 files', async () => {
    const dirE = join(work, 'e');
    expect((await gen('1001', dirE)).status).toBe(0);
    expect(readdirSync(dirE).sort()).toEqual(['000', '001']);
    expect(readdirSync(join(dirE, '000'))).toHaveLength(1000);
    expect(readdirSync(join(dirE, '001'))).toHaveLength(1);
  });

  it('shards into folders of --per-folder files, with the same articles as the default sharding', async () => {
    const dirF = join(work, 'f');
    expect((await gen('25', dirF, '--per-folder', '10')).status).toBe(0);
    expect(readdirSync(dirF).sort()).toEqual(['000', '001', '002']);
    expect(readdirSync(join(dirF, '002'))).toHaveLength(5);
    const dirG = join(work, 'g');
    expect((await gen('25', dirG)).status).toBe(0);
    const byName = (m: Map<string, string>) => new Map([...m].map(([k, v]) => [k.split('/')[1], v]));
    expect(byName(readCorpus(dirF))).toEqual(byName(readCorpus(dirG)));
  });

  it.each([
    ['no arguments', []],
    ['a missing folder', ['10']],
    ['a count that is not a number', ['ten', join(work, 'x')]],
    ['a zero count', ['0', join(work, 'x')]],
    ['a seed without a value', ['10', join(work, 'x'), '--seed']],
    ['a seed that is not a number', ['10', join(work, 'x'), '--seed', 'abc']],
    ['an unknown flag', ['10', join(work, 'x'), '--reuse']],
    ['a zero --per-folder', ['10', join(work, 'x'), '--per-folder', '0']],
    ['a --per-folder without a value', ['10', join(work, 'x'), '--per-folder']],
    ['an extra argument', ['10', join(work, 'x'), 'extra']],
  ])('exits 2 with usage on %s', async (_label, args) => {
    const run = await gen(...args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('usage: gen-corpus COUNT DIR');
  });
});
