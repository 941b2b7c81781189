// The part of a Markdown link a reader does not see, read as markup between words by the search
// fold (fold.ts, rule 3). `[first spot](https://example.com/x) etf` shows `first spot etf`, and
// `[first spot][1] etf` and `![first spot](chart.png) etf` the same, so the phrase
// `"first spot etf"` must find them: after a `]`, an inline link's destination and title
// (`(url "title")`) or a reference link's label (`[1]`, `[]`) belong to the gap that follows.
// One reader for both sides of a search: foldText's strings (UTF-16 units) and bodies' folded
// UTF-8 bytes (phrase-bytes.ts), through `unit(i)`. The syntax is ASCII, and every other unit or
// byte is read alike (part of a destination or a title), so both read the same tails.

const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const BACKSLASH = 0x5c;
const LESS = 0x3c;
const GREATER = 0x3e;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
// CommonMark's limit on a reference label; past it `[a][...]` is no reference.
const MAX_LABEL = 999;
// Nested parentheses a destination may hold (CommonMark asks for at least 32).
const MAX_DEPTH = 32;

/** Unit (or byte) `i` of the text being read, for i < its length. */
export type UnitAt = (i: number) => number;

// The first index from `i` that is not a space or a tab (CommonMark's optional whitespace around
// a destination and a title). CommonMark allows a line break there too; a tail is read on one
// line, which lets the phrase check read a line's runs from its start (phrase-bytes.ts).
function skipBlank(unit: UnitAt, n: number, i: number): number {
  while (i < n) {
    const c = unit(i);
    if (c !== 0x20 && c !== 0x09) break;
    i++;
  }
  return i;
}

// Past a destination starting at `i`: `<...>` (no line end nor `<` inside), or a run with no
// space or control character and balanced parentheses; -1 when none is there.
function destinationEnd(unit: UnitAt, n: number, i: number): number {
  if (i < n && unit(i) === LESS) {
    for (let k = i + 1; k < n; k++) {
      const c = unit(k);
      if (c === BACKSLASH) k++;
      else if (c === GREATER) return k + 1;
      else if (c === LINE_FEED || c === CARRIAGE_RETURN || c === LESS) return -1;
    }
    return -1;
  }
  let depth = 0;
  let k = i;
  for (; k < n; k++) {
    const c = unit(k);
    if (c <= 0x20) break;
    if (c === BACKSLASH) k++;
    else if (c === OPEN_PAREN) {
      if (++depth > MAX_DEPTH) return -1;
    } else if (c === CLOSE_PAREN) {
      if (depth === 0) break;
      depth--;
    }
  }
  return depth === 0 ? Math.min(k, n) : -1;
}

// Past a title starting at `i` (`"..."`, `'...'` or `(...)`, on one line); -1 when none is there.
// A tail holds no line break: one kept as written (no space after it) leaves none in a fold.
function titleEnd(unit: UnitAt, n: number, i: number): number {
  const open = unit(i);
  const close = open === OPEN_PAREN ? CLOSE_PAREN : open;
  if (open !== 0x22 && open !== 0x27 && open !== OPEN_PAREN) return -1;
  for (let k = i + 1; k < n; k++) {
    const c = unit(k);
    if (c === BACKSLASH) k++;
    else if (c === close) return k + 1;
    else if (c === LINE_FEED || c === CARRIAGE_RETURN) return -1;
  }
  return -1;
}

// Past an inline link's `(destination "title")` whose `(` is at `i`; -1 when it is not one.
function inlineEnd(unit: UnitAt, n: number, i: number): number {
  const start = skipBlank(unit, n, i + 1);
  const dest = destinationEnd(unit, n, start);
  if (dest < 0) return -1;
  let k = skipBlank(unit, n, dest);
  if (k > dest && k < n && unit(k) !== CLOSE_PAREN) {
    const title = titleEnd(unit, n, k);
    if (title < 0) return -1;
    k = skipBlank(unit, n, title);
  }
  return k < n && unit(k) === CLOSE_PAREN ? k + 1 : -1;
}

// Past a reference link's `[label]` (maybe empty) whose `[` is at `i`; -1 when it is not one.
function labelEnd(unit: UnitAt, n: number, i: number): number {
  const last = Math.min(n, i + 1 + MAX_LABEL + 1);
  for (let k = i + 1; k < last; k++) {
    const c = unit(k);
    if (c === BACKSLASH) k++;
    else if (c === CLOSE_BRACKET) return k + 1;
    else if (c === OPEN_BRACKET || c === LINE_FEED || c === CARRIAGE_RETURN) return -1;
  }
  return -1;
}

/**
 * Where the hidden tail of a link ends when the `]` at `at` closes a link's text: the index past
 * `](destination "title")` or `][label]`; -1 when no tail follows that `]`. `n` is the length.
 */
export function linkTailEnd(unit: UnitAt, n: number, at: number): number {
  if (at + 1 >= n) return -1;
  const next = unit(at + 1);
  if (next === OPEN_PAREN) return inlineEnd(unit, n, at + 1);
  if (next === OPEN_BRACKET) return labelEnd(unit, n, at + 1);
  return -1;
}
