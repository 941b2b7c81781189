// The cold load's YAML pass (front-matter/record-yaml.ts) against the full parse it stands in for:
// a parse for a record (parseArticle's `forRecord`, what a parse thread does) gives the same
// record, warnings, body and ASCII flag as a full parse, over every file of the fixtures and
// bundled data, the benchmark generator's articles (all of which take the pass) and generated
// files (key orders, quoting, spacing, unicode, CRLF, BOM, tabs, comments, nesting, edge dates).
// Wherever the pass answers, simple-yaml.ts answers with the same values for the keys kept; and
// normaliseArticle reads no key the pass may leave out.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeOutput } from '../../helpers/run-child.js';
import { toRecord } from '../../../src/core/article-record.js';
import { findBlock } from '../../../src/core/load/front-matter/block.js';
import { readFrontMatter } from '../../../src/core/load/front-matter/index.js';
import { readRecordYaml } from '../../../src/core/load/front-matter/record-yaml.js';
import { parseSimpleYaml } from '../../../src/core/load/front-matter/simple-yaml.js';
import { normaliseArticle, RECORD_KEYS } from '../../../src/core/load/normalise.js';
import { parseArticle, type FileInfo } from '../../../src/core/load/parse.js';

const ROOT = path.resolve(__dirname, '../../..');
const MTIME = Date.parse('2025-06-01T00:00:00Z');

function infoFor(file: string, relPath: string, size: number): FileInfo {
  return { path: file, relPath, size, mtimeMs: MTIME, folderName: path.basename(path.dirname(file)) };
}

// What a parse thread keeps of a parse: the record (inode and body length stand-ins), the body, the ASCII flag.
function kept(raw: Buffer, info: FileInfo, forRecord: boolean): unknown {
  const outcome = parseArticle(raw, info, 0, forRecord);
  if (!outcome.ok) return outcome;
  return { record: toRecord(outcome.article, '1:2', 0, outcome.warnings), body: outcome.article.body, ascii: outcome.ascii };
}

/** Checks one file's bytes; true when the record pass answered its block. */
function sameRecord(raw: Buffer, info: FileInfo): boolean {
  expect({ file: info.relPath, outcome: kept(raw, info, true) }).toEqual({ file: info.relPath, outcome: kept(raw, info, false) });
  const block = findBlock(raw.toString('utf8').replace(/\r\n?/g, '\n'));
  return block !== null && typeof block !== 'string' && block.format === 'yaml' && readRecordYaml(block.source, RECORD_KEYS) !== undefined;
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

// A map's entries for the keys kept, values as JSON: what the record pass must give.
const keptEntries = (data: Record<string, unknown>, keys: ReadonlySet<string>): unknown =>
  Object.keys(data)
    .filter((k) => keys.has(k))
    .map((k) => [k, JSON.stringify(data[k]), Object.getPrototypeOf(data[k] ?? null) === null]);

describe('a parse for a record gives the full parse\'s record', () => {
  it('on every file of the fixtures and bundled data', () => {
    const files = [...filesUnder(path.join(ROOT, 'tests/fixtures')), ...filesUnder(path.join(ROOT, 'data'))];
    expect(files.length).toBeGreaterThan(150);
    let answered = 0;
    for (const file of files) if (sameRecord(fs.readFileSync(file), infoFor(file, path.relative(ROOT, file), fs.statSync(file).size))) answered += 1;
    // The feeds' shape is common among them; anchors, flow lists, block scalars... take the full path.
    expect(answered).toBeGreaterThan(40);
  });

  describe('on the benchmark generator', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-record-yaml-'));
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
    it('takes the record pass for every generated article, to the same record', async () => {
      await nodeOutput([path.join(ROOT, 'scripts/gen-corpus.mjs'), '300', dir, '--seed', '11']);
      const files = filesUnder(dir);
      expect(files.length).toBe(300);
      for (const file of files) {
        const answered = sameRecord(fs.readFileSync(file), infoFor(file, path.relative(dir, file), fs.statSync(file).size));
        expect({ file, answered }).toEqual({ file, answered: true });
      }
    });
  });

  // Generated files: front matter of keys the record reads and keys it does not, values in every
  // quoting and spelling the parsers treat apart, nested maps and lists, blank and comment lines.
  const recordKey = fc.constantFrom('title', 'description', 'summary', 'date', 'publishedAt', 'published', 'updatedAt', 'lastmod', 'source', 'author', 'authors',
    'category', 'categories', 'tags', 'tag', 'keywords', 'coins', 'currencies', 'sentiment', 'score', 'lang', 'draft', 'stickyWeight', 'url', 'link',
    'externalId', 'taxonomies');
  const otherKey = fc.constantFrom('coverImage', 'image', 'ai', 'layout', 'x_1', 'a-b', 'constructor', 'prototype', '__proto__', 'bad key', '"q"', 'Title');
  const key = fc.oneof({ weight: 4, arbitrary: recordKey }, { weight: 2, arbitrary: otherKey });
  const goodScalar = fc.constantFrom('Bitcoin ETF', 'S&amp;P 500 &amp; more', 'Ã©tÃ© crypto', 'é — …', '🚀 launch', '2024-06-13T14:55:43.000Z', "'2024-06-13T14:55:43.000Z'",
      '2025-12-19', '2025-10-03 14:00:00 +0000', '11-04-2025', 'next tuesday', '1700000000', 'Last Modified', '-0.04', '1.50', '0o17', 'yes', 'no', 'off', 'true', 'false',
      '~', 'null', 'NULL', "''", '""', "'it''s'", '"quoted"', 'https://x.y/a?b=c&d=e', "'https://x.y/a?b=c&d=e'", 'BTC, ETH', 'bitcoin etf', 'a#b', 'a:b', '  ');
  const scalar = fc.oneof(
    { weight: 8, arbitrary: goodScalar },
    { weight: 3, arbitrary: fc.constantFrom('[a, b]', '[]', "['x, y', z]", 'a: b', 'a # c', '&x a', '*x', '!!str a', '|', '>', '{a: 1}', '"a\\tb"', "'a", '- x',
      'a\tb', 'a\x07b', 'a\u2028b', '\ufeffa', 'a\ud83d b', 'a ', '%x', '@x', '`x', '?x', ':x', '-', 'a\\b') },
    { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
  );
  const nestedKey = fc.constantFrom('name', 'key', 'title', 'url', 'full', 'raw', 'tags', 'categories', 'code', 'type', 'constructor', '- x', 'bad key');
  const goodNestedKey = fc.constantFrom('name', 'key', 'title', 'url', 'full', 'raw', 'tags', 'categories', 'code', 'type');
  // Line groups: a key and its value, a key and a block list, a key and a nested map; `odd` adds
  // blank and comment lines and shapes the record pass leaves to the full parse.
  const lineGroup = (k: fc.Arbitrary<string>, v: fc.Arbitrary<string>, nk: fc.Arbitrary<string>, odd: number): fc.Arbitrary<readonly string[]> => fc.oneof(
    { weight: 6, arbitrary: fc.tuple(k, v).map(([a, b]) => [`${a}: ${b}`]) },
    { weight: 2, arbitrary: fc.tuple(k, fc.constantFrom(0, 2, 4), fc.array(v, { minLength: 0, maxLength: 4 })).map(([a, indent, items]) => [`${a}:`, ...items.map((b) => `${' '.repeat(indent)}- ${b}`)]) },
    { weight: 2, arbitrary: fc.tuple(k, fc.constantFrom(2, 4), fc.array(fc.tuple(nk, v), { minLength: 0, maxLength: 4 })).map(([a, indent, entries]) => [`${a}:`, ...entries.map(([c, b]) => `${' '.repeat(indent)}${c}: ${b}`)]) },
    { weight: 1, arbitrary: fc.constantFrom(['# comment'], [''], ['   '], ['  # indented comment']) },
    { weight: odd, arbitrary: fc.constantFrom(['k:', '  deep:', '    x: 1'], ['k:', '  a: 1', ' b: 2'], ['k:', '  - a', '  b: 1'], ['tags: [a, b]'], ['k:', '-']) },
  );
  const anyGroup = lineGroup(key, scalar, nestedKey, 1);
  const goodGroup = lineGroup(fc.oneof({ weight: 4, arbitrary: recordKey }, { weight: 1, arbitrary: fc.constantFrom('coverImage', 'image', 'ai', 'layout') }), goodScalar, goodNestedKey, 0);
  const fileArb = fc.record({
    groups: fc.oneof(fc.array(anyGroup, { minLength: 0, maxLength: 12 }), fc.array(goodGroup, { minLength: 1, maxLength: 12 })),
    crlf: fc.boolean(),
    bom: fc.boolean(),
    trailing: fc.constantFrom('', ' ', '\t'),
    body: fc.constantFrom('', '# A Heading\n\nText.\n', 'Lead paragraph with é.\n\nMore.\n', 'Title\n===\n'),
    name: fc.constantFrom('post.md', '2024-01-05-post.md', '_posts/2023-12-24-halving.md', 'drafts/x.md', 'a&amp;b.md'),
  });

  it('on generated files, to the same record (and the record pass answers many)', () => {
    let answered = 0;
    let runs = 0;
    fc.assert(
      fc.property(fileArb, ({ groups, crlf, bom, trailing, body, name }) => {
        const lines = groups.flat().map((line, i) => (i === 0 ? line + trailing : line));
        const eol = crlf ? '\r\n' : '\n';
        const text = `${bom ? '\ufeff' : ''}---${eol}${lines.join(eol)}${lines.length ? eol : ''}---${eol}${body.replaceAll('\n', eol)}`;
        const file = path.join('/corpus/feed', name);
        const raw = Buffer.from(text, 'utf8');
        runs += 1;
        if (sameRecord(raw, infoFor(file, name, raw.length))) answered += 1;
      }),
      { numRuns: Number(process.env.RECORD_YAML_RUNS ?? 2000) },
    );
    expect(answered).toBeGreaterThan(runs / 20);
  });
});

describe('readRecordYaml', () => {
  const blocks = [...filesUnder(path.join(ROOT, 'tests/fixtures')), ...filesUnder(path.join(ROOT, 'data'))]
    .map((file) => findBlock(fs.readFileSync(file, 'utf8').replace(/\r\n?/g, '\n')))
    .filter((b) => b !== null && typeof b !== 'string' && b.format === 'yaml')
    .map((b) => (b as { source: string }).source);

  it('answers only where simple-yaml does, with its values for the keys kept, in null-prototype maps', () => {
    let answered = 0;
    for (const source of blocks) {
      const fast = readRecordYaml(source, RECORD_KEYS);
      if (fast === undefined) continue;
      answered += 1;
      const simple = parseSimpleYaml(source);
      expect(simple, source).toBeDefined();
      expect(Object.getPrototypeOf(fast)).toBeNull();
      expect(keptEntries(fast, RECORD_KEYS)).toEqual(keptEntries(simple!, RECORD_KEYS));
      expect(Object.keys(fast).every((k) => RECORD_KEYS.has(k))).toBe(true);
    }
    expect(answered).toBeGreaterThan(40);
  });

  it.each([
    ['a flow list', 'tags: [a, b]\n'],
    ['a flow list among items', 'tags:\n  - [a]\n'],
    ['a map below a nested map', 'source:\n  name:\n    x: 1\n'],
    ['an empty value in a nested map', 'source:\n  name:\ntitle: a\n'],
    ['a key safeCopy drops', 'constructor: x\n'],
    ['a key safeCopy drops, nested', 'source:\n  prototype: x\n'],
    ['a bad value under a key not kept', 'coverImage: a: b\n'],
    ['an anchor under a key not kept', 'ai:\n  x: &a 1\n'],
    ['a tab anywhere', 'title: a\nai: b\tc\n'],
    ['a line deeper than its map', 'source:\n  name: a\n    key: b\n'],
    ['a list item alone', 'tags:\n-\n'],
    ['an indented first line', '  title: a\n'],
    ['no line at all', '# only a comment\n'],
  ])('leaves %s to the full parse', (_name, source) => {
    expect(readRecordYaml(source, RECORD_KEYS)).toBeUndefined();
  });

  it('keeps only the keys asked for, nested maps and lists whole', () => {
    const source = 'title: A\ntheme:\n  url: x\nsource:\n  name: N\n  type: RSS\ntags:\n- a\n- b\nai:\n  v: 1\n# c\n\ndraft: no\n';
    expect(JSON.parse(JSON.stringify(readRecordYaml(source, RECORD_KEYS)))).toEqual({ title: 'A', source: { name: 'N', type: 'RSS' }, tags: ['a', 'b'], draft: 'no' });
  });

  it('refuses a bad key however many good keys it has read before (they are remembered)', () => {
    // More good keys than are remembered, long ones among them, each read twice.
    const good = Array.from({ length: 600 }, (_, k) => `${k % 2 ? 'key' : 'a_rather_long_key'}${k}: v`).join('\n');
    for (let pass = 0; pass < 2; pass++) expect(Object.keys(readRecordYaml(good, RECORD_KEYS) ?? { none: 1 })).toEqual([]);
    for (const bad of ['constructor', 'prototype', '__proto__', '1key', 'ke y', 'k.ey', 'k'.repeat(129)]) {
      for (let pass = 0; pass < 2; pass++) expect(readRecordYaml(`title: A\n${bad}: v\n`, RECORD_KEYS), bad).toBeUndefined();
    }
    expect(readRecordYaml('title: A\nkey1: v\n', RECORD_KEYS)).toEqual(Object.assign(Object.create(null), { title: 'A' }));
  });
});

describe('RECORD_KEYS', () => {
  it('holds every top-level key normaliseArticle reads', () => {
    const read = new Set<string>();
    const files = filesUnder(path.join(ROOT, 'tests/fixtures'));
    for (const file of files) {
      const front = readFrontMatter(fs.readFileSync(file, 'utf8').replace(/\r\n?/g, '\n'));
      if (!front.ok) continue;
      // Every key present and absent is seen: the proxy records each read.
      const data = new Proxy(front.data, {
        get: (target, key) => (typeof key === 'string' && read.add(key), Reflect.get(target, key)),
        has: (target, key) => (typeof key === 'string' && read.add(key), Reflect.has(target, key)),
      });
      normaliseArticle({ data, format: front.format, body: front.body, info: infoFor(file, path.relative(ROOT, file), 1), id: 0, notes: [] });
    }
    expect(read.size).toBeGreaterThan(30);
    expect([...read].filter((k) => !RECORD_KEYS.has(k))).toEqual([]);
  });
});
