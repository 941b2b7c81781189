// Which URLs the dashboard will hand to a browser: only http: and https:, and only well-formed
// ones. An article is data from anywhere; `file:`, `javascript:`, custom schemes and anything
// that does not parse are refused with a message (SECURITY.md). The same list decides which of an
// article's links lead anywhere at all (a link note, a Links entry, an OSC 8 hyperlink).

// The schemes opened in a browser (`o`, and a link's number after the link key).
const OPENED: ReadonlySet<string> = new Set(['http:', 'https:']);

/**
 * The schemes a link in an article may lead to: those opened, and mailto:, which a terminal's
 * OSC 8 hyperlink hands to the mail program and the Links list shows to copy. Any other
 * (`javascript:`, `vbscript:`, `data:`, `file:`, an app's own) leads nowhere from here.
 */
export const LINK_SCHEMES: ReadonlySet<string> = new Set([...OPENED, 'mailto:']);

// A URL's scheme as WHATWG URL reads it: after leading blanks and controls, with tabs and line
// breaks inside dropped (`java\tscript:` is `javascript:` to a browser).
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * Whether a link's target names a scheme outside LINK_SCHEMES, so it is no link for the reader
 * (its text stays, with no note, no Links entry, no hyperlink). A relative address (no scheme:
 * `/tags/btc`, `notes.md`) is not refused: it still says where the link points and can be copied.
 */
export function isRefusedLink(url: string): boolean {
  const m = SCHEME.exec(url.replace(/^[\x00-\x20]+/, '').replace(/[\t\n\r]/g, ''));
  return m !== null && !LINK_SCHEMES.has(`${m[1].toLowerCase()}:`);
}

/** A URL that may be opened, or why not. */
export type UrlCheck = { ok: true; url: string } | { ok: false; reason: string };

/** Checks a URL from an article before it is shown in the open question or opened. */
export function checkOpenable(url: string | null): UrlCheck {
  if (url === null || url.trim() === '') return { ok: false, reason: 'this article has no URL' };
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return { ok: false, reason: 'not a valid URL' };
  }
  if (!OPENED.has(parsed.protocol)) {
    return { ok: false, reason: `refused to open a ${parsed.protocol.replace(/:$/, '')}: URL (only http and https)` };
  }
  // The normalised form: what is shown is exactly what is opened.
  return { ok: true, url: parsed.href };
}
