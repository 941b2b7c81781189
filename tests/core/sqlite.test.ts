// openDatabase (core/sqlite.ts): better-sqlite3 opened through require with its addon named by
// path. What it loads is checked in a child process running the built module (dist/, built by
// `npm test`), whose require cache holds nothing else: this file's own process shares its cache
// with whatever other test files loaded.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeOutput } from '../helpers/run-child.js';
import { openDatabase, PAGE_CACHE_KIB } from '../../src/core/sqlite.js';

const BUILT = fileURLToPath(new URL('../../dist/core/sqlite.js', import.meta.url));
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('openDatabase', () => {
  it('opens a database that answers queries, with the options given', () => {
    const db = openDatabase(':memory:');
    try {
      expect(db.prepare('SELECT 6 * 7').pluck().get()).toBe(42);
    } finally {
      db.close();
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-sqlite-'));
    dirs.push(dir);
    expect(() => openDatabase(path.join(dir, 'missing.sqlite'), { fileMustExist: true })).toThrow();
    expect(fs.existsSync(path.join(dir, 'missing.sqlite'))).toBe(false);
  });

  it("gives a file's connection SQLite's own page cache, not better-sqlite3's 16 MB", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-sqlite-'));
    dirs.push(dir);
    const db = openDatabase(path.join(dir, 'cache.sqlite'));
    try {
      expect(PAGE_CACHE_KIB).toBe(2000);
      expect(db.pragma('cache_size', { simple: true })).toBe(-PAGE_CACHE_KIB);
    } finally {
      db.close();
    }
    // An in-memory or temporary database is its cache: left as better-sqlite3 makes it.
    for (const name of [':memory:', '']) {
      const memory = openDatabase(name);
      try {
        expect(memory.pragma('cache_size', { simple: true })).not.toBe(-PAGE_CACHE_KIB);
      } finally {
        memory.close();
      }
    }
  });

  it("keeps a caller's own nativeBinding", () => {
    expect(() => openDatabase(':memory:', { nativeBinding: path.join(os.tmpdir(), 'no-such-addon.node') })).toThrow();
  });

  it('loads the addon by its path: neither the `bindings` search nor an ES import of the package', async () => {
    const code = `
      const { createRequire } = await import('node:module');
      const { openDatabase } = await import(${JSON.stringify(BUILT)});
      const db = openDatabase(':memory:');
      db.close();
      const loaded = Object.keys(createRequire(import.meta.url).cache);
      console.log(JSON.stringify(loaded));
    `;
    const loaded = JSON.parse(await nodeOutput(['--input-type=module', '-e', code])) as string[];
    expect(loaded.some((f) => f.endsWith(`${path.sep}better_sqlite3.node`))).toBe(true);
    expect(loaded.filter((f) => f.includes(`${path.sep}node_modules${path.sep}bindings${path.sep}`))).toEqual([]);
  });
});
