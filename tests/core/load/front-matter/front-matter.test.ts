import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../../../src/core/load/front-matter/index.js';
import { findBlock } from '../../../../src/core/load/front-matter/block.js';
import { LIMITS, formatBytes } from '../../../../src/core/load/limits.js';

describe('readFrontMatter: control characters a feed copied into the front matter', () => {
  // Each parser refuses raw controls; the article still loads, with what the screen would show.
  it.each([
    ['YAML, double-quoted', '---\ntitle: "Bell\x07 and \x1b[2Jclear \x1b]0;pwned\x07osc"\ntags: [a\x08b]\n---\nbody', 'yaml', { title: 'Bell␇ and clear osc', tags: ['a␈b'] }],
    ['YAML, plain, C1', '---\ntitle: C1 \u009b31m here\nsource: src\x1b[5mblink\n---\nbody', 'yaml', { title: 'C1  here', source: 'srcblink' }],
    ['TOML', '+++\ntitle = "Esc \x1b[31mred"\n+++\nbody', 'toml', { title: 'Esc red' }],
    ['JSON', ';;;\n{"title": "Tab\x01 ctl"}\n;;;\nbody', 'json', { title: 'Tab␁ ctl' }],
  ])('%s', (_name, text, format, data) => {
    const out = readFrontMatter(text);
    expect(out).toMatchObject({ ok: true, format, body: 'body' });
    if (!out.ok) return;
    expect(out.data).toEqual(data);
    expect(out.notes.join(' ')).toMatch(/control characters/);
  });
  it('still refuses a block that is broken for another reason', () => {
    expect(readFrontMatter('---\ntitle: [unclosed \x07\n---\nbody')).toMatchObject({ ok: false });
  });
});

describe('readFrontMatter: accepted forms', () => {
  const cases: Array<[string, string, string, Record<string, unknown>, string]> = [
    ['YAML', '---\ntitle: A\n---\nbody\n', 'yaml', { title: 'A' }, 'body\n'],
    ['YAML closed by ...', '---\ntitle: A\n...\nbody', 'yaml', { title: 'A' }, 'body'],
    ['---yaml tag', '---yaml\ntitle: A\n---\nbody', 'yaml', { title: 'A' }, 'body'],
    ['--- yml tag with spaces', '--- yml  \ntitle: A\n---  \nbody', 'yaml', { title: 'A' }, 'body'],
    ['empty YAML block', '---\n---\nbody', 'yaml', {}, 'body'],
    ['YAML with no body', '---\ntitle: A\n---', 'yaml', { title: 'A' }, ''],
    ['duplicate YAML key: last wins', '---\ntitle: A\ntitle: B\n---\n', 'yaml', { title: 'B' }, ''],
    ['Hugo TOML', '+++\ntitle = "A"\n[source]\nname = "S"\n+++\nbody', 'toml', { title: 'A', source: { name: 'S' } }, 'body'],
    ['---toml tag', '---toml\ntitle = "A"\n---\nbody', 'toml', { title: 'A' }, 'body'],
    ['---json tag', '---json\n{"title": "A"}\n---\nbody', 'json', { title: 'A' }, 'body'],
    [';;; JSON', ';;;\n{"title": "A"}\n;;;\nbody', 'json', { title: 'A' }, 'body'],
    ['Hugo bare JSON object', '{\n  "title": "A"\n}\nbody', 'json', { title: 'A' }, 'body'],
    ['no front matter', '# Title\n\ntext', 'none', {}, '# Title\n\ntext'],
    ['thematic break is not front matter', '----\ntext\n----\n', 'none', {}, '----\ntext\n----\n'],
    ['a brace block that is not JSON is body text', '{\n  not json\n}\nbody', 'none', {}, '{\n  not json\n}\nbody'],
    ['Liquid tag at the start is not JSON', '{% include x.html %}\ntext\n}\n', 'none', {}, '{% include x.html %}\ntext\n}\n'],
  ];
  it.each(cases)('%s', (_name, text, format, data, body) => {
    const out = readFrontMatter(text);
    expect(out).toMatchObject({ ok: true, format, body });
    if (out.ok) expect(out.data).toEqual(data);
  });

  it("keeps YAML scalars and TOML root, [params] and [extra] scalars as written (dates, numbers, flags); other nested TOML dates are plain Dates", () => {
    const yaml = readFrontMatter('---\ndate: 2024-01-05\ntitle: 0o17\nscore: 1.50\ndraft: yes\nlang: no\nempty:\ntilde: ~\nquoted: "null"\n---\n');
    const toml = readFrontMatter('+++\ndate = 2024-01-05T10:00:00Z\nscore = 1.50\n[extra]\ndate = 2024-01-05T10:00:00Z\n[other]\ndate = 2024-01-05T10:00:00Z\n+++\n');
    expect(yaml.ok && { ...yaml.data }).toEqual({ date: '2024-01-05', title: '0o17', score: '1.50', draft: 'yes', lang: 'no', empty: null, tilde: null, quoted: 'null' });
    expect(toml.ok && [toml.data.date, toml.data.score]).toEqual(['2024-01-05T10:00:00Z', '1.50']);
    // Zola's [extra] holds a page's own fields (load/fields/site-params.ts): as written, as at the top level.
    expect(toml.ok && (toml.data.extra as Record<string, unknown>).date).toBe('2024-01-05T10:00:00Z');
    expect(toml.ok && Object.getPrototypeOf((toml.data.other as Record<string, unknown>).date)).toBe(Date.prototype);
  });

  it('still builds explicitly tagged values and follows merge keys', () => {
    const out = readFrontMatter('---\nn: !!int 3\nf: !!float "1.5"\nb: !!bool true\nbase: &b {x: 1}\nm:\n  <<: *b\n  y: 2\n---\n');
    expect(out.ok && JSON.parse(JSON.stringify(out.data))).toEqual({ n: 3, f: 1.5, b: true, base: { x: '1' }, m: { x: '1', y: '2' } });
  });
});

describe('readFrontMatter: refusals', () => {
  const nested = (depth: number): string => `---\nx: ${'['.repeat(depth)}${']'.repeat(depth)}\n---\n`;
  const manyKeys = (n: number): string => `---\n${Array.from({ length: n }, (_, i) => `k${i}: ${i}`).join('\n')}\n---\n`;
  const aliases = (n: number): string => `---\na: &a [1]\nb: [${Array(n).fill('*a').join(', ')}]\n---\n`;
  const cases: Array<[string, string, string | RegExp]> = [
    ['---js', '---js\n{ title: "x" }\n---\n', 'front matter in javascript refused (code execution)'],
    ['---javascript', '---javascript\n{}\n---\n', 'front matter in javascript refused (code execution)'],
    ['---coffee', '---coffee\ntitle: "x"\n---\n', 'front matter in coffee refused (code execution)'],
    ['---xml', '---xml\n<a/>\n---\n', 'front matter in xml refused (unsupported language)'],
    ['not closed', '---\ntitle: A\nbody', 'front matter not closed'],
    ['!!js/function', "---\nf: !!js/function 'function(){}'\n---\n", 'invalid YAML at line 2: unknown tag !!js/function'],
    ['!!js/regexp', '---\nr: !!js/regexp /a/\n---\n', 'invalid YAML at line 2: unknown tag !!js/regexp'],
    ['!!python/object', '---\na: 1\no: !!python/object:os.system {}\n---\n', /^invalid YAML at line 3: unknown tag !!python\/object/],
    ['bad YAML names the line', '---\ntitle: A\ntags: [a, b\nx: 1\n---\n', /^invalid YAML at line 4: /],
    ['bad TOML', '+++\ntitle = \n+++\n', /^invalid TOML: /],
    ['bad JSON', ';;;\n{"a": }\n;;;\n', /^invalid JSON: /],
    ['a list is not a mapping', '---\n- a\n---\n', 'front matter is not a key: value mapping'],
    ['a string is not a mapping', '---\njust text\n---\n', 'front matter is not a key: value mapping'],
    ['too deep', nested(LIMITS.maxDepth + 5), `front matter nested too deeply (over ${LIMITS.maxDepth} levels)`],
    ['very deep does not overflow the stack', nested(20_000), /nest/],
    ['too deep TOML', `+++\nx = ${'['.repeat(40)}${']'.repeat(40)}\n+++\n`, /^invalid TOML: /],
    ['too many keys', manyKeys(LIMITS.maxKeys + 1), 'front matter has too many keys (over 2,000)'],
    ['too many aliases', aliases(LIMITS.maxAliases + 1), `front matter has too many aliases (over ${LIMITS.maxAliases})`],
    ['recursive alias', '---\nloop: &l [*l]\n---\n', 'front matter has a recursive alias'],
    ['too large', `---\nx: "${'a'.repeat(LIMITS.maxFrontMatterChars)}"\n---\n`, `front matter too large (over ${formatBytes(LIMITS.maxFrontMatterChars)})`],
  ];
  it.each(cases)('%s', (_name, text, reason) => {
    const out = readFrontMatter(text);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.reason).toMatch(typeof reason === 'string' ? new RegExp(`^${escape(reason)}$`) : reason);
  });

  // Pandoc: a metadata block's opening `---` is never followed by a blank line; found by a tester,
  // a plain Markdown file opening with a thematic break was skipped as broken front matter.
  it.each([
    ['prose between two rules', '---\n\nStarts with a rule, then text. Not front matter.\n\n---\n\nMore text.\n'],
    ['a rule and no closing one', '---\n\nJust a rule, then text.\n'],
    ['a rule, then a list', '---\n\n- one\n- two\n\n---\n'],
    ['a rule, then text YAML cannot read', '---\n\nPrice: up: 5%\n: odd\n---\n'],
  ])('a `---` line and a blank line, then %s: no front matter, the whole file is the body', (_name, text) => {
    const out = readFrontMatter(text);
    expect(out).toMatchObject({ ok: true, format: 'none', body: text });
  });

  it('a `---` line and a blank line, then a mapping: front matter still (Jekyll reads it)', () => {
    const out = readFrontMatter('---\n\ntitle: Blank line first\n---\nBody.\n');
    expect(out).toMatchObject({ ok: true, format: 'yaml', data: { title: 'Blank line first' }, body: 'Body.\n' });
  });

  // Found by a tester: a file opening with an empty line lost its title and date to the body. Hugo
  // skips white space before front matter; what follows must still be a block that reads as one.
  it.each([
    ['an empty line', '\n---\ntitle: "Blank line before front matter"\ndate: 2024-08-12\n---\nBody.\n', 'yaml'],
    ['lines of spaces and tabs', '  \n\t\n\n---\ntitle: "Blank line before front matter"\ndate: 2024-08-12\n...\nBody.\n', 'yaml'],
    ['an empty line, then TOML', '\n+++\ntitle = "Blank line before front matter"\ndate = "2024-08-12"\n+++\nBody.\n', 'toml'],
  ])('%s before the block: front matter still', (_name, text, format) => {
    expect(readFrontMatter(text)).toMatchObject({ ok: true, format, data: { title: 'Blank line before front matter', date: expect.anything() }, body: 'Body.\n' });
  });

  it.each([
    ['a rule, a blank line and prose', '\n---\n\nStarts with a rule, then text.\n\n---\n\nMore.\n'],
    ['a rule and no closing one', '\n\n---\ntitle: x\n'],
    ['a block YAML cannot read', '\n---\ntitle: [unclosed\n---\nBody.\n'],
    ['a list, not a mapping', '\n---\n- one\n- two\n---\nBody.\n'],
  ])('blank lines, then %s: no front matter, the whole file is the body', (_name, text) => {
    expect(readFrontMatter(text)).toMatchObject({ ok: true, format: 'none', body: text });
  });

  it('accepts limits exactly at the bound', () => {
    expect(readFrontMatter(nested(LIMITS.maxDepth - 1)).ok).toBe(true);
    expect(readFrontMatter(manyKeys(LIMITS.maxKeys)).ok).toBe(true);
    expect(readFrontMatter(aliases(LIMITS.maxAliases)).ok).toBe(true);
  });

  // The timeout only turns an expansion hang into a failure; speed lives in the benchmark.
  it('refuses a billion-laughs document', { timeout: 30_000 }, () => {
    const levels = ['a: &a [x,x,x,x,x,x,x,x,x,x]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${prev}`).join(',')}]`);
    }
    const out = readFrontMatter(`---\n${levels.join('\n')}\n---\n`);
    expect(out.ok).toBe(false);
  });
});

// The simple shapes skip the safe copy (simple-yaml.ts): the limits and the dropped keys must
// hold the same for them as for what js-yaml reads.
describe('readFrontMatter: the simple YAML shapes keep the limits and the dropped keys', () => {
  const blockNested = (depth: number): string => `---\n${Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n')} x\n---\n`;
  it('refuses block maps nested past the depth limit, accepts them below it', () => {
    const deep = readFrontMatter(blockNested(LIMITS.maxDepth + 1));
    expect(deep.ok).toBe(false);
    if (!deep.ok) expect(deep.reason).toBe(`front matter nested too deeply (over ${LIMITS.maxDepth} levels)`);
    expect(readFrontMatter(blockNested(LIMITS.maxDepth - 1)).ok).toBe(true);
  });

  it('refuses a flow list of more values than the limit', () => {
    const out = readFrontMatter(`---\ntags: [${Array(LIMITS.maxFrontMatterNodes).fill('t').join(', ')}]\n---\n`);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.reason).toBe(`front matter expands to too many values (over ${LIMITS.maxFrontMatterNodes.toLocaleString('en-US')})`);
  });

  it('drops constructor and prototype keys written as plain block keys, with the note', () => {
    const out = readFrontMatter('---\ntitle: A\nconstructor:\n  prototype: x\n  ok: y\nn:\n  prototype: z\n  ok: w\n---\nbody');
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(Object.keys(out.data)).toEqual(['title', 'n']);
    expect({ ...(out.data.n as object) }).toEqual({ ok: 'w' });
    expect(out.notes).toEqual(['dropped unsafe front-matter key "constructor"', 'dropped unsafe front-matter key "prototype"']);
  });

  it('gives null-prototype maps for the simple shapes', () => {
    const out = readFrontMatter('---\ntitle: A\nsource:\n  name: B\ntags: [x, y]\n---\nbody');
    expect(out.ok && Object.getPrototypeOf(out.data)).toBeNull();
    expect(out.ok && Object.getPrototypeOf(out.data.source)).toBeNull();
    expect(out.ok && { ...out.data, source: { ...(out.data.source as object) } }).toEqual({ title: 'A', source: { name: 'B' }, tags: ['x', 'y'] });
  });
});

describe('readFrontMatter: prototype safety', () => {
  it('drops prototype keys at every level and returns null-prototype objects', () => {
    const out = readFrontMatter('---\n__proto__: {polluted: 1}\nconstructor: {prototype: {polluted: 2}}\nn: {__proto__: {polluted: 3}, ok: 1}\n---\n');
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(out.data)).toEqual(['n']);
    expect(Object.keys(out.data.n as object)).toEqual(['ok']);
    expect(Object.getPrototypeOf(out.data)).toBeNull();
    expect(out.notes).toEqual(['dropped unsafe front-matter key "__proto__"', 'dropped unsafe front-matter key "constructor"']);
  });

  it('drops prototype keys from TOML and JSON too', () => {
    const toml = readFrontMatter('+++\n[__proto__]\npolluted = 1\n+++\n');
    const json = readFrontMatter(';;;\n{"__proto__": {"polluted": 1}, "a": 1}\n;;;\n');
    expect(toml.ok && Object.keys(toml.data)).toEqual([]);
    expect(json.ok && Object.keys(json.data)).toEqual(['a']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('findBlock: one search after another', () => {
  // Each delimiter's closing pattern is one shared global RegExp searched from the block's start:
  // a search must find the same block whatever was searched before it.
  it('finds each block as it does alone, after blocks of every kind and length', () => {
    const texts = [
      `---\ntitle: Long\n${'pad: x\n'.repeat(500)}---\nbody one\n`,
      '---\ntitle: Short\n---\nb\n',
      '+++\ntitle = "T"\n+++\ntoml body\n',
      ';;;\n{"title": "J"}\n;;;\njson body\n',
      '{\n"title": "Hugo"\n}\nhugo body\n',
      '---\ntitle: Open\nnever closed\n',
      '---\ntitle: Dots\n...\nafter dots\n',
    ];
    const alone = texts.map((t) => JSON.stringify(findBlock(t)));
    for (let round = 0; round < 3; round++) {
      for (const [k, t] of [...texts.entries()].reverse()) expect(JSON.stringify(findBlock(t))).toBe(alone[k]);
      for (const [k, t] of texts.entries()) expect(JSON.stringify(findBlock(t))).toBe(alone[k]);
    }
    expect(findBlock(texts[1])).toEqual({ format: 'yaml', source: 'title: Short\n', body: 'b\n' });
    expect(findBlock(texts[4])).toEqual({ format: 'json', source: '{\n"title": "Hugo"\n}', body: 'hugo body\n', guessed: true });
    expect(findBlock(texts[5])).toBe('front matter not closed');
  });
});
