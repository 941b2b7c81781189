// Pandoc's title block: up to three lines starting with `%` at the very top of a file (title,
// authors, date; a field may be left empty as a bare `%`, and runs on over lines indented by a
// space or tab). Pandoc, R Markdown's old documents and many Pandoc-built blogs write it. Without
// it such a post was titled by its file name, dated by the file's time, and the `%` lines were
// its first paragraph.
//
// Authors are separated by `;` (Pandoc's rule; a comma may be inside a name: "Doe, Jane").
// More than three `%` lines is not a title block (a file of comments in some other language).

const LINE = /^%(?:[ \t](.*))?$/;
const CONTINUATION = /^[ \t]+(\S.*)$/;
const FIELDS = ['title', 'authors', 'date'] as const;

/** The title block at the start of `text` as data (title, authors, date), and the body after it; null when it has none. */
export function readPandocTitleBlock(text: string): { data: Record<string, unknown>; body: string } | null {
  if (text.charCodeAt(0) !== 37 /* % */) return null;
  const values: string[] = [];
  let at = 0;
  for (;;) {
    const end = text.indexOf('\n', at);
    const line = (end < 0 ? text.slice(at) : text.slice(at, end)).replace(/\r$/, '');
    const field = LINE.exec(line);
    const more = field || values.length === 0 ? null : CONTINUATION.exec(line);
    if (field) values.push((field[1] ?? '').trim());
    else if (more) values[values.length - 1] = `${values[values.length - 1]} ${more[1].trim()}`.trim();
    else break;
    if (values.length > FIELDS.length) return null;
    at = end < 0 ? text.length : end + 1;
    if (end < 0) break;
  }
  const data: Record<string, unknown> = Object.create(null);
  values.forEach((v, i) => {
    if (v === '') return;
    data[FIELDS[i]] = FIELDS[i] === 'authors' ? v.split(';').map((a) => a.trim()).filter(Boolean) : v;
  });
  if (!('title' in data) && !('date' in data)) return null;
  return { data, body: text.slice(at).replace(/^\r?\n/, '') };
}
