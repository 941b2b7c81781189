// OSC 8 hyperlinks (ESC ] 8 ; ; URI BEL text ESC ] 8 ; ; BEL) let a terminal open a link's text.
// The URI comes from an article, so it is rebuilt here rather than trusted: only the schemes a
// link may lead to (url-policy.ts: http, https and mailto); parsed and re-serialised by WHATWG URL
// (which percent-encodes spaces, controls and non-ASCII); and refused unless every byte is
// printable ASCII, so it can never end the sequence early or carry a byte that drives the terminal.
// The sequences take no columns: string-width, Ink's tokenizer and the sanitiser's escape pattern
// all treat them as zero-width escapes.
import { LINK_SCHEMES } from './url-policy.js';

const PRINTABLE = /^[\x21-\x7e]+$/;
const MAX_URI = 2048;

/** The URI an OSC 8 link may point to for `url`, or null when it must not be a hyperlink. */
export function hyperlinkTarget(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (!LINK_SCHEMES.has(parsed.protocol)) return null;
  const href = parsed.href;
  return href.length <= MAX_URI && PRINTABLE.test(href) ? href : null;
}

/** `text` wrapped in an OSC 8 hyperlink to `target` (a value returned by hyperlinkTarget). */
export function osc8(target: string, text: string): string {
  return `\x1b]8;;${target}\x07${text}\x1b]8;;\x07`;
}
