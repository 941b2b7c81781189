// Obsidian's inline tags: `#bitcoin` written in a note's text is a tag of the note, as a tag in
// its properties is (help.obsidian.md/Editing+and+formatting/Tags). Without this an Obsidian
// vault's tags were only those of the front matter, and `tag:bitcoin` missed most notes.
//
// Obsidian's rule: a `#` at a word's start (the line's start or after a space), then letters,
// digits, `_`, `-` and `/` (nested tags, `#crypto/defi`), with at least one that is not a digit:
// `#123` is an issue's number, not a tag, and `#️⃣` an emoji. Never a tag: a heading (`# Title`, `## Part`: a space
// after the marks), `C#`, `#` in an address (`https://x.com/#top`, `[a](#part)`), in code (fenced,
// indented, spans), in HTML tags (`color: #ff0000` in a style), in comments (`<!-- -->`, `%%`).
// The text is left as written: Obsidian shows inline tags where they stand.

// A tag after the line's start or a space; its characters are Obsidian's. Its first is no mark:
// `#️⃣` (`#`, U+FE0F, U+20E3) is the keycap emoji, found by a tester as an empty-looking tag.
const TAG = /(?<=^|[ \t\u00a0])#([\p{L}\p{N}_/-][\p{L}\p{N}\p{M}_/-]*)/gmu;
// Digits alone (`#123`, `#2025`) and a digit's keycap (`#1️⃣`) are no tags: a tag holds a letter.
const NO_LETTER = /^[^\p{L}]*$/u;
// A CSS colour in prose (`#f7931a`, `#fff`) is no tag: hex digits with a digit among them.
const HEX_COLOUR = /^(?=.*\d)(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
// Obsidian's tags are short; a page of `#` words is not hundreds of tags.
const MAX_TAGS = 32;
const MAX_LENGTH = 64;
// Code and markup the tags are never read from, replaced by spaces before the tags are read:
// fenced blocks (``` or ~~~, closed by the same fence or the end), HTML tags, Liquid's highlight
// blocks, and anything in braces on a line: kramdown's and Pandoc's attributes (`{: .note
// #what-changes}`, `{#id .class}`), Liquid, shortcodes, MDX expressions. Comments, code spans and
// indented code are found by the loops below, in one pass each (a regular expression would look
// for the end of every unclosed `<!--` or backtick again and again: seconds on a hostile file).
const HIDDEN =
  /^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^ {0,3}\1[`~]*[ \t]*$|(?![\s\S]))|\{%-?\s*highlight\b[^%]*%\}(?:(?!\{%)[\s\S])*\{%-?\s*endhighlight\s*-?%\}|<[A-Za-z/][^<>\n]*>|\{[^{}\n]*\}/gm;
// Tags are read from a body's first 100k characters: a note's tags are not further on than that,
// and a huge file costs no more than a big one.
const MAX_SCAN = 100_000;
const BACKTICKS = /`+/g;
const LIST_ITEM = /^ {0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;
const INDENTED = /^(?: {4}|\t)/;

const blank = (text: string): string => text.replace(/[^\n]/g, ' ');

// `text` with what lies between each `open` and the next `close` blanked (both included); an
// `open` with no `close` after it is text, and so is everything after it.
function withoutBetween(text: string, open: string, close: string): string {
  let at = text.indexOf(open);
  if (at < 0) return text;
  let out = '';
  let done = 0;
  while (at >= 0) {
    const end = text.indexOf(close, at + open.length);
    if (end < 0) break;
    out += text.slice(done, at) + blank(text.slice(at, end + close.length));
    done = end + close.length;
    at = text.indexOf(open, done);
  }
  return out + text.slice(done);
}

// `text` with its code spans blanked: a run of backticks up to the next run of the same length (CommonMark).
function withoutSpans(text: string): string {
  const runs = [...text.matchAll(BACKTICKS)].map((m) => [m.index, m[0].length] as const);
  if (runs.length < 2) return text;
  // Each run's next run of the same length (-1: none), found in one pass from the end.
  const next = new Array<number>(runs.length);
  const lastOf = new Map<number, number>();
  for (let i = runs.length - 1; i >= 0; i--) {
    next[i] = lastOf.get(runs[i][1]) ?? -1;
    lastOf.set(runs[i][1], i);
  }
  let out = '';
  let done = 0;
  for (let i = 0; i < runs.length; i++) {
    const [at, length] = runs[i];
    const j = next[i];
    if (at < done || j < 0) continue;
    const end = runs[j][0] + length;
    out += text.slice(done, at) + blank(text.slice(at, end));
    done = end;
    i = j;
  }
  return out + text.slice(done);
}

// `text` with its indented code blanked: lines of four spaces or a tab after a blank line (and
// those after them), unless they continue a list item, whose indented lines are its own text.
function withoutIndentedCode(text: string): string {
  const lines = text.split('\n');
  let afterBlank = true;
  let inCode = false;
  let inList = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') {
      afterBlank = true;
      continue;
    }
    if (INDENTED.test(line)) {
      inCode = inCode || (afterBlank && !inList);
      if (inCode) lines[i] = blank(line);
    } else {
      inCode = false;
      inList = LIST_ITEM.test(line) || (inList && !afterBlank);
    }
    afterBlank = false;
  }
  return lines.join('\n');
}

// Whether the `#` at `at` may start a tag: at a word's start, before a tag's character.
function mayStartTag(text: string, at: number): boolean {
  const before = at === 0 ? 32 : text.charCodeAt(at - 1);
  if (before !== 32 && before !== 9 && before !== 10 && before !== 0xa0) return false;
  const next = text.charCodeAt(at + 1);
  // ASCII letters, digits and `_` (a tag of digits alone is sorted out later); anything past ASCII may be a letter.
  return (next >= 48 && next <= 57) || (next >= 65 && next <= 90) || (next >= 97 && next <= 122) || next === 95 || next > 127;
}

// `body` with its code, comments and HTML tags blanked out.
function readable(body: string): string {
  const comments = withoutBetween(withoutBetween(body, '<!--', '-->'), '%%', '%%');
  const text = withoutSpans(comments.replace(HIDDEN, blank));
  return text.includes('\n    ') || text.includes('\n\t') ? withoutIndentedCode(text) : text;
}

/** The inline `#tags` in a Markdown body, without their `#`, each once, in order of first use (at most 32); [] for none. */
export function bodyHashtags(body: string): string[] {
  // Most bodies have no `#` at a word's start before a letter: one indexOf per `#`, no copy.
  let at = body.indexOf('#');
  while (at >= 0 && !mayStartTag(body, at)) at = body.indexOf('#', at + 1);
  if (at < 0) return [];
  const out: string[] = [];
  for (const m of readable(body.length > MAX_SCAN ? body.slice(0, MAX_SCAN) : body).matchAll(TAG)) {
    // A nested tag's trailing `/` or `-` is punctuation after it (`#defi/`, `#eth-`).
    const tag = m[1].replace(/[/-]+$/, '');
    if (tag === '' || tag.length > MAX_LENGTH || NO_LETTER.test(tag) || HEX_COLOUR.test(tag) || out.includes(tag)) continue;
    out.push(tag);
    if (out.length === MAX_TAGS) break;
  }
  return out;
}
