// A blog's repository passed at its root, as a new user does (`crypto-news-tui ~/src/my-hugo-site`):
// the site's articles load, and none of its machinery (archetype templates, themes, the README,
// section pages, Jekyll includes and pages) shows up as news or as a warning.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runNode } from '../helpers/run-child.js';

const repo = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(repo, 'dist', 'cli.js');
const sites = 'tests/fixtures/sites';

async function run(args: string[]) {
  const r = await runNode([cli, '--no-cache', ...args], { cwd: repo, input: '', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Row { path: string; title: string; source: string }
const rows = (stdout: string): Row[] => stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Row);

describe('a static site passed at its root', () => {
  it('Hugo: the posts under content/, each named by its section; no template, theme or README, no warning', async () => {
    const r = await run(['-f', '', '-p', 'json', `${sites}/hugo-blog`]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(rows(r.stdout).map((o) => [o.title, o.source]).sort()).toEqual([
      ['Miners Brace for the Next Halving', 'posts'],
      ['Validator Exit Queue Clears After Two Weeks', 'posts'],
    ]);
  });

  it('Zola: the posts under content/ with their [taxonomies] tags and categories and their authors; no template or README', async () => {
    const r = await run(['-f', 'tag:fees category:bitcoin', '-p', 'json', `${sites}/zola-blog`]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const found = rows(r.stdout) as Array<Row & { tags: string[]; categories: string[] }>;
    expect(found.map((o) => [o.title, o.source, o.tags, o.categories])).toEqual([
      ['Lightning Routing Fees Fall to a Two-Year Low', 'Ana Ruiz', ['lightning', 'fees'], ['bitcoin']],
    ]);
    expect((await run(['-f', '', '-p', 'title', `${sites}/zola-blog`])).stdout).toBe('Lightning Routing Fees Fall to a Two-Year Low\n');
  });

  it("Hugo: the theme's example site is one argument away", async () => {
    const r = await run(['-f', '', '-p', 'title', `${sites}/hugo-blog/themes/ananke/exampleSite/content`]);
    expect([r.code, r.stdout]).toEqual([0, 'Chapter I: The Grand Hall\n']);
  });

  it('Jekyll: posts at any depth and drafts with --drafts; no page, include or README', async () => {
    const shown = await run(['-f', '', '-p', 'title', `${sites}/jekyll-blog`]);
    expect([shown.code, shown.stderr]).toEqual([0, '']);
    expect(shown.stdout.split('\n').filter(Boolean).sort()).toEqual(['Boletín #41: RBF', 'Node Weekly #41: fee bumping', 'Node Weekly #42: package relay']);
    const drafts = await run(['-f', 'is:draft', '-p', 'title', '--drafts', `${sites}/jekyll-blog`]);
    expect(drafts.stdout).toBe('Node Weekly #42 (draft)\n');
  });

  it('Jekyll: a post in a folder under _posts is named by the site, and its tags string splits on whitespace as Jekyll splits it', async () => {
    const r = await run(['-f', 'tag:fees', '-p', 'json', `${sites}/jekyll-blog`]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const found = rows(r.stdout) as Array<Row & { tags: string[]; publishedAt: string }>;
    expect(found.map((o) => [o.title, o.source, o.tags, o.publishedAt.slice(0, 10)])).toEqual([
      ['Node Weekly #42: package relay', 'jekyll-blog', ['mempool', 'package-relay', 'fees'], '2025-11-12'],
    ]);
  });
});
