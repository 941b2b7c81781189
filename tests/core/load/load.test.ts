import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import matter from 'gray-matter';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '../../../src/core/article.js';
import { PathError, loadCorpus } from '../../../src/core/load/load.js';
import { article, cleanup, makeTempDir, mkfifo, write } from './loader-fs.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures');
const MiB = 1024 * 1024;

describe('loadCorpus on fixtures', () => {
  it('loads a clean corpus with zero warnings and ids equal to positions', async () => {
    const { articles, warnings } = await loadCorpus([path.join(FIXTURES, 'corpus')]);
    expect(warnings).toEqual([]);
    expect(articles).toHaveLength(12);
    articles.forEach((a, i) => expect(a.id).toBe(i));
    expect(articles.map((a) => a.title)).toContain('SEC Approves Spot Bitcoin ETFs');
    expect(articles.some((a) => a.title === 'Hidden folder article')).toBe(false);
  });

  it('gives exactly one warning per broken file and loads none of them', async () => {
    const dir = path.join(FIXTURES, 'broken');
    const { articles, warnings } = await loadCorpus([dir]);
    expect(articles).toEqual([]);
    const reasons = Object.fromEntries(warnings.map((w) => [path.basename(w.path), w.reason]));
    expect(Object.keys(reasons).sort()).toEqual(fs.readdirSync(dir).sort());
    expect(reasons).toMatchObject({
      'billion-laughs.md': 'front matter has too many aliases (over 100)',
      'binary.md': 'binary file',
      'coffee-front-matter.md': 'front matter in coffee refused (code execution)',
      'deep-nesting.md': 'front matter nested too deeply (over 32 levels)',
      'empty.md': 'empty file',
      'invalid-yaml.md': 'invalid YAML at line 4: missed comma between flow collection entries',
      'javascript-front-matter.md': 'front matter in javascript refused (code execution)',
      'js-front-matter.md': 'front matter in javascript refused (code execution)',
      'list-front-matter.md': 'front matter is not a key: value mapping',
      'not-closed.md': 'front matter not closed',
      'recursive-alias.md': 'front matter has a recursive alias',
      'unsupported-language.md': 'front matter in xml refused (unsupported language)',
      'whitespace-only.md': 'empty file',
      'yaml-js-function.md': 'invalid YAML at line 3: unknown tag !!js/function',
      'yaml-js-regexp.md': 'invalid YAML at line 3: unknown tag !!js/regexp',
    });
    expect(reasons['yaml-python-object.md']).toMatch(/^invalid YAML at line 3: unknown tag !!python\/object/);
    expect(reasons['invalid-toml.md']).toMatch(/^invalid TOML: /);
    expect(reasons['invalid-json.md']).toMatch(/^invalid JSON: /);
  });

  it('loads every good file beside bad ones', async () => {
    const { articles, warnings } = await loadCorpus([path.join(FIXTURES, 'broken'), path.join(FIXTURES, 'corpus')]);
    expect(articles).toHaveLength(12);
    expect(warnings).toHaveLength(fs.readdirSync(path.join(FIXTURES, 'broken')).length);
  });

  it('never runs ---js front matter (the fixture really is live code for gray-matter defaults)', async () => {
    const marker = path.join(os.tmpdir(), 'crypto-news-tui-js-marker');
    const fixture = path.join(FIXTURES, 'broken/js-front-matter.md');
    fs.rmSync(marker, { force: true });
    // Proof the fixture would execute: gray-matter's default js engine evaluates it.
    expect(matter(fs.readFileSync(fixture, 'utf8'), {}).data.title).toBe('Pwned');
    expect(fs.existsSync(marker)).toBe(true);
    fs.rmSync(marker);
    const { articles, warnings } = await loadCorpus([fixture]);
    expect(articles).toEqual([]);
    expect(warnings).toEqual([{ path: fixture, reason: 'front matter in javascript refused (code execution)' }]);
    expect(fs.existsSync(marker)).toBe(false);
  });

  it('cannot pollute Object.prototype', async () => {
    const { articles, warnings } = await loadCorpus([path.join(FIXTURES, 'hostile/proto-pollution.md')]);
    expect(warnings).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    expect(articles[0].title).toBe('Prototype pollution attempt');
    expect(Object.keys(articles[0].frontMatter)).toEqual(['title', 'nested']);
  });

  it('keeps terminal escapes out of every display field', async () => {
    const { articles } = await loadCorpus([path.join(FIXTURES, 'hostile/terminal-escapes.md')]);
    const a = articles[0];
    for (const s of [a.title, a.description, a.source, ...a.tags]) expect(s).not.toMatch(/[\x00-\x1f\x7f-\x9f\u202a-\u202e]/);
    expect(a.title).toBe('Evil  title red');
    expect(a.source).toBe('Source');
  });

  it('rejects with PathError for a missing argument', async () => {
    await expect(loadCorpus([path.join(FIXTURES, 'no-such-folder')])).rejects.toBeInstanceOf(PathError);
  });
});

describe('loadCorpus on generated trees', () => {
  let root: string;
  beforeEach(() => {
    root = makeTempDir();
  });
  afterEach(() => cleanup(root));

  it('truncates files over the cap (reading only the cap) and lets maxFileSize raise it', async () => {
    const big = write(root, 'big.md', `---\ntitle: Big\n---\n${'word\n'.repeat(600_000)}`); // ~3 MiB
    const capped = await loadCorpus([big]);
    expect(capped.warnings).toEqual([{ path: big, reason: 'truncated to 1 MiB' }]);
    // The cap's bytes, and the cut shown at the body's end.
    expect(capped.articles[0].body.endsWith('\n\n… (truncated to 1 MiB)')).toBe(true);
    expect(capped.articles[0].body.length).toBeLessThanOrEqual(MiB + '\n\n… (truncated to 1 MiB)'.length);
    expect(capped.articles[0].size).toBe(fs.statSync(big).size);
    const raised = await loadCorpus([big], { maxFileSize: 4 * MiB });
    expect(raised.warnings).toEqual([]);
    expect(raised.articles[0].body.length).toBe(3_000_000);
  });

  it('does not read past the cap of a huge sparse file', async () => {
    const huge = write(root, 'huge.md', `---\ntitle: Huge\n---\n${'line\n'.repeat(300_000)}`);
    fs.truncateSync(huge, 8 * 1024 * MiB); // 8 GiB, sparse: reading it all would take minutes
    const started = Date.now();
    const { articles, warnings } = await loadCorpus([huge]);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(articles[0].title).toBe('Huge');
    expect(warnings).toEqual([{ path: huge, reason: 'truncated to 1 MiB' }]);
  });

  it('does not hang on a FIFO and still loads its neighbours', async () => {
    mkfifo(root, 'feed.md');
    write(root, 'real.md', article('Real'));
    const { articles, warnings } = await loadCorpus([root]);
    expect(articles.map((a) => a.title)).toEqual(['Real']);
    expect(warnings).toEqual([{ path: path.join(root, 'feed.md'), reason: 'not a regular file' }]);
  });

  it('loads a file reached through a link only once', async () => {
    const target = write(root, 'a.md', article('Once'));
    fs.symlinkSync(target, path.join(root, 'b.md'));
    fs.linkSync(target, path.join(root, 'c.md'));
    const { articles, warnings } = await loadCorpus([root]);
    expect(articles.map((a) => a.relPath)).toEqual(['a.md']);
    expect(warnings).toEqual([]);
  });

  it('loads or warns for an unreadable file (chmod 000 does not stop root)', async () => {
    const locked = write(root, 'locked.md', article('Locked'));
    write(root, 'open.md', article('Open'));
    fs.chmodSync(locked, 0o000);
    const { articles, warnings } = await loadCorpus([root]);
    expect(articles.map((a) => a.title)).toContain('Open');
    const loaded = articles.some((a) => a.title === 'Locked');
    const warned = warnings.some((w) => w.path === locked && w.reason === 'permission denied');
    expect(loaded !== warned).toBe(true);
  });

  it('returns the same order and ids on every run, streams batches and reports progress', async () => {
    for (let i = 0; i < 150; i++) write(root, `d${i % 7}/post-${String(i).padStart(3, '0')}.md`, article(`Post ${i}`));
    write(root, 'd3/broken.md', '---\ntitle: [unclosed\n---\n');
    const progress: Array<[number, number]> = [];
    const streamed: Article[] = [];
    const first = await loadCorpus([root], {
      onProgress: (done, total) => progress.push([done, total]),
      onArticles: (batch) => streamed.push(...batch),
    });
    const second = await loadCorpus([root]);
    expect(first.articles).toHaveLength(150);
    expect(first.warnings).toHaveLength(1);
    expect(first.articles.map((a) => a.path)).toEqual(second.articles.map((a) => a.path));
    expect(streamed).toEqual(first.articles);
    streamed.forEach((a, i) => expect(a.id).toBe(i));
    expect(progress[0]).toEqual([0, 151]);
    expect(progress[progress.length - 1]).toEqual([151, 151]);
  });

  it('loads an empty folder as an empty corpus', async () => {
    const progress: Array<[number, number]> = [];
    const result = await loadCorpus([root], { onProgress: (d, t) => progress.push([d, t]) });
    expect(result.articles).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.indexIds).toEqual(new Int32Array(0));
    expect(progress).toEqual([[0, 0]]);
  });
});
