// HTML character references, decoded as CommonMark says: every HTML5 named entity (from the
// `entities` package's table, not a hand list) and decimal/hex numeric references, each only with
// its closing `;`; an unknown name stays as written, and an invalid code point becomes U+FFFD.
// The result can hold control characters (`&#27;` is ESC): callers sanitise after decoding.
import { createRequire } from 'node:module';

// The decoder (and its table of every named entity) is loaded at the first `&`, synchronously
// through the package's CommonJS build: what only sanitises or folds text (the CLI's start, a
// warm --filter) no longer loads its seven modules.
let decoder: typeof import('entities/decode') | null = null;
const decode = (): typeof import('entities/decode') => (decoder ??= createRequire(import.meta.url)('entities/decode') as typeof import('entities/decode'));

/** `s` with its character references decoded once (`&amp;amp;` gives `&amp;`). */
export function decodeEntities(s: string): string {
  return s.includes('&') ? decode().decodeHTMLStrict(s) : s;
}
