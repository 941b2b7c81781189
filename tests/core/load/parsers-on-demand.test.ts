// The front-matter parser's packages (js-yaml, smol-toml, date-fns' parse) are required on the
// first file that needs each (front-matter/engines.ts, written-date-formats.ts), so that a load of
// plain YAML with ISO dates, the common corpus, never loads them on any thread. Run in a fresh
// process over the built modules (a test runner's own module registry has them all): which
// packages Node's module cache holds after each file, and what each file parsed to.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nodeOutput } from '../../helpers/run-child.js';

const parser = pathToFileURL(path.resolve(import.meta.dirname, '..', '..', '..', 'dist', 'core', 'load', 'parse.js')).href;

const SCRIPT = `
import { createRequire } from 'node:module';
const { parseArticle } = await import(process.argv[1]);
const cache = createRequire(import.meta.url).cache;
const packages = { 'js-yaml': '/node_modules/js-yaml/', 'smol-toml': '/node_modules/smol-toml/', 'date-fns/parse': '/node_modules/date-fns/parse.' };
const loaded = () => Object.keys(packages).filter((name) => Object.keys(cache).some((file) => file.includes(packages[name])));
const steps = JSON.parse(process.argv[2]).map((text) => {
  const bytes = Buffer.from(text);
  const outcome = parseArticle(bytes, { path: '/x/a.md', relPath: 'a.md', size: bytes.length, mtimeMs: 0, folderName: 'x' }, 0);
  return { ok: outcome.ok, title: outcome.article?.title, publishedAt: outcome.article?.publishedAt, frontMatter: outcome.article?.frontMatter, reason: outcome.reason, loaded: loaded() };
});
process.stdout.write(JSON.stringify(steps));
`;

const FILES = [
  '---\ntitle: Plain\ndate: 2025-11-04T10:30:00Z\ntags: [a, b]\nsource:\n  name: Feed\n---\nbody\n',
  '---\ntitle: Written\ndate: 4 Nov 2025\n---\nbody\n',
  '---\ntitle: Anchored\nbase: &b {x: 1}\nmore: *b\ndescription: |\n  two\n  lines\n---\nbody\n',
  '---\ntitle: [unclosed\n---\nbody\n',
  '+++\ntitle = "Toml"\ndate = 2025-11-04T10:30:00Z\n+++\nbody\n',
];

describe('the parser packages, required on demand (built modules)', () => {
  it('loads none for plain YAML with an ISO date, then each at the first file that needs it, parsing as before', async () => {
    const steps = JSON.parse(await nodeOutput(['--input-type=module', '-e', SCRIPT, parser, JSON.stringify(FILES)]));
    expect(steps.map((s: { loaded: string[] }) => s.loaded)).toEqual([
      [],
      ['date-fns/parse'],
      ['js-yaml', 'date-fns/parse'],
      ['js-yaml', 'date-fns/parse'],
      ['js-yaml', 'smol-toml', 'date-fns/parse'],
    ]);
    expect(steps[0]).toMatchObject({ ok: true, title: 'Plain', publishedAt: Date.UTC(2025, 10, 4, 10, 30), frontMatter: { tags: ['a', 'b'], source: { name: 'Feed' } } });
    expect(steps[1]).toMatchObject({ ok: true, title: 'Written', publishedAt: Date.UTC(2025, 10, 4) });
    expect(steps[2]).toMatchObject({ ok: true, title: 'Anchored', frontMatter: { base: { x: '1' }, more: { x: '1' }, description: 'two\nlines\n' } });
    // js-yaml's own exception, known once it is loaded, still says where the block is broken.
    expect(steps[3].ok).toBe(false);
    expect(steps[3].reason).toMatch(/^invalid YAML at line \d+:/);
    expect(steps[4]).toMatchObject({ ok: true, title: 'Toml', publishedAt: Date.UTC(2025, 10, 4, 10, 30) });
  });
});
