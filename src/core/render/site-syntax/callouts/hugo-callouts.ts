// Hugo themes' callout shortcodes: Learn's and Relearn's `{{% notice warning %}}`, Hextra's
// `{{< callout type="info" >}}`, hugo-book's `{{< hint danger >}}`, Docsy's `{{% alert title="..."
// color="warning" %}}`, LoveIt's `{{< admonition tip "Title" >}}` and the Kubernetes docs'
// `{{< note >}}`, each closed by `{{< /name >}}` on a line of its own. They are the same thing as
// GitHub's alerts, and are written as one (callout-blocks.ts) for ../callouts.ts to draw;
// static-site.ts removed the tags and left the text as a plain paragraph. Only openers whose closer
// follows; one left open is removed with the other shortcodes. Never inside code.
import { isCalloutKind } from '../../callouts.js';
import { quoteCalloutBlocks, type CalloutOpener, type CalloutSyntax } from './callout-blocks.js';

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
// `key=value` (the value quoted or bare, as Hugo allows), or a positional value.
const ARGUMENT = /([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|`([^`]*)`|([^\s"'`]+))|"([^"]*)"|'([^']*)'|`([^`]*)`|([^\s"'`]+)/g;

/** Whether `markdown` may hold a Hugo callout (a cheap test before reading line by line). */
export function mayHoldHugoCallouts(markdown: string): boolean {
  return markdown.includes('{{<') || markdown.includes('{{%');
}

// The callout kind a value names, or undefined.
function kindOf(value: string | undefined): string | undefined {
  const v = value?.trim().toLowerCase() ?? '';
  const kind = ALIASES[v] ?? v;
  return kind && isCalloutKind(kind) ? kind : undefined;
}

// What an opener line says: the shortcode's name, its callout kind and title; null for any other line.
function openerOf(line: string): CalloutOpener | null {
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

const HUGO: CalloutSyntax = {
  opener: openerOf,
  closer(line) {
    const m = CLOSE.exec(line);
    return m ? { name: m[2].toLowerCase(), before: m[1] } : null;
  },
};

/** The Markdown with its Hugo callout shortcodes written as quoted callouts; as it was when it has none. */
export function hugoCalloutsAsCallouts(markdown: string): string {
  return mayHoldHugoCallouts(markdown) ? quoteCalloutBlocks(markdown, HUGO) : markdown;
}
