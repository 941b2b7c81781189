// Mojibake is UTF-8 text that was once decoded as Windows-1252 (or Latin-1) and saved again:
// `…` (E2 80 A6) becomes `â€¦`, `é` (C3 A9) becomes `Ã©`. Feeds scraped from many sites are full
// of it. The repair is the exact inverse: map the characters back to their cp1252 bytes and decode
// those bytes as UTF-8, but only over runs that form one complete, valid UTF-8 sequence, so text
// that merely contains `Ã` or `ß` is left alone.
//
// Node's TextDecoder('windows-1252') decodes as Latin-1 (0x80 gives U+0080, not `€`), so the
// table is written out here.

/** Windows-1252 characters for bytes 0x80..0x9F; the five unassigned bytes map to themselves. */
const CP1252_80_9F =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Character -> the byte it came from, for the characters a byte 0x80..0xBF can turn into. */
const CONTINUATION_BYTE = new Map<string, number>();
for (let b = 0x80; b <= 0xbf; b++) {
  CONTINUATION_BYTE.set(String.fromCharCode(b), b); // Latin-1 reading
  if (b < 0xa0) CONTINUATION_BYTE.set(CP1252_80_9F[b - 0x80], b); // Windows-1252 reading
}

const CONT = `[\\u0080-\\u00bf${CP1252_80_9F.replace(/[\u0080-\u009f]/g, '')}]`;
// One UTF-8 sequence in disguise: a lead byte (C2..F4, the same characters in both readings)
// followed by exactly as many continuation bytes as the lead announces.
const SEQUENCE = new RegExp(
  `[\\u00c2-\\u00df]${CONT}|[\\u00e0-\\u00ef]${CONT}{2}|[\\u00f0-\\u00f4]${CONT}{3}`,
  'g',
);
const QUICK_TEST = new RegExp(`[\\u00c2-\\u00f4]${CONT}`);

// Typographic punctuation that legitimately follows a letter (`×–`, `ß…`, `Ö’`): a two-byte
// match ending in one of these is only repaired when the same text has unambiguous damage too.
const TYPOGRAPHIC = new Set(['\u2013', '\u2014', '\u2018', '\u2019', '\u201c', '\u201d', '\u2022', '\u2026']);

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes one disguised sequence, or returns null when its bytes are not valid UTF-8. */
function decodeSequence(run: string): string | null {
  const bytes = new Uint8Array(run.length);
  bytes[0] = run.charCodeAt(0);
  for (let i = 1; i < run.length; i++) bytes[i] = CONTINUATION_BYTE.get(run[i]) ?? 0;
  try {
    const decoded = utf8.decode(bytes);
    // A C1 control as the result means the "mojibake" was something else.
    return /^[\u0080-\u009f]$/.test(decoded) ? null : decoded;
  } catch {
    return null;
  }
}

/** Whether a match is damage beyond doubt (see TYPOGRAPHIC). */
function isStrong(run: string): boolean {
  if (run.length > 2) return true;
  const lead = run.charCodeAt(0);
  return lead === 0xc2 || lead === 0xc3 || !TYPOGRAPHIC.has(run[1]);
}

function repairOnce(s: string): string {
  const matches = s.match(SEQUENCE);
  if (!matches || !matches.some((m) => isStrong(m) && decodeSequence(m) !== null)) return s;
  return s.replace(SEQUENCE, (run) => decodeSequence(run) ?? run);
}

/** Undoes UTF-8-read-as-Windows-1252 damage; returns the same string when there is none. */
export function repairMojibake(s: string): string {
  if (!QUICK_TEST.test(s)) return s;
  // Up to three passes undo text that was mangled twice or three times (`Ã¢â‚¬â„¢` -> `’`).
  let current = s;
  for (let pass = 0; pass < 3; pass++) {
    const next = repairOnce(current);
    if (next === current) break;
    current = next;
  }
  return current;
}

/** Decodes bytes as Windows-1252 (the usual legacy encoding of non-UTF-8 text files). */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(start + CHUNK, bytes.length);
    let chunk = '';
    for (let i = start; i < end; i++) {
      const b = bytes[i];
      chunk += b >= 0x80 && b < 0xa0 ? CP1252_80_9F[b - 0x80] : String.fromCharCode(b);
    }
    parts.push(chunk);
  }
  return parts.join('');
}
