// Admonitions as Python-Markdown and MkDocs Material write them: `!!! warning "Title"` (or `???`
// and `???+` for a collapsible one), then the content indented by four spaces. Shown as written,
// the marker line and its text ran into one paragraph (`!!! warning "Withdrawal limits"
// Withdrawals above...`), or the content, indented, read as code. They become callouts as
// Docusaurus's do (admonitions.ts): `> [!warning] Title`, the content quoted and dedented. Kinds
// the callouts know only (../callouts.ts); an empty title (`""`) shows the kind alone.
import { isCalloutKind } from '../callouts.js';

const OPEN = /^ {0,3}(?:!!!|\?\?\?\+?)[ \t]+([A-Za-z][\w-]{0,40})(?:[ \t]+(?:"([^"\n]{0,300})"|'([^'\n]{0,300})'))?[ \t]*$/;
const CONTENT = /^(?: {4}|\t)/;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/** Whether `markdown` may hold such an admonition (a cheap test before reading line by line). */
export function mayHoldPythonAdmonitions(markdown: string): boolean {
  return markdown.includes('!!!') || markdown.includes('???');
}

/** The Markdown with its Python-Markdown admonitions written as quoted callouts; as it was when it has none. */
export function pythonAdmonitionsAsCallouts(markdown: string): string {
  if (!mayHoldPythonAdmonitions(markdown)) return markdown;
  const lines = markdown.split('\n');
  const out: string[] = [];
  let fence: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const marks = FENCE.exec(line)?.[1];
    if (fence !== null || marks) {
      if (marks && (fence === null || (marks[0] === fence[0] && marks.length >= fence.length))) fence = fence === null ? marks : null;
      out.push(line);
      continue;
    }
    const m = OPEN.exec(line);
    const kind = m?.[1].toLowerCase();
    if (!m || kind === undefined || !isCalloutKind(kind)) {
      out.push(line);
      continue;
    }
    const title = (m[2] ?? m[3] ?? '').trim();
    out.push(`> [!${kind}]${title ? ` ${title}` : ''}`);
    // The content: indented lines, and blank lines between them.
    let end = i + 1;
    for (let j = i + 1; j < lines.length; j++) {
      if (CONTENT.test(lines[j])) end = j + 1;
      else if (lines[j].trim() !== '') break;
    }
    for (let j = i + 1; j < end; j++) out.push(`> ${lines[j].replace(CONTENT, '')}`.trimEnd());
    // The quote ends here, so the paragraph after it is not pulled in.
    out.push('');
    i = end - 1;
  }
  return out.join('\n');
}
