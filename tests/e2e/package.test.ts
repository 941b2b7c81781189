// What `npm pack` ships: the built CLI with its shebang, the bundled corpus, the docs; no tests,
// sources or benchmark corpora. (Installing the tarball elsewhere was tried by hand; this keeps
// the file list honest without needing the registry in a test.)
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runChild } from '../helpers/run-child.js';

const repo = path.resolve(import.meta.dirname, '..', '..');

describe('the npm package', () => {
  // npm itself takes seconds, many more on a loaded machine: run without blocking the worker.
  let files: string[] = [];
  beforeAll(async () => {
    const r = await runChild('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repo });
    expect(r.status, r.stderr).toBe(0);
    files = (JSON.parse(r.stdout) as Array<{ files: Array<{ path: string }> }>)[0].files.map((f) => f.path);
  });

  it('ships the built entry point and the bundled corpus', () => {
    // The bin (CommonJS) and dist/cli.js, which runs it (scripts/bundle.mjs).
    expect(files).toEqual(expect.arrayContaining(['dist/cli.cjs', 'dist/cli.js']));
    expect(files).toContain('data/news/bitfarms-wind-down.md');
    expect(files.filter((f) => f.startsWith('data/') && f.endsWith('.md')).length).toBeGreaterThanOrEqual(60);
    expect(files).toEqual(expect.arrayContaining(['README.md', 'SECURITY.md', 'package.json']));
    // The pinned asset list the coin detection reads, beside its built module.
    expect(files).toContain('dist/core/coins/asset-manifest.json');
    // A --filter's CLI as one CommonJS file and its V8 code cache, both read by the entry (scripts/bundle.mjs).
    expect(files).toEqual(expect.arrayContaining(['dist/cli-filter.bundle.cjs', 'dist/cli-filter.bundle.v8cache', 'dist/code-cache.js']));
  });

  it('depends on no package it only takes data from at build time (the asset list is pinned)', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
    expect(Object.keys(pkg.dependencies)).not.toContain('cryptocurrency-icons');
  });

  it('ships no tests, sources or benchmark corpora', () => {
    for (const f of files) expect(f, f).not.toMatch(/^(tests|src|\.bench|scripts)\//);
  });

  it('has a bin with a shebang, executable, and a Node 20 floor', async () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
    expect(pkg.bin['crypto-news-tui']).toBe('dist/cli.cjs');
    expect(pkg.engines.node).toBe('>=20');
    const cli = path.join(repo, 'dist', 'cli.cjs');
    expect(fs.readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(fs.statSync(cli).mode & 0o111).not.toBe(0);
    // Run as a shell runs an installed bin: by its shebang, not through `node FILE`.
    const version = await runChild(cli, ['--version'], { cwd: repo });
    expect(version.status, version.stderr).toBe(0);
    expect(version.stdout.trim()).toBe(pkg.version);
  });
});
