// A warm `--filter --print path` is answered from the index without the parsers: the CLI's start,
// the filter, the load face (LocalIndex: walk, stat, compare) and the search engine must not load
// the front-matter, YAML, TOML or date parsers (about 0.1 s of module loading, more than Node's own
// start) through a static import. Only what runs when a file changed imports them, on demand.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '..', '..', '..', 'src');
// Static imports and re-exports that load a module at run time (not `import type`, not import()).
const STATIC = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

/** Every module (src-relative file, or package name) a module loads through static imports. */
function closure(entry: string): Set<string> {
  const seen = new Set<string>();
  const todo = [entry];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.endsWith('.ts') && !file.endsWith('.tsx')) continue;
    const text = fs.readFileSync(path.join(SRC, file), 'utf8');
    for (const m of text.matchAll(STATIC)) {
      const spec = m[1];
      if (!spec.startsWith('.')) {
        todo.push(spec);
        continue;
      }
      const base = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)).replace(/\.js$/, '');
      const hit = [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((c) => fs.existsSync(path.join(SRC, c)));
      if (!hit) throw new Error(`${file}: cannot resolve ${spec}`);
      todo.push(hit);
    }
  }
  return seen;
}

const PARSERS = /^(core\/load\/(parse|front-matter\/|dates|normalise|lazy-article|load\.ts)|js-yaml|date-fns\/parse|@date-fns\/utc|ink$|react$)/;

describe('the warm --filter start loads no parser', () => {
  it.each(['cli.ts', 'filter.ts', 'output.ts', 'core/load/index.ts', 'core/search/index-filter.ts', 'core/search/search.ts'])('%s', (entry) => {
    const loaded = [...closure(entry)];
    expect(loaded.filter((m) => PARSERS.test(m))).toEqual([]);
  });

  it('finds a parser when one is imported (the check can fail)', () => {
    expect([...closure('core/load/load.ts')].filter((m) => PARSERS.test(m)).length).toBeGreaterThan(0);
  });
});
