// Which key a TOML syntax error belongs to. smol-toml reports where parsing stopped, which for a
// value left open (`paths = [` and no `]`, a string never closed) is a later line, often the end of
// the file or the next key's line: "config.toml:4: expected comma" next to `sort = 3` sends the
// user to the wrong key. This scanner follows the document's brackets and strings line by line
// (TOML 1.0: https://toml.io/en/v1.0.0) just far enough to say which key's value was open where
// parsing stopped, so the message names that key and the line it starts on.

/** The key a syntax error belongs to: its dotted name (with its table) and the line it starts on (1-based). */
export interface ErrorKey {
  key: string;
  line: number;
}

const KEY_LINE = /^\s*((?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*'))*)\s*=/;
const TABLE_LINE = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$/;

const unquote = (dotted: string): string =>
  dotted
    .split(/\s*\.\s*(?=(?:[^"']|"[^"]*"|'[^']*')*$)/)
    .map((part) => part.replace(/^["']|["']$/g, ''))
    .join('.');

// Bracket depth and open multi-line string after one line's value text; `cut`: a one-line string
// ran to the end of the line without its closing quote (TOML allows no line break in one).
export interface Scan {
  depth: number;
  multiline: '"""' | "'''" | null;
  cut?: boolean;
}

/**
 * Follows one line of a value's text from the state `from` (brackets open, a multi-line string
 * open), skipping strings and the comment; `opened` is told of each `[` or `{` opened, with the
 * depth it opens. Returns the state at the line's end (`cut`: the line ended inside a one-line string).
 */
export function scanValue(text: string, from: Scan, opened?: (bracket: '[' | '{', depth: number) => void): Scan {
  let { depth, multiline } = from;
  for (let i = 0; i < text.length; i++) {
    if (multiline) {
      if (text.startsWith(multiline, i)) {
        i += 2;
        multiline = null;
      }
      continue;
    }
    const c = text[i];
    if (c === '#') break;
    if (text.startsWith('"""', i) || text.startsWith("'''", i)) {
      multiline = text.slice(i, i + 3) as '"""' | "'''";
      i += 2;
    } else if (c === '"' || c === "'") {
      // A one-line string: skip to its end (escapes only in basic strings).
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += c === '"' && text[j] === '\\' ? 2 : 1;
      if (j >= text.length) return { depth, multiline, cut: true };
      i = j;
    } else if (c === '[' || c === '{') {
      depth++;
      opened?.(c, depth);
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return { depth, multiline };
}

/**
 * The key whose value was being read at `errorLine` (1-based) of `source`: the key of a value
 * still open from an earlier line (an array, inline table or multi-line string not closed), else
 * the key assigned on the error line itself; null when the line holds no key (a stray word, a
 * broken table header).
 */
export function keyAtError(source: string, errorLine: number): ErrorKey | null {
  const lines = source.split(/\r?\n/);
  let table = '';
  let open: ErrorKey | null = null;
  let scan: Scan = { depth: 0, multiline: null };
  for (let n = 1; n <= Math.min(errorLine, lines.length); n++) {
    const text = lines[n - 1];
    const stillOpen = scan.depth > 0 || scan.multiline !== null;
    if (n === errorLine) {
      if (stillOpen && open) return open;
      const m = KEY_LINE.exec(text);
      return m ? { key: (table ? `${table}.` : '') + unquote(m[1]), line: n } : null;
    }
    if (stillOpen) {
      scan = scanValue(text, scan);
      continue;
    }
    const header = TABLE_LINE.exec(text);
    if (header) {
      table = unquote(header[1]);
      open = null;
      continue;
    }
    const m = KEY_LINE.exec(text);
    if (!m) continue;
    open = { key: (table ? `${table}.` : '') + unquote(m[1]), line: n };
    scan = scanValue(text.slice(m[0].length), { depth: 0, multiline: null });
  }
  // The error is past the last line (the end of the file): a value still open there is the cause.
  return scan.depth > 0 || scan.multiline !== null ? open : null;
}

/**
 * Where the value assigned on line `line` (1-based) of `source` leaves a string open: `line` for a
 * one-line string whose closing quote is missing on its line (`theme = "dark` and nothing after,
 * or `"b` on a later line of an array still open), `multi-line` for a multi-line string (`"""` or
 * `'''`) never closed before the end of the file; with the line the string starts on. Null when
 * neither. smol-toml then reports the line break it reads into the string ("control characters
 * are not allowed in strings") or "unfinished string", not the missing quote.
 */
export function stringLeftOpen(source: string, line: number): { kind: 'line' | 'multi-line'; line: number } | null {
  const lines = source.split(/\r?\n/);
  const m = KEY_LINE.exec(lines[line - 1] ?? '');
  if (m === null) return null;
  let scan = scanValue((lines[line - 1] ?? '').slice(m[0].length), { depth: 0, multiline: null });
  let opened = scan.multiline !== null ? line : 0;
  for (let n = line; ; n++) {
    if (scan.cut === true) return { kind: 'line', line: n };
    if ((scan.depth === 0 && scan.multiline === null) || n >= lines.length) break;
    const before = scan.multiline;
    scan = scanValue(lines[n], { depth: scan.depth, multiline: scan.multiline });
    if (before === null && scan.multiline !== null) opened = n + 1;
  }
  return scan.multiline !== null ? { kind: 'multi-line', line: opened } : null;
}
