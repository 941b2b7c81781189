// A CommonJS file run through vm.Script with a V8 code cache (src/code-cache.ts, which the built
// entry runs a --filter's CLI through): it runs as `require` would run it, with or without a
// cache, and a cache that is not this file's (garbled, cut short, another source, older than the
// file) is never used.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileCommonJs, runCommonJs, wrapCommonJs } from '../src/code-cache.js';

let dir: string;
let file: string;
let cacheFile: string;
const SOURCE = `const path = require('node:path');
exports.name = path.basename(__filename);
exports.dir = __dirname;
exports.self = module.exports === exports;
exports.sum = (a, b) => a + b;
`;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-code-cache-'));
  file = path.join(dir, 'mod.cjs');
  cacheFile = path.join(dir, 'mod.v8cache');
  fs.writeFileSync(file, SOURCE);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

type Mod = { name: string; dir: string; self: boolean; sum: (a: number, b: number) => number };

/**
 * Writes the cache of `file` as the build does: compiled, run, then the cache of what was compiled.
 * From a copy of the file elsewhere: V8 keeps each script it compiled by its source and name, and
 * compiling the same again in this process would take that one without reading any cache.
 */
function writeCache(): void {
  const copy = path.join(fs.mkdtempSync(path.join(dir, 'writer-')), 'mod.cjs');
  fs.copyFileSync(file, copy);
  const compiled = compileCommonJs(copy, cacheFile);
  (compiled.run() as Mod).sum(1, 2);
  fs.writeFileSync(cacheFile, compiled.script.createCachedData());
}

function expectRuns(exports: unknown): void {
  const mod = exports as Mod;
  expect([mod.name, mod.dir, mod.self, mod.sum(2, 3)]).toEqual(['mod.cjs', dir, true, 5]);
}

describe('compileCommonJs', () => {
  it('runs a file without a cache as require would', () => {
    const compiled = compileCommonJs(file, cacheFile);
    expect(compiled.cache).toBe('none');
    expectRuns(compiled.run());
  });

  it('takes a cache made from the same file', () => {
    writeCache();
    const compiled = compileCommonJs(file, cacheFile);
    expect(compiled.cache).toBe('accepted');
    expectRuns(compiled.run());
  });

  it.each([
    ['garbled header', (b: Buffer) => Buffer.from(b.map((x, i) => (i < 24 ? x ^ 0x5a : x)))],
    ['cut short', (b: Buffer) => b.subarray(0, b.length >> 1)],
    ['not a cache at all', () => Buffer.from('#!/bin/sh\necho hello\n')],
    ['empty', () => Buffer.alloc(0)],
  ])('refuses a cache %s and compiles the source', async (_name, spoil) => {
    writeCache();
    fs.writeFileSync(cacheFile, spoil(fs.readFileSync(cacheFile)));
    const compiled = compileCommonJs(file, cacheFile);
    expect(compiled.cache).toBe('rejected');
    expectRuns(compiled.run());
  });

  it("refuses another source's cache", () => {
    writeCache();
    fs.writeFileSync(file, `${SOURCE}exports.more = 1;\n`);
    // The cache newer than the edit, so that V8 (not the mtime check) must refuse it: on a slow
    // machine the edit's mtime lands after the cache's and the cache would not even be offered.
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(cacheFile, later, later);
    const compiled = compileCommonJs(file, cacheFile);
    expect(compiled.cache).toBe('rejected');
    expect((compiled.run() as Mod & { more: number }).more).toBe(1);
  });

  it('does not offer a cache older than the file (an edit that kept the length)', () => {
    writeCache();
    fs.writeFileSync(file, SOURCE.replace('a + b', 'a * b'));
    const past = new Date(Date.now() - 60_000);
    fs.utimesSync(cacheFile, past, past);
    const compiled = compileCommonJs(file, cacheFile);
    expect(compiled.cache).toBe('stale');
    expect((compiled.run() as Mod).sum(2, 3)).toBe(6);
  });

  it('reads a file that is not ASCII as UTF-8, with its cache too', () => {
    fs.writeFileSync(file, `${SOURCE}exports.euro = '€ ’';\n`);
    expect((compileCommonJs(file, cacheFile).run() as { euro: string }).euro).toBe('€ ’');
    writeCache();
    const compiled = compileCommonJs(file, cacheFile);
    expect(compiled.cache).toBe('accepted');
    expect((compiled.run() as { euro: string }).euro).toBe('€ ’');
  });

  it('throws what compiling a broken source throws', () => {
    fs.writeFileSync(file, 'exports.x = (;\n');
    expect(() => compileCommonJs(file, cacheFile)).toThrow(SyntaxError);
  });
});

describe('runCommonJs', () => {
  it("returns the file's exports, with its cache or without", () => {
    expectRuns(runCommonJs(file, cacheFile));
    writeCache();
    expectRuns(runCommonJs(file, cacheFile));
  });

  it('wraps a source in the parameters of a CommonJS module', () => {
    const fn = new Function(`return ${wrapCommonJs('module.exports = [typeof exports, typeof require, __filename, __dirname];')}`)() as (...a: unknown[]) => void;
    const module = { exports: {} as unknown };
    fn({}, () => {}, module, '/x/y.cjs', '/x');
    expect(module.exports).toEqual(['object', 'function', '/x/y.cjs', '/x']);
  });
});
