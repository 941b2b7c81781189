// Hugo themes' callout shortcodes: Learn's and Relearn's `{{% notice warning %}}`, Hextra's
// `{{< callout type="info" >}}`, hugo-book's `{{< hint danger >}}`, Docsy's `{{% alert title="..."
// color="warning" %}}`, LoveIt's `{{< admonition tip "Title" >}}` and the Kubernetes docs'
// `{{< note >}}`, each closed by `{{< /name >}}` on a line of its own. They are the same thing as
// GitHub's alerts, and are written as one (`> [!warning] Title`, each line quoted) for
// ../callouts.ts to draw; static-site.ts removed the tags and left the text as a plain paragraph.
// Only openers whose closer follows; one left open is removed with the other shortcodes. Never
// inside code.
import { isCalloutKind } from '../callouts.js';

// The shortcodes read here: those named for a kind take it from their name.
const NAMED_KINDS = new Set(['note', 'tip', 'info', 'warning', 'caution', 'danger', 'important']);
const CALLOUTS = new Set(['notice', 'callout', 'hint', 'alert', 'admonition', ...NAMED_KINDS]);

// A theme's colour or style names, as the callout kind a reader knows them by.
const ALIASES: Readonly<Record<string, string>> = {
  primary: 'note', secondary: 'note', default: 'note', accent: 'note', light: 'note', dark: 'note', grey: 'note', gray: 'note',
  blue: 'info', green: 'success', orange: 'warning', yellow: 'warning', red: 'danger', warn: 'warning', alert: 'warning',
};

// `{{< name args >}}` (or `{{% %}}`) opening a line, and what follows it on the line.
const OPEN = /^[ \t]{0,3}\{\{([<%])\s*([a-z]{2,20})\b([^{}\n]{0,500}?)\s*[>%]\}\}(.*)$/i;
// What comes before `{{< /name >}}` ending a line.
const CLOSE = /^(.*?)\{\{[<%]\s*\/\s*([a-z]{2,20})\s*[>%]\}\}\s*$/i;
const MAX_DEPTH = 6;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
// `key=value` (the value quoted or bare, as Hugo allows), or a positional value.
const ARGUMENT = /([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|`([^`]*)`|([^\s"'`]+))|"([^"]*)"|'([^']*)'|`([^`]*)`|([^\s"'`]+)/g;

/** Whether `markdown` may hold a Hugo callout (a cheap test before reading line by line). */
export function mayHoldHugoCallouts(markdown: string): boolean {
  return markdown.includes('{{<') || markdown.includes('{{%');
}

interface Opener {
  name: string;
  kind: string;
  title: string;
  rest: string;
}

// The callout kind a value names, or undefined.
function kindOf(value: string | undefined): string | undefined {
  const v = value?.trim().toLowerCase() ?? '';
  const kind = ALIASES[v] ?? v;
  return kind && isCalloutKind(kind) ? kind : undefined;
}

// What an opener line says: the shortcode's name, its callout kind and title; null for any other line.
function openerOf(line: string): Opener | null {
  const m = OPEN.exec(line);
  const name = m?.[2].toLowerCase() ?? '';
  if (!m || !CALLOUTS.has(name)) return null;
  const named = new Map<string, string>();
  const positional: string[] = [];
  for (const a of m[3].matchAll(ARGUMENT)) {
    if (a[1]) named.set(a[1].toLowerCase(), a[2] ?? a[3] ?? a[4] ?? a[5] ?? '');
    else positional.push(a[6] ?? a[7] ?? a[8] ?? a[9] ?? '');
  }
  const kind = NAMED_KINDS.has(name)
    ? name
    : (kindOf(named.get('type') ?? named.get('style') ?? named.get('color') ?? named.get('kind')) ?? kindOf(positional[0]) ?? 'note');
  // Relearn's and LoveIt's positional title follows the kind.
  let title = (named.get('title') ?? (name === 'notice' || name === 'admonition' ? positional[1] : undefined) ?? '').replace(/\s+/g, ' ').trim();
  // Docsy's `title="Warning"` on a warning says the kind again.
  if (title.toLowerCase() === kind) title = '';
  return { name, kind, title, rest: m[4] };
}

// The lines of the openers whose closer (of the same name) follows, mapped to their closer's line.
function pairs(lines: readonly string[]): Map<number, number> {
  const closes = new Map<number, number>();
  const open: Array<{ at: number; name: string }> = [];
  let fence: string | null = null;
  lines.forEach((line, at) => {
    const marks = FENCE.exec(line)?.[1];
    if (fence !== null || marks) {
      if (marks && (fence === null || (marks[0] === fence[0] && marks.length >= fence.length))) fence = fence === null ? marks : null;
      return;
    }
    const opener = openerOf(line);
    // An opener closed on its own line (`{{< hint >}}Text{{< /hint >}}`) is a pair of one line.
    const close = CLOSE.exec(line);
    // Deeper than a few callouts is no author's (and each level quotes every line inside it again).
    if (opener && open.length < MAX_DEPTH) open.push({ at, name: opener.name });
    if (!close) return;
    const name = close[2].toLowerCase();
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

/** The Markdown with its Hugo callout shortcodes written as quoted callouts; as it was when it has none. */
export function hugoCalloutsAsCallouts(markdown: string): string {
  if (!mayHoldHugoCallouts(markdown)) return markdown;
  const lines = markdown.split('\n');
  const closes = pairs(lines);
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
      const o = openerOf(line)!;
      out.push(`${quote()}> [!${o.kind}]${o.title ? ` ${o.title}` : ''}`);
      open.push(end);
      cuts.push(leastIndent(lines, i + 1, end));
      line = o.rest;
      if (end !== i && line.trim() === '') continue;
    }
    if (open.length > 0 && open[open.length - 1] === i) {
      const before = CLOSE.exec(line)![1];
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
