// An author as feeds write it, read as the name a reader knows them by. RSS 2.0's `<author>` is
// an e-mail address with the name in parentheses (`newsdesk@example.org (Carlos Méndez)`), and
// Atom exports, mail-style tools and Hugo themes write `Dana Whitfield <dana@example.com>`
// (RFC 5322's name-addr, the name perhaps quoted). Shown as written, the list's source column
// held an address, `source:` filters matched the address's letters, and a quoted name kept its
// quotes. The address is not lost: the inspector shows the front matter as written.

// `<address>` ending a name-addr: anything without brackets or white space around an `@`. Matched
// from the last `<` on, not with the name in one pattern: `^(.*?)\s*<…>$` backtracks quadratically
// over a long run of spaces (an author of 20k spaces and an `@` took 0.3 s, 200k half a minute).
const ADDR_END = /^<([^<>\s]+@[^<>\s]+)>$/;
// `address (Name)`: RSS 2.0's form (RFC 822's comment after the address).
const ADDR_NAME = /^([^\s()<>@]+@[^\s()<>]+)\s*\((.+)\)$/;

// A quoted display name's text: the quotes gone, its backslash escapes (`\"`) read.
function unquoted(name: string): string {
  const t = name.trim();
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) return t.slice(1, -1).replace(/\\(.)/g, '$1').trim();
  return t;
}

/**
 * The name in an author written as an address with a name (`Name <a@b>`, `"Last, First" <a@b>`,
 * `a@b (Name)`); a bare `<a@b>` gives the address; anything else (a plain name, a bare address,
 * `Jane Doe (CoinDesk)`) is returned as it is.
 */
export function authorName(author: string): string {
  const text = author.trim();
  // Most authors are a plain name: no `@`, nothing to read.
  if (!text.includes('@')) return author;
  const open = text.lastIndexOf('<');
  const addr = open >= 0 ? ADDR_END.exec(text.slice(open)) : null;
  if (addr) return unquoted(text.slice(0, open)) || addr[1];
  const rss = ADDR_NAME.exec(text);
  if (rss) return unquoted(rss[2]) || rss[1];
  return author;
}

/** The first author of a front matter's `author` (a value or a list) or `authors` (Hugo's and Zola's list, Zola 0.19's only author field), as written. */
export function firstAuthor(data: Record<string, unknown>): unknown {
  return Array.isArray(data.author) ? data.author[0] : (data.author ?? (Array.isArray(data.authors) ? data.authors[0] : undefined));
}
