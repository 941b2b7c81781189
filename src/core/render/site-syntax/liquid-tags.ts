// Jekyll's Liquid tags in prose. Most mean nothing outside the site (`{% if %}`, `{% assign %}`,
// `{% include toc.html %}`) and are removed, but an image include (`{% include figure.html
// image_path="/x.png" alt="..." caption="Hashrate" %}`, Minimal Mistakes' and most themes'
// `image.html`) carries the picture's only description: it is read as an image, `[image: alt]`
// with its caption after it, or `[image: caption]` with no alt, as Hugo's figures are
// (hugo-shortcodes.ts). A tag may hold `{{ ... }}` in a value and span lines (static-site.ts joins
// them); before, both kinds were left on screen as written.
// Hexo's Nunjucks tags look the same: its image tags (`{% asset_img chart.png Reserves chart %}`,
// `{% img /x.png 600 '"Title" "Alt"' %}`) are read as images, the words after the file their
// description; they vanished with the other tags.

// A tag: `{%`, then plain characters, quoted values and `{{ }}` outputs, `%}`. The alternatives
// start with different characters and each is bounded, so a failed try is short.
const TAG = /\{%(?:[^{}%"']|"[^"\n]{0,500}"|'[^'\n]{0,500}'|\{\{[^{}]{0,500}\}\}){0,1000}%\}/g;
const INCLUDE = /^\{%-?\s*include(?:_relative|_cached)?\s+([^\s%]+)([\s\S]*?)-?%\}$/;
const PARAMETER = /([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
// An include of an image by its name, or any include with an alt text or an image file's address.
const IMAGE_NAME = /(?:^|[/_-])(?:figure|image|img|picture|photo|screenshot)s?(?:[._-]|$)/i;
const IMAGE_FILE = /\.(?:png|jpe?g|gif|webp|svg|avif)(?:[?#].*)?$/i;
// Hexo's image tags: the arguments after the name (class names, the file, sizes, the title).
const HEXO_IMAGE = /^\{%-?\s*(?:asset_img|asset_image|img)\s+([\s\S]*?)-?%\}$/;
// A file or an address among Hexo's arguments (class names and sizes come before or after it).
const PATH_LIKE = /^(?:\/|https?:\/\/|\.{0,2}\/)|\.[A-Za-z0-9]{2,5}$/;

// Liquid output, `{{ page.title }}`, bounded with no braces inside; its first word the variable.
const OUTPUT = /\{\{-?\s*([\w.-]{0,100})([^{}]{0,500})\}\}/g;
// `{% capture name %}...{% endcapture %}` on one line; tags and outputs inside, not other braces.
const ONE_LINE_CAPTURE = /\{%-?\s*capture\s+([\w-]{1,100})\s*-?%\}((?:[^{}]|\{\{[^{}]{0,500}\}\}|\{%[^{}]{0,500}%\}){0,2000}?)\{%-?\s*endcapture\s*-?%\}/g;

/**
 * The one-line captures of a post: `{% capture x %}text{% endcapture %}` outputs nothing where it
 * stands and sets `x` to its text, which `{{ x }}` (filters and all) outputs later (Liquid's docs,
 * "Variable" > "capture": https://shopify.github.io/liquid/tags/variable/#capture). Shown as
 * written, its text appeared where the capture was. A capture over several lines still shows its
 * text in place: themes write notices so (Minimal Mistakes' `{% capture notice %}` ... `{{ notice
 * | markdownify }}` a line later), and that text is the notice a reader should see.
 */
export class LiquidCaptures {
  private readonly values = new Map<string, string>();

  /** Prose (no code) with its one-line captures removed and remembered. */
  read(prose: string): string {
    if (!prose.includes('capture')) return prose;
    return prose.replace(ONE_LINE_CAPTURE, (_all, name: string, text: string) => {
      this.values.set(name, readLiquidTags(text).replace(OUTPUT, (o, v: string) => this.values.get(v) ?? ''));
      return '';
    });
  }

  /** Prose with its Liquid outputs replaced: a captured variable by its text, any other by nothing. */
  output(prose: string): string {
    return prose.includes('{{') ? prose.replace(OUTPUT, (_all, name: string) => this.values.get(name) ?? '') : prose;
  }
}

/** Whether a line holds the start of a Liquid tag that does not end on it (`{%` with no `%}` after it). */
export function opensLiquidTag(line: string): boolean {
  const open = line.lastIndexOf('{%');
  return open >= 0 && line.indexOf('%}', open + 2) < 0;
}

// A value placed inside a double-quoted HTML attribute, or in HTML text: no Liquid output in it.
const plain = (s: string): string => s.replace(/\{\{[^{}]*\}\}/g, '').replace(/\s+/g, ' ').trim();
const quoted = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const text = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

// What an include stands for: an image as HTML (its alt and caption), else nothing.
function include(name: string, args: string): string {
  const params = new Map<string, string>();
  for (const m of args.matchAll(PARAMETER)) params.set(m[1].toLowerCase(), plain(m[2] ?? m[3] ?? ''));
  const alt = params.get('alt') ?? '';
  const pictured = IMAGE_NAME.test(name) || params.has('alt') || [...params.values()].some((v) => IMAGE_FILE.test(v));
  if (!pictured) return '';
  const caption = params.get('caption') || params.get('description') || undefined;
  const title = params.get('title') || undefined;
  // No alt: the caption (else the title) says what it shows.
  const named = alt || caption || title;
  const after = alt ? [title, caption] : [caption && title];
  return [named ? `<img alt="${quoted(named)}">` : '<img>', ...after.filter((w): w is string => !!w).map(text)].join(' ');
}

// What a Hexo image tag's arguments show: `<img alt>` with the description after the file (a quoted
// `"title" "alt"` pair: the alt, and the title as an `<img>`'s), or a bare `<img>`.
function hexoImage(args: string): string {
  const words = args.trim().split(/\s+/);
  const file = words.findIndex((w) => PATH_LIKE.test(w));
  const rest = (file < 0 ? '' : words.slice(file + 1).join(' ')).replace(/^(?:\d+%?\s+){0,2}/, '').trim();
  const quotes = [...rest.matchAll(/"([^"]*)"/g)].map((m) => m[1].trim());
  const alt = plain(quotes.length > 0 ? (quotes[quotes.length - 1] || quotes[0]) : rest.replace(/^'|'$/g, ''));
  const title = quotes.length > 1 && quotes[quotes.length - 1] ? plain(quotes[0]) : '';
  return `<img${alt ? ` alt="${quoted(alt)}"` : ''}${title ? ` title="${quoted(title)}"` : ''}>`;
}

/** Prose (no code in it) with its Liquid tags read: image includes shown as images, the rest gone. */
export function readLiquidTags(prose: string): string {
  if (!prose.includes('{%')) return prose;
  return prose.replace(TAG, (tag) => {
    const m = INCLUDE.exec(tag);
    if (m) return include(m[1], m[2]);
    const hexo = HEXO_IMAGE.exec(tag);
    return hexo ? hexoImage(hexo[1]) : '';
  });
}
