// An AsciiDoc document header atop a Markdown file (notes moved from Asciidoctor, Antora pages
// renamed `.md`): read as Asciidoctor reads it (docs.asciidoctor.org/asciidoc/latest/document/
// header, author-line, revision-line). The header is the contiguous lines at the start, after
// empty and `//` comment lines; the first empty line ends it. It opens with the document title,
// `= Title`; the line after the title, unless an attribute entry or comment, is the author line
// (`Name <email>`, authors separated by `;`), and the one after that the revision line (`v1.0,
// 2025-11-04: remark`: a revision number, `,` and the date, `:` and a remark; `v1.0` alone is a
// number only, a line without a comma or `v` a date only). Attribute entries (`:name: value`,
// `:name!:` unsets) follow; `:author:`, `:email:`, `:revdate:`, `:revnumber:`, `:description:`
// and `:keywords:` are taken as those fields. Without this such a file was titled by its name,
// dated by the file's time, and its header lines were the body's first paragraph.

const TITLE = /^=[ \t]+(\S.*)$/;
const COMMENT = /^\/\/(?!\/)/;
const ATTRIBUTE = /^:([A-Za-z0-9_][A-Za-z0-9_-]{0,39})(!?):(?:[ \t]+(.*))?$/;
const REVISION = /^(?:v?([^,\s]*\d[^,]*),[ \t]*)?([^:]*?)(?:[ \t]*:[ \t]*(.*))?$/;
const NUMBER_ONLY = /^v(\d\S*)$/;
const EMAIL = /[ \t]*<[^<>]*>$/;
// A header is a handful of lines; past this many it is not one.
const MAX_LINES = 60;
// Keys no data object of this program takes from a file (safe-data.ts drops them from YAML too).
const UNSAFE = new Set(['__proto__', 'constructor', 'prototype']);
const FIELDS: Record<string, string> = { author: 'author', email: 'email', revdate: 'date', revnumber: 'version', description: 'description', keywords: 'keywords' };

// The authors of an author line, their email addresses dropped.
const authorsOf = (line: string): string[] => line.split(';').map((a) => a.replace(EMAIL, '').trim()).filter(Boolean);

/** The AsciiDoc header at the start of `text` as data (title, authors, date, ...), and the body after it; null when it has none. */
export function readAsciidocHeader(text: string): { data: Record<string, unknown>; body: string } | null {
  const lines = text.split('\n', MAX_LINES + 1).map((l) => l.replace(/\r$/, ''));
  let i = 0;
  while (i < lines.length && (lines[i].trim() === '' || COMMENT.test(lines[i]))) i++;
  const title = TITLE.exec(lines[i] ?? '');
  if (!title) return null;
  const data: Record<string, unknown> = Object.create(null);
  data.title = title[1].trim();
  // The implicit lines: author, then revision, each only right after the one before.
  let implicit = 0;
  for (i++; i < lines.length && lines[i].trim() !== ''; i++) {
    const line = lines[i];
    if (i >= MAX_LINES) return null;
    if (COMMENT.test(line)) continue;
    const attr = ATTRIBUTE.exec(line);
    if (attr) {
      implicit = 2;
      const key = attr[1].toLowerCase();
      const field = FIELDS[key];
      if (!field || UNSAFE.has(key)) continue;
      if (attr[2] === '!') delete data[field];
      else if (attr[3]?.trim()) data[field] = field === 'author' ? authorsOf(attr[3]) : attr[3].trim();
      continue;
    }
    if (implicit === 0) data.author = authorsOf(line);
    else if (implicit === 1) {
      const number = NUMBER_ONLY.exec(line.trim());
      const rev = number ? null : REVISION.exec(line.trim());
      if (number) data.version = number[1];
      else if (rev) {
        if (rev[1]) data.version = rev[1];
        if (rev[2]) data.date = rev[2].trim();
      }
    } else return null;
    implicit++;
  }
  if (Array.isArray(data.author) && data.author.length === 0) delete data.author;
  const body = text.split('\n').slice(i).join('\n').replace(/^\r?\n/, '');
  return { data, body };
}
