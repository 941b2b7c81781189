// Definition lists as kramdown (Jekyll's default Markdown), Goldmark (Hugo's, on by default), PHP
// Markdown Extra and Pandoc write them: term lines, then each definition on a line of its own
// starting with `:`. CommonMark reads the `:` lines as the paragraph's own text, so the reader saw
// `Term : Definition` run together, the marker left in. The paragraph is found among marked's
// block tokens (before its inline text is lexed) and becomes a `deflist` token holding the same
// inline tokens, split into its terms and definitions only when drawn: nothing is lexed twice.
import type { Token, Tokens } from 'marked';

/** A line that opens a definition: up to three spaces, `:`, then a space or tab. */
const DEFINITION_LINE = /^ {0,3}:[ \t]/;
const HOLDS_DEFINITION_LINE = /^ {0,3}:[ \t]/m;

/** A definition list found in place of one paragraph, or of a term paragraph and the definitions after a blank line. */
export interface DefinitionListToken {
  type: 'deflist';
  raw: string;
  /** The inline tokens of each paragraph it was made of, in order (filled by marked's inline pass). */
  parts: Token[][];
}

/** One term group and its definitions, each as inline tokens without the `:` marker. */
export interface DefinitionItem {
  terms: Token[][];
  definitions: Token[][];
}

/** Whether `markdown` has a line that may open a definition: only then are paragraphs looked at. */
export function mayHoldDefinitionLists(markdown: string): boolean {
  return HOLDS_DEFINITION_LINE.test(markdown);
}

type Paragraph = (Tokens.Paragraph | Tokens.Text) & { tokens: Token[] };

const isParagraph = (t: Token | undefined): t is Paragraph => (t?.type === 'paragraph' || t?.type === 'text') && Array.isArray((t as Tokens.Text).tokens);
const lines = (text: string): string[] => text.split('\n');

/**
 * Replaces, in place, each paragraph of `tokens` (one level of marked's block tokens) that is a
 * definition list with a `deflist` token: a paragraph whose first line is a term and which holds
 * a definition line, or a paragraph of definition lines right after a term paragraph (one blank
 * line between, as the generators allow).
 */
export function readDefinitionLists(tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!isParagraph(t)) continue;
    const own = lines(t.text);
    if (!own.some((l) => DEFINITION_LINE.test(l))) continue;
    if (!DEFINITION_LINE.test(own[0])) {
      tokens[i] = { type: 'deflist', raw: t.raw, parts: [t.tokens] } satisfies DefinitionListToken as unknown as Token;
      continue;
    }
    // Definitions after a blank line: the term paragraph is the one before the blank.
    const gap = tokens[i - 1]?.type === 'space' ? 1 : 0;
    const terms = tokens[i - 1 - gap];
    if (!isParagraph(terms) || lines(terms.text).some((l) => DEFINITION_LINE.test(l))) continue;
    const list: DefinitionListToken = { type: 'deflist', raw: terms.raw + (gap ? tokens[i - 1].raw : '') + t.raw, parts: [terms.tokens, t.tokens] };
    tokens.splice(i - 1 - gap, 2 + gap, list as unknown as Token);
    i -= 1 + gap;
  }
}

// The inline tokens split at line ends (a soft break in a text token, or a hard break).
function inlineLines(parts: readonly Token[][]): Token[][] {
  const out: Token[][] = [];
  for (const part of parts) {
    let line: Token[] = [];
    out.push(line);
    for (const t of part) {
      if (t.type === 'br') {
        line = [];
        out.push(line);
        continue;
      }
      const text = t.type === 'text' && !(t as Tokens.Text).tokens?.length ? (t as Tokens.Text).text : '';
      if (!text.includes('\n')) {
        line.push(t);
        continue;
      }
      text.split('\n').forEach((piece, k) => {
        if (k > 0) out.push((line = []));
        if (piece !== '') line.push({ type: 'text', raw: piece, text: piece });
      });
    }
  }
  return out;
}

// The line without its leading `:` marker, or null when it is not a definition line.
function definitionOf(line: Token[]): Token[] | null {
  const first = line[0];
  if (first?.type !== 'text' || !DEFINITION_LINE.test(first.text)) return null;
  const text = first.text.replace(/^ {0,3}:[ \t]+/, '');
  return text === '' ? line.slice(1) : [{ type: 'text', raw: text, text }, ...line.slice(1)];
}

/**
 * The terms and definitions of a `deflist` token. Lines before a group's first definition are
 * its terms; a line after a definition continues it (kramdown's lazy continuation), unless a
 * definition line follows it: then it is the next group's term.
 */
export function definitionItems(list: DefinitionListToken): DefinitionItem[] {
  const rows = inlineLines(list.parts).filter((l) => l.length > 0);
  const defs = rows.map(definitionOf);
  const items: DefinitionItem[] = [];
  let item: DefinitionItem | null = null;
  rows.forEach((row, k) => {
    const def = defs[k];
    if (def) {
      if (!item) items.push((item = { terms: [], definitions: [] }));
      item.definitions.push(def);
    } else if (!item || item.definitions.length === 0 || defs[k + 1]) {
      if (!item || item.definitions.length > 0) items.push((item = { terms: [], definitions: [] }));
      item.terms.push(row);
    } else {
      item.definitions[item.definitions.length - 1].push({ type: 'text', raw: ' ', text: ' ' }, ...row);
    }
  });
  return items;
}
