// Callouts written as a pair of tags on lines of their own, an opener naming the kind and title
// and a closer (Hugo themes' shortcodes: hugo-callouts.ts; MDX components: mdx-callouts.ts): the
// pair becomes a GitHub alert (`> [!warning] Title`, each line between quoted, dedented) for
// ../callouts.ts to draw. Only openers whose closer of the same name follows; never inside code.

/** An opener line read: the tag's name (its closer's), the callout's kind and title, and what follows the tag on its line. */
export interface CalloutOpener {
  name: string;
  kind: string;
  title: string;
  rest: string;
}

/** How one syntax writes its callouts: an opener line read (null for any other line), and a closer line's name and what stands before it. */
export interface CalloutSyntax {
  opener(line: string): CalloutOpener | null;
  closer(line: string): { name: string; before: string } | null;
}

import { fencedLines } from '../fenced-lines.js';

const MAX_DEPTH = 6;

// The lines of the openers whose closer (of the same name) follows, mapped to their closer's line.
function pairs(lines: readonly string[], syntax: CalloutSyntax): Map<number, number> {
  const closes = new Map<number, number>();
  const open: Array<{ at: number; name: string }> = [];
  const code = fencedLines(lines);
  lines.forEach((line, at) => {
    if (code[at]) return;
    const opener = syntax.opener(line);
    // An opener closed on its own line (`{{< hint >}}Text{{< /hint >}}`) is a pair of one line.
    const close = syntax.closer(line);
    // Deeper than a few callouts is no author's (and each level quotes every line inside it again).
    if (opener && open.length < MAX_DEPTH) open.push({ at, name: opener.name });
    if (!close) return;
    const name = close.name;
    let top = open.length - 1;
    while (top >= 0 && open[top].name !== name) top--;
    if (top < 0) return;
    closes.set(open[top].at, at);
    open.length = top;
  });
  return closes;
}

// The least indentation of the non-blank lines from `from` to before `to` (0 for none).
function leastIndent(lines: readonly string[], from: number, to: number): number {
  let least = Infinity;
  for (let i = from; i < to; i++) if (lines[i].trim() !== '') least = Math.min(least, /^[ \t]*/.exec(lines[i])![0].length);
  return Number.isFinite(least) ? least : 0;
}

/** The Markdown with its callouts of `syntax` written as quoted callouts; as it was when it has none. */
export function quoteCalloutBlocks(markdown: string, syntax: CalloutSyntax): string {
  const lines = markdown.split('\n');
  const closes = pairs(lines, syntax);
  if (closes.size === 0) return markdown;
  const out: string[] = [];
  // The closers' lines of the callouts open now, innermost last, and the indentation each one's
  // content loses (Hextra's examples indent it; four spaces would make it code in the quote).
  const open: number[] = [];
  const cuts: number[] = [];
  const quote = (): string => '> '.repeat(open.length);
  const dedent = (line: string): string => line.slice(Math.min(cuts.at(-1) ?? 0, /^[ \t]*/.exec(line)![0].length));
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    const end = closes.get(i);
    if (end !== undefined) {
      const o = syntax.opener(line)!;
      out.push(`${quote()}> [!${o.kind}]${o.title ? ` ${o.title}` : ''}`);
      open.push(end);
      cuts.push(leastIndent(lines, i + 1, end));
      line = o.rest;
      if (end !== i && line.trim() === '') continue;
    }
    if (open.length > 0 && open[open.length - 1] === i) {
      const before = syntax.closer(line)!.before;
      if (before.trim() !== '') out.push(quote() + before);
      open.pop();
      cuts.pop();
      // A blank line ends the quote, so what follows is not pulled into it.
      out.push(quote().trimEnd());
      continue;
    }
    out.push(quote() + dedent(line));
  }
  return out.join('\n');
}
