// The parsers front matter is handed to. Each can only build data: js-yaml 4 `load` with the
// AS_WRITTEN schema below (no `!!js/*` types), smol-toml and JSON.parse (numbers as written:
// json-as-written.ts). Nothing here can
// evaluate code, whatever language tag a file claims; the languages that front-matter tooling
// would execute are refused by name.

import { createRequire } from 'node:module';
import type { FrontMatterFormat } from '../../article.js';
import { errorMessage } from '../../error-message.js';
import { LIMITS } from '../limits.js';
import { parseJsonAsWritten } from './json-as-written.js';
import { rootScalarsAsWritten } from './toml-as-written.js';
import { parseSimpleYaml } from './simple-yaml.js';

/** Language tags front-matter tooling would execute (gray-matter evaluates `---js` by default). */
export const CODE_LANGUAGES: ReadonlySet<string> = new Set(['js', 'javascript', 'coffee', 'coffeescript', 'cson', 'ts', 'typescript', 'eval']);

// YAML with plain scalars left as written: only `null`, `~` and empty values resolve (to null)
// and `<<` merges. YAML's own resolution would turn `title: 2025-12-19` into a Date, `1.50` into
// 1.5, `0o17` into 15 and `lang: no` into false; fields are converted one by one instead
// (normalise.ts: dates, numbers, YAML 1.1 flags), so text fields keep the author's spelling.
// Explicit tags (`!!int 3`, `!!binary`, `!!set`) still build their values; `!!js/*` and
// `!!python/*` stay unknown tags, so such a file is refused.
//
// js-yaml and smol-toml are required on the first block that needs one (a YAML shape
// simple-yaml.ts does not read, a TOML block), not imported: most corpora have none, and each
// thread that parses, and the load's own, would load their ~125 KB of code as it starts (a parse
// thread's bundle 260 -> 63 KB; with date-fns' parse, written-date-formats.ts, the loader's import
// on the load's thread ~95 -> ~52 ms of CPU). A CommonJS require is synchronous, as
// the parse is, and works from the emitted modules, the bundles and the sources alike.
type JsYaml = typeof import('js-yaml');
const require = createRequire(import.meta.url);
let yaml: { lib: JsYaml; schema: import('js-yaml').Schema } | null = null;
let toml: typeof import('smol-toml') | null = null;

function jsYaml(): { lib: JsYaml; schema: import('js-yaml').Schema } {
  if (yaml) return yaml;
  const lib = require('js-yaml') as JsYaml;
  // js-yaml 4 exports its built-in types as `types`; @types/js-yaml does not declare it.
  const t = (lib as unknown as { types: Record<'null' | 'merge' | 'str' | 'seq' | 'map' | 'bool' | 'int' | 'float' | 'timestamp' | 'binary' | 'omap' | 'pairs' | 'set', import('js-yaml').Type> }).types;
  const schema = new lib.Schema({
    implicit: [t.null, t.merge],
    explicit: [t.str, t.seq, t.map, t.bool, t.int, t.float, t.timestamp, t.binary, t.omap, t.pairs, t.set],
  });
  return (yaml = { lib, schema });
}

/** js-yaml alone, with the schema above: what parseSimpleYaml must equal wherever it answers (its tests compare them). */
export function parseYamlFully(source: string): unknown {
  const { lib, schema } = jsYaml();
  // `json: true` lets a repeated key override the earlier one (as Jekyll does) instead of failing.
  return lib.load(source, { schema, json: true });
}

/** Parses a front-matter block's source (the lines between the delimiters) as `format`; throws on invalid input. */
export function parseFrontMatterSource(format: FrontMatterFormat, source: string): unknown {
  switch (format) {
    case 'yaml': {
      // The common flat shapes without js-yaml, to the same result (simple-yaml.ts).
      const simple = parseSimpleYaml(source);
      if (simple !== undefined) return simple;
      return parseYamlFully(source);
    }
    case 'toml': {
      // Scalars as written, as the YAML schema above leaves them (toml-as-written.ts).
      toml ??= require('smol-toml') as typeof import('smol-toml');
      const table = toml.parse(source, { maxDepth: LIMITS.maxDepth });
      rootScalarsAsWritten(source, table);
      return table;
    }
    default:
      return parseJsonAsWritten(source);
  }
}

/** First line of a parser message (smol-toml appends a code excerpt), kept short. */
function firstLine(message: string): string {
  const line = message.split('\n')[0].trim();
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}

/** The reason shown for a block `parseFrontMatterSource` refused (`invalid YAML at line 3: ...`). */
export function describeParseError(format: FrontMatterFormat, error: unknown): string {
  // Only js-yaml, once required, throws its exception.
  if (yaml !== null && error instanceof yaml.lib.YAMLException) {
    // The block starts on the file's second line; js-yaml counts from 0.
    const line = error.mark ? ` at line ${error.mark.line + 2}` : '';
    // js-yaml spells `!!js/function` as `!<tag:yaml.org,2002:js/function>`; show it as written.
    const reason = firstLine(error.reason ?? error.message).replace(/!<tag:yaml\.org,2002:([^>]*)>/g, '!!$1');
    return `invalid YAML${line}: ${reason}`;
  }
  if (error instanceof RangeError) return `front matter nested too deeply (over ${LIMITS.maxDepth} levels)`;
  const label = format === 'toml' ? 'TOML' : 'JSON';
  return `invalid ${label}: ${firstLine(errorMessage(error))}`;
}
