// The build bundles each thread's entry and the CLI (scripts/bundle.mjs): a bundle must stand on
// its own (no relative import left but the on-demand ones and the CLI's chunks), keep what its
// modules find relative to themselves, and do exactly what the emitted modules do (a parse thread
// here; the CLI in every end-to-end test). Uses dist/, which `npm test` builds first.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNode } from '../helpers/run-child.js';
// @ts-expect-error: a plain ESM script of the build, without type declarations.
import { bundleOf as bundleOfUntyped, CLI_BIN, CLI_INLINED as INLINED, CLI_MAIN, inkOutputClassModule as inkOutputClassModuleUntyped, inkPackages as inkPackagesUntyped, escapeNonAscii as escapeNonAsciiUntyped, FILTER_CACHE, FILTER_CLI, inlineSqlite as inlineSqliteUntyped, isCliChunk as isCliChunkUntyped, THREAD_ENTRIES as ENTRIES } from '../../scripts/bundle.mjs';
// @ts-expect-error: a plain ESM script of the bench, without type declarations.
import { importAsCli as importAsCliUntyped } from '../../scripts/bench/cli-modules.mjs';

const bundleOf = bundleOfUntyped as (file: string, format?: 'esm' | 'cjs') => string;
const isCliChunk = isCliChunkUntyped as (name: string) => boolean;
const escapeNonAscii = escapeNonAsciiUntyped as (text: string) => string;
const THREAD_ENTRIES = ENTRIES as Array<{ entry: string; dynamic: boolean; format: 'esm' | 'cjs' }>;
const CLI_INLINED = INLINED as string[];
const inlineSqlite = inlineSqliteUntyped as (file: string, text: string) => string;
const inkPackages = inkPackagesUntyped as (root: string) => string[];
const inkOutputClassModule = inkOutputClassModuleUntyped as (emitted: string, root: string) => string;
const importAsCli = importAsCliUntyped as (dist: URL, module: string, names: string[]) => Promise<Record<string, unknown>>;

const dist = path.resolve(import.meta.dirname, '..', '..', 'dist');
const formatOf = (entry: string): 'esm' | 'cjs' => THREAD_ENTRIES.find((e) => e.entry === entry)?.format ?? 'esm';
let root: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-bundle-'));
  for (let i = 0; i < 30; i++) fs.writeFileSync(path.join(root, `a${i}.md`), `---\ntitle: Post ${i} — Ether\ndate: 2025-03-${String((i % 28) + 1).padStart(2, '0')}\ntags: [ETH, "${i}"]\n---\nBody ${i} with &amp; an entity and ÉTF.\n`);
  fs.writeFileSync(path.join(root, 'bad.md'), '---\ntitle: [unclosed\n---\nbody\n');
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('thread bundles', () => {
  it.each(THREAD_ENTRIES.map((e): [string, boolean, 'esm' | 'cjs'] => [e.entry, e.dynamic, e.format]))('%s is built as one file', (entry, dynamic, format) => {
    const text = fs.readFileSync(path.join(dist, bundleOf(entry, format)), 'utf8');
    // Static imports (a CommonJS bundle's requires): node's own modules and native packages only.
    const statics = [...text.matchAll(format === 'cjs' ? /\brequire\(["']([^"']+)["']\)/g : /^import .* from ["']([^"']+)["'];?$/gm)].map((m) => m[1]);
    expect(statics.length).toBeGreaterThan(0);
    expect(statics.filter((s) => !s.startsWith('node:') && s !== 'better-sqlite3')).toEqual([]);
    // Packages required on first use through a module's own createRequire (esbuild renames that
    // `require`): SQLite's, the parser's for front matter and dates few corpora have, and the FFI
    // that returns the C heap's free pages after a collection (core/malloc-trim.ts: the index's
    // bulk writes collect theirs).
    const onDemand = [...text.matchAll(/\brequire\d+\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(onDemand.filter((s) => !['better-sqlite3', 'koffi', 'js-yaml', 'smol-toml', 'date-fns/parse'].includes(s))).toEqual([]);
    if (entry.startsWith('core/load/')) expect(new Set(onDemand)).toEqual(new Set([...(dynamic ? ['better-sqlite3', 'koffi'] : []), 'js-yaml', 'smol-toml', 'date-fns/parse']));
    // Only the bundle of the entry's own format is there (a thread would start from the other: threadScript).
    expect(fs.existsSync(path.join(dist, bundleOf(entry, format === 'cjs' ? 'esm' : 'cjs')))).toBe(false);
    // A CommonJS bundle holds no ES module syntax (it would not run), and its modules' URLs are made from its own.
    if (format === 'cjs') expect(text).not.toMatch(/^\s*(import|export)\s|import\.meta/m);
    const dynamics = [...text.matchAll(/\bimport\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    if (dynamic) expect(dynamics).toEqual([]);
    // Every import.meta.url is a module's own, as emitted beside the bundle.
    for (const m of text.matchAll(/new URL\("([^"]+)", (?:import\.meta\.url|__bundleUrl)\)\.href/g)) {
      expect(fs.existsSync(path.resolve(path.dirname(path.join(dist, entry)), m[1]))).toBe(true);
    }
  });

  it('builds the CLI as one entry and chunks beside it, importing packages and its chunks only', () => {
    const outputs = [CLI_MAIN as string, ...fs.readdirSync(dist).filter(isCliChunk)];
    const imported: string[] = [];
    expect(outputs.length).toBeGreaterThan(1);
    for (const out of outputs) {
      const text = fs.readFileSync(path.join(dist, out), 'utf8');
      for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*)["'](\.{1,2}\/[^"']+)["']/g)) expect(isCliChunk(path.basename(m[1])) && !m[1].startsWith('../'), `${out}: ${m[1]}`).toBe(true);
      for (const m of text.matchAll(/new URL\("([^"]+)", import\.meta\.url\)\.href/g)) expect(fs.existsSync(path.resolve(dist, m[1])), `${out}: ${m[1]}`).toBe(true);
      // The packages a warm --filter loads are inside the bundle, not imported from node_modules; others are imported.
      const packages = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*)["']([^"'./][^"']*)["']/g)].map((m) => m[1]);
      expect(packages.filter((p) => CLI_INLINED.some((name) => p === name || p.startsWith(`${name}/`))), out).toEqual([]);
      // better-sqlite3 is loaded through require (core/sqlite.ts): from node_modules too, never bundled.
      const required = [...text.matchAll(/\brequire\d*\(\s*["']([^"'./][^"']*)["']\s*\)/g)].map((m) => m[1]);
      imported.push(...packages, ...required);
    }
    expect(imported).toContain('better-sqlite3');
    expect(imported).toContain('react');
    const entry = fs.readFileSync(path.join(dist, CLI_BIN as string), 'utf8');
    expect(entry.startsWith('#!/usr/bin/env node\n')).toBe(true);
    // CommonJS (Node's CommonJS loader starts it, not the ES module loader): no import or export
    // statement, no import.meta; its node modules required.
    expect(entry).not.toMatch(/^\s*(import|export)\s|import\.meta/m);
    expect(entry).toMatch(/require\("node:module"\)/);
    // The entry holds args.js and code-cache.js itself: the only local module it imports is CLI_MAIN, on demand.
    expect([...entry.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*)["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1])).toEqual([`./${CLI_MAIN}`]);
    expect(entry).toContain('function parseCommandLine(');
  });

  it("carries ink inside the dashboard's chunks, its Output class once, the one the frame compositor patches", async () => {
    const repo = path.resolve(dist, '..');
    const ink = inkPackages(repo);
    expect(ink).toEqual(expect.arrayContaining(['ink', 'es-toolkit', 'yoga-layout', 'react-reconciler']));
    expect(ink).not.toContain('react');
    const outputs = [CLI_MAIN as string, ...fs.readdirSync(dist).filter(isCliChunk)];
    const texts = outputs.map((out) => fs.readFileSync(path.join(dist, out), 'utf8'));
    // No output imports ink or one of its packages from node_modules; React stays one copy there.
    for (const text of texts) {
      const packages = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*)["']([^"'./#][^"']*)["']/g)].map((m) => m[1]);
      expect(packages.filter((p) => ink.some((name) => p === name || p.startsWith(`${name}/`)) && p !== 'ink/build/devtools.js')).toEqual([]);
    }
    expect(texts.filter((text) => text.includes('// node_modules/ink/build/output.js\n'))).toHaveLength(1);
    // The CLI's ink-output-class gives the bundled class, not node_modules' copy, and the compositor patches it.
    const distUrl = pathToFileURL(`${dist}/`);
    const { inkOutputPrototype } = await importAsCli(distUrl, 'ui/frame/ink-output-class.js', ['inkOutputPrototype']);
    const bundled = (await (inkOutputPrototype as () => Promise<{ get?: unknown; composed?: true } | undefined>)()) ?? null;
    expect(typeof bundled?.get).toBe('function');
    const installed = ((await import(pathToFileURL(path.join(repo, 'node_modules', 'ink', 'build', 'output.js')).href)) as { default: { prototype: object } }).default.prototype;
    expect(bundled).not.toBe(installed);
    const { installCompositor } = await importAsCli(distUrl, 'ui/frame/ink-compositor.js', ['installCompositor']);
    expect(await (installCompositor as () => Promise<boolean>)()).toBe(true);
    expect(bundled?.composed).toBe(true);
    // A changed ink-output-class.js stops the build instead of being replaced unseen.
    expect(() => inkOutputClassModule('export async function inkOutputPrototype() {}\nexport const other = 1;\n', repo)).toThrow(/one export/);
  });

  it('names the CommonJS entry as the package\'s bin, and keeps dist/cli.js running it', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(dist, '..', 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(pkg.bin['crypto-news-tui']).toBe(`dist/${CLI_BIN as string}`);
    const lock = JSON.parse(fs.readFileSync(path.join(dist, '..', 'package-lock.json'), 'utf8')) as { packages: Record<string, { bin?: Record<string, string> }> };
    expect(lock.packages[''].bin?.['crypto-news-tui']).toBe(`dist/${CLI_BIN as string}`);
    for (const file of [CLI_BIN as string, 'cli.js']) expect(fs.statSync(path.join(dist, file)).mode & 0o111, file).toBe(0o111);
    const shim = fs.readFileSync(path.join(dist, 'cli.js'), 'utf8');
    expect(shim.startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(shim).toContain(`createRequire(import.meta.url)('./${CLI_BIN as string}');`);
  });

  it('builds the CLI of a --filter run as one CommonJS file: node\'s modules and packages required, the two modules of the dashboard alone imported', () => {
    const text = fs.readFileSync(path.join(dist, FILTER_CLI as string), 'utf8');
    expect(text).not.toMatch(/^\s*(import|export)\s|import\.meta/m);
    expect([...text.matchAll(/\bimport\(["']([^"']+)["']\)/g)].map((m) => m[1])).toEqual(['./dashboard-start.js', './dashboard.js']);
    const required = [...text.matchAll(/\brequire\d*\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(required.filter((r) => r.startsWith('.'))).toEqual([]);
    // better-sqlite3's JavaScript is inside (bundle.mjs inlineSqlite), its native addon required by
    // path at run time (core/sqlite.ts); only an install without that path asks `bindings` for it.
    expect(required).not.toContain('better-sqlite3');
    expect(required).toContain('bindings');
    expect(text).toContain('better_sqlite3.node');
    expect(text).toMatch(/Expected first argument to be a string/);
    for (const m of text.matchAll(/new URL\("([^"]+)", __bundleUrl\)\.href/g)) expect(fs.existsSync(path.resolve(dist, m[1])), m[1]).toBe(true);
    // ASCII (read without decoding UTF-8: src/code-cache.ts), with no `#!` line (run as a function's body).
    expect(text).toMatch(/^[\x00-\x7f]*$/);
    expect(text.startsWith('#!')).toBe(false);
  });

  it("carries better-sqlite3's JavaScript in the --filter CLI in place of core/sqlite.js's one require, and refuses a module that loads it otherwise", () => {
    const sqlite = path.join(dist, 'core', 'sqlite.js');
    const emitted = fs.readFileSync(sqlite, 'utf8');
    const inlined = inlineSqlite(sqlite, emitted);
    expect(inlined.startsWith("import __betterSqlite3 from 'better-sqlite3';\n")).toBe(true);
    expect(inlined).not.toContain("require('better-sqlite3')");
    expect(inlined.split('\n').length).toBe(emitted.split('\n').length + 1);
    // Any other module is left as it is; a sqlite.js that no longer requires the package once stops the build.
    expect(inlineSqlite(path.join(dist, 'core', 'article.js'), 'require(\'better-sqlite3\')')).toBe("require('better-sqlite3')");
    expect(() => inlineSqlite(sqlite, emitted.replace("require('better-sqlite3')", "require('better-sqlite3/lib')"))).toThrow(/expected one/);
    expect(() => inlineSqlite(sqlite, `${emitted}\nrequire('better-sqlite3');`)).toThrow(/expected one/);
  });

  it('escapes the non-ASCII characters of a bundle into the same program', () => {
    const source = 'const a = /[$€£]\\s?\\d/; const b = /[😀é]/u; const c = "\\’ ’ \\\\’"; const d = `é${1}`; const é = 2; // ’\nreturn [a.test("€5"), a.test("£ 5"), a.test("¥5"), b.test("😀"), b.test("\\ud83d"), c, d, é];';
    const escaped = escapeNonAscii(source);
    expect(escaped).toMatch(/^[\x00-\x7f]*$/);
    expect(new Function(escaped)()).toEqual(new Function(source)());
    expect(new Function(source)()).toEqual([true, true, false, true, false, '’ ’ \\’', 'é1', 2]);
  });

  it('starts a --filter run from the CommonJS file with its code cache, every other run from the ES modules', async () => {
    // Says on exit which files were compiled through vm.Script (src/code-cache.ts) and V8's verdict
    // on their cache; with CORRUPT set, the cache is read back with its header garbled. Outside the
    // articles' folder, which other tests read.
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-bundle-cli-'));
    const probe = path.join(home, 'probe.cjs');
    fs.writeFileSync(
      probe,
      `const vm = require('node:vm'); const fs = require('node:fs'); const seen = [];
const Script = vm.Script;
vm.Script = class extends Script { constructor(code, options) { super(code, options); seen.push(path.basename(options.filename) + ':' + (options.cachedData ? (this.cachedDataRejected ? 'rejected' : 'accepted') : 'none')); } };
const path = require('node:path'); const read = fs.readFileSync;
fs.readFileSync = function (file, ...rest) { const out = read.call(this, file, ...rest); if (process.env.CORRUPT && String(file).endsWith(${JSON.stringify(FILTER_CACHE)})) { const b = Buffer.from(out); for (let i = 0; i < 24; i++) b[i] ^= 0x5a; return b; } return out; };
process.on('exit', () => process.stderr.write('scripts:' + seen.join(',') + '\\n'));\n`,
    );
    const env = { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: path.join(home, 'cache'), XDG_STATE_HOME: path.join(home, 'state'), XDG_CONFIG_HOME: path.join(home, 'config') };
    const run = (args: string[], extra: Record<string, string> = {}) => runNode(['-r', probe, path.join(dist, 'cli.js'), ...args], { env: { ...env, ...extra } });
    const cold = await run(['--filter', 'ether', '--print', 'path', root]);
    expect(cold.status).toBe(0);
    expect(cold.stdout.split('\n').filter(Boolean).length).toBe(30);
    expect(cold.stderr).toContain(`scripts:${FILTER_CLI}:accepted`);
    // Warm (from the index), then with the cache garbled: the same paths either way, the cache refused.
    const warm = await run(['--filter', 'ether', '--print', 'path', root]);
    expect(warm.stderr).toContain(`scripts:${FILTER_CLI}:accepted`);
    const corrupt = await run(['--filter', 'ether', '--print', 'path', root], { CORRUPT: '1' });
    expect(corrupt.stderr).toContain(`scripts:${FILTER_CLI}:rejected`);
    expect([warm.status, corrupt.status]).toEqual([0, 0]);
    expect(corrupt.stdout).toBe(warm.stdout);
    expect(warm.stdout).toBe(cold.stdout);
    const help = await run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stderr).toContain('scripts:\n');
    const bad = await run(['--filter']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('scripts:\n');
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('parses on a bundled thread exactly as on a thread of the emitted modules', async () => {
    const { parseAll } = await import(pathToFileURL(path.join(dist, 'core/load/parse-pool.js')).href);
    const jobs = fs.readdirSync(root).sort().map((name) => ({ path: path.join(root, name), relPath: name, folderName: 'x' }));
    const run = async (file: string): Promise<unknown[]> => {
      const out: unknown[] = [];
      const stats = await parseAll(jobs, 1 << 20, (start: number, files: Array<{ outcome: unknown; lowerBody: Buffer | null }>) => {
        files.forEach((f, k) => (out[start + k] = { outcome: f.outcome, body: f.lowerBody?.toString('utf8') }));
      }, { workers: 2, batchSize: 8, workerUrl: pathToFileURL(path.join(dist, file)) });
      expect(stats.workerBatches).toBe(4);
      return out;
    };
    const bundled = await run(bundleOf('core/load/parse-worker.js', formatOf('core/load/parse-worker.js')));
    expect(bundled).toEqual(await run('core/load/parse-worker.js'));
    expect(bundled.filter((r) => (r as { outcome: { ok: boolean } }).outcome.ok)).toHaveLength(30);
  });

  it("answers a texts request from its bundle, the index's modules imported on demand, as the emitted modules do", async () => {
    const { parseFile, WORKER_ROLE } = await import(pathToFileURL(path.join(dist, 'core/load/parse-worker.js')).href);
    const file = path.join(root, 'a3.md');
    const st = fs.statSync(file);
    const parsed = parseFile({ path: file, relPath: 'a3.md', folderName: 'x' }, 1 << 20, false);
    const job = { path: file, size: st.size, mtime: st.mtimeMs, dev: st.dev, ino: st.ino, article: JSON.stringify(parsed.outcome.record) };
    const texts = (script: string): Promise<{ texts: unknown[]; lengths: Int32Array; bytes: ArrayBuffer }> =>
      new Promise((resolve, reject) => {
        const worker = new Worker(new URL(pathToFileURL(path.join(dist, script))), { workerData: { role: WORKER_ROLE } });
        worker.once('message', (reply) => void worker.terminate().then(() => resolve(reply)));
        worker.once('error', reject);
        worker.postMessage({ batch: 7, texts: [job], cap: 1 << 20 });
      });
    const bundled = await texts(bundleOf('core/load/parse-worker.js', formatOf('core/load/parse-worker.js')));
    expect(bundled.texts[0]).not.toBeNull();
    expect(Buffer.from(bundled.bytes).toString('utf8')).toContain('entity');
    expect(bundled).toEqual(await texts('core/load/parse-worker.js'));
  });
});
