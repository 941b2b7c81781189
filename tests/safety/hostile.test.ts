// The hostile folder, loaded headless and through the CLI in every --print format: no code runs,
// no control byte reaches output, every good file loads, every bad file warns once, and the whole
// run stays within a fixed time bound.
import path from 'node:path';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNode } from '../helpers/run-child.js';
import type { Article } from '../../src/core/article.js';
import { loadCorpus, type LoadResult } from '../../src/core/load/load.js';
import { isTerminalSafe } from '../../src/core/text/sanitize.js';
import { writeHostileCorpus, type HostileCorpus } from '../helpers/hostile-corpus.js';

const repo = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(repo, 'dist', 'cli.js');
const BOUND_MS = 15_000;

let corpus: HostileCorpus;
let result: LoadResult;
let loadMs: number;

beforeAll(async () => {
  corpus = writeHostileCorpus();
  const started = Date.now();
  result = await loadCorpus([corpus.dir], { cache: false } as Parameters<typeof loadCorpus>[1]);
  loadMs = Date.now() - started;
});
afterAll(() => corpus.cleanup());

const rel = (p: string) => path.relative(corpus.dir, p);

function displayStrings(a: Article): string[] {
  return [a.title, a.description, a.source, a.sourceKey, ...a.tags, ...a.categories, a.sentiment ?? '', a.lang ?? '', a.url ?? '', a.coverImage ?? '', ...a.notes];
}

describe('a hostile folder, headless', () => {
  it('loads within the time bound', () => {
    expect(loadMs).toBeLessThan(BOUND_MS);
  });

  it('runs no code from data and pollutes no prototype', () => {
    expect(fs.existsSync(corpus.marker)).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('loads every good file', () => {
    const titles = result.articles.map((a) => a.title);
    for (const title of corpus.goodTitles) expect(titles).toContain(title);
    expect(titles).toContain('BOM and CRLF');
    expect(titles).toContain('Proto pollution attempt');
  });

  it('warns once for each bad file, naming it', () => {
    const warned = result.warnings.map((w) => rel(w.path));
    for (const bad of corpus.mustWarn) expect(warned, bad).toContain(bad);
    expect(new Set(warned).size).toBe(warned.length);
    for (const w of result.warnings) expect(w.reason.length).toBeGreaterThan(3);
  });

  it('never loads what must not load', () => {
    const loaded = result.articles.map((a) => rel(a.path));
    for (const bad of corpus.mustNotLoad) expect(loaded).not.toContain(bad);
  });

  it('leaves no control byte in any display field', () => {
    for (const a of result.articles) {
      for (const s of displayStrings(a)) expect(isTerminalSafe(s), `${rel(a.path)}: ${JSON.stringify(s)}`).toBe(true);
    }
  });

  it('bounds the size of what it keeps', () => {
    for (const a of result.articles) expect(a.body.length).toBeLessThanOrEqual(1024 * 1024);
  });
});

describe('a hostile folder through the CLI', () => {
  const runCli = (format: string) => runNode([cli, '-f', '', '-p', format, '--drafts', '--no-cache', corpus.dir], { timeout: BOUND_MS });

  it('--print title writes no control byte', async () => {
    const r = await runCli('title');
    expect(r.status).toBe(0);
    for (const line of r.stdout.trimEnd().split('\n')) expect(isTerminalSafe(line), JSON.stringify(line)).toBe(true);
    expect(r.stdout).toContain('Good article number 1');
  });

  // A pipe cannot be driven: there the path is data for the next program (`| xargs less`), so it is
  // the file's real name (as find and fd print it), escapes and newline included.
  it('--print path into a pipe writes the real path of every file with an odd name', async () => {
    const r = await runCli('path');
    expect(r.status).toBe(0);
    for (const name of ['escapes/name-\x1b]0;file\x07.md', 'escapes/name-with\nnewline.md', 'escapes/name-\x9b31m-c1.md']) {
      const full = path.join(corpus.dir, name);
      expect(fs.existsSync(full), JSON.stringify(full)).toBe(true);
      expect(r.stdout.split(`${full}\n`).length - 1, JSON.stringify(full)).toBe(1);
    }
    expect(r.stdout).toContain('good-1.md');
  });

  it('--print json escapes every control character as JSON does', async () => {
    const r = await runCli('json');
    expect(r.status).toBe(0);
    for (const line of r.stdout.trimEnd().split('\n')) {
      expect(isTerminalSafe(line), line.slice(0, 200)).toBe(true);
      expect(() => JSON.parse(line)).not.toThrow();
    }
  });

  it('stderr warnings are terminal-safe too, and no code ran', async () => {
    const r = await runCli('markdown');
    expect(r.status).toBe(0);
    for (const line of r.stderr.trimEnd().split('\n')) expect(isTerminalSafe(line), line).toBe(true);
    expect(fs.existsSync(corpus.marker)).toBe(false);
  });
});
