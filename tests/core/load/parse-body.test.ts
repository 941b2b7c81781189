// parseBody (the full-text build's body-only re-read) must give exactly the body parseArticle
// gives, for every kind of file the project has a fixture for: the index's text is built from
// it, and a search over it must find what a search over a full parse finds.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArticle, parseBody } from '../../../src/core/load/parse.js';
import { foldedBodyOf } from '../../../src/core/load/parse-worker.js';
import { foldBody } from '../../../src/core/text/fold.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function markdownUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(md|markdown|mdx)$/i.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

const FILES = [...markdownUnder(path.join(ROOT, 'tests/fixtures')), ...markdownUnder(path.join(ROOT, 'data'))];

const info = (file: string, size: number) => ({ path: file, relPath: path.basename(file), size, mtimeMs: 0, folderName: path.basename(path.dirname(file)) });

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-parse-body-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function write(name: string, text: string | Buffer): string {
  const file = path.join(scratch, name);
  fs.writeFileSync(file, text);
  return file;
}

describe('parseBody', () => {
  it('gives parseArticle body for every fixture and bundled file that loads', () => {
    let compared = 0;
    for (const file of FILES) {
      const raw = fs.readFileSync(file);
      const full = parseArticle(raw, info(file, raw.length), 0);
      const body = parseBody(raw, raw.length);
      if (!full.ok || body === null) continue;
      expect(body, file).toBe(full.article.body);
      compared += 1;
    }
    // Most files have a plain front-matter block: the body-only path must answer them.
    expect(FILES.length).toBeGreaterThan(50);
    expect(compared).toBeGreaterThan(FILES.length / 2);
  });

  it('matches on truncated reads, cut long lines, mojibake and CRLF', () => {
    const cases: Array<[string, Buffer, number]> = [
      ['crlf', Buffer.from('---\r\ntitle: A\r\n---\r\nline one\r\nline two\r\n'), 0],
      ['long line', Buffer.from(`---\ntitle: A\n---\n${'x'.repeat(200_000)}\nend\n`), 0],
      ['mojibake', Buffer.from('---\ntitle: A\n---\nItâ€™s here\n'), 0],
      ['no front matter', Buffer.from('# Heading\n\nJust a body.\n'), 0],
      ['toml', Buffer.from('+++\ntitle = "A"\n+++\nBody after TOML.\n'), 0],
      ['truncated multi-byte', Buffer.from('---\ntitle: A\n---\nprix: 5 €\n'), 3],
    ];
    for (const [name, bytes, cut] of cases) {
      const raw = bytes.subarray(0, bytes.length - cut);
      const full = parseArticle(raw, info(name, bytes.length), 0);
      expect(full.ok, name).toBe(true);
      if (!full.ok) continue;
      expect(parseBody(raw, bytes.length), name).toBe(full.article.body);
    }
  });

  it('leaves to a full parse what only a full parse can tell', () => {
    // Hugo's bare JSON form: a body when the JSON does not parse, front matter when it does.
    expect(parseBody(Buffer.from('{\n"title": "A"\n}\nbody\n'), 20)).toBeNull();
    expect(parseBody(Buffer.from('---js\nmodule.exports = {}\n---\nbody\n'), 30)).toBeNull();
    expect(parseBody(Buffer.from('\0\0binary'), 8)).toBeNull();
    // A rule and a blank line: front matter when what follows reads as a mapping, else body text.
    expect(parseBody(Buffer.from('---\n\nprose\n\n---\n\nmore\n'), 24)).toBeNull();
  });
});

describe('foldedBodyOf', () => {
  it('reads the folded body of a file that is still the one its row recorded', () => {
    const file = write('a.md', '---\ntitle: Été\n---\nCafé Déjà Vu\n');
    const st = fs.statSync(file);
    const stamp = { path: file, size: st.size, mtime: st.mtimeMs, dev: st.dev, ino: st.ino };
    expect(foldedBodyOf(stamp, 1 << 20)).toBe(foldBody('Café Déjà Vu\n'));
    // Hugo's JSON form goes through the full parse.
    const json = write('b.md', '{\n"title": "A"\n}\nBody Text\n');
    const sj = fs.statSync(json);
    expect(foldedBodyOf({ path: json, size: sj.size, mtime: sj.mtimeMs, dev: sj.dev, ino: sj.ino }, 1 << 20)).toBe('body text\n');
  });

  it('gives null for a file that changed, vanished or no longer parses', () => {
    const file = write('c.md', '---\ntitle: A\n---\nbody\n');
    const st = fs.statSync(file);
    const stamp = { path: file, size: st.size, mtime: st.mtimeMs, dev: st.dev, ino: st.ino };
    expect(foldedBodyOf({ ...stamp, size: st.size + 1 }, 1 << 20)).toBeNull();
    expect(foldedBodyOf({ ...stamp, mtime: st.mtimeMs - 1000 }, 1 << 20)).toBeNull();
    expect(foldedBodyOf({ ...stamp, ino: st.ino + 1 }, 1 << 20)).toBeNull();
    expect(foldedBodyOf({ ...stamp, path: path.join(scratch, 'gone.md') }, 1 << 20)).toBeNull();
    const bad = write('d.md', '---js\nmodule.exports = {}\n---\nbody\n');
    const sb = fs.statSync(bad);
    expect(foldedBodyOf({ path: bad, size: sb.size, mtime: sb.mtimeMs, dev: sb.dev, ino: sb.ino }, 1 << 20)).toBeNull();
  });
});
