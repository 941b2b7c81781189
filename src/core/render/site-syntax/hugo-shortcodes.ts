// Hugo's built-in shortcodes that stand for something a reader should see: `{{< figure >}}` (an
// image with its alt text, title and caption: the commonest shortcode in Hugo posts) and the
// players and posts (`youtube`, `vimeo`, `tweet`, `x`, `instagram`, `gist`). They were removed
// with every other shortcode, and a figure's caption, often the chart's only description, was
// lost. A figure becomes an HTML image followed by its title and caption; a player or post an
// HTML player tag (../html-tags.ts names it, its address a link note), as WordPress's are
// (wordpress-shortcodes.ts). `{{< param x >}}` shows as `[param: x]` (page-params.ts writes in
// those the front matter holds). Any other shortcode, a theme's own, still means nothing here.

// `{{< name args >}}` or `{{% name args %}}`, closing ones too; no braces inside, bounded.
const SHORTCODE = /\{\{([<%])\s*(\/?)\s*([\w-]{1,100})([^{}]{0,500}?)\s*[>%]\}\}/g;
const ATTRIBUTE = /([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|`([^`]*)`)/g;
const POSITIONAL = /"([^"]*)"|'([^']*)'|([^\s"']+)/g;

// An attribute's value placed inside a double-quoted HTML attribute.
const quoted = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
// A value placed in HTML text.
const text = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function read(args: string): { named: Map<string, string>; positional: string[] } {
  const named = new Map<string, string>();
  for (const m of args.matchAll(ATTRIBUTE)) named.set(m[1].toLowerCase(), m[2] ?? m[3] ?? m[4] ?? '');
  const rest = args.replace(ATTRIBUTE, ' ');
  const positional = [...rest.matchAll(POSITIONAL)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
  return { named, positional };
}

// Where each player or post lives, from its id (and user, for a post and a gist).
function address(name: string, id: string, user: string): string {
  const safe = encodeURIComponent(id);
  switch (name) {
    case 'youtube':
      return `https://www.youtube.com/watch?v=${safe}`;
    case 'vimeo':
      return `https://vimeo.com/${safe}`;
    case 'instagram':
      return `https://www.instagram.com/p/${safe}/`;
    case 'gist':
      return user ? `https://gist.github.com/${encodeURIComponent(user)}/${safe}` : '';
    default:
      // tweet, x: Hugo 0.141's form names the user; the old one only the id.
      return user ? `https://x.com/${encodeURIComponent(user)}/status/${safe}` : `https://x.com/i/status/${safe}`;
  }
}

function figure(named: Map<string, string>): string {
  const alt = named.get('alt') ?? '';
  const words = [named.get('title'), named.get('caption')].filter((w): w is string => !!w && w.trim() !== '').map(text);
  // No alt: `[image]`, and the title or caption after it says what it shows.
  return [alt ? `<img alt="${quoted(alt)}">` : '<img>', ...words].join(' ');
}

const PLAYERS = new Set(['youtube', 'vimeo', 'tweet', 'x', 'instagram', 'gist']);

/**
 * An escaped shortcode, `{{</* tweet id="1" *\/>}}` or `{{%/* notice tip *\/%}}` (`*\/` stands for
 * star-slash, which would end this comment): Hugo prints it as the shortcode itself
 * (`{{< tweet id="1" >}}`), not run. Hugo's docs, "Shortcodes" > "Escaping":
 * https://gohugo.io/content-management/shortcodes/#escaping. Bounded, no braces inside.
 */
export const ESCAPED_SHORTCODE = /\{\{([<%])\/\*([^{}]{0,500}?)\*\/([>%])\}\}/g;

/** Escaped shortcodes as Hugo prints them (`{{</* x *\/>}}` -> `{{< x >}}`); for code, where Markdown is not read. */
export function unescapeShortcodes(code: string): string {
  return code.includes('/*') ? code.replace(ESCAPED_SHORTCODE, '{{$1$2$3}}') : code;
}

/**
 * An escaped shortcode as Hugo prints it, written as Markdown that shows it literally: every ASCII
 * punctuation mark backslash-escaped (CommonMark, "Backslash escapes"), so neither marked (`<x>`
 * read as an HTML tag) nor the template passes after this one (`{{ }}` removed as Liquid output)
 * take it for markup. Before, it was removed as any other shortcode: "write  in your post".
 */
export function literalShortcode(escaped: string): string {
  return unescapeShortcodes(escaped).replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

/** Whether `markdown` may hold a Hugo shortcode (a cheap test before reading line by line). */
export function hasHugoShortcode(markdown: string): boolean {
  return markdown.includes('{{<') || markdown.includes('{{%');
}

/** One line of prose (no code in it) with its Hugo shortcodes read: figures and players shown, the rest gone. */
export function readHugoShortcodes(line: string): string {
  return line.replace(SHORTCODE, (_all, _kind: string, closing: string, rawName: string, args: string) => {
    const name = rawName.toLowerCase();
    if (closing) return '';
    const { named, positional } = read(args);
    if (name === 'figure') return figure(named);
    // A param the front matter did not give (../page-params.ts): named, as an image with no alt
    // is, since only the site's configuration holds its value; removed, it left its sentence in
    // pieces ("Written by  for  readers").
    if (name === 'param') {
      const key = (positional[0] ?? '').replace(/[^\w.-]/g, '');
      return key ? `\\[param: ${key}\\]` : '';
    }
    if (!PLAYERS.has(name)) return '';
    const id = named.get('id') ?? (name === 'gist' ? positional[1] : positional[0]) ?? '';
    const user = named.get('user') ?? named.get('username') ?? (name === 'gist' ? positional[0] : '') ?? '';
    if (!id) return '';
    const tag = name === 'youtube' || name === 'vimeo' ? 'video' : 'iframe';
    const title = named.get('title');
    return `<${tag} src="${quoted(address(name, id, user))}"${title ? ` title="${quoted(title)}"` : ''}></${tag}>`;
  });
}
