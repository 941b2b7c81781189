// Which legacy one-byte encoding a non-UTF-8 file was written in: Windows-1252 (Western),
// Windows-1251 or KOI8-R (Cyrillic), Windows-1250 or ISO-8859-2 (Central European), Windows-1253
// or ISO-8859-7 (Greek). Every byte decodes in most of them, so the choice is made by how each
// reading reads: words in one script, capitals only at a word's start, vowels in Cyrillic and
// Greek words, no symbols glued to letters. Found by a tester: cp1251, KOI8-R, cp1250 and Greek
// files loaded as Windows-1252 (`Íîâîñòè áèòêîèíà`) with no warning.

import { lettersNoLanguageHas, plausibility } from '../text/index.js';
import { decodeWindows1252 } from './mojibake.js';

/** A reading of a file's bytes: its text, the encoding's name, and whether the choice was a close one. */
export type OneByteReading = { text: string; name: string; rival?: string };

// WHATWG names (what TextDecoder takes) and the names notes give; earlier ones win a tie.
const CANDIDATES = [
  ['windows-1252', 'Windows-1252'],
  ['windows-1251', 'Windows-1251'],
  ['windows-1250', 'Windows-1250'],
  ['koi8-r', 'KOI8-R'],
  ['windows-1253', 'Windows-1253'],
  ['iso-8859-2', 'ISO-8859-2'],
  ['iso-8859-7', 'ISO-8859-7'],
] as const;

// The score is taken on the start of a file: enough words to tell, and a large file costs no more.
const SAMPLE_BYTES = 16 * 1024;

const decoders = new Map<string, TextDecoder | null>();
/** A fatal TextDecoder for `encoding`, made once; null where this Node lacks it (no full ICU). */
export function strictDecoder(encoding: string): TextDecoder | null {
  if (!decoders.has(encoding)) {
    try {
      decoders.set(encoding, new TextDecoder(encoding, { fatal: true }));
    } catch {
      decoders.set(encoding, null); // a Node built without ICU's full data
    }
  }
  return decoders.get(encoding) ?? null;
}

/** `bytes` in `encoding`, or null when a byte is unassigned there (C1 controls count as unassigned). */
function decodeAs(encoding: string, bytes: Uint8Array): string | null {
  let text: string;
  if (encoding === 'windows-1252') text = decodeWindows1252(bytes);
  else {
    try {
      text = strictDecoder(encoding)?.decode(bytes) ?? '';
    } catch {
      return null;
    }
    if (text === '') return null;
  }
  return /[\u0080-\u009f]/.test(text) ? null : text;
}

// What Western text in Windows-1252 is made of past ASCII: Latin-1's letters and punctuation
// (not its rarer symbols: ¤ ¦ ¨ ¯ ´ ¸ ¹ ² ³ ¼ ½ ¾ × ÷) and cp1252's quotes, dashes, ellipsis, euro,
// bullet, trade mark and the letters Œ œ Š š Ž ž Ÿ.
const WESTERN = /[\u00a0-\u00a3\u00a5\u00a7\u00a9-\u00ae\u00b0\u00b1\u00b5-\u00b7\u00ba\u00bb\u00bf-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac\u2122]/;

/**
 * Whether a Windows-1252 reading looks like Western text: its non-ASCII characters mostly (80%)
 * WESTERN ones, and half of them at least between ASCII ones (`café`, `Ärzte`). Shift_JIS read
 * so gives `ƒrƒbƒg` (katakana: a lead byte cp1252 reads as ƒ) or runs like `‚±‚ñ‚É` (hiragana).
 */
function westernText(text: string): boolean {
  let wide = 0;
  let western = 0;
  let alone = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) < 0x80) continue;
    wide += 1;
    if (WESTERN.test(text[i])) western += 1;
    if ((i === 0 || text.charCodeAt(i - 1) < 0x80) && (i + 1 === text.length || text.charCodeAt(i + 1) < 0x80)) alone += 1;
  }
  return wide > 0 && western >= wide * 0.8 && alone >= wide * 0.5;
}
/**
 * Bytes read as Windows-1252: `cp1252` when no byte is one it leaves unassigned (they never
 * appear in real cp1252 text), `western` when the text reads as Western text and its accented
 * letters are one language's (Czech in cp1250 reads `výraznì` here).
 */
export function westernReading(bytes: Uint8Array): { text: string; cp1252: boolean; western: boolean } {
  const text = decodeWindows1252(bytes);
  const cp1252 = !/[\u0080-\u009f]/.test(text);
  return { text, cp1252, western: cp1252 && westernText(text) && lettersNoLanguageHas(text.slice(0, SAMPLE_BYTES)) === 0 };
}

/**
 * The reading of non-UTF-8 bytes in the one-byte encoding it reads best in, or null when none
 * reads as text. `rival` names an encoding whose different reading scored about as well, so the
 * caller can warn that the choice was a guess.
 */
export function chooseOneByteEncoding(bytes: Uint8Array): OneByteReading | null {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const scored: Array<{ encoding: string; name: string; text: string; score: number }> = [];
  for (const [encoding, name] of CANDIDATES) {
    const text = decodeAs(encoding, sample);
    if (text === null) continue;
    // The same text as an earlier reading (a file of letters the encodings share) is not a rival.
    if (scored.some((s) => s.text === text)) continue;
    scored.push({ encoding, name, text, score: plausibility(text) });
  }
  if (scored.length === 0) return null;
  let best = scored[0];
  for (const s of scored) if (s.score > best.score) best = s;
  // No reading reads as text (a stray byte or two, a binary-ish file): not this reader's to guess.
  if (best.score <= 0) return null;
  const full = bytes.length > sample.length ? decodeAs(best.encoding, bytes) : best.text;
  if (full === null) return null;
  const close = scored.find((s) => s !== best && s.score >= best.score - 1);
  if (close) return { text: full, name: best.name, rival: close.name };
  return { text: full, name: best.name };
}
