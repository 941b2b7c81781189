// A fast path for the YAML front matter nearly every feed writes: `key: value` lines, nested
// maps by indentation, block lists of scalars, one-line flow lists, and one-line quoted strings.
// js-yaml reads such a block in 25-30 us; this reads it in a few, which is a quarter of a cold
// load's parse (BENCHMARKS.md, cold start).
//
// It gives exactly what js-yaml's `load` with the AS_WRITTEN schema of engines.ts gives, or
// nothing: plain scalars stay strings as written, `~`/`null`/`Null`/`NULL` and empty values are
// null, a repeated key replaces the earlier value (`json: true`). Anything outside the shapes above
// (anchors, aliases, tags, block scalars, multi-line scalars, escapes in double quotes, flow maps,
// comments after a value, tabs, trailing spaces, control characters, deep nesting, keys other than
// plain words) returns undefined and the caller hands the block to js-yaml, so a file's fields
// never depend on which path read them. tests/core/load/front-matter/simple-yaml.test.ts holds the
// two paths equal over every fixture, the generated corpus's shape and generated documents.

// The block's non-blank, non-comment lines, as offsets into its source: line k's text (after its
// indentation) is source.slice(starts[k], ends[k]) and its indentation indents[k] spaces. No
// object nor string per line: most lines' text is only looked at, and only their keys and values
// are cut out of the source.
interface Cursor {
  source: string;
  starts: number[];
  ends: number[];
  indents: number[];
  pos: number;
  shape: SimpleShape;
}

/**
 * What safe-data.ts's safeCopy counts in a document, as parseSimpleYaml found it: values
 * (`nodes`, the root mapping included), keys across all maps, the deepest container (the root
 * mapping is 0), and whether a key is one safeCopy drops (`constructor`, `prototype`; `__proto__`
 * is never read here). The simple shapes have no aliases, so within the limits and without such a
 * key safeCopy would return the same data.
 */
export interface SimpleShape {
  nodes: number;
  keys: number;
  depth: number;
  protoKey: boolean;
}

/** A fresh SimpleShape to pass to parseSimpleYaml. */
export const emptyShape = (): SimpleShape => ({ nodes: 0, keys: 0, depth: 0, protoKey: false });

/** Returned by the readers below when the full parser must decide. */
const GIVE_UP: unique symbol = Symbol('give up');
type Value = string | null | Value[] | { [key: string]: Value };

// Characters js-yaml refuses or treats specially (control characters, BOM, a lone surrogate,
// tabs, CR and the Unicode line breaks): any of them sends the block to js-yaml. A surrogate
// pair (an emoji in a title) is an ordinary character.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/;
const SURROGATE = /[\ud800-\udfff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const KEY = /^[A-Za-z_][A-Za-z0-9_-]{0,127}$/;
// What readScalar refuses in a plain scalar, in one native pass: an indicator first (YAML 1.2,
// 7.3.3; `-` is allowed before a non-space), `: ` (a mapping), ` #` (a comment) or a trailing `:` (a key).
const NOT_PLAIN = /^(?:[?:,[\]{}#&*!|>'"%@`]|-(?: |$))|: | #|:$/;
// Deeper than the loader accepts anyway (LIMITS.maxDepth): let js-yaml and safeCopy refuse it.
const MAX_DEPTH = 32;

/** Whether `source` holds a character that sends a block to js-yaml whatever its shape (UNSAFE_CHARS, a lone surrogate). */
export const hasUnsafeChars = (source: string): boolean => UNSAFE_CHARS.test(source) || (SURROGATE.test(source) && LONE_SURROGATE.test(source));

/** Whether `key` (a mapping key as written, before its colon) is one the simple shapes read, other than `__proto__`. */
export const isSimpleKey = (key: string): boolean => KEY.test(key) && key !== '__proto__';

/** A one-line scalar (`text`: the value after `key: ` or `- `) as parseSimpleYaml reads it; undefined when js-yaml must. */
export function scalarAsWritten(text: string): string | null | undefined {
  const value = readScalar(text, false);
  return value === GIVE_UP ? undefined : (value as string | null);
}

/** The block parsed, when it is one of the simple shapes; undefined when js-yaml must read it. */
export function parseSimpleYaml(source: string, shape: SimpleShape = emptyShape()): Record<string, Value> | undefined {
  if (hasUnsafeChars(source)) return undefined;
  const starts: number[] = [];
  const ends: number[] = [];
  const indents: number[] = [];
  let start = 0;
  while (start < source.length) {
    let end = source.indexOf('\n', start);
    if (end === -1) end = source.length;
    let i = start;
    while (i < end && source.charCodeAt(i) === 32) i++;
    if (i < end && source.charCodeAt(i) !== 35 /* # */) {
      // Trailing spaces: plain scalars drop them, quoted ones may not; not worth the cases.
      if (source.charCodeAt(end - 1) === 32) return undefined;
      starts.push(i);
      ends.push(end);
      indents.push(i - start);
    }
    start = end + 1;
  }
  if (starts.length === 0 || indents[0] !== 0) return undefined;
  const cursor: Cursor = { source, starts, ends, indents, pos: 0, shape };
  const map = readMapping(cursor, 0, 0);
  if (map === GIVE_UP || cursor.pos !== starts.length) return undefined;
  return map;
}

// Where the next line (c.pos) stands against a block's indentation: at it (a line of the block),
// past the block (no line left, or one less indented), or deeper (no simple shape has that).
const AT = 0;
const ENDED = 1;
const DEEPER = 2;
function place(c: Cursor, indent: number): number {
  if (c.pos >= c.starts.length || c.indents[c.pos] < indent) return ENDED;
  return c.indents[c.pos] > indent ? DEEPER : AT;
}

// Whether line k's text is `-` alone or starts with `- ` (a block list's item).
function isItem(c: Cursor, k: number): boolean {
  const at = c.starts[k];
  return c.source.charCodeAt(at) === 45 /* - */ && (at + 1 === c.ends[k] || c.source.charCodeAt(at + 1) === 32);
}

function readMapping(c: Cursor, indent: number, depth: number): { [key: string]: Value } | typeof GIVE_UP {
  if (depth > MAX_DEPTH) return GIVE_UP;
  container(c.shape, depth);
  const out: { [key: string]: Value } = Object.create(null);
  const { source } = c;
  for (let at = place(c, indent); at !== ENDED; at = place(c, indent)) {
    if (at === DEEPER) return GIVE_UP;
    const start = c.starts[c.pos];
    const end = c.ends[c.pos];
    const colon = source.indexOf(':', start);
    if (colon <= start || colon >= end) return GIVE_UP;
    const key = source.slice(start, colon);
    if (!isSimpleKey(key)) return GIVE_UP;
    c.shape.keys += 1;
    if (key === 'constructor' || key === 'prototype') c.shape.protoKey = true;
    c.pos++;
    let value: Value | typeof GIVE_UP;
    if (colon === end - 1) {
      value = readNested(c, indent, depth);
    } else {
      if (source.charCodeAt(colon + 1) !== 32) return GIVE_UP;
      let from = colon + 2;
      while (source.charCodeAt(from) === 32) from++;
      value = readScalarOrFlow(source.slice(from, end), c.shape, depth + 1);
    }
    if (value === GIVE_UP) return GIVE_UP;
    out[key] = value;
  }
  return out;
}

// The value of `key:` with nothing after it: a block list (which may sit at the key's own
// indentation), a nested map (deeper), or null.
function readNested(c: Cursor, parentIndent: number, depth: number): Value | typeof GIVE_UP {
  if (c.pos >= c.starts.length) return scalarNode(c.shape, null);
  const nextIndent = c.indents[c.pos];
  if (isItem(c, c.pos) && nextIndent >= parentIndent) return readSequence(c, nextIndent, depth + 1);
  if (nextIndent > parentIndent) return readMapping(c, nextIndent, depth + 1);
  return scalarNode(c.shape, null);
}

function readSequence(c: Cursor, indent: number, depth: number): Value[] | typeof GIVE_UP {
  if (depth > MAX_DEPTH) return GIVE_UP;
  container(c.shape, depth);
  const out: Value[] = [];
  const { source } = c;
  for (let at = place(c, indent); at !== ENDED; at = place(c, indent)) {
    if (at === DEEPER) return GIVE_UP;
    const start = c.starts[c.pos];
    const end = c.ends[c.pos];
    if (end - start === 1 && source.charCodeAt(start) === 45 /* - */) return GIVE_UP;
    if (!isItem(c, c.pos)) break;
    let from = start + 2;
    while (source.charCodeAt(from) === 32) from++;
    const value = readScalarOrFlow(source.slice(from, end), c.shape, depth + 1);
    if (value === GIVE_UP) return GIVE_UP;
    out.push(value);
    c.pos++;
  }
  return out;
}

// A container at `depth` counted as one value (safeCopy counts every value it copies).
function container(shape: SimpleShape, depth: number): void {
  shape.nodes += 1;
  if (depth > shape.depth) shape.depth = depth;
}

// A scalar counted as one value, as itself.
function scalarNode<T>(shape: SimpleShape, value: T): T {
  shape.nodes += 1;
  return value;
}

// A value on one line at `depth`: a one-line flow list, a quoted string or a plain scalar.
function readScalarOrFlow(text: string, shape: SimpleShape, depth: number): Value | typeof GIVE_UP {
  if (text.charCodeAt(0) === 91 /* [ */) {
    container(shape, depth);
    const list = readFlowList(text);
    if (list !== GIVE_UP) shape.nodes += list.length;
    return list;
  }
  return scalarNode(shape, readScalar(text, false));
}

function readScalar(text: string, inFlow: boolean): Value | typeof GIVE_UP {
  const first = text.charCodeAt(0);
  if (first === 39 /* ' */) return singleQuoted(text);
  if (first === 34 /* " */) return doubleQuoted(text);
  // `: ` would make a mapping, ` #` a comment; a trailing `:` a key.
  if (text === '' || NOT_PLAIN.test(text)) return GIVE_UP;
  if (inFlow && /[[\]{},:]/.test(text)) return GIVE_UP;
  // The only implicit type the AS_WRITTEN schema resolves besides merge keys.
  if (text === '~' || text === 'null' || text === 'Null' || text === 'NULL') return null;
  return text;
}

// 'text' with '' for a quote, closed at the end of the line.
function singleQuoted(text: string): string | typeof GIVE_UP {
  if (text.length < 2 || text.charCodeAt(text.length - 1) !== 39) return GIVE_UP;
  const inner = text.slice(1, -1);
  let at = inner.indexOf("'");
  if (at === -1) return inner;
  while (at !== -1) {
    if (inner.charCodeAt(at + 1) !== 39) return GIVE_UP;
    at = inner.indexOf("'", at + 2);
  }
  return inner.replaceAll("''", "'");
}

// "text" without escapes, closed at the end of the line.
function doubleQuoted(text: string): string | typeof GIVE_UP {
  if (text.length < 2 || text.charCodeAt(text.length - 1) !== 34) return GIVE_UP;
  const inner = text.slice(1, -1);
  if (inner.includes('"') || inner.includes('\\')) return GIVE_UP;
  return inner;
}

// `[a, 'b', "c"]` on one line: scalars only, no empty item, no trailing comma.
function readFlowList(text: string): Value[] | typeof GIVE_UP {
  if (text.charCodeAt(text.length - 1) !== 93 /* ] */) return GIVE_UP;
  const out: Value[] = [];
  const end = text.length - 1;
  let p = 1;
  const skipSpaces = (): void => {
    while (text.charCodeAt(p) === 32) p++;
  };
  skipSpaces();
  if (p === end) return out;
  for (;;) {
    let itemEnd: number;
    const q = text.charCodeAt(p);
    if (q === 39 || q === 34) {
      itemEnd = quotedEnd(text, p, end);
      if (itemEnd === -1) return GIVE_UP;
    } else {
      itemEnd = text.indexOf(',', p);
      if (itemEnd === -1 || itemEnd > end) itemEnd = end;
      while (itemEnd > p && text.charCodeAt(itemEnd - 1) === 32) itemEnd--;
    }
    const value = readScalar(text.slice(p, itemEnd), true);
    if (value === GIVE_UP) return GIVE_UP;
    out.push(value);
    p = itemEnd;
    skipSpaces();
    if (p === end) return out;
    if (text.charCodeAt(p) !== 44 /* , */) return GIVE_UP;
    p++;
    skipSpaces();
    if (p >= end) return GIVE_UP;
  }
}

// The index after the quoted item starting at `p` (before `end`), or -1.
function quotedEnd(text: string, p: number, end: number): number {
  const q = text.charCodeAt(p);
  for (let i = p + 1; i < end; i++) {
    if (text.charCodeAt(i) !== q) continue;
    if (q === 39 && text.charCodeAt(i + 1) === 39) {
      i++;
      continue;
    }
    return i + 1;
  }
  return -1;
}
