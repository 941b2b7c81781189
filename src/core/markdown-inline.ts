// Inline Markdown tokens (emphasis, code, links, images, inline HTML) to styled spans. Links keep
// their text in the link role and get a numbered footnote; the URL itself is listed at the end of
// the article, because a terminal cannot make text clickable portably.
import type { Token, Tokens } from 'marked';
import { decodeEntities, isBreakTag } from './html-text.js';
import { sanitizeLine } from './sanitize.js';
import type { Span, SpanStyle } from './spans.js';

/** Most footnotes collected for one article; later links show their text only. */
const MAX_LINKS = 999;

/** Footnote URLs gathered while rendering one article; [1] is urls[0]. */
export class LinkNotes {
  readonly urls: string[] = [];
  private readonly numbers = new Map<string, number>();

  /** The footnote number for a URL, reusing the number of an identical URL; null past the cap. */
  number(url: string): number | null {
    const known = this.numbers.get(url);
    if (known !== undefined) return known;
    if (this.urls.length >= MAX_LINKS) return null;
    this.urls.push(url);
    this.numbers.set(url, this.urls.length);
    return this.urls.length;
  }
}

/** Text from the file made safe and single-line: entities decoded, soft breaks as spaces. */
export function cleanInline(text: string): string {
  return sanitizeLine(decodeEntities(text));
}

function textSpan(text: string, style: SpanStyle): Span {
  return { ...style, text: cleanInline(text) };
}

// A bare URL or <autolink> whose text is the address itself needs no footnote.
function isBareLink(link: Tokens.Link): boolean {
  const text = link.text.trim();
  return text === link.href || `mailto:${text}` === link.href || `http://${text}` === link.href;
}

function linkSpans(link: Tokens.Link, style: SpanStyle, notes: LinkNotes): Span[] {
  const inner = inlineSpans(link.tokens ?? [], { ...style, role: 'link', underline: true }, notes);
  const href = sanitizeLine(link.href ?? '').trim();
  if (!href || isBareLink(link)) return inner;
  const n = notes.number(href);
  return n === null ? inner : [...inner, { role: 'dim', text: `[${n}]` }];
}

function tokenSpans(token: Token, style: SpanStyle, notes: LinkNotes): Span[] {
  switch (token.type) {
    case 'text':
    case 'escape':
      if ('tokens' in token && token.tokens && token.tokens.length > 0) return inlineSpans(token.tokens, style, notes);
      return [textSpan(String(token.text ?? ''), style)];
    case 'strong':
      return inlineSpans(token.tokens ?? [], { ...style, bold: true }, notes);
    case 'em':
      return inlineSpans(token.tokens ?? [], { ...style, italic: true }, notes);
    case 'del':
      return inlineSpans(token.tokens ?? [], { ...style, strike: true }, notes);
    case 'codespan':
      return [{ ...style, role: 'code', text: cleanInline(String(token.text ?? '')) }];
    case 'br':
      return [{ text: '\n' }];
    case 'link':
      return linkSpans(token as Tokens.Link, style, notes);
    case 'image': {
      const alt = cleanInline(String(token.text ?? '')).trim();
      return [{ ...style, role: 'dim', text: alt ? `[image: ${alt}]` : '[image]' }];
    }
    case 'html':
      // Inline tags are stripped (the text between them is a separate token); <br> still breaks.
      return isBreakTag(String(token.text ?? '')) ? [{ text: '\n' }] : [];
    default: {
      const g = token as Tokens.Generic;
      if (Array.isArray(g.tokens)) return inlineSpans(g.tokens, style, notes);
      return typeof g.text === 'string' ? [textSpan(g.text, style)] : [];
    }
  }
}

/** Styled spans for a run of inline tokens; '\n' spans mark hard line breaks. */
export function inlineSpans(tokens: readonly Token[], style: SpanStyle, notes: LinkNotes): Span[] {
  const out: Span[] = [];
  for (const t of tokens) for (const s of tokenSpans(t, style, notes)) if (s.text !== '') out.push(s);
  return out;
}
