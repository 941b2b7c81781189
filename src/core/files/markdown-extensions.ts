// The file extensions read as Markdown, written once: the walk's test of a name (article-names.ts)
// and the site generators' names built on it (site-layout.ts: a section page, a page bundle, a
// Jekyll post's dated name) build their patterns from this list. It was written four times, and
// Jekyll's post name knew only `md` and `markdown`: a copied `2024-01-02-x.mdown` post was not
// read by Jekyll's rules. A module of its own, as article-names.ts imports site-layout.ts.

/** The extensions (no dot, any case in a name) Jekyll (`markdown_ext`: markdown, mkdown, mkdn, mkd, md) and Hugo (md, markdown, mdown) read as Markdown, and MDX. */
export const MARKDOWN_EXTENSIONS: readonly string[] = ['md', 'markdown', 'mdx', 'mdown', 'mkdown', 'mkdn', 'mkd'];

/**
 * A case-insensitive pattern of a file name with a Markdown extension: any such name, or one whose
 * part before the extension matches `stem` (a regular expression's source) whole.
 */
export function markdownName(stem?: string): RegExp {
  const extension = `\\.(?:${MARKDOWN_EXTENSIONS.join('|')})$`;
  return new RegExp(stem === undefined ? extension : `^${stem}${extension}`, 'i');
}
