// Callouts: a quote whose first line is a marker, GitHub's alerts (`> [!WARNING]`) and Obsidian's
// callouts (`> [!info] Title`, foldable `[!faq]-`). The marker is markup, not words: the reader
// sees the kind as a word ("Warning"), or the kind and the author's title, above the quote's text,
// legible without colour.
import type { Token, Tokens } from 'marked';

// GitHub's five alerts and Obsidian's callout kinds with their aliases: drawn with their kind as a
// word. Any other `[!type]` is a callout too (calloutOf).
const KINDS = new Set([
  'note', 'tip', 'important', 'warning', 'caution',
  'abstract', 'summary', 'tldr', 'info', 'todo', 'hint', 'success', 'check', 'done', 'question', 'help', 'faq',
  'attention', 'failure', 'fail', 'missing', 'danger', 'error', 'bug', 'example', 'quote', 'cite',
  // VuePress's and VitePress's collapsible `::: details` (site-syntax/admonitions.ts).
  'details',
]);

/** Whether `name` (lower case) is a callout kind a `[!name]` marker is drawn as. */
export function isCalloutKind(name: string): boolean {
  return KINDS.has(name);
}

// Kinds whose word is not the marker's name in title case.
const SHOWN_AS: Readonly<Record<string, string>> = { faq: 'FAQ', tldr: 'TL;DR', todo: 'To do' };

// `[!KIND]`, an optional fold sign, then the title (or nothing) to the end of the first line.
// A custom type may hold digits, dashes and underscores after its first letter (`[!btc-alert]`).
const MARKER = /^\[!([A-Za-z][\w-]{0,40})\][+-]?(?:[ \t]+|(?=\n)|$)/;

/**
 * A quote read as a callout: the kind as the reader sees it ("Warning"; empty for a custom type
 * given a title, which is shown alone), the title's inline tokens (may be empty), the body's blocks.
 */
export interface Callout {
  kind: string;
  title: Token[];
  body: Token[];
}

/**
 * Splits a paragraph's inline tokens at its first line end (a newline in a text token, or a hard
 * break): [first line, rest]. A newline inside a nested token (emphasis across lines) counts at
 * that token's end.
 */
function splitFirstLine(tokens: readonly Token[]): [Token[], Token[]] {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'br') return [tokens.slice(0, i), tokens.slice(i + 1)];
    if (t.type !== 'text' || (t as Tokens.Text).tokens?.length) {
      if (t.raw.includes('\n')) return [tokens.slice(0, i + 1), tokens.slice(i + 1)];
      continue;
    }
    const nl = t.text.indexOf('\n');
    if (nl < 0) continue;
    const head: Token[] = nl > 0 ? [{ type: 'text', raw: t.text.slice(0, nl), text: t.text.slice(0, nl) }] : [];
    const tail = t.text.slice(nl + 1);
    return [[...tokens.slice(0, i), ...head], [...(tail ? [{ type: 'text', raw: tail, text: tail } as Token] : []), ...tokens.slice(i + 1)]];
  }
  return [[...tokens], []];
}

/** The quote as a callout, or null when its first line is no `[!type]` marker. */
export function calloutOf(quote: Tokens.Blockquote): Callout | null {
  const [first, ...blocks] = quote.tokens ?? [];
  if (first?.type !== 'paragraph') return null;
  const inline = (first as Tokens.Paragraph).tokens ?? [];
  const lead = inline[0];
  if (lead?.type !== 'text') return null;
  const m = MARKER.exec((lead as Tokens.Text).text);
  if (!m) return null;
  const rest = (lead as Tokens.Text).text.slice(m[0].length);
  const [title, body] = splitFirstLine([...(rest ? [{ type: 'text', raw: rest, text: rest } as Token] : []), ...inline.slice(1)]);
  const name = m[1].toLowerCase();
  // Obsidian draws a type it does not know (`[!bitcoin]`) as its default note callout, titled by
  // the author's title, else the type in title case (Obsidian Help, "Callouts": "Supported types"
  // and "Change the title"; https://help.obsidian.md/Editing+and+formatting/Callouts). Before,
  // such a quote showed its marker as words, its title run into its text.
  const custom = !KINDS.has(name);
  const kind = custom && title.length > 0 ? '' : (SHOWN_AS[name] ?? name[0].toUpperCase() + name.slice(1).replace(/[-_]+/g, ' '));
  const paragraph: Token[] = body.length > 0 ? [{ ...first, tokens: body } as Token] : [];
  return { kind, title, body: [...paragraph, ...blocks] };
}
