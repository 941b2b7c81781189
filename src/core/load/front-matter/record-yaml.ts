// A cold load's YAML pass: the front-matter shape feeds write (`key: value` lines, one level of
// nested `key: value` maps, block lists of scalars) read in one scan that keeps only the keys an
// index record is made from and validates the rest without building them. The generated
// corpus's blocks hold ~32 values of which an ASCII file's record reads ~16 (a cover image's six
// URLs and the `ai` map are not among them); every value built was a string cut out of the
// source and an insertion into a dictionary-mode map.
//
// It answers only where parseSimpleYaml (simple-yaml.ts) answers, with the same values for the
// keys kept: the same unsafe-character test, key test and scalar reader, the same line rules
// (blank and comment lines skipped, trailing spaces refused), and a narrower set of shapes (no
// flow lists, no nesting below one level, no `key:` inside a nested map, no key that safeCopy
// would drop), so that the limits safeCopy enforces cannot be reached. Anything else returns
// undefined and the caller reads the block as before. tests/core/load/record-yaml.test.ts holds
// the records made either way equal.

import { hasUnsafeChars, isSimpleKey, scalarAsWritten } from './simple-yaml.js';

type Scalar = string | null;
type Kept = Scalar | Scalar[] | { [key: string]: Scalar };

// More lines than this go to the full parser: with at most two values a line, the node and key
// limits (LIMITS.maxFrontMatterNodes 10,000, maxKeys 2,000) stay out of reach.
const MAX_LINES = 900;

// The scan: `pos` the start of the line to look at next (the source's length once all is read),
// `lines` the content lines seen; the line found last: where its text starts (after the
// indentation) and ends (before its newline), its indentation, and where its value starts.
interface Scan {
  source: string;
  pos: number;
  lines: number;
  start: number;
  end: number;
  indent: number;
  valueFrom: number;
}

// Moves to the next content line (not blank, not a comment), setting start, end and indent; false at the end of the block, or when a line has trailing spaces (refused as
// simple-yaml.ts refuses them). `scan.pos` is left at the line, so a caller can look and not take it.
function nextLine(scan: Scan): boolean | undefined {
  const { source } = scan;
  while (scan.pos < source.length) {
    let end = source.indexOf('\n', scan.pos);
    if (end === -1) end = source.length;
    let i = scan.pos;
    while (i < end && source.charCodeAt(i) === 32) i++;
    if (i < end && source.charCodeAt(i) !== 35 /* # */) {
      if (source.charCodeAt(end - 1) === 32) return undefined;
      if (++scan.lines > MAX_LINES) return undefined;
      scan.start = i;
      scan.end = end;
      scan.indent = i - scan.pos;
      return true;
    }
    scan.pos = end + 1;
  }
  return false;
}

// The line just found taken: the scan moves past it.
const take = (scan: Scan): void => {
  scan.pos = scan.end + 1;
};

// Whether the line found is a block list's item (`- ` then its value; `-` alone is refused later).
const isItem = ({ source, start, end }: Scan): boolean => source.charCodeAt(start) === 45 /* - */ && (start + 1 === end || source.charCodeAt(start + 1) === 32);

// Keys found good before, so that each is tested once a thread, not once a line: a corpus's
// blocks repeat a few dozen keys (the test was ~8% of the scan). Bounded: odd keys of many
// files are tested each time, and so are long keys: V8 copies a slice of up to 12 characters, a
// longer one is a view that would keep its file's whole text alive.
const KEYS_READ = new Set<string>();
const KEYS_REMEMBERED = 512;
const KEY_COPIED = 12;

// The key of the line found (`key:` or `key: value`), or undefined when the line is not one; sets
// valueFrom to where its value starts (end for none).
function keyOf(scan: Scan): string | undefined {
  const { source, start, end } = scan;
  const colon = source.indexOf(':', start);
  if (colon <= start || colon >= end) return undefined;
  const key = source.slice(start, colon);
  // safeCopy drops these two (and keeps a note saying so): the full path decides.
  if (!KEYS_READ.has(key)) {
    if (!isSimpleKey(key) || key === 'constructor' || key === 'prototype') return undefined;
    if (KEYS_READ.size < KEYS_REMEMBERED && key.length <= KEY_COPIED) KEYS_READ.add(key);
  }
  if (colon === end - 1) {
    scan.valueFrom = end;
    return key;
  }
  if (source.charCodeAt(colon + 1) !== 32) return undefined;
  let from = colon + 2;
  while (source.charCodeAt(from) === 32) from++;
  scan.valueFrom = from;
  return key;
}

// The one-line scalar from `from` to the line's end; undefined when the full parser must read it
// (a flow list too: its items count towards safeCopy's limits).
function scalarAt({ source, end }: Scan, from: number): Scalar | undefined {
  if (source.charCodeAt(from) === 91 /* [ */) return undefined;
  return scalarAsWritten(source.slice(from, end));
}

/**
 * The block's values under the keys in `keep` (top-level keys; a kept nested map is kept whole),
 * as parseSimpleYaml would give them, in a null-prototype map; undefined when the block is not
 * of the shapes above and the full parser must read it. Keys not kept are checked, not built.
 */
export function readRecordYaml(source: string, keep: ReadonlySet<string>): Record<string, Kept> | undefined {
  if (hasUnsafeChars(source)) return undefined;
  const scan: Scan = { source, pos: 0, lines: 0, start: 0, end: 0, indent: 0, valueFrom: 0 };
  const out: Record<string, Kept> = Object.create(null);
  let any = false;
  for (let found = nextLine(scan); found !== false; found = nextLine(scan)) {
    if (found === undefined || scan.indent !== 0) return undefined;
    const key = keyOf(scan);
    if (key === undefined) return undefined;
    any = true;
    take(scan);
    const kept = keep.has(key);
    const value = scan.valueFrom < scan.end ? scalarAt(scan, scan.valueFrom) : nested(scan, kept);
    if (value === undefined) return undefined;
    if (kept) out[key] = value;
  }
  return any ? out : undefined;
}

// The value of a top-level `key:` with nothing after it: a block list of scalars (at the key's
// indentation or deeper), a map of `key: scalar` lines (deeper), or null. Built only when `build`;
// undefined when the full parser must read it.
function nested(scan: Scan, build: boolean): Kept | undefined {
  const { source } = scan;
  const found = nextLine(scan);
  if (found === undefined) return undefined;
  if (found === false || (scan.indent === 0 && !isItem(scan))) return null;
  const indent = scan.indent;
  if (isItem(scan)) {
    const list: Scalar[] | null = build ? [] : null;
    do {
      if (scan.indent !== indent) return scan.indent < indent ? list ?? null : undefined;
      if (!isItem(scan)) return indent === 0 ? list ?? null : undefined;
      if (scan.start + 1 === scan.end) return undefined;
      let from = scan.start + 2;
      while (source.charCodeAt(from) === 32) from++;
      const item = scalarAt(scan, from);
      if (item === undefined) return undefined;
      list?.push(item);
      take(scan);
    } while (nextLine(scan) === true);
    return scan.pos < source.length ? undefined : list ?? null;
  }
  const map: { [key: string]: Scalar } | null = build ? Object.create(null) : null;
  do {
    if (scan.indent !== indent) return scan.indent === 0 ? map ?? null : undefined;
    const key = keyOf(scan);
    if (key === undefined || scan.valueFrom === scan.end) return undefined;
    const value = scalarAt(scan, scan.valueFrom);
    if (value === undefined) return undefined;
    if (map !== null) map[key] = value;
    take(scan);
  } while (nextLine(scan) === true);
  return scan.pos < source.length ? undefined : map ?? null;
}
