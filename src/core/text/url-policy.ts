// Which URLs the dashboard will hand to a browser: only http: and https:, and only well-formed
// ones. An article is data from anywhere; `file:`, `javascript:`, custom schemes and anything
// that does not parse are refused with a message (SECURITY.md).

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
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { ok: false, reason: `refused to open a ${parsed.protocol.replace(/:$/, '')}: URL (only http and https)` };
  }
  // The normalised form: what is shown is exactly what is opened.
  return { ok: true, url: parsed.href };
}
