import { parse } from 'smol-toml';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rootScalarsAsWritten } from '../../../../src/core/load/front-matter/toml-as-written.js';

function read(source: string): Record<string, unknown> {
  const table = parse(source) as Record<string, unknown>;
  rootScalarsAsWritten(source, table);
  return table;
}

describe('rootScalarsAsWritten', () => {
  it('gives root scalars and array elements their source text; strings stay as parsed', () => {
    const t = read('a = 2025-11-04T10:30:00Z\nb = 1.50\nc = true\nd = [0o17, "x\\"y", 1_000, 2025-11-04 10:30:00]\ne = "1.50"\n');
    expect(t).toEqual({ a: '2025-11-04T10:30:00Z', b: '1.50', c: 'true', d: ['0o17', 'x"y', '1_000', '2025-11-04 10:30:00'], e: '1.50' });
  });

  it('leaves tables, dotted keys, inline tables and nested arrays as built', () => {
    const t = read('x.y = 1.50\nz = { w = 2.0 }\nn = [[1.0], 2.0]\n\n[source]\nname = 2024\n');
    expect(t.x).toEqual({ y: 1.5 });
    expect(t.z).toEqual({ w: 2 });
    expect(t.n).toEqual([[1], '2.0']);
    expect(t.source).toEqual({ name: 2024 });
  });

  it('is not fooled by `=`, `#`, `[` and quotes inside strings and comments', () => {
    const t = read("s = \"a = [1.0] # no\"  # c = 2.0\nm = '''\nq = 3.0\n'''\nk = 4.0 # after\n\"quoted key\" = 5.0\n'lit' = 6.0\n");
    expect(t).toEqual({ s: 'a = [1.0] # no', m: 'q = 3.0\n', k: '4.0', 'quoted key': '5.0', lit: '6.0' });
  });

  it('any value it returns is either what smol-toml built or text found in the source', () => {
    const scalar = fc.oneof(
      fc.constantFrom('1.50', '0x1F', '+inf', 'true', '2025-11-04', '10:30:00', '1979-05-27T07:32:00-08:00', '"s"', "'l'", '"""m\n"""'),
      fc.integer().map(String),
    );
    const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 4 }).map((xs) => `[${xs.join(', ')}]`));
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 6 }), (values) => {
        const source = values.map((v, i) => `k${i} = ${v}`).join('\n');
        const built = parse(source) as Record<string, unknown>;
        const t = read(source);
        values.forEach((v, i) => {
          const got = t[`k${i}`];
          if (typeof got === 'string' && typeof built[`k${i}`] !== 'string') expect(v).toBe(got);
          if (Array.isArray(got)) expect(got).toHaveLength((built[`k${i}`] as unknown[]).length);
        });
      }),
    );
  });
});

describe('rootScalarsAsWritten in [params] and [extra]', () => {
  it("gives a page's own fields their source text in Hugo's [params] and Zola's [extra]; other tables stay as built", () => {
    const t = read('title = "T"\n\n[taxonomies]\ntags = [2024]\n\n[params] # the page\'s own\ntags = [2026-01-15, 1.50]\nauthor = 2025\n\n[params.cover]\nimage = 1.0\n\n[extra]\ndescription = 0o17\n');
    expect(t.params).toEqual({ tags: ['2026-01-15', '1.50'], author: '2025', cover: { image: 1 } });
    expect(t.extra).toEqual({ description: '0o17' });
    expect(t.taxonomies).toEqual({ tags: [2024] });
  });

  it('stops at an array of tables, leaving what follows as built', () => {
    const t = read('[[links]]\nx = 1.0\n\n[params]\ny = 2.0\n');
    expect(t.params).toEqual({ y: 2 });
  });
});
