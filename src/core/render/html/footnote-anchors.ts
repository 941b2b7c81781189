// How blog exports write footnotes in HTML, read so they show as Markdown's do (`[^1]` in the text,
// `[^1] The note.` for the note): Substack's anchors (`<a class="footnote-anchor">1</a>`) and notes
// (`<div class="footnote">` holding `<a class="footnote-number">1</a>` and the note's text),
// WordPress's (`<sup data-fn class="fn">`, `<ol class="wp-block-footnotes">`), Jetpack's
// (`<sup id="fnref-1"><a class="jetpack-footnote">`), Ghost's and markdown-it's (`<sup
// class="footnote-ref"><a>[1]</a></sup>`, `<li class="footnote-item">`), kramdown's and Pandoc's
// (`role="doc-noteref"`, `role="doc-endnote"`). Each note's back-link (`↩`) only leads back up
// the page: hidden. Before, a reference read `footnote1` or `^1`, a note `1` on a row of its own.
// Only a link within the page is read so: a link to an address stays a link.

type Attribs = Readonly<Record<string, string>>;

const classes = (a: Attribs): string[] => (a.class ?? '').toLowerCase().split(/\s+/).filter(Boolean);
const hasClass = (a: Attribs, names: readonly string[]): boolean => classes(a).some((c) => names.includes(c));
const role = (a: Attribs): string => (a.role ?? '').toLowerCase();

/** How a footnote's `<a>` reads: a reference in the text, the number heading its note (Substack's), a back-link from its note; null for any other link. */
export type NoteAnchor = 'reference' | 'number' | 'backlink';

/** Whether a `<sup>` wraps a footnote reference (its `^` is not shown: the reference reads `[^1]`). */
export function isNoteSup(a: Attribs): boolean {
  return 'data-fn' in a || /^fnref/i.test(a.id ?? '') || role(a) === 'doc-noteref' || hasClass(a, ['fn', 'footnote-ref']);
}

/** What an `<a>` is to footnotes; `inNoteSup`: inside a `<sup>` isNoteSup accepts; `inNote`: inside a note, where a link up the page is its back-link (WordPress's has no mark of its own). */
export function noteAnchor(a: Attribs, inNoteSup: boolean, inNote: boolean): NoteAnchor | null {
  if (!(a.href ?? '').trim().startsWith('#')) return null;
  if (hasClass(a, ['footnote-number'])) return 'number';
  if (role(a) === 'doc-backlink' || hasClass(a, ['footnote-backref', 'reversefootnote', 'footnote-back']) || /^#fnref/i.test(a.href.trim())) return 'backlink';
  if (inNoteSup || role(a) === 'doc-noteref' || (a.rel ?? '').toLowerCase() === 'footnote' || hasClass(a, ['footnote-anchor', 'footnote-ref', 'jetpack-footnote', 'footnote'])) return 'reference';
  return inNote ? 'backlink' : null;
}

/** A reference's or number's label as written (`1` of `1` or `[1]`); null when its text is no label (then it reads as written). */
export function noteLabel(text: string): string | null {
  const label = text.trim().replace(/^\[(.*)\]$/, '$1').trim();
  return /^[\p{L}\p{N}*†‡§_-]{1,8}$/u.test(label) ? label : null;
}

/** Whether a back-link's text is only the arrow back (`↩`, `↩︎`, `⤴`): then it shows nothing. */
export function isBackArrow(text: string): boolean {
  return /^[\s\u21a9\u21b5\u2191\u2934\ufe0e\ufe0f]+$/.test(text);
}

/** Whether a list holds footnotes (WordPress's, Ghost's, markdown-it's): its items read `[^1] The note.`. */
export function isNoteList(a: Attribs): boolean {
  return hasClass(a, ['wp-block-footnotes', 'footnotes-list', 'footnotes']);
}

/** Whether a list item is a footnote (Jetpack's `id="fn-1"`, kramdown's `fn:1`, Pandoc's `fn1`, `footnote-item`, `doc-endnote`). */
export function isNoteItem(a: Attribs): boolean {
  return /^fn(?:[-:_]|\d)/i.test(a.id ?? '') || role(a) === 'doc-endnote' || hasClass(a, ['footnote-item']);
}

/** Whether a `<div>` is Substack's note (`class="footnote"`, `data-component-name="FootnoteToDOM"`). */
export function isNoteBlock(a: Attribs): boolean {
  return a['data-component-name'] === 'FootnoteToDOM' || hasClass(a, ['footnote']);
}
