// TOML front matter's scalars as the author wrote them. TOML types every unquoted value: Hugo
// writes `title = 2025-11-04T10:30:00Z` or `tags = [2026-01-15, 1.50]`, and smol-toml hands back
// a Date and the number 1.5, so the title is lost and the tag loses its zero. YAML front matter is
// read with a schema that leaves plain scalars as written and each field converts its own value
// (engines.ts, normalise.ts); this gives TOML's root table the same shape: every non-string
// scalar at the top level (and in `[params]` and `[extra]`, where Hugo and Zola keep a page's own
// fields), alone or in an array, is replaced by its source text. Date fields
// then read `2025-11-04T10:30:00Z` as text (load/dates/dates.ts), numeric fields read `0.7`, flags
// read `true` (load/flags.ts), and text fields keep `2025-11-04T10:30:00Z` and `1.50`.
//
// The source is scanned only to find each root key's value text; smol-toml has already checked
// the document and built the values. Anything this scanner does not follow (a dotted key, an
// escape in a quoted key, a nested array) leaves that value as smol-toml built it, and a scan
// that loses its way stops and leaves the rest as built: never worse than before.

/** A value's source text: a bare scalar's text, or an array's elements' (null for strings and structures). */
interface Scanned {
  end: number;
  raw: string | null;
  items: (string | null)[] | null;
}

const BARE_KEY = /[A-Za-z0-9_-]+/y;
// A bare value ends at whitespace, a separator, a closing bracket or a comment.
const BARE_VALUE = /[^\s,\]}#]+/y;
// TOML allows a space between the date and the time of a date-time (`2025-11-04 10:30:00Z`).
const SPACED_TIME = / \d{2}:\d{2}[^\s,\]}#]*/y;

function skipSpace(s: string, p: number): number {
  while (s[p] === ' ' || s[p] === '\t') p += 1;
  return p;
}

// Spaces, line ends and comments: what may sit between array elements.
function skipBlank(s: string, p: number): number {
  for (;;) {
    p = skipSpace(s, p);
    if (s[p] === '\r' || s[p] === '\n') p += 1;
    else if (s[p] === '#') p = lineEnd(s, p);
    else return p;
  }
}

function lineEnd(s: string, p: number): number {
  const nl = s.indexOf('\n', p);
  return nl === -1 ? s.length : nl;
}

function escaped(s: string, at: number): boolean {
  let n = 0;
  while (s[at - 1 - n] === '\\') n += 1;
  return n % 2 === 1;
}

/** The index after a quoted string starting at `p`, or -1. */
function quotedEnd(s: string, p: number): number {
  const q = s[p];
  const triple = s.startsWith(q.repeat(3), p);
  if (triple) {
    let from = p + 3;
    for (;;) {
      const at = s.indexOf(q.repeat(3), from);
      if (at === -1) return -1;
      if (q === '"' && escaped(s, at)) {
        from = at + 1;
        continue;
      }
      let end = at + 3;
      // Up to two quotes of the content may sit right before the closing three.
      while (s[end] === q && end - at < 5) end += 1;
      return end;
    }
  }
  for (let i = p + 1; i < s.length; i += 1) {
    if (s[i] === '\n') return -1;
    if (s[i] === q && (q === "'" || !escaped(s, i))) return i + 1;
  }
  return -1;
}

function scanValue(s: string, p: number): Scanned | null {
  const c = s[p];
  if (c === '"' || c === "'") {
    const end = quotedEnd(s, p);
    return end === -1 ? null : { end, raw: null, items: null };
  }
  if (c === '[') {
    const items: (string | null)[] = [];
    p = skipBlank(s, p + 1);
    while (s[p] !== ']') {
      const item = scanValue(s, p);
      if (item === null) return null;
      items.push(item.items === null ? item.raw : null);
      p = skipBlank(s, item.end);
      if (s[p] === ',') p = skipBlank(s, p + 1);
      else if (s[p] !== ']') return null;
    }
    return { end: p + 1, raw: null, items };
  }
  if (c === '{') {
    p = skipSpace(s, p + 1);
    while (s[p] !== '}') {
      const key = scanKey(s, p);
      if (key === null || s[key.end] !== '=') return null;
      const value = scanValue(s, skipSpace(s, key.end + 1));
      if (value === null) return null;
      p = skipSpace(s, value.end);
      if (s[p] === ',') p = skipSpace(s, p + 1);
      else if (s[p] !== '}') return null;
    }
    return { end: p + 1, raw: null, items: null };
  }
  BARE_VALUE.lastIndex = p;
  const m = BARE_VALUE.exec(s);
  if (!m) return null;
  let end = p + m[0].length;
  if (/^\d{4}-\d{2}-\d{2}$/.test(m[0])) {
    SPACED_TIME.lastIndex = end;
    const time = SPACED_TIME.exec(s);
    if (time) end += time[0].length;
  }
  return { end, raw: s.slice(p, end), items: null };
}

/** A key (bare, quoted or dotted) at `p`: its name when it is one plain part, and the index after it and its spaces. */
function scanKey(s: string, p: number): { name: string | null; end: number } | null {
  const parts: (string | null)[] = [];
  for (;;) {
    if (s[p] === '"' || s[p] === "'") {
      const end = quotedEnd(s, p);
      if (end === -1 || s.startsWith(s[p].repeat(3), p)) return null;
      const inner = s.slice(p + 1, end - 1);
      parts.push(s[p] === '"' && inner.includes('\\') ? null : inner);
      p = end;
    } else {
      BARE_KEY.lastIndex = p;
      const m = BARE_KEY.exec(s);
      if (!m) return null;
      parts.push(m[0]);
      p += m[0].length;
    }
    p = skipSpace(s, p);
    if (s[p] !== '.') break;
    p = skipSpace(s, p + 1);
  }
  return { name: parts.length === 1 ? parts[0] : null, end: p };
}

const isTyped = (v: unknown): boolean => typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' || v instanceof Date;

function replace(table: Record<string, unknown>, name: string, value: Scanned): void {
  if (!Object.prototype.hasOwnProperty.call(table, name)) return;
  const current = table[name];
  if (isTyped(current) && value.raw !== null) {
    table[name] = value.raw;
  } else if (Array.isArray(current) && value.items !== null && value.items.length === current.length) {
    table[name] = current.map((item, i) => (isTyped(item) && value.items![i] !== null ? value.items![i] : item));
  }
}

// Tables whose scalars get their text too: a page's own fields (load/fields/site-params.ts).
const FIELD_TABLES = new Set(['params', 'extra']);

const isTable = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !isTyped(v);

// The `key = value` lines from `p` to the next `[` header (its index) or the end (-1), each typed
// scalar replaced in `table` when one is given; -1 too when the scan loses its way.
function scanPairs(source: string, p: number, table: Record<string, unknown> | null): number {
  for (;;) {
    p = skipBlank(source, p);
    if (p >= source.length) return -1;
    if (source[p] === '[') return p;
    const key = scanKey(source, p);
    if (key === null || source[key.end] !== '=') return -1;
    const value = scanValue(source, skipSpace(source, key.end + 1));
    if (value === null) return -1;
    if (key.name !== null && table !== null) replace(table, key.name, value);
    p = skipSpace(source, value.end);
    if (source[p] === '#') p = lineEnd(source, p);
    if (p < source.length && source[p] !== '\n' && source[p] !== '\r') return -1;
  }
}

/**
 * Replaces, in `table` (what smol-toml parsed from `source`), every number, boolean and date of
 * the root table and of the `[params]` and `[extra]` tables (Hugo's and Zola's place for a page's
 * own fields), alone or in an array, by its text in `source`. Mutates `table`; never throws.
 */
export function rootScalarsAsWritten(source: string, table: Record<string, unknown>): void {
  let p = scanPairs(source, 0, table);
  // Each `[name]` header (an array of tables' `[[name]]` ends the scan): its pairs are read past,
  // and given their text in a field table.
  while (p !== -1 && source[p + 1] !== '[') {
    const key = scanKey(source, skipSpace(source, p + 1));
    if (key === null || source[key.end] !== ']') return;
    const inner = key.name !== null && FIELD_TABLES.has(key.name) ? table[key.name] : null;
    p = skipSpace(source, key.end + 1);
    if (source[p] === '#') p = lineEnd(source, p);
    if (p < source.length && source[p] !== '\n' && source[p] !== '\r') return;
    p = scanPairs(source, p, isTable(inner) ? inner : null);
  }
}
