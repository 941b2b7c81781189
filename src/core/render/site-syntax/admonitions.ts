// Docusaurus admonitions (`:::warning` ... `:::`, titled `:::tip[Title]` or `:::tip Title`), common
// in MDX blogs and project docs, are the same thing as GitHub's alerts: they become one
// (`> [!WARNING] Title`, then each line quoted), which ../callouts.ts draws. Shown as written, the
// fences read as text and the kind as a word glued to them. Known kinds only, never inside code.

const KINDS = new Set(['note', 'tip', 'info', 'warning', 'danger', 'caution', 'important', 'success', 'secondary']);
// `:::kind`, `:::kind[Title]`, `:::kind Title`; three or more colons (four nest around three).
const OPEN = /^\s{0,3}(:{3,})\s*([a-z]+)(?:\[([^\]\n]{0,300})\]|[ \t]+(.{0,300}?))?\s*$/;
const FENCE = /^\s*(`{3,}|~{3,})/;

/** The Markdown with its admonitions written as quoted callouts; as it was when it has none. */
export function admonitionsAsCallouts(markdown: string): string {
  if (!markdown.includes(':::')) return markdown;
  const out: string[] = [];
  // The colons of each admonition open now, innermost last.
  const open: string[] = [];
  let fence: string | null = null;
  for (const line of markdown.split('\n')) {
    const quote = '> '.repeat(open.length);
    const marks = FENCE.exec(line)?.[1];
    if (fence !== null || marks) {
      if (marks && (fence === null || (marks[0] === fence[0] && marks.length >= fence.length))) fence = fence === null ? marks : null;
      out.push(quote + line);
      continue;
    }
    const m = OPEN.exec(line);
    if (m && KINDS.has(m[2])) {
      open.push(m[1]);
      const title = (m[3] ?? m[4] ?? '').trim();
      out.push(`${quote}> [!${m[2] === 'secondary' ? 'note' : m[2]}]${title ? ` ${title}` : ''}`);
      continue;
    }
    const close = /^\s{0,3}(:{3,})\s*$/.exec(line);
    if (close && open.length > 0 && close[1].length >= open[open.length - 1].length) {
      open.pop();
      // A blank line ends the quote, so what follows is not pulled into it.
      out.push('> '.repeat(open.length));
      continue;
    }
    out.push(quote + line);
  }
  return out.join('\n');
}
