// Inline math as Hugo (Goldmark's passthrough), Jekyll (kramdown), Pandoc and MathJax/KaTeX pages
// write it: `$...$`, `$$...$$` inside a sentence, and MathJax's `\(...\)`. Markdown took its
// characters as its own: `_` and `*` became emphasis (`$w_i \Delta_i$` lost its underscores and
// set the rest in italics), `\{` and `\,` lost their backslashes. It is kept as written,
// delimiters and all, as a code span is, as display math already was (display-math.ts).
//
// Dollars follow Pandoc's rule (markdown-it-texmath's too): the opening `$` has a non-space
// right after it, the closing one a non-space right before it and no digit right after it, so
// prices (`$5 and $10`, `$5-$10`) stay prose. Crypto prose adds cashtags: a closing `$` right
// before a capital letter is a cashtag's (`$BTC/$ETH`, `($BTC) and ($ETH)`), not math's.
// A dollar escaped as `\$` is a dollar (marked's escape takes it before this is asked).
import type { TokenizerExtension, Tokens } from 'marked';

// Longest inline math read; a longer run between dollars is prose with two prices in it.
const MAX_MATH = 2000;
const SPACE = /\s/;
const CLOSES_NOT = /[\d$A-Z]/;

/** Whether `markdown` may hold inline math (a cheap test before the extension is used). */
export function mayHoldInlineMath(markdown: string): boolean {
  return markdown.includes('$') || markdown.includes('\\(');
}

// `$...$` or `$$...$$` at the start of `src`, as written; undefined when the dollars are prose.
function dollarMath(src: string): string | undefined {
  const open = src.startsWith('$$') ? 2 : 1;
  const first = src[open];
  if (first === undefined || first === '$' || SPACE.test(first)) return undefined;
  const end = Math.min(src.length, MAX_MATH);
  for (let i = open; i < end; i++) {
    const c = src[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c !== '$') continue;
    // The first dollar after the opening one closes the math or, where it may not, ends the try.
    if (SPACE.test(src[i - 1])) return undefined;
    if (open === 2 && src[i + 1] !== '$') return undefined;
    const after = src[i + open];
    if (after !== undefined && CLOSES_NOT.test(after)) return undefined;
    return src.slice(0, i + open);
  }
  return undefined;
}

// `\(...\)` (or `\\(...\\)`, as it must be written where Markdown would take one backslash).
function parenMath(src: string): string | undefined {
  const open = src.startsWith('\\\\(') ? '\\\\(' : src.startsWith('\\(') ? '\\(' : null;
  if (open === null) return undefined;
  const close = open === '\\(' ? '\\)' : '\\\\)';
  const at = src.indexOf(close, open.length);
  if (at <= open.length || at > MAX_MATH) return undefined;
  const math = src.slice(0, at + close.length);
  return math.includes('\n\n') ? undefined : math;
}

/** The marked extension: inline math becomes a code span holding the math as written. */
export const inlineMath: TokenizerExtension = {
  name: 'inlineMath',
  level: 'inline',
  start: (src: string) => {
    const dollar = src.indexOf('$');
    let paren = src.indexOf('\\(');
    if (paren > 0 && src[paren - 1] === '\\') paren -= 1;
    const at = dollar === -1 ? paren : paren === -1 ? dollar : Math.min(dollar, paren);
    return at === -1 ? undefined : at;
  },
  tokenizer(src: string): Tokens.Codespan | undefined {
    const math = src[0] === '$' ? dollarMath(src) : src[0] === '\\' ? parenMath(src) : undefined;
    return math === undefined ? undefined : { type: 'codespan', raw: math, text: math };
  },
};
