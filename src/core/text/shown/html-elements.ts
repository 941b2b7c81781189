// What HTML elements mean to a reader of an article, for the renderer (render/html/) and for the
// text search reads in a body (shown-text.ts) alike, so what is drawn and what is found agree.

/** Elements whose content is never shown (code, styling, metadata; a player's fallback text). */
export const HIDDEN: ReadonlySet<string> = new Set(['script', 'style', 'template', 'head', 'title', 'noscript', 'iframe', 'object', 'svg', 'math', 'video', 'audio']);
/** Elements with a blank line before and after them. */
export const BLOCK: ReadonlySet<string> = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'ul', 'ol', 'blockquote', 'pre', 'figure', 'details', 'section', 'article', 'aside', 'header', 'footer', 'dl', 'hr', 'center']);
/** Elements on a line of their own. */
export const LINE: ReadonlySet<string> = new Set(['div', 'summary', 'li', 'tr', 'dt', 'dd', 'figcaption', 'caption', 'thead', 'tbody', 'tfoot', 'address']);
/**
 * Elements whose content htmlparser2 reads as raw text to their end tag (as HTML does): left
 * open, the rest of the block would be text of theirs, tags and all, hidden or not.
 */
export const RAW_TEXT: ReadonlySet<string> = new Set(['script', 'style', 'title', 'textarea', 'xmp']);
/** Embedded players: never run, but named (`[video: title]`) with their address as a link note. */
export const EMBED_LABEL: Readonly<Record<string, string>> = { iframe: 'embed', video: 'video', audio: 'audio' };

/**
 * The words an image is shown by: its alt text and, when it says something else, its title
 * (`alt — title`), the title alone with no alt; '' when neither has words. The renderer draws them
 * as `[image: words]` (render/spans.ts imageLabel) and search reads them (html-text.ts).
 */
export function imageWords(alt: string, title: string): string {
  const a = alt.trim();
  const t = title.trim();
  return t === '' || t.toLowerCase() === a.toLowerCase() ? a : a === '' ? t : `${a} — ${t}`;
}
