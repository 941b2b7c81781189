import { describe, expect, it } from 'vitest';
import {
  FILE_SECTION_KEY,
  MAX_ROWS,
  formatSize,
  inspectorRows,
  leafText,
  toggleExpanded,
} from '../../../src/core/render/inspector-tree.js';
import { isTerminalSafe } from '../../../src/core/text/sanitize.js';
import { makeArticle } from '../../helpers/make-article.js';

const seedFront = {
  title: 'Bitfarms',
  source: { name: 'Decrypt', key: 'decrypt', type: 'RSS' },
  tags: ['BTC', 'BUSINESS', 'MINING'],
  coverImage: { raw: 'r', full: 'f', regular: 'g', small: 's', thumb: 't' },
  ai: { rewritten: true, meta: { deep: { x: 1 } } },
  publishedAt: new Date(Date.UTC(2025, 10, 14, 2, 13, 55)),
};
const seed = makeArticle({ frontMatter: seedFront, size: 3177, format: 'yaml', notes: ['repaired mojibake'] });
const none = new Set<string>();
const byKey = (rows: ReturnType<typeof inspectorRows>) => new Map(rows.map((r) => [r.key, r]));

describe('inspectorRows', () => {
  it('shows a path with its control bytes as pictures (␛, ␇), as --print path does on a terminal, not dropped (found by a tester)', () => {
    const odd = makeArticle({ path: '/tmp/x/name-\x1b[31mred.md' });
    expect(byKey(inspectorRows(odd, none)).get('@file.path')?.value).toBe('/tmp/x/name-␛[31mred.md');
    const bel = makeArticle({ path: '/tmp/x/broken-\x1b]0;HACK\x07.md' });
    expect(byKey(inspectorRows(bel, none)).get('@file.path')?.value).toBe('/tmp/x/broken-␛]0;HACK␇.md');
  });
  it('flattens the front matter with path keys and labels', () => {
    const rows = byKey(inspectorRows(seed, none));
    expect(rows.get('title')).toMatchObject({ depth: 0, label: 'title', value: 'Bitfarms', foldable: false });
    expect(rows.get('source.name')).toMatchObject({ depth: 1, label: 'name', value: 'Decrypt' });
    expect(rows.get('tags[1]')).toMatchObject({ depth: 1, label: '[1]', value: 'BUSINESS' });
    expect(rows.get('publishedAt')?.value).toBe('2025-11-14T02:13:55.000Z');
  });

  it.each([
    ['source', true, 'small top-level object opens by default'],
    ['tags', true, 'small top-level array opens by default'],
    ['coverImage', false, 'more than three children stays folded'],
    ['ai.meta', true, 'one child at depth 1 opens'],
    ['ai.meta.deep', false, 'depth 2 stays folded'],
  ])('%s expanded=%s (%s)', (key, expanded) => {
    const row = byKey(inspectorRows(seed, none)).get(key);
    expect(row?.foldable).toBe(true);
    expect(row?.expanded).toBe(expanded);
  });

  it('toggling a key flips its default: unfolds folded nodes and folds open ones', () => {
    const unfolded = byKey(inspectorRows(seed, toggleExpanded(none, 'coverImage')));
    expect(unfolded.get('coverImage')?.expanded).toBe(true);
    expect(unfolded.get('coverImage.thumb')?.value).toBe('t');
    const folded = byKey(inspectorRows(seed, toggleExpanded(none, 'source')));
    expect(folded.get('source')?.expanded).toBe(false);
    expect(folded.has('source.name')).toBe(false);
    expect(toggleExpanded(toggleExpanded(none, 'x'), 'x').has('x')).toBe(false);
  });

  it('ends with the file section and the loader notes', () => {
    const rows = inspectorRows(seed, none);
    const at = rows.findIndex((r) => r.key === FILE_SECTION_KEY);
    expect(at).toBeGreaterThan(0);
    const tail = rows.slice(at + 1).map((r) => [r.label, r.value]);
    expect(tail).toEqual([
      ['path', seed.path],
      ['size', '3.1 KB'],
      ['format', 'yaml'],
      ['modified', expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d$/)],
      ['note', 'repaired mojibake'],
    ]);
  });

  it('counts a branch of one as `1 item` / `1 key`, not `1 items`', () => {
    const rows = inspectorRows(makeArticle({ frontMatter: { one: ['a'], three: ['a', 'b', 'c'], obj: { k: 1 }, empty: [] } }), none);
    const value = (label: string) => rows.find((r) => r.label === label)?.value;
    expect([value('one'), value('three'), value('obj'), value('empty')]).toEqual(['[1 item]', '[3 items]', '{1 key}', '[0 items]']);
  });

  it('keys are unique and weird names are quoted', () => {
    const a = makeArticle({ frontMatter: { 'a.b': 1, a: { b: 2 }, '@file': 3 } });
    const rows = inspectorRows(a, none);
    const keys = rows.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain('["a.b"]');
    expect(keys).toContain('a.b');
  });

  it('sanitises labels and values', () => {
    const a = makeArticle({ frontMatter: { 'k\x1b[31m': 'v\x1b]0;x\x07\nnext' }, notes: ['\x07bell'] });
    for (const r of inspectorRows(a, none)) {
      expect(isTerminalSafe(r.label)).toBe(true);
      expect(isTerminalSafe(r.value)).toBe(true);
    }
  });

  it('caps rows on huge objects and depth on deep ones', () => {
    const big = makeArticle({ frontMatter: { list: Array.from({ length: 100_000 }, (_, i) => i) } });
    const rows = inspectorRows(big, new Set(['list']));
    expect(rows.length).toBeLessThanOrEqual(MAX_ROWS + 10);
    expect(rows.some((r) => r.key === '@omitted')).toBe(true);
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 500; i++) deep = { d: deep };
    const keys = ['d'];
    for (let i = 1; i < 40; i++) keys.push(keys[i - 1] + '.d');
    expect(() => inspectorRows(makeArticle({ frontMatter: deep }), new Set(keys))).not.toThrow();
  });

  it('returns the same rows for the same article and expanded set', () => {
    const set = new Set<string>();
    expect(inspectorRows(seed, set)).toBe(inspectorRows(seed, set));
  });
});

describe('leafText and formatSize', () => {
  it.each([
    ['', '""'],
    [' padded ', '" padded "'],
    ['plain', 'plain'],
    [42, '42'],
    [false, 'false'],
    [null, 'null'],
    [new Date('nope'), 'Invalid Date'],
    ['ab'.repeat(540), `${'ab'.repeat(500)}… (80 more characters)`],
  ])('leafText(%j) = %s', (value, expected) => {
    expect(leafText(value)).toBe(expected);
  });

  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [3177, '3.1 KB'],
    [5 * 1024 * 1024, '5.0 MB'],
  ])('formatSize(%d) = %s', (n, expected) => {
    expect(formatSize(n)).toBe(expected);
  });
});
