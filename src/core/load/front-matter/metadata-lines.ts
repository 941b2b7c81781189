// Metadata written as the file's first lines, with no delimiters: MultiMarkdown's and
// Python-Markdown's `meta` form, which Pelican and MkDocs read (`Title: ...`, `Date: ...`,
// `Tags: a, b`, then a blank line). Without it such a post was titled by its file name, dated by
// the file's time and showed its metadata as the first paragraph.
//
// A body may start with a `Word: text` line too ("Update: the SEC approved..."), so the lines are
// metadata only when every line up to the first blank one is a `Key: value` line (or a value's
// continuation, indented four spaces or a tab, as Python-Markdown reads it) and one key is
// `title` or `date`. Keys are lower-cased, as Pelican does; values stay text, read per field later.
//
// Some files go straight from the lines to the article's heading (`Author: ...`, `Date: ...`,
// `# Title`, no blank line): MultiMarkdown reads its metadata up to the first line that is not
// one, so a heading ends the block too. A heading after a lone `Word: text` line is a body's
// (`Update: ...` then `## Details`), so such a block needs a title, or a date that reads as one.
//
// Logseq writes a page's properties the same way with two colons (`title:: ...`, `tags:: a, [[b]]`,
// `date:: [[Nov 4th, 2025]]`), and its outline's first block (`- ...`) may follow with no blank
// line. Two colons are Logseq's alone, so such a block ends at the first line that is not a
// property and needs no title or date; `[[page]]` references in a value are their page's name.

import { parseDate } from '../dates/dates.js';

const FIRST = /^[A-Za-z0-9_-]{1,40}[ \t]*:/;
const KEY_LINE = /^([A-Za-z0-9_-]{1,40})[ \t]*:(:?)[ \t]*(.*)$/;
const PAGE_REF = /\[\[([^\][\n]*)\]\]/g;
// Page properties Logseq and its users' templates write.
const LOGSEQ_NAMES = new Set(['title', 'tags', 'alias', 'date', 'author', 'type', 'public', 'description', 'source', 'url', 'created', 'updated', 'category', 'categories']);
const CONTINUATION = /^(?: {4}|\t)[ \t]*(\S.*)$/;
const MAX_LINES = 60;
// An ATX heading (`# Title`, `## Part`): CommonMark's, up to three spaces before the marks.
const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
// Keys no data object of this program takes from a file (safe-data.ts drops them from YAML too).
const UNSAFE = new Set(['__proto__', 'constructor', 'prototype']);

/** The metadata lines at the start of `text` as data, and the body after them; null when it has none. */
export function readMetadataLines(text: string): { data: Record<string, unknown>; body: string } | null {
  if (!FIRST.test(text)) return null;
  const data: Record<string, unknown> = Object.create(null);
  let key: string | null = null;
  let at = 0;
  let ended = false;
  let atHeading = false;
  // Logseq's `key:: value` (its first line says); null until the first line is read.
  let logseq: boolean | null = null;
  for (let n = 0; n < MAX_LINES && !ended; n++) {
    const end = text.indexOf('\n', at);
    const line = (end < 0 ? text.slice(at) : text.slice(at, end)).replace(/\r$/, '');
    if (line.trim() === '') {
      ended = true;
      break;
    }
    if (n > 0 && HEADING.test(line)) {
      ended = atHeading = true;
      break;
    }
    const m = KEY_LINE.exec(line);
    logseq ??= m !== null && m[2] === ':';
    if (logseq && (m === null || m[2] !== ':')) {
      ended = true;
      break;
    }
    const more = m || logseq ? null : CONTINUATION.exec(line);
    if (m && UNSAFE.has(m[1].toLowerCase())) return null;
    if (m) {
      key = m[1].toLowerCase();
      data[key] = logseq ? m[3].replace(PAGE_REF, '$1').trim() : m[3].trim();
    } else if (more && key !== null) data[key] = `${String(data[key])} ${more[1].trim()}`.trim();
    else return null;
    if (end < 0) {
      at = text.length;
      ended = true;
    } else at = end + 1;
  }
  if (logseq && at > 0) {
    // One line of an unknown name above prose (`Note:: ...`) may be the author's text: a block of
    // Logseq's is two lines or more, a name of its own, or lines above its outline (`- ...`).
    const body = text.slice(at).replace(/^\r?\n/, '');
    const names = Object.keys(data);
    if (names.length < 2 && !LOGSEQ_NAMES.has(names[0]) && !/^[ \t]*- /.test(body)) return null;
    return { data, body };
  }
  if (!ended || (!('title' in data) && !('date' in data))) return null;
  if (atHeading && !('title' in data) && parseDate(data.date) === null) return null;
  // Pelican's `Authors: a, b` names several (its `Status: draft` is read as every status is: load/flags.ts).
  if (typeof data.authors === 'string') data.authors = data.authors.split(',').map((a) => a.trim()).filter(Boolean);
  const body = text.slice(at).replace(/^\r?\n/, '');
  return { data, body };
}
