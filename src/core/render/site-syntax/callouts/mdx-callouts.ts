// MDX callout components: Starlight's `<Aside type="caution" title="...">`, Nextra's `<Callout
// type="warning">`, Docusaurus's `<Admonition type="tip">` and Mintlify's `<Note>`, `<Warning>`,
// `<Tip>`, `<Info>`, `<Check>`, each opened and closed on lines of their own. mdx-syntax.ts
// removed their tags as any component's and left the text a plain paragraph; they are callouts
// (callout-blocks.ts), as Docusaurus's `:::` admonitions are. Never inside code.
import { isCalloutKind } from '../../callouts.js';
import { quoteCalloutBlocks, type CalloutOpener, type CalloutSyntax } from './callout-blocks.js';

// The components read here, and the kind each is when its `type` names none.
const DEFAULT_KIND: Readonly<Record<string, string>> = {
  Aside: 'note', Callout: 'note', Admonition: 'note',
  Note: 'note', Tip: 'tip', Info: 'info', Warning: 'warning', Caution: 'caution', Danger: 'danger', Check: 'success',
};
// Nextra's `type="default"`, and the other names themes give the plain kind.
const ALIASES: Readonly<Record<string, string>> = { default: 'note', secondary: 'note', primary: 'note' };

const ANY = /<(?:Aside|Callout|Admonition|Note|Tip|Info|Warning|Caution|Danger|Check)\b/;
// `<Name attributes>` opening a line (not `/>`), and what follows it on the line; attribute values
// may be quoted or `{"..."}`, and hold no `>`.
const OPEN = /^[ \t]{0,3}<(Aside|Callout|Admonition|Note|Tip|Info|Warning|Caution|Danger|Check)((?:\s+[\w-]+(?:=(?:"[^"\n]{0,300}"|'[^'\n]{0,300}'|\{[^{}\n]{0,300}\}))?){0,20})\s*>(.*)$/;
const CLOSE = /^(.*?)<\/(Aside|Callout|Admonition|Note|Tip|Info|Warning|Caution|Danger|Check)>\s*$/;

// An attribute's string value (`a="x"`, `a='x'`, `a={"x"}`, `a={'x'}`), or undefined.
function attribute(attributes: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|\\{\\s*"([^"\\\\]*)"\\s*\\}|\\{\\s*'([^'\\\\]*)'\\s*\\})`).exec(attributes);
  return m ? (m[1] ?? m[2] ?? m[3] ?? m[4]) : undefined;
}

function openerOf(line: string): CalloutOpener | null {
  const m = OPEN.exec(line);
  if (!m) return null;
  const type = attribute(m[2], 'type')?.trim().toLowerCase() ?? '';
  const named = ALIASES[type] ?? type;
  const kind = named && isCalloutKind(named) ? named : DEFAULT_KIND[m[1]];
  let title = (attribute(m[2], 'title') ?? '').replace(/\s+/g, ' ').trim();
  if (title.toLowerCase() === kind) title = '';
  return { name: m[1], kind, title, rest: m[3] };
}

const MDX: CalloutSyntax = {
  opener: openerOf,
  closer(line) {
    const m = CLOSE.exec(line);
    return m ? { name: m[2], before: m[1] } : null;
  },
};

/** The Markdown with its MDX callout components written as quoted callouts; as it was when it has none. */
export function mdxCalloutsAsCallouts(markdown: string): string {
  return ANY.test(markdown) ? quoteCalloutBlocks(markdown, MDX) : markdown;
}
