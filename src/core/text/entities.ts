// HTML character references, decoded as CommonMark says: every HTML5 named entity (from the
// `entities` package's table, not a hand list) and decimal/hex numeric references, each only with
// its closing `;`; an unknown name stays as written, and an invalid code point becomes U+FFFD.
// The result can hold control characters (`&#27;` is ESC): callers sanitise after decoding.
import { decodeHTMLStrict } from 'entities/decode';

/** `s` with its character references decoded once (`&amp;amp;` gives `&amp;`). */
export function decodeEntities(s: string): string {
  return s.includes('&') ? decodeHTMLStrict(s) : s;
}
