// The tester's files behind the loader's later fixes (tests/fixtures/cases/loader-more: dates
// other than the publication date) through the built
// CLI with stdout piped: `--print json` gives the same fields with the on-disk index as without
// it (written, then read back), and a date that does not read warns on stderr naming the file,
// the key and the value.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type ChildResult } from '../helpers/run-child.js';

const repo = path.resolve(import.meta.dirname, '..', '..');
const more = 'tests/fixtures/cases/loader-more';

interface Json {
  path: string; title: string; source: string; categories: string[]; tags: string[]; draft: boolean;
  publishedAt: string | null; dateGuessed: boolean; updatedAt: string | null; scheduledAt: string | null; expiresAt: string | null; body: string;
}

let cache = '';
beforeAll(() => void (cache = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-tester-cases-'))));
afterAll(() => fs.rmSync(cache, { recursive: true, force: true }));

function cli(args: string[], cached: boolean): Promise<ChildResult> {
  const env = { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: cache };
  return runCli(cached ? args : ['--no-cache', ...args], { cwd: repo, env });
}

/** `-f '' -p json --drafts` over `folder`, by file name; `stderr` as its lines, sorted. */
async function json(folder: string, cached: boolean): Promise<{ rows: Record<string, Json>; stderr: string[] }> {
  const r = await cli(['--drafts', '-f', '', '-p', 'json', `${more}/${folder}`], cached);
  expect(r.status, r.stderr).toBe(0);
  const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Json);
  return { rows: Object.fromEntries(rows.map((o) => [path.basename(o.path), o])), stderr: r.stderr.split('\n').filter(Boolean).sort() };
}

/**
 * The folder's rows and warnings without the index, then with it (the run that writes it and one
 * that answers from it); the three must agree. The later runs' `new` marks are left out: reading state,
 * not the file.
 */
async function agreed(folder: string): Promise<{ rows: Record<string, Json>; stderr: string[] }> {
  const plain = await json(folder, false);
  const strip = (o: { rows: Record<string, Json>; stderr: string[] }) => ({
    rows: Object.fromEntries(Object.entries(o.rows).map(([k, v]) => [k, { ...v, new: undefined }])), stderr: o.stderr,
  });
  for (const run of ['writing the index', 'from the index']) expect(strip(await json(folder, true)), `${folder} (${run})`).toEqual(strip(plain));
  return plain;
}

const forRuns = (runs: number): number => runs * 30_000;

describe('the tester\'s loader cases through the CLI', { timeout: 180_000 }, () => {
  it('other-dates: an unreadable or ambiguous lastmod, publishDate or expiryDate warns on stderr, naming the file, the key and the value', async () => {
    const r = await cli(['-f', '', '-p', 'path', `${more}/other-dates`], false);
    expect(r.status).toBe(0);
    expect(r.stderr.split('\n').filter(Boolean).sort()).toEqual([
      `${repo}/${more}/other-dates/ambiguous-expiry.md: expiryDate "12/08/2026" could be 12 August 2026 or 8 December 2026; not applied`,
      `${repo}/${more}/other-dates/ambiguous-lastmod.md: lastmod "03/04/2026" could be 3 April 2026 or 4 March 2026; not applied`,
      `${repo}/${more}/other-dates/ambiguous-publish.md: publishDate "12/08/2026" could be 12 August 2026 or 8 December 2026; not applied`,
      `${repo}/${more}/other-dates/unreadable-lastmod.md: lastmod "yesterday" not understood; not applied`,
    ]);
    // Not applied: the article is listed as if the field were absent.
    expect(r.stdout).toContain('other-dates/ambiguous-expiry.md\n');
    expect(r.stdout).toContain('other-dates/ambiguous-publish.md\n');
  }, forRuns(1));

  it('other-dates: the same fields and warnings from the on-disk index', async () => {
    const { rows, stderr } = await agreed('other-dates');
    expect(stderr).toHaveLength(4);
    expect(rows['unreadable-lastmod.md']).toMatchObject({ updatedAt: null, publishedAt: '2026-01-05T00:00:00.000Z', dateGuessed: false });
    expect(rows['ambiguous-expiry.md'].expiresAt).toBeNull();
    expect(rows['ambiguous-publish.md'].scheduledAt).toBeNull();
    expect(rows['jekyll-lastmod.md'].updatedAt).toBe('2026-01-06T10:00:00.000Z');
    expect(rows['rfc-expiry.md'].expiresAt).toBe('2027-06-01T00:00:00.000Z');
    expect(rows['written-publish-future.md'].scheduledAt).toBe('2027-03-01T00:00:00.000Z');
  }, forRuns(3));
});
