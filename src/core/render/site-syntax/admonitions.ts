// Docusaurus admonitions (`:::warning` ... `:::`, titled `:::tip[Title]` or `:::tip Title`), common
// in MDX blogs and project docs, are the same thing as GitHub's alerts: they become one
// (`> [!WARNING] Title`, then each line quoted), which ../callouts.ts draws. Shown as written, the
// fences read as text and the kind as a word glued to them. Known kinds only, never inside code.
// Pandoc's fenced divs (`::: {.class #id}` ... `:::`) are read too: Quarto's callouts
// (`::: {.callout-warning title="..."}`, `::: callout-tip`) as callouts, any other div as its
// content alone (its fences gone), where the fences and attributes ran into the text.
// VuePress and VitePress write the same containers with a space (`::: tip`, `::: danger STOP`), and
// two kinds of their own: `::: details Title` (a collapsible, drawn as a callout titled "Details")
// and `::: code-group` (tabs of code blocks: its content alone); both stayed raw text before.

import { calloutKindFor } from './container-kinds.js';
// `:::kind`, `:::kind[Title]`, `:::kind Title`; three or more colons (four nest around three).
const OPEN = /^\s{0,3}(:{3,})\s*([a-z]+(?:-[a-z]+)*)(?:\[([^\]\n]{0,300})\]|[ \t]+(.{0,300}?))?\s*$/;
const FENCE = /^\s*(`{3,}|~{3,})/;

const CLOSE = /^\s{0,3}(:{3,})\s*$/;
// Pandoc's `::: {attributes}` (trailing colons allowed) and Quarto's `::: callout-kind`.
const DIV = /^\s{0,3}(:{3,})\s*(?:\{([^{}\n]{0,300})\}|(callout-[a-z]+))\s*:*\s*$/;
const CALLOUT_CLASS = /(?:^|\s)\.?callout-([a-z]+)(?=\s|$)/;
const TITLE_ATTRIBUTE = /(?:^|\s)title\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))/;

// A fenced div's opener: a callout's kind and title, or a plain div (name '').
function divStep(colons: string, attributes: string): Step {
  const kind = CALLOUT_CLASS.exec(attributes)?.[1];
  const name = kind === undefined ? undefined : calloutKindFor(kind);
  if (name === undefined || name === '') return { kind: 'open', colons, name: '', title: '' };
  const t = TITLE_ATTRIBUTE.exec(attributes);
  return { kind: 'open', colons, name, title: (t?.[1] ?? t?.[2] ?? t?.[3] ?? '').trim() };
}

/** What a line of the Markdown is to the admonitions: an opener (its colons, kind, title), a closer, or other. */
type Step = { kind: 'open'; colons: string; name: string; title: string } | { kind: 'close'; colons: string } | { kind: 'other'; blank: boolean };

// Each line's step, code blocks' lines being `other` whatever they hold.
function stepsOf(lines: readonly string[]): Array<Step & { code: boolean }> {
  let fence: string | null = null;
  return lines.map((line) => {
    const marks = FENCE.exec(line)?.[1];
    if (fence !== null || marks) {
      if (marks && (fence === null || (marks[0] === fence[0] && marks.length >= fence.length))) fence = fence === null ? marks : null;
      return { kind: 'other', blank: false, code: true };
    }
    const div = DIV.exec(line);
    if (div) return { ...divStep(div[1], div[2] ?? div[3]), code: false };
    const m = OPEN.exec(line);
    const name = m ? calloutKindFor(m[2]) : undefined;
    if (m && name !== undefined) return { kind: 'open', colons: m[1], name, title: (m[3] ?? m[4] ?? '').trim(), code: false };
    const close = CLOSE.exec(line);
    if (close) return { kind: 'close', colons: close[1], code: false };
    return { kind: 'other', blank: line.trim() === '', code: false };
  });
}

// The lines of the openers that a closer of as many colons or more ends; an opener left open is
// not among them.
function closedOpeners(steps: readonly Step[]): Set<number> {
  const closed = new Set<number>();
  const open: Array<{ at: number; colons: string }> = [];
  steps.forEach((step, at) => {
    if (step.kind === 'open') open.push({ at, colons: step.colons });
    else if (step.kind === 'close' && open.length > 0 && step.colons.length >= open[open.length - 1].colons.length) closed.add(open.pop()!.at);
  });
  return closed;
}

/**
 * The Markdown with its admonitions written as quoted callouts; as it was when it has none. One
 * never closed (a forgotten `:::`) ends with its first paragraph: Docusaurus would box the whole
 * rest of the article, which its author plainly did not mean.
 */
export function admonitionsAsCallouts(markdown: string): string {
  if (!markdown.includes(':::')) return markdown;
  const lines = markdown.split('\n');
  const steps = stepsOf(lines);
  const closed = closedOpeners(steps);
  const out: string[] = [];
  // Each admonition open now, innermost last: its colons, whether a blank line ends it, and
  // whether it is quoted (a callout; a plain div is not).
  const open: Array<{ colons: string; loose: boolean; quoted: boolean }> = [];
  const depth = (): string => '> '.repeat(open.filter((o) => o.quoted).length);
  // A blank line ends the quote, so what follows is not pulled into it.
  const end = (): void => {
    open.pop();
    out.push(depth());
  };
  steps.forEach((step, i) => {
    const line = lines[i];
    if (step.kind === 'other' && step.blank && !step.code && open.at(-1)?.loose) {
      while (open.at(-1)?.loose) end();
      return;
    }
    const quote = depth();
    if (step.kind === 'open') {
      open.push({ colons: step.colons, loose: !closed.has(i), quoted: step.name !== '' });
      if (step.name !== '') out.push(`${quote}> [!${step.name}]${step.title ? ` ${step.title}` : ''}`);
      return;
    }
    if (step.kind === 'close' && open.length > 0) {
      while (open.at(-1)?.loose) open.pop();
      if (open.length > 0 && step.colons.length >= open[open.length - 1].colons.length) {
        end();
        return;
      }
    }
    out.push(depth() + line);
  });
  return out.join('\n');
}
