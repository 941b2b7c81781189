// Front matter: find the block, refuse anything that is not data, parse it safely.
//
// Why not gray-matter: it evaluates `---js` blocks by default (CVE-2022-25863), caches every
// file it sees unless given options (+430 MB at 100k files), bundles js-yaml 3, and parsing via
// split + js-yaml directly measured ~40% faster (perf-notes). Its delimiter rules are a few lines
// of code, so the block is found here and handed to parsers that can only build data: js-yaml 4
// `load` with AS_WRITTEN (below; no `!!js/*` types), smol-toml, JSON.parse. No code path here can
// evaluate anything, whatever language tag a file claims.
//
// Accepted forms: `---` (YAML, or `---yaml`/`---yml`/`---toml`/`---json`) closed by `---` (or
// `...` for YAML); `+++` TOML (Hugo); `;;;` JSON; and Hugo's bare JSON object (`{` ... `}` lines).

import yaml from 'js-yaml';
import { parse as parseToml } from 'smol-toml';
import type { FrontMatterFormat } from '../article.js';
import { rootScalarsAsWritten } from './toml-as-written.js';
import { LIMITS, formatBytes } from './limits.js';
import { FrontMatterLimitError, safeCopy } from './safe-data.js';
import { sanitizeLine } from '../text/sanitize.js';

/** Parsed front matter plus the body after it, or why the file was refused. */
export type FrontMatterOutcome =
  | { ok: true; format: FrontMatterFormat; data: Record<string, unknown>; body: string; notes: string[] }
  | { ok: false; reason: string };

interface Block {
  format: FrontMatterFormat;
  source: string;
  body: string;
  /** Hugo's bare `{` form has no delimiter saying "this is front matter", so a parse failure means it was body text. */
  guessed?: boolean;
}

// Languages gray-matter (and front-matter tooling in general) would execute.
const CODE_LANGUAGES = new Set(['js', 'javascript', 'coffee', 'coffeescript', 'cson', 'ts', 'typescript', 'eval']);
const LANGUAGE_FORMAT: Record<string, FrontMatterFormat> = { '': 'yaml', yaml: 'yaml', yml: 'yaml', toml: 'toml', json: 'json' };

// A language tag must start with a letter, so a `----` thematic break is not taken for one.
const OPENING = /^(---|\+\+\+|;;;)[ \t]*([A-Za-z][A-Za-z0-9_.+-]*)?[ \t]*(?:\n|$)/;
const CLOSING: Record<string, RegExp> = {
  yaml: /^(?:---|\.\.\.)[ \t]*$/gm,
  dashes: /^---[ \t]*$/gm,
  '+++': /^\+\+\+[ \t]*$/gm,
  ';;;': /^;;;[ \t]*$/gm,
  '{': /^\}[ \t]*$/gm,
};

function refuse(reason: string): { ok: false; reason: string } {
  return { ok: false, reason: sanitizeLine(reason) };
}

/** Finds the closing line from `start`; the block must end within the size limit. */
function closeBlock(text: string, start: number, closing: RegExp, keepDelimiters: boolean): Block | string {
  const re = new RegExp(closing.source, 'gm');
  re.lastIndex = start;
  const m = re.exec(text);
  if (!m) return 'front matter not closed';
  if (m.index - start > LIMITS.maxFrontMatterChars) {
    return `front matter too large (over ${formatBytes(LIMITS.maxFrontMatterChars)})`;
  }
  const lineEnd = m.index + m[0].length;
  const bodyStart = text[lineEnd] === '\n' ? lineEnd + 1 : lineEnd;
  const source = keepDelimiters ? text.slice(start, lineEnd) : text.slice(start, m.index);
  return { format: 'none', source, body: text.slice(bodyStart) };
}

/** Locates the front-matter block, if any; a string result is a refusal reason. */
function findBlock(text: string): Block | string | null {
  if (/^\{[ \t]*\n/.test(text)) {
    // Hugo JSON: only when a lone `}` line closes it, so `{% include %}` bodies are never taken.
    const block = closeBlock(text, 0, CLOSING['{'], true);
    return typeof block === 'string' ? null : { ...block, format: 'json', guessed: true };
  }
  const open = OPENING.exec(text);
  if (!open) return null;
  const [line, delimiter, rawLang = ''] = open;
  const lang = rawLang.toLowerCase();
  const start = line.length;
  if (delimiter === '+++') return withFormat(closeBlock(text, start, CLOSING['+++'], false), 'toml');
  if (delimiter === ';;;') return withFormat(closeBlock(text, start, CLOSING[';;;'], false), 'json');
  if (CODE_LANGUAGES.has(lang)) return `front matter in ${lang === 'js' ? 'javascript' : lang} refused (code execution)`;
  const format = LANGUAGE_FORMAT[lang];
  if (!format) return `front matter in ${rawLang} refused (unsupported language)`;
  return withFormat(closeBlock(text, start, format === 'yaml' ? CLOSING.yaml : CLOSING.dashes, false), format);
}

function withFormat(block: Block | string, format: FrontMatterFormat): Block | string {
  return typeof block === 'string' ? block : { ...block, format };
}

/** First line of a parser message (smol-toml appends a code excerpt), kept short. */
function firstLine(message: string): string {
  const line = message.split('\n')[0].trim();
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}

// YAML with plain scalars left as written: only `null`, `~` and empty values resolve (to null)
// and `<<` merges. YAML's own resolution would turn `title: 2025-12-19` into a Date, `1.50` into
// 1.5, `0o17` into 15 and `lang: no` into false; fields are converted one by one instead
// (normalise.ts: dates, numbers, YAML 1.1 flags), so text fields keep the author's spelling.
// Explicit tags (`!!int 3`, `!!binary`, `!!set`) still build their values; `!!js/*` and
// `!!python/*` stay unknown tags, so such a file is refused.
// js-yaml 4 exports its built-in types as `types`; @types/js-yaml does not declare it.
const t = (yaml as unknown as { types: Record<'null' | 'merge' | 'str' | 'seq' | 'map' | 'bool' | 'int' | 'float' | 'timestamp' | 'binary' | 'omap' | 'pairs' | 'set', yaml.Type> }).types;
const AS_WRITTEN = new yaml.Schema({
  implicit: [t.null, t.merge],
  explicit: [t.str, t.seq, t.map, t.bool, t.int, t.float, t.timestamp, t.binary, t.omap, t.pairs, t.set],
});

function parseSource(block: Block): unknown {
  switch (block.format) {
    case 'yaml':
      // `json: true` lets a repeated key override the earlier one (as Jekyll does) instead of failing.
      return yaml.load(block.source, { schema: AS_WRITTEN, json: true });
    case 'toml': {
      // Scalars as written, as the YAML schema above leaves them (load/toml-as-written.ts).
      const table = parseToml(block.source, { maxDepth: LIMITS.maxDepth });
      rootScalarsAsWritten(block.source, table);
      return table;
    }
    default:
      return JSON.parse(block.source);
  }
}

function describeError(format: FrontMatterFormat, error: unknown): string {
  if (error instanceof yaml.YAMLException) {
    // The block starts on the file's second line; js-yaml counts from 0.
    const line = error.mark ? ` at line ${error.mark.line + 2}` : '';
    // js-yaml spells `!!js/function` as `!<tag:yaml.org,2002:js/function>`; show it as written.
    const reason = firstLine(error.reason ?? error.message).replace(/!<tag:yaml\.org,2002:([^>]*)>/g, '!!$1');
    return `invalid YAML${line}: ${reason}`;
  }
  if (error instanceof RangeError) return `front matter nested too deeply (over ${LIMITS.maxDepth} levels)`;
  const label = format === 'toml' ? 'TOML' : 'JSON';
  return `invalid ${label}: ${firstLine(error instanceof Error ? error.message : String(error))}`;
}

/** Splits text into front matter and body and parses the front matter as data only. */
export function readFrontMatter(text: string): FrontMatterOutcome {
  const block = findBlock(text);
  if (block === null) return { ok: true, format: 'none', data: Object.create(null), body: text, notes: [] };
  if (typeof block === 'string') return refuse(block);
  let parsed: unknown;
  try {
    parsed = parseSource(block);
  } catch (error) {
    if (block.guessed) return { ok: true, format: 'none', data: Object.create(null), body: text, notes: [] };
    return refuse(describeError(block.format, error));
  }
  if (parsed === null || parsed === undefined) {
    return { ok: true, format: block.format, data: Object.create(null), body: block.body, notes: [] };
  }
  if (typeof parsed !== 'object' || Array.isArray(parsed)) return refuse('front matter is not a key: value mapping');
  try {
    const { data, droppedKeys } = safeCopy(parsed as Record<string, unknown>);
    const notes = droppedKeys.map((key) => `dropped unsafe front-matter key "${key}"`);
    return { ok: true, format: block.format, data, body: block.body, notes };
  } catch (error) {
    if (error instanceof FrontMatterLimitError) return refuse(error.message);
    if (error instanceof RangeError) return refuse(`front matter nested too deeply (over ${LIMITS.maxDepth} levels)`);
    throw error;
  }
}
