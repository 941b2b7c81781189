// Hexo's and Octopress's quote tag: `{% blockquote Author, Source %}` ... `{% endblockquote %}`
// (Hexo's `{% quote %}` too), a quotation with its attribution. static-site.ts removed the tags as
// it removes every Liquid tag, so the quote read as the author's own prose and its attribution
// was lost. It becomes a Markdown quote with a last line `— Author, Source`, the source linked
// when the tag gives an address, read as Hexo reads the arguments (plugins/tag/blockquote.js):
// `Author Address Title`, `Author Address`, `Author, Title` or `Author`. Only a tag whose end tag
// follows; never inside code.
import { fencedLines } from './fenced-lines.js';

const OPEN = /^[ \t]{0,3}\{%-?\s*(blockquote|quote)\b([^{}%\n]{0,500}?)\s*-?%\}(.*)$/;
const CLOSE = /^(.*?)\{%-?\s*end(blockquote|quote)\s*-?%\}\s*$/;
const WITH_TITLE = /^(\S.*?)\s+(https?:\/\/\S+)\s+(.+)$/i;
const WITH_ADDRESS = /^(\S.*?)\s+(https?:\/\/\S+)$/i;
const AUTHOR_TITLE = /^([^,]+),\s*([^,]+)$/;
const ADDRESS_ONLY = /^(https?:\/\/\S+)$/i;

/** Whether `markdown` may hold such a quote (a cheap test before reading line by line). */
export function mayHoldQuoteTags(markdown: string): boolean {
  return markdown.includes('{%') && markdown.includes('quote');
}

// A link's text for an address with no title: its host and path, as Hexo shows it.
function shortAddress(address: string): string {
  try {
    const u = new URL(address);
    const shown = u.hostname.replace(/^www\./, '') + (u.pathname === '/' ? '' : u.pathname);
    return shown.length > 60 ? `${shown.slice(0, 59)}…` : shown;
  } catch {
    return address;
  }
}

// A value placed in Markdown text: its link brackets escaped so it cannot make a link of its own.
const literal = (s: string): string => s.replace(/[[\]\\]/g, '\\$&').trim();

/** The attribution line a tag's arguments give (`— Author, [Title](address)`), '' for none. */
export function attribution(args: string): string {
  const str = args.replace(/\s+/g, ' ').trim();
  if (!str) return '';
  let author = '';
  let address = '';
  let title = '';
  let m: RegExpExecArray | null;
  if ((m = ADDRESS_ONLY.exec(str))) address = m[1];
  else if ((m = WITH_TITLE.exec(str))) [, author, address, title] = m;
  else if ((m = WITH_ADDRESS.exec(str))) [, author, address] = m;
  else if ((m = AUTHOR_TITLE.exec(str))) [, author, title] = m;
  else author = str;
  const source = address ? `[${literal(title || shortAddress(address))}](<${address.replace(/[<>]/g, '')}>)` : literal(title);
  return `— ${[literal(author), source].filter((s) => s !== '').join(', ')}`;
}

// The lines of the opening tags whose end tag follows, mapped to the end tag's line.
function pairs(lines: readonly string[]): Map<number, number> {
  const closes = new Map<number, number>();
  let open = -1;
  const code = fencedLines(lines);
  lines.forEach((line, at) => {
    if (code[at]) return;
    if (OPEN.test(line)) open = at;
    if (open >= 0 && CLOSE.test(line)) {
      closes.set(open, at);
      open = -1;
    }
  });
  return closes;
}

/** The Markdown with its quote tags written as Markdown quotes ending in their attribution; as it was when it has none. */
export function quoteTagsAsQuotes(markdown: string): string {
  if (!mayHoldQuoteTags(markdown)) return markdown;
  const lines = markdown.split('\n');
  const closes = pairs(lines);
  if (closes.size === 0) return markdown;
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const end = closes.get(i);
    if (end === undefined) {
      out.push(lines[i]);
      continue;
    }
    const [, , args, rest] = OPEN.exec(lines[i])!;
    const inner = [rest, ...lines.slice(i + 1, end + 1)];
    // The end tag's line keeps what stands before the tag; on one line, the opener's rest does.
    inner[inner.length - 1] = CLOSE.exec(inner[inner.length - 1])![1];
    while (inner.length > 0 && inner[0].trim() === '') inner.shift();
    while (inner.length > 0 && inner[inner.length - 1].trim() === '') inner.pop();
    const by = attribution(args);
    for (const line of [...inner, ...(by ? ['', by] : [])]) out.push(line.trim() === '' ? '>' : `> ${line}`);
    // A blank line ends the quote, so what follows is not pulled into it.
    out.push('');
    i = end;
  }
  return out.join('\n');
}
