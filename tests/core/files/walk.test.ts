import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PathError, walkPaths } from '../../../src/core/files/walk.js';
import { article, cleanup, makeTempDir, mkfifo, mksocket, write } from '../load/loader-fs.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures');

describe('walkPaths on the fixture corpus', () => {
  it('finds Markdown files sorted, skipping hidden folders and other extensions', async () => {
    const { files, warnings } = await walkPaths([path.join(FIXTURES, 'corpus')]);
    expect(warnings).toEqual([]);
    expect(files.map((f) => f.relPath)).toEqual([
      'blog/_posts/2023-12-24-halving-countdown.md',
      'blog/_posts/2024-01-05-bitcoin-etf-approved.md',
      'data/hugo-json-front-matter.md',
      'data/stablecoin-rules.md',
      'decrypt/ethereum-fusaka-upgrade.md',
      'drafts/unreleased-token.mdx',
      'hugo/posts/solana-outage.md',
      'misc/crlf-with-bom.md',
      'misc/feed-with-mojibake.md',
      'misc/legacy-windows-1252.md',
      'plain/2024-03-01-exchange-notes.markdown',
      'plain/market-wrap.md',
    ]);
    expect(files[0]).toMatchObject({ folderName: '_posts', path: path.join(FIXTURES, 'corpus/blog/_posts/2023-12-24-halving-countdown.md') });
  });
});

describe('walkPaths on hostile trees', () => {
  let root: string;
  beforeEach(() => {
    root = makeTempDir();
  });
  afterEach(() => cleanup(root));

  it('throws PathError naming a missing argument', async () => {
    const missing = path.join(root, 'nope');
    await expect(walkPaths([missing])).rejects.toThrow(PathError);
    await expect(walkPaths([missing])).rejects.toThrow(`${missing}: no such file or directory`);
  });

  it('takes a file argument as given, whatever its extension, with its name as relPath', async () => {
    const file = write(root, 'notes.txt', article('T'));
    const { files } = await walkPaths([file]);
    expect(files).toEqual([{ path: file, relPath: 'notes.txt', folderName: path.basename(root) }]);
  });

  it('collects every extension Jekyll and Hugo read as Markdown, and no other', async () => {
    for (const name of ['a.md', 'b.markdown', 'c.mdx', 'd.mdown', 'e.mkdown', 'f.mkdn', 'g.MKD', 'h.txt', 'i.mdwn.bak', 'j.markdown~']) write(root, `posts/${name}`, article(name));
    const { files } = await walkPaths([path.join(root, 'posts')]);
    expect(files.map((f) => f.relPath)).toEqual(['a.md', 'b.markdown', 'c.mdx', 'd.mdown', 'e.mkdown', 'f.mkdn', 'g.MKD']);
  });

  it('keeps argument order and drops a path listed twice', async () => {
    const b = write(root, 'b/x.md', article('B'));
    const a = write(root, 'a/x.md', article('A'));
    const { files } = await walkPaths([path.join(root, 'b'), path.join(root, 'a'), b]);
    expect(files.map((f) => f.path)).toEqual([b, a]);
  });

  it('skips node_modules and hidden folders, descends into a folder named like a file', async () => {
    write(root, 'node_modules/pkg/readme.md', article('dep'));
    write(root, '.git/notes.md', article('git'));
    const inside = write(root, 'folder.md/inner.md', article('inner'));
    const { files, warnings } = await walkPaths([root]);
    expect(files.map((f) => f.path)).toEqual([inside]);
    expect(warnings).toEqual([]);
  });

  it('warns about FIFOs, sockets and devices named .md and never opens them', async () => {
    const fifo = mkfifo(root, 'pipe.md');
    mkfifo(root, 'pipe.txt');
    const close = await mksocket(root, 'sock.md');
    fs.symlinkSync('/dev/zero', path.join(root, 'zero.md'));
    write(root, 'ok.md', article('ok'));
    try {
      const { files, warnings } = await walkPaths([root]);
      expect(files.map((f) => f.relPath)).toEqual(['ok.md']);
      expect(warnings).toEqual(
        expect.arrayContaining([
          { path: fifo, reason: 'not a regular file' },
          { path: path.join(root, 'sock.md'), reason: 'not a regular file' },
          { path: path.join(root, 'zero.md'), reason: 'not a regular file' },
        ]),
      );
      expect(warnings).toHaveLength(3);
    } finally {
      await close();
    }
  });

  it('calls a link to a folder above the walked one a symlink loop, as the live watch does (`ln -s ../.. up`)', async () => {
    write(root, 'news/sub/a.md', article('A'));
    fs.symlinkSync('../..', path.join(root, 'news', 'sub', 'up'));
    const { files, warnings } = await walkPaths([path.join(root, 'news')]);
    // Followed, it would walk root again and list news/sub/a.md a second time under sub/up/news.
    expect(files.map((f) => f.relPath)).toEqual(['sub/a.md']);
    expect(warnings).toEqual([{ path: path.join(root, 'news', 'sub', 'up'), reason: 'symlink loop' }]);
  });

  it('survives symlink loops and warns about them and about dangling links', async () => {
    write(root, 'news/a.md', article('A'));
    fs.symlinkSync(path.join(root, 'news'), path.join(root, 'news', 'again'));
    fs.symlinkSync('self.md', path.join(root, 'news', 'self.md'));
    fs.symlinkSync(path.join(root, 'gone.md'), path.join(root, 'news', 'dangling.md'));
    const { files, warnings } = await walkPaths([root]);
    expect(files.map((f) => f.relPath)).toEqual(['news/a.md']);
    expect(warnings).toEqual(
      expect.arrayContaining([
        { path: path.join(root, 'news', 'again'), reason: 'symlink loop' },
        { path: path.join(root, 'news', 'self.md'), reason: 'symlink loop' },
        { path: path.join(root, 'news', 'dangling.md'), reason: 'dangling symlink' },
      ]),
    );
    expect(warnings).toHaveLength(3);
  });

  it('follows a link to a folder outside the tree once', async () => {
    const outside = makeTempDir();
    try {
      write(outside, 'far.md', article('far'));
      fs.symlinkSync(outside, path.join(root, 'linked'));
      fs.symlinkSync(outside, path.join(root, 'linked-twice'));
      const { files, warnings } = await walkPaths([root]);
      expect(files.map((f) => f.relPath)).toEqual(['linked/far.md']);
      expect(warnings).toEqual([]);
    } finally {
      cleanup(outside);
    }
  });

  it('loads or throws PathError for an unreadable folder argument', async () => {
    write(root, 'locked/a.md', article('A'));
    const locked = path.join(root, 'locked');
    fs.chmodSync(locked, 0o000);
    const outcome = await walkPaths([locked]).then(
      (r) => r.files.map((f) => f.relPath),
      (e: unknown) => (e instanceof PathError ? e.message : e),
    );
    expect([['a.md'], `${locked}: permission denied`]).toContainEqual(outcome);
  });

  it('loads or warns for an unreadable folder (tests may run as root, where chmod 000 does not stop reads)', async () => {
    write(root, 'locked/a.md', article('A'));
    write(root, 'open/b.md', article('B'));
    fs.chmodSync(path.join(root, 'locked'), 0o000);
    const { files, warnings } = await walkPaths([root]);
    expect(files.map((f) => f.relPath)).toContain('open/b.md');
    const lockedLoaded = files.some((f) => f.relPath === 'locked/a.md');
    const lockedWarned = warnings.some((w) => w.path === path.join(root, 'locked') && w.reason === 'permission denied');
    expect(lockedLoaded !== lockedWarned).toBe(true);
  });
});

describe('walkPaths on big and deep trees', () => {
  let root: string;
  beforeEach(() => {
    root = makeTempDir();
  });
  afterEach(() => cleanup(root));

  it('walks a tree 300 folders deep, sorting files across levels by relative path', async () => {
    let dir = '';
    const expected: string[] = [];
    for (let depth = 0; depth < 300; depth++) {
      dir = path.join(dir, 'd');
      write(root, path.join(dir, 'z.md'), article(`Z${depth}`));
      expected.push(path.join(dir, 'z.md'));
    }
    const { files, warnings } = await walkPaths([root]);
    expect(warnings).toEqual([]);
    expect(files.map((f) => f.relPath)).toEqual([...expected].sort());
  });

  it('reports the count found so far while walking one big folder, and lets the event loop run', async () => {
    const n = 20_000;
    fs.mkdirSync(path.join(root, 'flat'));
    for (let i = 0; i < n; i++) fs.writeFileSync(path.join(root, 'flat', `${String(i).padStart(5, '0')}.md`), '');
    const counts: number[] = [];
    let turns = 0;
    const timer = setInterval(() => (turns += 1), 0);
    const { files } = await walkPaths([root], (found) => counts.push(found));
    clearInterval(timer);
    expect(files).toHaveLength(n);
    // A first report after 2,048 entries looked at (enough files for a cold load to start its parse
    // thread, load.ts), then one per 8,192, counts rising, and the whole count once the walk is
    // done: four for 20,000 files.
    expect(counts.length).toBe(4);
    expect(counts[0]).toBeGreaterThanOrEqual(2_000);
    expect(counts[0]).toBeLessThan(2_048);
    expect(counts[1]).toBeGreaterThan(counts[0]);
    expect(counts[1]).toBeLessThan(8_192);
    expect(counts[2]).toBeGreaterThan(counts[1]);
    expect(counts[2]).toBeLessThan(n);
    expect(counts[3]).toBe(n);
    // A timer fired during the walk: the listing of one folder did not hold the thread throughout.
    expect(turns).toBeGreaterThan(0);
  });

  it('keeps the per-argument sort when a second argument follows a first', async () => {
    write(root, 'one/b.md', article('B'));
    write(root, 'one/a.md', article('A'));
    write(root, 'two/d.md', article('D'));
    write(root, 'two/c.md', article('C'));
    const { files } = await walkPaths([path.join(root, 'one'), path.join(root, 'two')]);
    expect(files.map((f) => f.relPath)).toEqual(['a.md', 'b.md', 'c.md', 'd.md']);
  });
});
