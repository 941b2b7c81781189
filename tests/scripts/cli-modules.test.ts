// The bench's children import the program as the CLI runs it (scripts/bench/cli-modules.mjs): from
// the chunks of the CLI's bundle, found through the map the build writes (scripts/bundle.mjs's
// CLI_MODULES). Uses dist/, which `npm test` builds first.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM scripts of the build and the bench, without type declarations.
import { CLI_MAIN as BUILD_MAIN, CLI_MODULES as BUILD_MODULES, cliModules as cliModulesUntyped, isCliChunk as isCliChunkUntyped } from '../../scripts/bundle.mjs';
// @ts-expect-error: see above.
import { CLI_MAIN, CLI_MODULES, importAsCli as importAsCliUntyped } from '../../scripts/bench/cli-modules.mjs';

type Metafile = { outputs: Record<string, { inputs: Record<string, unknown>; entryPoint?: string }> };
const cliModules = cliModulesUntyped as (metafile: Metafile, dist: string) => Record<string, string>;
const isCliChunk = isCliChunkUntyped as (name: string) => boolean;
const importAsCli = importAsCliUntyped as (dist: URL, module: string, names: string[]) => Promise<Record<string, unknown>>;

const dist = path.resolve(import.meta.dirname, '..', '..', 'dist');
const distUrl = pathToFileURL(`${dist}/`);
let scratch: string;
beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-cli-modules-'));
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe("the CLI's map of emitted modules to its outputs", () => {
  it('maps each module of dist/ to the output holding it, an on-demand module to its own output, packages left out', () => {
    const metafile: Metafile = {
      outputs: {
        'dist/cli-main.js': { inputs: { 'dist/cli.js': {}, 'dist/args.js': {} }, entryPoint: 'dist/cli.js' },
        'dist/chunk-AAAAAAAA.js': { inputs: { 'dist/core/load/load.js': {}, 'node_modules/ink/build/index.js': {} } },
        'dist/load-BBBBBBBB.js': { inputs: {}, entryPoint: 'dist/core/load/load.js' },
      },
    };
    const cwd = process.cwd();
    expect(cliModules(metafile, path.join(cwd, 'dist'))).toEqual({ 'cli.js': 'cli-main.js', 'args.js': 'cli-main.js', 'core/load/load.js': 'load-BBBBBBBB.js' });
  });

  it("is written beside the CLI's outputs, naming only outputs of the build, the loader and search engine in chunks the CLI imports", () => {
    expect([CLI_MODULES, CLI_MAIN]).toEqual([BUILD_MODULES, BUILD_MAIN]);
    const map = JSON.parse(fs.readFileSync(path.join(dist, CLI_MODULES as string), 'utf8')) as Record<string, string>;
    for (const [module, out] of Object.entries(map)) {
      expect(fs.existsSync(path.join(dist, module)), module).toBe(true);
      expect(out === CLI_MAIN || isCliChunk(out), out).toBe(true);
    }
    expect(map['cli.js']).toBe(CLI_MAIN);
    for (const module of ['core/load/load.js', 'core/search/search.js', 'heap-growth.js', 'core/heap-flags.js']) expect(isCliChunk(map[module]), module).toBe(true);
    // What the CLI imports on demand for the loader and the search engine (importLoader, importSearchEngine) is the mapped output.
    const imported = new Set(
      [CLI_MAIN as string, ...fs.readdirSync(dist).filter(isCliChunk)].flatMap((out) => [...fs.readFileSync(path.join(dist, out), 'utf8').matchAll(/\bimport\(["']\.\/([^"']+)["']\)/g)].map((m) => m[1])),
    );
    expect(imported).toContain(map['core/load/load.js']);
    expect(imported).toContain(map['core/search/search.js']);
  });
});

describe('importAsCli', () => {
  it("gives the CLI's own copy of a module its bundle holds, the emitted module of one it does not", async () => {
    const map = JSON.parse(fs.readFileSync(path.join(dist, CLI_MODULES as string), 'utf8')) as Record<string, string>;
    const { loadCorpus } = await importAsCli(distUrl, 'core/load/load.js', ['loadCorpus']);
    expect(loadCorpus).toBe((await import(new URL(map['core/load/load.js'], distUrl).href)).loadCorpus);
    expect(loadCorpus).not.toBe((await import(new URL('core/load/load.js', distUrl).href)).loadCorpus);
    // Not in the CLI: no copy of it runs but the emitted one.
    expect(map['core/search/search-timing.js']).toBeUndefined();
    const { replayTyping } = await importAsCli(distUrl, 'core/search/search-timing.js', ['replayTyping']);
    expect(replayTyping).toBe((await import(new URL('core/search/search-timing.js', distUrl).href)).replayTyping);
  });

  it('refuses the CLI\'s entry and an output that does not export a name as the module does; without a map, imports the emitted module', async () => {
    const dir = fs.mkdtempSync(path.join(scratch, 'd-'));
    const url = pathToFileURL(`${dir}/`);
    fs.writeFileSync(path.join(dir, 'a.js'), 'export const value = "emitted";\n');
    await expect(importAsCli(url, 'a.js', ['value'])).resolves.toEqual({ value: 'emitted' });
    fs.writeFileSync(path.join(dir, 'chunk-CCCCCCCC.js'), 'const value = "chunk"; export { value as value2 };\n');
    fs.writeFileSync(path.join(dir, CLI_MAIN as string), 'throw new Error("the CLI ran");\n');
    const other = fs.mkdtempSync(path.join(scratch, 'd-'));
    for (const f of fs.readdirSync(dir)) fs.copyFileSync(path.join(dir, f), path.join(other, f));
    fs.writeFileSync(path.join(other, CLI_MODULES as string), JSON.stringify({ 'a.js': 'chunk-CCCCCCCC.js', 'cli.js': CLI_MAIN }));
    const mapped = pathToFileURL(`${other}/`);
    await expect(importAsCli(mapped, 'a.js', ['value'])).rejects.toThrow(/exports no value/);
    await expect(importAsCli(mapped, 'a.js', ['value2'])).resolves.toEqual({ value2: 'chunk' });
    await expect(importAsCli(mapped, 'cli.js', ['x'])).rejects.toThrow(/runs the CLI/);
  });
});
