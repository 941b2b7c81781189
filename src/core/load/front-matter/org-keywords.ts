// Org-mode's in-buffer keywords at the top of a file (`#+TITLE: ...`, `#+DATE: <2025-11-04 Tue>`,
// `#+AUTHOR: ...`, `#+FILETAGS: :bitcoin:etf:`), as Org writes them and as notes kept in Org and
// turned into Markdown (or Markdown written by Org users) keep them. Without this such a file was
// titled by its file name, dated by the file's time, and its `#+` lines were its first paragraph.
//
// The block is every line from the first up to a blank line or the first line that is not a
// keyword (the body), and needs `#+TITLE` or `#+DATE` among them. Org's `#+OPTIONS:` and the
// like are read too and mean nothing here. Dates are Org timestamps (dates.ts reads them).

const KEYWORD = /^#\+([A-Za-z][A-Za-z0-9_-]{0,39}):[ \t]*(.*)$/;
const MAX_LINES = 60;
// Keys no data object of this program takes from a file (safe-data.ts drops them from YAML too).
const UNSAFE = new Set(['__proto__', 'constructor', 'prototype']);

// Org's tag spellings: `:bitcoin:etf:` (FILETAGS), or words apart (ox-hugo's `#+HUGO_TAGS: a b`).
const orgTags = (value: string): string[] => value.split(/[:\s]+/).filter(Boolean);

/** The `#+KEY: value` lines at the start of `text` as data (keys lower-cased), and the body after them; null when it has none. */
export function readOrgKeywords(text: string): { data: Record<string, unknown>; body: string } | null {
  if (!text.startsWith('#+')) return null;
  const data: Record<string, unknown> = Object.create(null);
  let at = 0;
  for (let n = 0; n < MAX_LINES && at < text.length; n++) {
    const end = text.indexOf('\n', at);
    const line = (end < 0 ? text.slice(at) : text.slice(at, end)).replace(/\r$/, '');
    const m = KEYWORD.exec(line);
    if (!m) break;
    const key = m[1].toLowerCase();
    if (UNSAFE.has(key)) return null;
    // A keyword given twice (two `#+AUTHOR:` lines) runs on, as Org joins them.
    const value = m[2].trim();
    data[key] = typeof data[key] === 'string' && data[key] !== '' ? `${data[key] as string} ${value}` : value;
    at = end < 0 ? text.length : end + 1;
  }
  if (typeof data.title !== 'string' && typeof data.date !== 'string') return null;
  const tags = [data.filetags, data.tags, data.hugo_tags].flatMap((v) => (typeof v === 'string' ? orgTags(v) : []));
  delete data.filetags;
  delete data.hugo_tags;
  if (tags.length > 0) data.tags = tags;
  if (typeof data.hugo_categories === 'string' && data.categories === undefined) data.categories = orgTags(data.hugo_categories);
  // Several authors are written on one line, comma-separated (Org's export joins them as written).
  if (typeof data.author === 'string' && data.author.includes(',')) data.author = data.author.split(',').map((a) => a.trim()).filter(Boolean);
  if (typeof data.description === 'string' && data.description === '') delete data.description;
  return { data, body: text.slice(at).replace(/^\r?\n/, '') };
}
