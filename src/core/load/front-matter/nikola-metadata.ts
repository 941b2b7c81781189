// Nikola's metadata in a Markdown post: reStructuredText field lines (`.. title: ...`, `.. date:
// 2025-11-19 08:30:00 UTC`, `.. tags: a, b`) inside an HTML comment that opens the file, as
// `nikola new_post -f markdown` writes it. Without this such a post was titled by its file name,
// dated by the file's time and lost its tags, category, author and description (the comment hid
// them from the body too). The comment must close within a few lines and hold `.. title:` or
// `.. date:`; empty fields (`.. link:`) are left out.

const OPEN = /^<!--[ \t]*\r?\n/;
const FIELD = /^\.\. ([A-Za-z][A-Za-z0-9_-]{0,39}):[ \t]*(.*)$/;
const CLOSE = /^[ \t]*-->[ \t]*$/;
const MAX_LINES = 60;
// Keys no data object of this program takes from a file (safe-data.ts drops them from YAML too).
const UNSAFE = new Set(['__proto__', 'constructor', 'prototype']);

/** The `.. key: value` lines of a comment opening `text` as data (keys lower-cased), and the body after it; null when it has none. */
export function readNikolaMetadata(text: string): { data: Record<string, unknown>; body: string } | null {
  const open = OPEN.exec(text);
  if (!open) return null;
  const data: Record<string, unknown> = Object.create(null);
  let at = open[0].length;
  for (let n = 0; n < MAX_LINES && at < text.length; n++) {
    const end = text.indexOf('\n', at);
    const line = (end < 0 ? text.slice(at) : text.slice(at, end)).replace(/\r$/, '');
    at = end < 0 ? text.length : end + 1;
    if (CLOSE.test(line)) {
      if (typeof data.title !== 'string' && typeof data.date !== 'string') return null;
      // Nikola's lists are comma-separated, as MultiMarkdown's.
      if (typeof data.tags === 'string') data.tags = data.tags.split(',').map((t) => t.trim()).filter(Boolean);
      if (typeof data.author === 'string' && data.author.includes(',')) data.author = data.author.split(',').map((a) => a.trim()).filter(Boolean);
      return { data, body: text.slice(at).replace(/^\r?\n/, '') };
    }
    if (line.trim() === '') continue;
    const m = FIELD.exec(line);
    if (!m) return null;
    const key = m[1].toLowerCase();
    if (UNSAFE.has(key)) return null;
    if (m[2].trim() !== '') data[key] = m[2].trim();
  }
  return null;
}
