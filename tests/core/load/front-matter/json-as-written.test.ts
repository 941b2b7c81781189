// JSON front matter keeps each number as written, as YAML and TOML front matter do (a tester's
// `{ "title": 1.50, "tags": [2.10, "x"] }` gave the title "1.5" and the tag "2.1").
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonAsWritten } from '../../../../src/core/load/front-matter/json-as-written.js';
import { readFrontMatter } from '../../../../src/core/load/front-matter/index.js';

describe('parseJsonAsWritten', () => {
  it('gives every number, at any depth, as its source text; strings, flags and null as JSON.parse does', () => {
    expect(parseJsonAsWritten('{ "title": 1.50, "tags": [2.10, "x", -0.0, 1e3, 12E-2], "n": {"deep": [[0.750e+1]]} }')).toEqual({
      title: '1.50', tags: ['2.10', 'x', '-0.0', '1e3', '12E-2'], n: { deep: [['0.750e+1']] },
    });
    expect(parseJsonAsWritten('{"a": "1.50 \\" 2.10 \\\\", "b": true, "c": null, "d": "\\u0031.0"}')).toEqual({ a: '1.50 " 2.10 \\', b: true, c: null, d: '1.0' });
  });

  it('refuses what JSON.parse refuses, naming the position', () => {
    for (const bad of ['{"a": 01}', '{"a": 1.}', '{"a": .5}', '{"a": +1}', '{"a": 1,}', '{"a": 0x10}', '{"a": "1}']) {
      expect(() => JSON.parse(bad), bad).toThrow(SyntaxError);
      expect(() => parseJsonAsWritten(bad), bad).toThrow(/position \d+/);
    }
  });

  it('lets a repeated key take the later value, as JSON.parse does', () => {
    expect(parseJsonAsWritten('{"title": "first", "title": "second", "n": 1.0, "n": 2.50}')).toEqual({ title: 'second', n: '2.50' });
    // `__proto__` stays an own key, as JSON.parse makes it: no prototype is set from data.
    const read = parseJsonAsWritten('{"__proto__": {"polluted": 1}}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(read)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('builds what JSON.parse builds, each number as a string that is that number, for any JSON', () => {
    // `read` against JSON.parse's `parsed`: the same shape, a number's place holding its text.
    const same = (read: unknown, parsed: unknown): boolean => {
      if (typeof parsed === 'number') return typeof read === 'string' && Object.is(Number(read), parsed);
      if (Array.isArray(parsed)) return Array.isArray(read) && read.length === parsed.length && parsed.every((v, i) => same(read[i], v));
      if (parsed !== null && typeof parsed === 'object') {
        const keys = Object.keys(parsed);
        return read !== null && typeof read === 'object' && Object.keys(read).join() === keys.join()
          && keys.every((k) => same((read as Record<string, unknown>)[k], (parsed as Record<string, unknown>)[k]));
      }
      return Object.is(read, parsed);
    };
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, spaced) => {
        const text = JSON.stringify(value, null, spaced ? 2 : undefined);
        expect(same(parseJsonAsWritten(text), JSON.parse(text)), text).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('JSON front matter', () => {
  it('keeps numbers as written in every JSON form: Hugo bare object, `;;;`, Eleventy `---json`', () => {
    for (const text of ['{\n  "title": 1.50,\n  "tags": [2.10, "x"]\n}\nbody', ';;;\n{"title": 1.50, "tags": [2.10, "x"]}\n;;;\nbody', '---json\n{"title": 1.50, "tags": [2.10, "x"]}\n---\nbody']) {
      const out = readFrontMatter(text);
      expect(out.ok && out.data, text).toEqual({ title: '1.50', tags: ['2.10', 'x'] });
    }
  });
});
