import { describe, expect, it } from 'vitest';
import { HELP, parseCommandLine, parseSize, UsageError } from '../src/args.js';

function run(argv: string[]) {
  const command = parseCommandLine(argv);
  if (command.kind !== 'run') throw new Error(`expected run, got ${command.kind}`);
  return command.options;
}

describe('parseCommandLine', () => {
  it('defaults: bundled data, path format, no filter', () => {
    const o = run([]);
    expect(o).toMatchObject({ paths: [], filter: null, query: '', print: 'path', sort: undefined, drafts: false, mouse: true, cache: true, clearCache: false });
  });

  it.each([
    [['-f', 'bitcoin'], { filter: 'bitcoin' }],
    [['--filter=tag:mining since:7d'], { filter: 'tag:mining since:7d' }],
    [['-q', 'etf'], { query: 'etf' }],
    [['-p', 'json'], { print: 'json' }],
    [['--print', 'MARKDOWN'], { print: 'markdown' }],
    [['-s', 'score'], { sort: 'score' }],
    [['-n', '3'], { limit: 3 }],
    [['--drafts', '--multi', '--no-mouse', '--no-cache'], { drafts: true, multi: true, mouse: false, cache: false }],
    [['--clear-cache'], { cache: true, clearCache: true }],
    [['--max-file-size', '4M'], { maxFileSize: 4 * 1024 * 1024 }],
    [['a', 'b/c', '--', '-odd-name.md'], { paths: ['a', 'b/c', '-odd-name.md'] }],
    // A query may start with `-` (a negated term): the next argument is the value, as in fzf.
    [['-f', '-source:decrypt', '-p', 'title'], { filter: '-source:decrypt', print: 'title' }],
    [['-f', '-bitcoin', 'data'], { filter: '-bitcoin', paths: ['data'] }],
    [['--filter', '-"price prediction"'], { filter: '-"price prediction"' }],
    [['--filter=-x'], { filter: '-x' }],
    [['-f-x'], { filter: '-x' }],
    [['-q', '-tag:x'], { query: '-tag:x' }],
    [['--query', '-tag:x', '-m'], { query: '-tag:x', multi: true }],
    [['-mq', '-tag:x'], { query: '-tag:x', multi: true }],
    [['--', '-f', '-x'], { filter: null, paths: ['-f', '-x'] }],
    // `-f --`: `--` is the option's value (getopt's reading), not the end of the options.
    [['-f', '--', 'data'], { filter: '--', paths: ['data'] }],
    [['-q', '--', '--', '-odd.md'], { query: '--', paths: ['-odd.md'] }],
  ])('%j', (argv, expected) => {
    expect(run(argv)).toMatchObject(expected);
  });

  it.each([
    [['-h'], 'help'],
    [['--help', '-f', 'x'], 'help'],
    [['-V'], 'version'],
  ])('%j is %s', (argv, kind) => {
    expect(parseCommandLine(argv).kind).toBe(kind);
  });

  it.each([
    [['--print', 'xml'], /--print: "xml" is not one of path, title, json, markdown/],
    [['--sort', 'random'], /--sort/],
    [['-n', '0'], /--limit/],
    [['-n', 'ten'], /--limit/],
    // A negative number is the option's value, refused in the option's own words.
    [['-n', '-1'], /^--limit: expected a positive whole number, got "-1"$/],
    [['--limit', '-5'], /^--limit: expected a positive whole number, got "-5"$/],
    [['--max-file-size', '-1K'], /^--max-file-size: not a size: "-1K"/],
    // util.parseArgs' own message, cut to its first sentence.
    [['-p', '-x'], /^Option '-p' argument is ambiguous$/],
    [['--bogus'], /bogus/],
    [['-f'], /filter/],
    [['-f', 'a', '-q', 'b'], /cannot be combined/],
    [['--max-file-size', 'huge'], /not a size/],
    [['-f', 'x', '--stats', '-p', 'title'], /^--stats prints counts as text, or as JSON with --print json \(not --print title\)$/],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseCommandLine(argv)).toThrow(UsageError);
    expect(() => parseCommandLine(argv)).toThrow(message);
  });
});

describe('parseSize', () => {
  it.each([
    ['1M', 1048576],
    ['512k', 524288],
    ['2MiB', 2097152],
    ['4096', 4096],
  ])('%s', (text, bytes) => {
    expect(parseSize(text)).toBe(bytes);
  });
});

describe('--help', () => {
  // The query language's relative ages (core/search/query.ts RELATIVE): `m` is months, minutes are
  // `min`; the help listed `m` alone, which reads as minutes.
  it('names the relative-age units the query language reads, minutes as min and months as mo', async () => {
    const { parseQuery } = await import('../src/core/search/query.js');
    const units = /since:7d\s+\(([^)]*)\)/.exec(HELP)?.[1].split(/,\s*/) ?? [];
    expect(units).toEqual(['min', 'h', 'd', 'w', 'mo', 'y']);
    for (const unit of units) expect(() => parseQuery(`since:3${unit}`)).not.toThrow();
  });
});
