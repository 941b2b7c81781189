// Finding where a key sits in a TOML file and what the user probably meant, so a config error
// can name the line and suggest the right key. TOML's own parser reports lines only for syntax
// errors; for keys that parse but mean nothing, the line is found by scanning the text.

import { scanValue, type Scan } from './toml-error-key.js';

/** A key's place: table names and array-of-table indexes, then the key (`['views', 1, 'sort']`). */
export type KeyPath = ReadonlyArray<string | number>;

const HEADER = /^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$/;

function bare(key: string): string {
  const t = key.trim();
  return /^".*"$|^'.*'$/.test(t) ? t.slice(1, -1) : t;
}

/**
 * The 1-based line where `path` is written in `source`; for a key its table lacks, that table's
 * header (`[[views]]` of a view with no name), or the line of its entry in an array of inline
 * tables (`views = [ {...}, {...} ]`); null when it cannot be told (dotted keys). Array-of-tables entries are counted (`[[views]]` index 1 is the
 * second such header).
 */
export function lineOf(source: string, path: KeyPath): number | null {
  const lines = source.split(/\r?\n/);
  const key = path[path.length - 1];
  const tablePath = path.slice(0, -1);
  const table = tablePath.filter((p): p is string => typeof p === 'string').join('.');
  const index = tablePath.find((p): p is number => typeof p === 'number') ?? 0;
  let current = '';
  let seen = -1;
  // The header of the table `path` is in: where a key missing from it (a view with no name) is told.
  let tableLine: number | null = null;
  for (let i = 0; i < lines.length; i++) {
    const header = HEADER.exec(lines[i]);
    if (header) {
      current = header[2].split('.').map(bare).join('.');
      if (header[1] === '[[' && current === table) seen += 1;
      else if (current === table) seen = 0;
      if (current === table && table !== '' && seen === index) tableLine = i + 1;
      // The header itself is where a table-valued key (`[keys]` holding the wrong type) lives.
      if (typeof key === 'string' && current === [...tablePath.filter((p) => typeof p === 'string'), key].join('.')) return i + 1;
      continue;
    }
    if (current !== table || (table !== '' && seen !== index)) continue;
    if (typeof key === 'number') continue;
    const m = /^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_+*?\-]+)\s*=/.exec(lines[i]);
    if (m && bare(m[1]) === key) return i + 1;
  }
  return tableLine ?? inlineEntryLine(lines, table, index);
}

/**
 * The 1-based line of entry `index` of an array of inline tables assigned at the top level
 * (`views = [ { name = "a" }, { query = "b" } ]`), where a key of that entry or its absence is
 * told: TOML 1.0 keeps an inline table on one line. Null when `name` is not assigned so.
 */
function inlineEntryLine(lines: readonly string[], name: string, index: number): number | null {
  if (name === '' || name.includes('.')) return null;
  const bareName = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const assigned = new RegExp(`^\\s*("${bareName}"|'${bareName}'|${bareName})\\s*=`);
  const start = lines.findIndex((line) => assigned.test(line));
  if (start < 0 || lines.slice(0, start).some((line) => HEADER.test(line))) return null;
  let scan: Scan = { depth: 0, multiline: null };
  let entries = -1;
  for (let n = start; n < lines.length; n++) {
    const text = n === start ? lines[n].slice(lines[n].indexOf('=') + 1) : lines[n];
    let found = false;
    scan = scanValue(text, { depth: scan.depth, multiline: scan.multiline }, (bracket, depth) => void (bracket === '{' && depth === 2 && ++entries === index && (found = true)));
    if (found) return n + 1;
    if (scan.depth === 0) return null;
  }
  return null;
}

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const keep = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = keep;
    }
  }
  return prev[b.length];
}

/** The candidate closest to `word` (edit distance at most a third of its length, min 2), else null. */
export function didYouMean(word: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestD = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = distance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}
