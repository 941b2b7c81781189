// Notion's "Markdown & CSV" export writes a database page as its title (`# Bitcoin ETF flows`),
// a blank line, the page's properties one a line (`Created: November 4, 2025 10:30 AM`,
// `Tags: Bitcoin, ETF`, `Status: Published`), a blank line, then the body; no front matter. Before,
// the properties ran together into the body's first paragraph and the date was the file's time.
//
// A body may open with a heading and a `Word: text` line of its own ("Update: the SEC approved"),
// so the lines are properties only when every line of the block is `Name: value` and they name
// Notion's own properties: a date (`Created`, `Date`, ...) that reads as one, or two of its usual
// names. Names are lower-cased as metadata-lines.ts does and values kept as written (a date
// range's end dropped); `date` and `created` are published dates already (published-date.ts), and
// Notion's other names for a date, its tags (`Multi-select`), its update time (`Last edited time`)
// and author (`Created by`) are given the names normalise.ts reads, where those are missing.

// A property's name (words, spaces inside) and its value.
const PROPERTY = /^([^\s:#>|`*\-+[][^:\n]{0,39}?)[ \t]*:[ \t]+(\S.*)$/;
const HEADING = /^# \S/;
const MAX_PROPERTIES = 40;
// Keys no data object of this program takes from a file (safe-data.ts drops them from YAML too).
const UNSAFE = new Set(['__proto__', 'constructor', 'prototype']);
const DATE_NAMES = ['date', 'created', 'created time', 'date created', 'published', 'publish date'];
const USUAL_NAMES = new Set([
  ...DATE_NAMES, 'tags', 'multi-select', 'status', 'type', 'category', 'author', 'created by',
  'last edited time', 'last edited by', 'url', 'source', 'person',
]);
// Notion's date spellings: `November 4, 2025`, `Nov 4, 2025`, `2025/11/04`, `11/04/2025`, ISO.
const NOTION_DATE = /^(?:[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}|\d{4}[/-]\d{1,2}[/-]\d{1,2}|\d{1,2}\/\d{1,2}\/\d{4}|\d{1,2} [A-Z][a-z]{2,8} \d{4})\b/;
// A date range's end (`November 4, 2025 → November 6, 2025`): the start is the page's date.
const RANGE = /\s+(?:→|->)\s+.*$/;

/** The Notion properties under the title at the start of `text` as data, and the body without them (title kept); null when it has none. */
export function readNotionProperties(text: string): { data: Record<string, unknown>; body: string } | null {
  if (!HEADING.test(text)) return null;
  const head = text.slice(0, 8192);
  const lines = head.split('\n', MAX_PROPERTIES + 4);
  // Whether `lines` hold the whole file (a block running to the last of them then ends the file).
  const whole = head.length === text.length && lines.length < MAX_PROPERTIES + 4;
  let at = 1;
  while (at < lines.length && lines[at].trim() === '') at++;
  if (at === 1 || at >= lines.length) return null;
  const start = at;
  const data: Record<string, unknown> = Object.create(null);
  let usual = 0;
  let dated = false;
  for (; at < lines.length && lines[at].trim() !== ''; at++) {
    const m = PROPERTY.exec(lines[at].replace(/\r$/, ''));
    if (!m || at - start >= MAX_PROPERTIES) return null;
    const name = m[1].trim().toLowerCase();
    if (UNSAFE.has(name)) return null;
    const value = m[2].trim();
    data[name] = value;
    if (USUAL_NAMES.has(name)) usual++;
    if (DATE_NAMES.includes(name) && NOTION_DATE.test(value)) dated = true;
  }
  // The block must end with a blank line (or the file), and read as Notion's.
  if ((at >= lines.length && !whole) || (!dated && usual < 2)) return null;
  for (const name of DATE_NAMES) if (typeof data[name] === 'string') data[name] = (data[name] as string).replace(RANGE, '');
  // `date` and `created` are read as they are (published-date.ts); another date property is given as `date`.
  const date = DATE_NAMES.find((name) => typeof data[name] === 'string' && NOTION_DATE.test(data[name] as string));
  if (date !== undefined && date !== 'date' && date !== 'created' && data.date === undefined) data.date = data[date];
  if (data.tags === undefined && data['multi-select'] !== undefined) data.tags = data['multi-select'];
  if (data.updated === undefined && data['last edited time'] !== undefined) data.updated = data['last edited time'];
  if (data.author === undefined && data['created by'] !== undefined) data.author = data['created by'];
  // The title's line and the blank lines after it stay; the properties and the blank line after them go.
  const kept = lines.slice(0, start).join('\n');
  let offset = 0;
  for (let i = 0; i < at; i++) offset += lines[i].length + 1;
  const rest = text.slice(Math.min(offset, text.length)).replace(/^\r?\n/, '');
  return { data, body: rest === '' ? kept.trimEnd() : `${kept.trimEnd()}\n\n${rest}` };
}
