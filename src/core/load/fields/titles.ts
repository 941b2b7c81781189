// An article's title when its front matter gives none: the body's first level-one heading, else
// the file's name made readable.

// The id Notion's export puts after a page's or a database's name (`Bitcoin ETF 1a2b...6d.md`,
// 32 hexadecimal digits): the name's, never the reader's.
const NOTION_ID = /\s+[0-9a-f]{32}$/;

/** A file's or folder's name without the Notion id after it (`Research 1a2b...6d` -> `Research`). */
export function withoutNotionId(name: string): string {
  return name.length > 33 && NOTION_ID.test(name) ? name.replace(NOTION_ID, '') : name;
}

/** Title from a file name: extension, Jekyll date prefix and Notion id dropped, dashes and underscores to spaces. */
export function titleFromFileName(fileName: string): string {
  const stem = withoutNotionId(fileName.replace(/\.[^.]+$/, ''));
  const words = stem.replace(/^\d{4}-\d{2}-\d{2}-/, '').replace(/[-_]+/g, ' ').trim();
  return words === '' ? stem : words;
}

// Lines that cannot start a paragraph (so cannot start a setext heading's text).
const NOT_PARAGRAPH = /^(?: {4}|\t| {0,3}(?:[-+*][ \t]|\d{1,9}[.)][ \t]|[>|<]))/;

/**
 * Text of the first level-one heading outside code fences, `# Title` or the setext form (`Title`
 * underlined with `===`, one or more lines), with inline Markdown markers removed; null for none.
 */
export function firstHeading(body: string): string | null {
  let fence: string | null = null;
  // The lines of the paragraph being read: a `===` line under them makes them a heading.
  let paragraph: string[] = [];
  for (const line of body.slice(0, 64 * 1024).split('\n')) {
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceMatch) {
      if (fence === null) fence = fenceMatch[1][0];
      else if (fenceMatch[1][0] === fence) fence = null;
      paragraph = [];
      continue;
    }
    if (fence !== null) continue;
    const atx = /^ {0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/.exec(line) ?? HTML_H1.exec(line);
    const setext = paragraph.length > 0 && /^ {0,3}=+[ \t]*$/.test(line);
    if (atx || setext) {
      const text = headingText(atx ? atx[1].replace(/<[^>]*>/g, '') : paragraph.join(' '));
      if (text !== '') return text;
      paragraph = [];
      continue;
    }
    // Blank lines end a paragraph. Indented code, list items, quotes, HTML and table rows do not
    // start one: a `===` under them continues them rather than making a heading.
    if (line.trim() === '' || (paragraph.length === 0 && NOT_PARAGRAPH.test(line))) paragraph = [];
    else paragraph.push(line.trim());
  }
  return null;
}

// A level-one heading written as HTML on one line (pages converted from HTML): `<h1>Title</h1>`.
const HTML_H1 = /^ {0,3}<h1(?:\s[^>]*)?>(.+?)<\/h1>\s*$/i;

// A heading's text without inline Markdown markers and kramdown attribute lists.
function headingText(raw: string): string {
  return raw
    .replace(/\s*\{:?[^}]*\}\s*$/, '') // kramdown `{#id .class}` / `{:.class}` attribute lists
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`~]+/g, '')
    .trim();
}
