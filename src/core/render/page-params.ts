// Hugo's `{{< param "author" >}}` (or `{{% param author %}}`, `{{< param "params.x" >}}`) stands
// for a value of the page's front matter, else of the site's configuration. The body is rendered
// without the front matter, so the values the article's own front matter holds are written in
// here first; site-syntax/hugo-shortcodes.ts names any other as `[param: name]` (only the site
// knows its value), where both vanished and left their sentence in pieces ("Written by  and .").
import { fencedLines } from './site-syntax/index.js';

// `{{< param "key" >}}`, `{{% param 'key' %}}`, `{{< param key >}}`: one key, dotted for a map's.
const PARAM = /\{\{([<%])\s*param\s+(?:"([^"\n{}]{1,200})"|'([^'\n{}]{1,200})'|([^\s"'{}<>%]{1,200}))\s*[>%]\}\}/gi;

/** Whether `markdown` may hold a Hugo param shortcode (a cheap test before reading line by line). */
export function mayHoldParams(markdown: string): boolean {
  return markdown.includes('param') && (markdown.includes('{{<') || markdown.includes('{{%'));
}

// A key's value in a map, its parts matched case-insensitively (Hugo lower-cases its params' keys).
function lookUp(map: unknown, key: string): unknown {
  let at: unknown = map;
  for (const part of key.split('.')) {
    if (at === null || typeof at !== 'object' || Array.isArray(at)) return undefined;
    const entries = at as Record<string, unknown>;
    const found = Object.keys(entries).find((k) => k.toLowerCase() === part.toLowerCase());
    if (found === undefined) return undefined;
    at = entries[found];
  }
  return at;
}

// A value as prose: strings, numbers and dates as written, a list of them joined; undefined for a map or nothing.
function shown(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.replace(/\s+/g, ' ').trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if (Array.isArray(value)) {
    const items = value.map(shown).filter((v): v is string => v !== undefined);
    return items.length > 0 ? items.join(', ') : undefined;
  }
  return undefined;
}

// A value placed in prose: Markdown's and the templates' punctuation escaped, so it is read as words.
const escaped = (s: string): string => s.replace(/[\\`*_[\]<>{}|~#!%$=^:]/g, '\\$&');

/** The key's value in a page's front matter (`params.key` too, Hugo's newer place for them), shown as prose; undefined when it has none. */
export function paramValue(frontMatter: Record<string, unknown>, key: string): string | undefined {
  const k = key.replace(/^\.?(?:page\.)?/i, '');
  return shown(lookUp(frontMatter, k)) ?? shown(lookUp(frontMatter, `params.${k.replace(/^params\./i, '')}`));
}

/** An article's body as the body pane renders it: with the Hugo params its front matter holds written in. */
export function bodyMarkdown(article: { readonly body: string; readonly frontMatter: Record<string, unknown> }): string {
  const body = article.body;
  // The front matter is only asked for (a lazy article reads its file for it) when a param may be there.
  return mayHoldParams(body) ? withPageParams(body, article.frontMatter) : body;
}

let last: { body: string; frontMatter: Record<string, unknown>; out: string } | null = null;

/** The body with each Hugo param its front matter holds written in as its value (code left as it is); the body itself when there is none. */
export function withPageParams(body: string, frontMatter: Record<string, unknown> | undefined): string {
  if (!frontMatter || !mayHoldParams(body)) return body;
  if (last && last.body === body && last.frontMatter === frontMatter) return last.out;
  const lines = body.split('\n');
  const code = fencedLines(lines);
  const out = lines.map((line, i) => {
    if (code[i] || !line.includes('param')) return line;
    // Code spans keep the shortcode as written (a post about Hugo).
    return line.split(/(`[^`]*`)/).map((part, i) => (i % 2 === 1 ? part : part.replace(PARAM, (all, _k, a?: string, b?: string, c?: string) => {
      const value = paramValue(frontMatter, a ?? b ?? c ?? '');
      return value === undefined ? all : escaped(value);
    }))).join('');
  }).join('\n');
  last = { body, frontMatter, out };
  return out;
}
