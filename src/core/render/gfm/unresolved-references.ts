// Reference links and images whose label has no definition in the file (`[BIP125][]`,
// `[text][ref]`, `![Chart][chart]`): the definitions live where the reader never sees them (a
// Jekyll include, the rest of a newsletter). marked leaves them as text, brackets and all, split
// around any markup in the label (`[`, a bold `BIP125`, `][]`). The reader gets the label as the
// author wrote it, markup rendered, without the brackets; an image its `[image: alt]`, as an image
// with a definition shows (its address would be all the definition adds).
import type { Token } from 'marked';

// A whole reference within one text: `[label][ref]` or `[label][]`, `!` before it for an image.
const WHOLE = /(!?)\[([^[\]\n]+)\]\[[^[\]\n]*\]/g;
// A text ending inside a label opened in it: a `[` (or `![`) with no bracket after it.
const OPENS = /(!?)\[([^[\]]*)$/;
// A text starting with the end of a label opened before it and its reference.
const CLOSES = /^([^[\]]*)\]\[[^[\]\n]*\]/;
// Markup a label may hold between its brackets; anything else (a link, an image, HTML) and the
// brackets stay as written.
const INNER = new Set(['strong', 'em', 'codespan', 'del', 'escape', 'highlight']);

const text = (t: string): Token => ({ type: 'text', raw: t, text: t });
const image = (alt: string): Token => ({ type: 'image', raw: alt, href: '', title: null, text: alt, tokens: [] });

function isText(t: Token | undefined): t is Token & { text: string } {
  return t?.type === 'text' && typeof t.text === 'string' && !('tokens' in t && Array.isArray(t.tokens) && t.tokens.length > 0);
}

// The words a label shows, markup dropped (an image's alt is plain text).
function plain(tokens: readonly Token[]): string {
  return tokens.map((t) => ('tokens' in t && Array.isArray(t.tokens) && t.tokens.length > 0 ? plain(t.tokens) : String((t as { text?: unknown }).text ?? ''))).join('');
}

// The whole references within one text: a link's label in place, an image as an image token.
function wholeReferences(s: string): Token[] {
  if (!s.includes('][')) return s ? [text(s)] : [];
  const out: Token[] = [];
  let from = 0;
  let words = '';
  for (const m of s.matchAll(WHOLE)) {
    words += s.slice(from, m.index);
    from = m.index + m[0].length;
    if (!m[1]) {
      words += m[2];
      continue;
    }
    if (words) out.push(text(words));
    words = '';
    out.push(image(m[2]));
  }
  words += s.slice(from);
  if (words) out.push(text(words));
  return out;
}

// Where the label opened at the end of tokens[i]'s text closes: the index of the text starting
// with `][ref]`, or -1 when none does before something a label cannot hold.
function closing(tokens: readonly Token[], i: number): number {
  for (let j = i + 1; j < tokens.length; j++) {
    const t = tokens[j];
    if (isText(t)) {
      if (CLOSES.test(t.text)) return j;
      if (/[[\]]/.test(t.text)) return -1;
    } else if (!INNER.has(t.type)) return -1;
  }
  return -1;
}

/** Inline tokens with their unresolved reference links read as their labels, and images as images; the same array when there are none. */
export function withUnresolvedReferences(tokens: readonly Token[]): readonly Token[] {
  if (!tokens.some((t) => isText(t) && t.text.includes('['))) return tokens;
  const queue = [...tokens];
  const out: Token[] = [];
  for (let i = 0; i < queue.length; i++) {
    const t = queue[i];
    if (!isText(t)) {
      out.push(t);
      continue;
    }
    const open = OPENS.exec(t.text);
    const end = open ? closing(queue, i) : -1;
    if (!open || end < 0) {
      out.push(...(t.text.includes('][') ? wholeReferences(t.text) : [t]));
      continue;
    }
    const close = CLOSES.exec((queue[end] as Token & { text: string }).text)!;
    out.push(...wholeReferences(t.text.slice(0, open.index)));
    const label = [...(open[2] ? [text(open[2])] : []), ...queue.slice(i + 1, end), ...(close[1] ? [text(close[1])] : [])];
    out.push(...(open[1] ? [image(plain(label))] : label));
    // The rest of the closing text is read again: it may hold or open references of its own.
    queue[end] = text(close.input.slice(close[0].length));
    i = end - 1;
  }
  return out;
}
