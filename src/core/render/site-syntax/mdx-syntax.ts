// MDX (Docusaurus, Astro, Next.js blogs) is Markdown with JavaScript in it: `import`/`export`
// lines, JSX components (`<Chart data={[1, 2]} />`, `<Callout type="warning">...</Callout>`)
// and `{/* comments */}`. None of it can run here, and shown as written it is noise (a
// component's Markdown content even showed its `**` raw, read as an HTML block). So: ESM lines
// and comments go, a component's tags go and what it wraps is read as Markdown. Lower-case tags
// are HTML and stay; one line at a time, so a tag or statement spread over lines stays as written.

// `import x from 'y'`, `import { a, b } from "y"`, `import 'y'`; `export const|let|function|default ...`.
const ESM = /^(?:import\s+(?:[\w$*{}\s,]{1,300}\s+from\s+)?["'][^"'\n]{1,300}["'];?|export\s+(?:const|let|var|function|class|async\s+function|default)\b.{0,500})\s*$/;
const COMMENT = /\{\/\*[^]{0,500}?\*\/\}/g;
// A component's tag: a capital first letter (JSX's rule for components) and a lower-case letter
// after it (`<IMG SRC=...>`, old HTML in capitals, stays HTML), attributes with
// `{...}` values up to two levels deep (`style={{a: 1}}`), bounded so a long line costs little.
const COMPONENT = /<\/?[A-Z](?=[\w.]{0,100}[a-z])[\w.]{0,100}(?:\s(?:[^<>{}"']|"[^"]{0,500}"|'[^']{0,500}'|\{(?:[^{}]|\{[^{}]{0,500}\}){0,500}\}){0,100})?\s*\/?>/g;
const TAG_LINE = new RegExp(`^\\s*(${COMPONENT.source})\\s*$`);
const ANY = /^(?:import|export)\s|\{\/\*|<\/?[A-Z][\w.]*[a-z]/m;

/** Whether `markdown` may hold MDX syntax (a cheap test before reading line by line). */
export function hasMdxSyntax(markdown: string): boolean {
  return ANY.test(markdown);
}

/** Whether a whole line is an `import` or `export` statement. */
export function isMdxStatement(line: string): boolean {
  return ESM.test(line);
}

// An expression in prose (`{props.price}`, `{' '}`, `{"literal"}`), one line, no braces inside.
const EXPRESSION = /\{([^{}\n]{1,300})\}/g;
const STRING = /^\s*(?:"([^"\\]*)"|'([^'\\]*)')\s*$/;
const NUMBER = /^\s*-?\d[\d_.]*\s*$/;

// What an expression shows: a literal its value (JSX writes a space as `{' '}`), anything else,
// which only the site's JavaScript could compute, as code: the reader sees a value stood there.
function expressionText(whole: string, inner: string): string {
  const literal = STRING.exec(inner);
  if (literal) return literal[1] ?? literal[2];
  if (NUMBER.test(inner)) return inner.trim().replace(/_/g, '');
  return `\`${whole}\``;
}

// A component's `alt`: a string (`alt="..."`, `alt='...'`, `alt={"..."}`) or an expression (`alt={post.title}`).
const ALT = /\salt=(?:"([^"]*)"|'([^']*)'|\{\s*"([^"\\]*)"\s*\}|\{\s*'([^'\\]*)'\s*\}|\{)/;
// Its `title`, when a string: the tooltip, shown with the alt as HTML's is.
const TITLE = /\stitle=(?:"([^"]*)"|'([^']*)'|\{\s*"([^"\\]*)"\s*\}|\{\s*'([^'\\]*)'\s*\})/;
const attribute = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

// A component with an `alt` is an image (Astro's `<Image>` and `<Picture>`, Next.js's `<Image>`,
// Docusaurus's `<ThemedImage>`): it becomes an HTML `<img>`, shown as HTML's images are (`[image:
// alt — title]`, nothing for an empty alt and no title, `[image]` for an alt only the site could
// compute). Other tags go.
function componentText(tag: string): string {
  const alt = tag.startsWith('</') ? null : ALT.exec(tag);
  if (!alt) return '';
  const text = alt[1] ?? alt[2] ?? alt[3] ?? alt[4];
  const t = TITLE.exec(tag);
  const title = t ? ` title="${attribute(t[1] ?? t[2] ?? t[3] ?? t[4])}"` : '';
  return text === undefined ? `<img${title}>` : `<img alt="${attribute(text)}"${title}>`;
}

// A tab's opening tag (Docusaurus's and Starlight's `<TabItem label="Linux">`, Mintlify's `<Tab
// title="npm">`) and its label: a string, else Docusaurus's `value`, which it shows for a missing label.
const TAB = /^<(?:TabItem|Tab)[\s>/]/;
const attributeOf = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|\\{\\s*"([^"\\\\]*)"\\s*\\}|\\{\\s*'([^'\\\\]*)'\\s*\\})`).exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3] ?? m[4]) : undefined;
};

// What a tab's opening tag shows: its label in bold above its content (a paragraph of its own when
// the tag stands alone on its line), so the tabs' contents do not run together unnamed.
function tabLabel(tag: string, alone: boolean): string | null {
  if (!TAB.test(tag)) return null;
  const label = (attributeOf(tag, 'label') ?? attributeOf(tag, 'title') ?? attributeOf(tag, 'value') ?? '').replace(/\s+/g, ' ').trim();
  if (!label) return '';
  const bold = `**${label.replace(/[\\`*_[\]<>{}]/g, '\\$&')}**`;
  return alone ? `\n${bold}\n` : `${bold}: `;
}

/** Prose (no code in it) with its MDX comments removed, component tags removed (an image's read as `<img alt>`, a tab's as its label), its expressions read. */
export function readMdx(text: string): string {
  const alone = TAG_LINE.test(text);
  const read = text.replace(COMMENT, '').replace(COMPONENT, (tag) => tabLabel(tag, alone) ?? componentText(tag));
  return read.includes('{') ? read.replace(EXPRESSION, expressionText) : read;
}

const FENCE = /^\s*(`{3,}|~{3,})/;
const indentOf = (line: string): number => /^[ \t]*/.exec(line)![0].length;

/**
 * The lines with what each component wraps (`<Tabs>` ... `</Tabs>` on lines of their own) moved
 * left by its least indentation: MDX has no indented code, and JSX is written indented, so
 * `    Text` inside two components is prose there, not the code block Markdown would make of it.
 */
export function dedentComponents(lines: readonly string[]): string[] {
  const out = [...lines];
  const open: number[] = [];
  let fence: string | null = null;
  for (let i = 0; i < out.length; i++) {
    // A component's tags in a code block are code.
    const marks = FENCE.exec(out[i])?.[1];
    if (marks && (fence === null || (marks[0] === fence[0] && marks.length >= fence.length))) fence = fence === null ? marks : null;
    if (fence !== null || marks) continue;
    const tag = TAG_LINE.exec(out[i])?.[1];
    if (!tag || tag.endsWith('/>')) continue;
    if (!tag.startsWith('</')) {
      open.push(i);
      continue;
    }
    const start = open.pop();
    if (start === undefined) continue;
    const inner = out.slice(start + 1, i).filter((l) => l.trim() !== '' && !TAG_LINE.test(l));
    const cut = Math.min(...inner.map(indentOf));
    if (!Number.isFinite(cut) || cut === 0) continue;
    for (let k = start + 1; k < i; k++) if (!TAG_LINE.test(out[k])) out[k] = out[k].slice(Math.min(cut, indentOf(out[k])));
  }
  return out;
}
