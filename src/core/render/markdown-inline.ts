// Inline Markdown tokens (emphasis, code, links, images, inline HTML, footnote references) to
// styled spans. Links keep their text in the link role and get a numbered note; the URL itself is
// listed at the end of the article, where it can be copied whole. Entities are decoded the way
// CommonMark says: in text and link targets, never in code spans.
import type { Token, Tokens } from 'marked';
import { LinkNotes } from './link-notes.js';
import { embedNote, parseInlineTag, quoteMark } from './html/html-tags.js';
import { isNoteSup, noteAnchor } from './html/footnote-anchors.js';
import { pairedInlineTags } from './html/closed-elements.js';
import { sanitizeLine, decodeEntities, isRefusedLink } from '../text/index.js';
import { HIGHLIGHT_MARK, imageGap, imageLabel, markOf, STRIKE_MARK, SUPERSCRIPT_MARK, type Span, type SpanStyle } from './spans.js';
import { isJoplinLink, JOPLIN_LINK_NOTE, withoutImageSize } from './site-syntax/index.js';
import { withUnresolvedReferences } from './gfm/unresolved-references.js';

export { LinkNotes };

/** Text from the file made safe and single-line: entities decoded, soft breaks as spaces. */
export function cleanInline(text: string): string {
  return sanitizeLine(decodeEntities(text));
}

function textSpan(text: string, style: SpanStyle): Span {
  return { ...style, text: cleanInline(text) };
}

// A bare URL or <autolink> whose text is the address itself: its text already shows the address,
// but wrapped across rows of the body it cannot be copied whole, so it is listed under Links too.
function isBareLink(text: string, href: string): boolean {
  const t = text.trim();
  return t === href || `mailto:${t}` === href || `http://${t}` === href || `https://${t}` === href;
}

/**
 * The link target as the reader should see and copy it: entities decoded, made single-line, a
 * space inside it (`[x](<https://example.com/a b>)`, which CommonMark allows) percent-encoded as
 * a browser would, so the address copied from the Links list is one word.
 */
export function linkTarget(raw: string): string {
  return cleanInline(raw).trim().replace(/ /g, '%20');
}

/** What inline HTML tags opened so far in this run of tokens (`<a href>`, `<b>`, ...). */
interface InlineState {
  notes: LinkNotes;
  /** Each open `<a>`: its address (null: none to note), false for a footnote reference (html/footnote-anchors.ts). */
  anchors: Array<string | null | false>;
  /** Each open `<sup>`: whether it wraps a footnote reference. */
  sups: boolean[];
  extra: SpanStyle[];
  /** Inside `<script>`, `<style>`, ... written inline: their text is not shown. */
  hidden: number;
  /** The run's tokens, and (once a hidden element is met) which of its tags open or close one. */
  run: readonly Token[];
  paired: Set<Token> | null;
  /** The last span's text, and whether an image stood after it (spans.ts imageGap). */
  tail: string;
  imageGap: boolean;
  /** How many `<q>`s are open (html-tags.ts quoteMark). */
  quotes: number;
  /** A table written inline (inside a paragraph): rows begun in it, cells begun in its row. */
  rows: number;
  cells: number;
}

// `<rp>` too: a ruby annotation is drawn in parentheses of its own (html/html-ruby.ts).
const HIDDEN_INLINE = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'iframe', 'svg', 'video', 'audio', 'rp']);

function linkSpans(link: Tokens.Link, style: SpanStyle, state: InlineState): Span[] {
  const href = linkTarget(link.href ?? '');
  // Joplin's note and attachment ids lead nowhere outside Joplin: named, never numbered nor opened.
  if (isJoplinLink(href)) return [...spansOf(link.tokens ?? [], style, state), { ...style, text: ' ' }, { role: 'dim', text: JOPLIN_LINK_NOTE }];
  // A target that leads nowhere (`javascript:`, `data:`: url-policy.ts) is no link: its text alone.
  if (isRefusedLink(href)) return spansOf(link.tokens ?? [], style, state);
  const inner = spansOf(link.tokens ?? [], { ...style, role: 'link', underline: true, ...(href ? { href } : {}) }, state);
  // A link within the page (`#top`, a table of contents' entries) has nowhere to go from here:
  // no note, as for `<a href="#...">`.
  if (!href || href.startsWith('#')) return inner;
  const n = state.notes.number(href);
  if (n === null) return inner;
  // After an address the note stands apart, so a double-click or a terminal's URL detection on
  // the address does not take `[n]` with it.
  const bare = isBareLink(link.text, href) || isBareLink(link.text, link.href ?? '');
  return bare ? [...inner, { ...style, text: ' ' }, { role: 'dim', text: `[${n}]` }] : [...inner, { role: 'dim', text: `[${n}]` }];
}

const INLINE_TABLE = new Set(['table', 'tr', 'td', 'th']);

function inlineTableSpans(name: string, closing: boolean, state: InlineState): Span[] {
  if (name === 'table') {
    if (!closing) [state.rows, state.cells] = [0, 0];
    return [{ text: '\n' }];
  }
  if (closing) return [];
  if (name === 'tr') {
    state.cells = 0;
    return state.rows++ > 0 ? [{ text: '\n' }] : [];
  }
  return state.cells++ > 0 ? [{ role: 'dim', text: ' │ ' }] : [];
}

const TAG_STYLE: Record<string, SpanStyle> = {
  b: { bold: true }, strong: { bold: true }, i: { italic: true }, em: { italic: true },
  s: { strike: true }, del: { strike: true }, strike: { strike: true }, u: { underline: true }, mark: { highlight: true },
  code: { role: 'code' }, kbd: { role: 'code' }, samp: { role: 'code' },
};

function htmlTagSpans(token: Token, style: SpanStyle, state: InlineState): Span[] {
  const tag = parseInlineTag(String((token as Tokens.Generic).text ?? ''));
  if (!tag) return [];
  if (HIDDEN_INLINE.has(tag.name)) {
    // A player written inline is named, with its address as a link note (html-tags.ts embedNote).
    const embed = !tag.closing && state.hidden === 0 ? embedNote(tag.name, tag.attribs) : null;
    // Only an element closed in its run hides what it holds (closed-elements.ts).
    state.paired ??= pairedInlineTags(state.run, HIDDEN_INLINE);
    if (state.paired.has(token)) state.hidden = Math.max(0, state.hidden + (tag.closing ? -1 : 1));
    if (!embed) return [];
    const n = embed.src && !embed.src.startsWith('#') ? state.notes.number(embed.src) : null;
    return [{ ...style, role: 'dim', text: embed.text }, ...(n === null ? [] : [{ role: 'dim' as const, text: `[${n}]` }])];
  }
  if (state.hidden > 0) return [];
  if (tag.name === 'br') return [{ text: '\n' }];
  // A ruby annotation in parentheses after its base, `<wbr>` a break opportunity (html/html-ruby.ts).
  if (tag.name === 'rt') return [{ ...style, text: tag.closing ? ')' : '(' }];
  if (tag.name === 'wbr') return [{ text: '\u200b' }];
  if (tag.name === 'sup') {
    // A footnote reference reads `[^1]`, as a Markdown footnote's does: its `<sup>` shows no `^`.
    if (tag.closing) {
      state.sups.pop();
      return [];
    }
    // Pandoc writes the `<sup>` inside the reference's `<a>`.
    const note = isNoteSup(tag.attribs) || state.anchors[state.anchors.length - 1] === false;
    state.sups.push(note);
    return note ? [] : [{ ...style, text: SUPERSCRIPT_MARK }];
  }
  // A table written inside a paragraph keeps its rows on lines of their own and its cells apart,
  // as html-spans.ts draws a table nested in a cell (not `AB12` for a row of A, B and one of 1, 2).
  if (INLINE_TABLE.has(tag.name)) return inlineTableSpans(tag.name, tag.closing, state);
  if (tag.name === 'q') {
    if (tag.closing && state.quotes === 0) return [];
    return [{ ...style, text: quoteMark(tag.closing ? --state.quotes : state.quotes++, tag.closing) }];
  }
  if (tag.name === 'img' && !tag.closing) {
    state.imageGap = true;
    const label = imageLabel(sanitizeLine(tag.attribs.alt ?? ''), sanitizeLine(tag.attribs.title ?? ''));
    // `alt=""` is HTML's mark of a decorative image (an icon, a spacer): nothing to read, unless a title says what it shows.
    if (tag.attribs.alt !== undefined && label === null) return [];
    return [{ ...style, role: 'dim', text: label ?? '[image]' }];
  }
  if (tag.name === 'a') {
    if (!tag.closing && noteAnchor(tag.attribs, state.sups.includes(true), false) === 'reference') {
      state.anchors.push(false);
      state.extra.push({ role: 'dim' });
      return [{ role: 'dim', text: '[^' }];
    }
    if (!tag.closing) {
      // A fragment, or a target that leads nowhere (url-policy.ts), gets no note; only the latter is no link at all.
      const raw = sanitizeLine(tag.attribs.href ?? '').trim();
      const href = isRefusedLink(raw) ? '' : raw;
      state.anchors.push(href && !href.startsWith('#') ? href : null);
      state.extra.push(href && !isJoplinLink(href) ? { role: 'link', underline: true, href } : {});
      return [];
    }
    if (state.anchors.length === 0) return [];
    state.extra.pop();
    const href = state.anchors.pop();
    if (href === false) return [{ role: 'dim', text: ']' }];
    // Joplin's HTML links by id, as its Markdown ones (linkSpans): named, never numbered nor opened.
    if (href && isJoplinLink(href)) return [{ ...style, text: ' ' }, { role: 'dim', text: JOPLIN_LINK_NOTE }];
    const n = href ? state.notes.number(href) : null;
    return n === null ? [] : [{ role: 'dim', text: `[${n}]` }];
  }
  const extra = TAG_STYLE[tag.name];
  if (!extra) return [];
  // Struck and highlighted text keep their marks (spans.ts markOf), as Markdown's `~~` and `==` do.
  const mark = markOf(extra);
  if (!tag.closing) {
    state.extra.push(extra);
    return mark ? [{ ...style, role: 'dim', text: mark }] : [];
  }
  if (state.extra.length === 0) return [];
  state.extra.pop();
  return mark ? [{ ...style, strike: false, highlight: false, role: 'dim', text: mark }] : [];
}

function tokenSpans(token: Token, base: SpanStyle, state: InlineState): Span[] {
  const style: SpanStyle = Object.assign({}, base, ...state.extra);
  if (state.hidden > 0 && token.type !== 'html') return [];
  switch (token.type) {
    case 'text':
      if ('tokens' in token && token.tokens && token.tokens.length > 0) return spansOf(token.tokens, style, state);
      // A footnote reference's label as Ghost writes it, `[1]`, inside the reference's own brackets.
      if (state.anchors[state.anchors.length - 1] === false) return [textSpan(String(token.text ?? '').replace(/[[\]]/g, ''), style)];
      return [textSpan(String(token.text ?? ''), style)];
    case 'escape':
      return [{ ...style, text: sanitizeLine(String(token.text ?? '')) }];
    case 'strong':
      return spansOf(token.tokens ?? [], { ...style, bold: true }, state);
    case 'em':
      return spansOf(token.tokens ?? [], { ...style, italic: true }, state);
    case 'del': {
      // The tildes stay visible, so struck words read as struck without colour or strikethrough:
      // as many as the author wrote (GFM strikes `~one~` too, which Pandoc and Obsidian exports
      // mean as a subscript: `H~2~O` was drawn `H~~2~~O`, a text the author never wrote).
      const mark = token.raw.startsWith(STRIKE_MARK) ? STRIKE_MARK : '~';
      return [
        { ...style, role: 'dim', text: mark },
        ...spansOf(token.tokens ?? [], { ...style, strike: true }, state),
        { ...style, role: 'dim', text: mark },
      ];
    }
    case 'highlight':
      // The marks stay visible (dim), as a strike's do: NO_COLOR draws no inverse video.
      return [
        { ...style, role: 'dim', text: HIGHLIGHT_MARK },
        ...spansOf(token.tokens ?? [], { ...style, highlight: true }, state),
        { ...style, role: 'dim', text: HIGHLIGHT_MARK },
      ];
    case 'codespan':
      // CommonMark: entities are literal in code spans.
      return [{ ...style, role: 'code', text: sanitizeLine(String(token.text ?? '')) }];
    case 'br':
      return [{ text: '\n' }];
    case 'link':
      return linkSpans(token as Tokens.Link, style, state);
    case 'image': {
      state.imageGap = true;
      const alt = withoutImageSize(cleanInline(String(token.text ?? '')));
      return [{ ...style, role: 'dim', text: imageLabel(alt, cleanInline(String(token.title ?? ''))) ?? '[image]' }];
    }
    case 'html':
      return htmlTagSpans(token, style, state);
    case 'footnoteRef':
      return [{ ...style, role: 'dim', text: `[^${String((token as Tokens.Generic).id ?? '')}]` }];
    default: {
      const g = token as Tokens.Generic;
      if (Array.isArray(g.tokens)) return spansOf(g.tokens, style, state);
      return typeof g.text === 'string' ? [textSpan(g.text, style)] : [];
    }
  }
}

function spansOf(tokens: readonly Token[], style: SpanStyle, state: InlineState): Span[] {
  const out: Span[] = [];
  // `[BIP125][]` with no definition reads as its label (gfm/unresolved-references.ts).
  for (const t of withUnresolvedReferences(tokens)) {
    const gapBefore = state.imageGap;
    for (const s of tokenSpans(t, style, state)) {
      if (s.text === '') continue;
      // An image keeps the words on either side of it apart: a space before its placeholder, or
      // after it (or after a decorative one), where the author wrote none.
      if ((gapBefore || state.imageGap) && imageGap(state.tail, s.text)) out.push({ text: ' ' });
      state.imageGap = state.imageGap && !gapBefore && /^\[image\b/.test(s.text);
      state.tail = s.text;
      out.push(s);
    }
  }
  return out;
}

/** Styled spans for a run of inline tokens; '\n' spans mark hard line breaks. */
export function inlineSpans(tokens: readonly Token[], style: SpanStyle, notes: LinkNotes): Span[] {
  return spansOf(tokens, style, { notes, anchors: [], sups: [], extra: [], hidden: 0, run: tokens, paired: null, tail: '', imageGap: false, quotes: 0, rows: 0, cells: 0 });
}
