// Obsidian's own syntax, common in vaults kept as folders of Markdown notes: wiki links
// (`[[Note]]`, `[[Note|shown text]]`, `[[Note#Heading]]`), embeds (`![[chart.png]]`,
// `![[Other note]]`) and comments (`%%hidden%%`, also over several lines). Shown as written, a
// link showed its brackets and target, a comment its text. Links to other notes have no address
// outside the vault, so they read as their text; an embed is named as an image is. A block id
// (`... Tuesday. ^liq-high`, or alone on the line under a list or table) is the vault's anchor for
// links to that block: hidden. An inline footnote (`^[text]`, Pandoc's too) becomes a GFM
// footnote: a marker in the text, its text listed after the body as `[^1]`'s is (footnotes.ts).

// Not before `(`, `[` or `:` (a Markdown link or reference whose text starts with `[`).
const WIKI = /(!?)\[\[([^[\]|\n]{1,300})(?:\|([^[\]\n]{1,300}))?\]\](?![([:])/g;
const IMAGE = /\.(?:png|jpe?g|gif|webp|svg|bmp|avif)$/i;
const COMMENT = /%%[^\n]{0,2000}?%%/g;

// A block id ending a line: `^` and letters, digits and dashes, after a space or alone.
// At least one letter: `r ^2` ending a line is a power, not an id.
const BLOCK_ID = /(?:^|[ \t])\^(?=[0-9-]*[A-Za-z])[A-Za-z0-9-]{1,100}[ \t]*$/;
const BLOCK_IDS = /(?:^|[ \t])\^(?=[0-9-]*[A-Za-z])[A-Za-z0-9-]{1,100}[ \t]*$/m;
// Longest inline footnote read; a longer `^[` run is left as written.
const MAX_NOTE = 2000;

// A line opening with `%%` after blanks. Not `^\s*%%`: `\s` crosses line ends, so from every line start
// it ran over all the blank lines after it and back: 40,000 blank lines took 2 s, a few more minutes.
const COMMENT_LINE = /^[^\S\r\n]*%%/m;

/** Whether `markdown` may hold Obsidian syntax (a cheap test before reading line by line): a wiki link, a line opening a comment, a block id or an inline footnote. */
export function hasObsidianSyntax(markdown: string): boolean {
  return markdown.includes('[[') || COMMENT_LINE.test(markdown) || (markdown.includes('^') && (markdown.includes('^[') || BLOCK_IDS.test(markdown)));
}

/** The line's end without its block id (`text ^abc123` -> `text`); the line as it is when it has none. */
export function withoutBlockId(text: string): string {
  return text.includes('^') ? text.replace(BLOCK_ID, '') : text;
}

/** Inline footnotes read out of one run of prose: each `^[text]` replaced by a reference, its text kept for the list. */
export class InlineNotes {
  /** The definitions to add after the body, `[^label]: text`. */
  readonly definitions: string[] = [];
  constructor(private readonly prefix: string) {}

  /** `text` with its inline footnotes (balanced brackets, not inside `$...$` math) as references `[^prefixN]`. */
  read(text: string): string {
    let at = text.indexOf('^[');
    if (at < 0) return text;
    let out = '';
    let from = 0;
    for (; at >= 0; at = text.indexOf('^[', at + 1)) {
      if (at < from) continue;
      const end = closingBracket(text, at + 1);
      // Inside inline math (`$x^[2]$`): an odd number of dollars before it on the line.
      if (end < 0 || (text.slice(0, at).match(/\$/g)?.length ?? 0) % 2 === 1) continue;
      const note = text.slice(at + 2, end).trim();
      if (note === '') continue;
      this.definitions.push(`[^${this.prefix}${this.definitions.length + 1}]: ${note}`);
      out += `${text.slice(from, at)}[^${this.prefix}${this.definitions.length}]`;
      from = end + 1;
      at = end;
    }
    return out + text.slice(from);
  }
}

// Where the `[` at `open` closes (nested brackets counted, escapes skipped), or -1 within MAX_NOTE.
function closingBracket(text: string, open: number): number {
  let depth = 0;
  const last = Math.min(text.length, open + MAX_NOTE);
  for (let i = open; i < last; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i;
  }
  return -1;
}

// An image's size after its name or alt text: `|300` (width) or `|100x145` (width x height).
const IMAGE_SIZE = /\|[ \t]*\d{1,5}(?:[ \t]*x[ \t]*\d{1,5})?[ \t]*$/;

/**
 * An image's alt text without Obsidian's size (`BTC|250` -> `BTC`, `BTC|100x145` -> `BTC`): in
 * `![[chart.png|300]]` and `![BTC|250](chart.png)` a number or WxH after `|` is the size it is
 * drawn at, not words (Obsidian Help, "Embed files" > "Embed an image in a note":
 * https://help.obsidian.md/Linking+notes+and+files/Embed+files). Shown as written, the size was
 * taken for the image's name (`[image: 300]`).
 */
export function withoutImageSize(alt: string): string {
  return alt.includes('|') ? alt.replace(IMAGE_SIZE, '') : alt;
}

function shown(embed: string, target: string, alias: string | undefined): string {
  const name = target.trim();
  if (embed) return IMAGE.test(name) ? `![${withoutImageSize(`|${alias ?? ''}`).slice(1).trim() || name}](<${name}>)` : `[embed: ${name.replace(/#/g, ' > ').replace(/^ > /, '')}]`;
  // `[[toc]]` is VuePress's (markdown-it's) table of contents, drawn by the site: not a note's name.
  if (!embed && alias === undefined && /^toc$/i.test(name)) return '';
  // A link into the same note (`[[#Outlook]]`, `[[#^id]]`) names only the heading, as Obsidian shows it.
  return alias?.trim() || name.replace(/#\^?/g, ' > ').replace(/^ > /, '');
}

/** Prose (no code in it) with its wiki links and embeds read and its one-line comments gone. */
export function readObsidian(text: string): string {
  return text.replace(COMMENT, '').replace(WIKI, (_all, embed: string, target: string, alias?: string) => shown(embed, target, alias));
}

/** Where a comment left open on this line starts (`%%` with no closing one after it), or -1. */
export function openComment(text: string): number {
  return text.replace(COMMENT, (c) => ' '.repeat(c.length)).indexOf('%%');
}
