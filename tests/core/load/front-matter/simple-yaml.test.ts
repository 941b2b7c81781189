// The YAML fast path (simple-yaml.ts) against js-yaml with the same schema: wherever the fast path
// answers, its answer is js-yaml's, value for value, type for type and key for key in order; where
// js-yaml refuses a block, the fast path does not answer. Checked over every YAML block in the
// repository's fixtures and bundled data, over articles of the benchmark's generator, and over
// generated documents; and the generator's shape, what a cold load reads, takes the fast path.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeOutput } from '../../../helpers/run-child.js';
import { findBlock } from '../../../../src/core/load/front-matter/block.js';
import { parseYamlFully } from '../../../../src/core/load/front-matter/engines.js';
import { parseSimpleYaml } from '../../../../src/core/load/front-matter/simple-yaml.js';

const ROOT = path.resolve(__dirname, '../../../..');
const REFUSED = Symbol('refused');

// A value with its types spelled out, maps as ordered entries: toEqual then checks types and key order too.
function typed(v: unknown): unknown {
  if (v === null || v === undefined) return v;
  if (Array.isArray(v)) return { list: v.map(typed) };
  if (v instanceof Date) return { date: v.getTime() };
  if (typeof v === 'object') return { map: Object.keys(v).map((k) => [k, typed((v as Record<string, unknown>)[k])]) };
  return { [typeof v]: v };
}

function full(source: string): unknown {
  try {
    return typed(parseYamlFully(source));
  } catch {
    return REFUSED;
  }
}

/** Checks one block; true when the fast path answered it. */
function agrees(source: string): boolean {
  const fast = parseSimpleYaml(source);
  if (fast === undefined) return false;
  expect({ source, value: typed(fast) }).toEqual({ source, value: full(source) });
  return true;
}

function yamlBlocksUnder(dir: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.(md|markdown|txt)$/i.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const block = findBlock(fs.readFileSync(file, 'utf8').replace(/\r\n?/g, '\n'));
    if (block && typeof block !== 'string' && block.format === 'yaml') out.push([path.relative(ROOT, file), block.source]);
  }
  return out;
}

describe('parseSimpleYaml equals js-yaml (AS_WRITTEN schema) wherever it answers', () => {
  const fixtureBlocks = [...yamlBlocksUnder(path.join(ROOT, 'tests/fixtures')), ...yamlBlocksUnder(path.join(ROOT, 'data'))];

  it('on every YAML block of the fixtures and bundled data', () => {
    expect(fixtureBlocks.length).toBeGreaterThan(100);
    const answered = fixtureBlocks.filter(([, source]) => agrees(source)).length;
    // Most real-shaped blocks are simple; the rest (anchors, block scalars, tags...) go to js-yaml.
    expect(answered).toBeGreaterThan(fixtureBlocks.length / 2);
  });

  describe('on the benchmark generator', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-simple-yaml-'));
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
    it('answers every generated article, equal to js-yaml', async () => {
      await nodeOutput([path.join(ROOT, 'scripts/gen-corpus.mjs'), '400', dir, '--seed', '7']);
      const blocks = yamlBlocksUnder(dir);
      expect(blocks.length).toBe(400);
      for (const [file, source] of blocks) expect({ file, answered: agrees(source) }).toEqual({ file, answered: true });
    });
  });

  it('reads an emoji (a surrogate pair) as any other character', () => {
    expect(agrees('title: Rocket 🚀 launch\ntags: [🚀, x]\n')).toBe(true);
  });

  it('keeps the fidelity rules: scalars as written, YAML 1.1 flag words as strings, null spellings', () => {
    const src = "title: 2025-12-19\nscore: 1.50\nn: 0o17\ndraft: yes\nlang: no\nt: ~\nu: NULL\nv: nulls\nw:\nq: 'it''s'\nd: \"null\"\ntags: [2026-01-15, 1.50, 'a, b', \"c\", ~]\n";
    expect(agrees(src)).toBe(true);
    expect({ ...parseSimpleYaml(src) }).toEqual({
      title: '2025-12-19', score: '1.50', n: '0o17', draft: 'yes', lang: 'no', t: null, u: null, v: 'nulls', w: null, q: "it's", d: 'null',
      tags: ['2026-01-15', '1.50', 'a, b', 'c', null],
    });
  });

  it('nested maps and block lists, at the key\'s indentation or deeper; a repeated key replaces the earlier one', () => {
    const src = 'source:\n  name: CryptoSlate\n  tags:\n  - a\n  - b\n  deep:\n      x: 1\ntags:\n- BTC\n-   ETH\nsource2:\n    - [a, b]\ntitle: A\ntitle: B\n# comment\nempty:\n';
    expect(agrees(src)).toBe(true);
    expect(JSON.parse(JSON.stringify(parseSimpleYaml(src)))).toEqual({
      source: { name: 'CryptoSlate', tags: ['a', 'b'], deep: { x: '1' } }, tags: ['BTC', 'ETH'], source2: [['a', 'b']], title: 'B', empty: null,
    });
  });

  it.each([
    ['an anchor and alias', 'a: &x 1\nb: *x\n'],
    ['an explicit tag', 'n: !!int 3\n'],
    ['a merge key', 'base: {x: 1}\n<<: {y: 2}\n'],
    ['a block scalar', 'body: |\n  text\n'],
    ['a multi-line plain scalar', 'title: a long\n  title\n'],
    ['a value on the next line', 'title:\n  a title\n'],
    ['a multi-line quoted string', "title: 'a\n  b'\n"],
    ['an escape in double quotes', 'title: "a\\tb"\n'],
    ['a comment after a value', 'title: a # note\n'],
    ['a flow map', 'm: {a: 1}\n'],
    ['a tab', 'title:\ta\n'],
    ['trailing spaces', 'title: a  \n'],
    ['a key with spaces', 'my key: a\n'],
    ['a quoted key', '"key": a\n'],
    ['a colon inside the value', 'title: Breaking: news\n'],
    ['a sequence of maps', 'items:\n  - a: 1\n'],
    ['__proto__', '__proto__: x\n'],
    ['a control character', 'title: a\x07b\n'],
    ['a byte-order mark', '\ufefftitle: a\n'],
    ['a lone surrogate', 'title: a\ud83d b\n'],
    ['a top-level list', '- a\n- b\n'],
    ['a scalar document', 'just text\n'],
    ['an empty block', ''],
    ['a nested flow list', 'tags: [[a], b]\n'],
    ['a trailing comma', 'tags: [a, b,]\n'],
    ['an unclosed flow list', 'tags: [a, b\n'],
  ])('leaves %s to js-yaml', (_name, src) => {
    expect(parseSimpleYaml(src)).toBeUndefined();
  });

  // Generated documents: lines of tricky pieces at random indentations (mostly not YAML at all),
  // and well-formed nested documents rendered in the forms the fast path reads.
  const key = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('title', 'tags', 'source', 'name', 'x_1', 'a-b', 'null', 'yes', 'Key') },
    { weight: 1, arbitrary: fc.constantFrom('<<', '__proto__', 'bad key', '"q"', '1', '', '?', '- k') },
  );
  const scalar = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('a', 'Bitcoin ETF', '2025-12-19', '1.50', '0o17', '-0.04', '~', 'null', 'Null', 'NULL', 'nul', 'yes', 'no', 'true',
      "'q'", "'it''s'", '"d"', 'a:b', 'a#c', '[a, b]', '[ ]', '[]', "['a, b', \"c\"]", 'é', '—', '🚀', 'https://x.y/a?b=c&d=e', 'a [b] {c}, d') },
    { weight: 2, arbitrary: fc.constantFrom('-', '- x', '', "'''", "'a", '"a\\"b"', '"a"b"', '"\\u00e9"', 'a: b', 'a:', 'a # c', '#c', '&x a', '*x', '!!str a',
      '|', '>', '[a,]', '[a, [b]]', '[a: b]', '{a: 1}', '%x', '@x', '`x', '?x', ':x', 'a\tb', 'a ', ' a', "'a' ", '[a, b', "['a'b']", '[ a , b ]') },
    { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  );
  const rawLine = fc.tuple(fc.constantFrom(0, 0, 0, 0, 2, 2, 4, 1), fc.oneof(
    { weight: 6, arbitrary: fc.tuple(key, scalar).map(([k, v]) => `${k}: ${v}`) },
    { weight: 2, arbitrary: key.map((k) => `${k}:`) },
    { weight: 2, arbitrary: scalar.map((v) => `- ${v}`) },
    { weight: 1, arbitrary: fc.constantFrom('-', '# comment', '', '   ', '---', '...', 'plain', '  # indented comment') },
  )).map(([indent, text]) => ' '.repeat(indent) + text);

  it('never answers differently from js-yaml on generated lines', () => {
    let answered = 0;
    let runs = 0;
    fc.assert(fc.property(fc.array(rawLine, { minLength: 1, maxLength: 10 }), (lines) => {
      const src = lines.join('\n') + (lines.length ? '\n' : '');
      runs += 1;
      const fast = parseSimpleYaml(src);
      if (fast === undefined) return;
      answered += 1;
      expect(typed(fast)).toEqual(full(src));
    }), { numRuns: Number(process.env.SIMPLE_YAML_RUNS ?? 3000) });
    // Enough of them are answered for the comparison to mean something.
    expect(answered).toBeGreaterThan(runs / 50);
  });

  type Doc = { [k: string]: Doc | string[] | string };
  const plainValue = fc.constantFrom('a', 'Bitcoin ETF', '2025-12-19', '1.50', '-0.04', '~', 'null', 'yes', 'https://x.y/?a=1&b=2', 'é — …', "'it''s'", '"quoted"', '[a, b]', "['x, y', z]", '[]');
  const docArb: fc.Arbitrary<Doc> = fc.letrec((tie) => ({
    doc: fc.dictionary(fc.constantFrom('title', 'tags', 'source', 'name', 'a_b', 'c-d', 'draft', 'x'), fc.oneof(
      { weight: 4, arbitrary: plainValue },
      { weight: 1, arbitrary: fc.array(plainValue, { minLength: 1, maxLength: 3 }) },
      { weight: 1, arbitrary: tie('doc') },
    ), { minKeys: 1, maxKeys: 4 }),
  })).doc as fc.Arbitrary<Doc>;
  const render = (doc: Doc, indent: number, step: number, compact: boolean): string =>
    Object.entries(doc).map(([k, v]) => {
      const pad = ' '.repeat(indent);
      if (typeof v === 'string') return `${pad}${k}: ${v}\n`;
      if (Array.isArray(v)) return `${pad}${k}:\n${v.map((item) => `${' '.repeat(compact ? indent : indent + step)}- ${item}\n`).join('')}`;
      return `${pad}${k}:\n${render(v, indent + step, step, compact)}`;
    }).join('');

  it('answers well-formed generated documents, equal to js-yaml', () => {
    let answered = 0;
    fc.assert(fc.property(docArb, fc.constantFrom(2, 4), fc.boolean(), (doc, step, compact) => {
      const src = render(doc, 0, step, compact);
      if (agrees(src)) answered += 1;
    }), { numRuns: 1000 });
    // Every piece is one the fast path reads (empty nested maps render as null, also read).
    expect(answered).toBeGreaterThan(900);
  });
});
