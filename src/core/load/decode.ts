// Bytes of one file -> clean text. Decides what a file *is* before anything parses it: empty,
// binary, UTF-16, UTF-8, or a legacy Windows-1252 file, and normalises line endings and Unicode
// form so every later step sees one representation (LF, NFC).

import { isAscii } from 'node:buffer';
import { chooseOneByteEncoding, strictDecoder, westernReading } from './one-byte-encodings.js';
import { LIMITS } from './limits.js';

/**
 * Text of a file, or why it is not an article at all. `ascii`: every byte was below 0x80, so no
 * string taken from the text can hold mojibake, an accent or a character NFC would change.
 */
export type DecodeOutcome = { ok: true; text: string; notes: string[]; ascii: boolean; warning?: string } | { ok: false; reason: string };

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Lossy = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** Length without a trailing UTF-8 sequence that a size cap cut in half. */
export function completeUtf8Length(bytes: Uint8Array): number {
  const n = bytes.length;
  // Walk back over at most three continuation bytes to the lead byte of the last sequence.
  for (let back = 1; back <= Math.min(4, n); back++) {
    const b = bytes[n - back];
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? n - back : n;
  }
  return n;
}

// The typed array's own search (a native scan): a loop here cost ~10 us a file on a cold JIT.
const hasNul = (bytes: Uint8Array): boolean => bytes.subarray(0, LIMITS.binarySniffBytes).indexOf(0) !== -1;

// The legacy East Asian encodings files are still found in (WHATWG Encoding names, which
// TextDecoder takes), with the script their text is written in: Japanese text has kana, Korean
// text is mostly Hangul, Chinese text has neither.
const CJK_ENCODINGS = [
  ['shift_jis', 'Shift_JIS', 'ja'],
  ['euc-jp', 'EUC-JP', 'ja'],
  ['gbk', 'GBK', 'zh'],
  ['big5', 'Big5', 'zh'],
  ['euc-kr', 'EUC-KR', 'ko'],
] as const;
const KANA = /[\u3040-\u30ff]/g;
const HANGUL = /[\uac00-\ud7a3]/g;
// The most frequent Chinese characters (simplified and traditional forms): bytes of one Chinese
// encoding read as the other decode to rare ideographs, so the share of these says which it was.
const FREQUENT_HAN = /[的一是不了人我在有他这這为為之大来來以个個中上们們到说說国國和地也子时時道出而要于於就下得可你年生自会會那后後能对對着著事其里裡所去行过過家十用发發天如然作方成者多日都三小二无無同么麼经經法当當起与與好看学學进進种種将將还還分此心前面又定见見只主没沒公从從市场場价價格币幣比特元美金融]/g;
// Characters these encodings exist to write: kana, CJK punctuation, ideographs, Hangul, full-width
// forms. Bytes of one read as another decode (when they decode at all) to rare ideographs,
// half-width katakana and symbols, so the share of these picks the encoding a file was written in.
const CJK_TEXT = /[\u3000-\u30ff\u4e00-\u9fff\uac00-\ud7a3\uff01-\uff5e]/g;
const NON_ASCII = /[^\x00-\x7f]/g;


/**
 * The text of bytes in one of CJK_ENCODINGS, with its name, when one decodes them without an
 * error into text that is mostly the characters it is for (at least 80% of the non-ASCII ones, three at least);
 * null otherwise. Found by a tester: Shift_JIS and GBK files loaded as U+FFFD with no warning.
 */
function decodeLegacyCjk(bytes: Uint8Array): { text: string; name: string } | null {
  let best: { text: string; name: string; score: number } | null = null;
  for (const [encoding, name, script] of CJK_ENCODINGS) {
    let text: string;
    try {
      text = strictDecoder(encoding)?.decode(bytes) ?? '';
    } catch {
      continue;
    }
    const wide = text.match(NON_ASCII)?.length ?? 0;
    const cjk = text.match(CJK_TEXT)?.length ?? 0;
    // A stray byte or two before ASCII letters decode to an ideograph in GBK: three at least.
    if (cjk < 3 || cjk < wide * 0.8) continue;
    const count = (re: RegExp): number => text.match(re)?.length ?? 0;
    const kana = count(KANA);
    const hangul = count(HANGUL);
    // The script its language is written in, or not this encoding: GB2312 and EUC-KR have kana
    // where EUC-JP has them, and EUC-JP has kanji where EUC-KR has Hangul.
    const frequent = count(FREQUENT_HAN);
    // Chinese text has a tenth at least of its characters among the frequent ones; a misreading next to none.
    const written = script === 'ja' ? kana >= cjk * 0.05 : script === 'ko' ? hangul >= cjk * 0.85 : kana === 0 && hangul === 0 && frequent >= cjk * 0.1;
    if (!written) continue;
    // Kana or Hangul where they belong outweigh any count of ideographs; between the Chinese ones, the frequent characters decide.
    const score = (script === 'zh' ? 0 : 1) + frequent / cjk;
    if (best === null || score > best.score) best = { text, name, score };
  }
  return best && { text: best.text, name: best.name };
}

/** Decodes non-UTF-8 bytes the least damaging way, with a note saying which way (`lossy`: characters were replaced). */
function decodeInvalidUtf8(bytes: Uint8Array): { text: string; note: string; lossy?: boolean; guess?: string } {
  const lossy = utf8Lossy.decode(bytes);
  // Valid multi-byte characters beside the bad bytes mean the file is UTF-8 with a few stray
  // bytes; reading it all as cp1252 would garble every good character. As many at least as there
  // are bad ones: a Shift_JIS or EUC file holds a few byte pairs that happen to be valid UTF-8.
  const good = lossy.match(/[^\x00-\x7f\ufffd]/g)?.length ?? 0;
  const mostlyUtf8 = good > 0 && good >= (lossy.match(/\ufffd/g)?.length ?? 0);
  if (!mostlyUtf8) {
    const { text: legacy, cp1252, western } = westernReading(bytes);
    // Western text first: a CJK decoder may read it too (E9 74, `ét`, is a kanji in Shift_JIS).
    if (western) return { text: legacy, note: 'decoded as Windows-1252' };
    const cjk = decodeLegacyCjk(bytes);
    if (cjk) return { text: cjk.text, note: `decoded as ${cjk.name}` };
    // Cyrillic, Central European and Greek files: the one-byte encoding whose reading reads best.
    const oneByte = chooseOneByteEncoding(bytes);
    if (oneByte) {
      const guess = oneByte.rival && `encoding guessed as ${oneByte.name} (it could be ${oneByte.rival}); check the text reads right`;
      return { text: oneByte.text, note: `decoded as ${oneByte.name}`, ...(guess ? { guess } : {}) };
    }
    if (cp1252) return { text: legacy, note: 'decoded as Windows-1252' };
  }
  return { text: lossy, note: 'invalid UTF-8 bytes replaced', lossy: true };
}

/**
 * Turns raw file bytes into LF/NFC text. `truncated` says the bytes were cut at the size cap,
 * so a multi-byte character split by the cut is dropped rather than taken for bad encoding.
 */
export function decodeArticleBytes(raw: Uint8Array, truncated: boolean): DecodeOutcome {
  let bytes = raw;
  const notes: string[] = [];
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    // UTF-16 has NULs in every ASCII character; read it before the binary check would refuse it.
    const le = bytes[0] === 0xff;
    const even = bytes.subarray(2, 2 + ((bytes.length - 2) & ~1));
    const text = new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(even);
    notes.push(le ? 'decoded as UTF-16LE' : 'decoded as UTF-16BE');
    return finish(text, notes, false);
  }
  if (hasNul(bytes)) return { ok: false, reason: 'binary file' };
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  if (truncated) bytes = bytes.subarray(0, completeUtf8Length(bytes));
  // Most feeds write ASCII (87% of the generated corpus): one native check, then Latin-1 makes
  // the same text UTF-8 would without validating it, and no NFC pass (ASCII is its own normal
  // form): ~1 instead of ~2.5 us for a 3 KB file.
  if (isAscii(bytes)) return finish(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'), notes, true);
  let text: string;
  let lossy = false;
  let guess: string | undefined;
  try {
    text = utf8Strict.decode(bytes);
  } catch {
    const fallback = decodeInvalidUtf8(bytes);
    text = fallback.text;
    lossy = fallback.lossy === true;
    guess = fallback.guess;
    notes.push(fallback.note);
  }
  const out = finish(text, notes, false);
  // Characters were lost, or may read wrong: said where warnings are (stderr, the warnings list), not only in the inspector.
  if (lossy && out.ok) out.warning = 'invalid UTF-8 bytes replaced with U+FFFD (not UTF-8, nor an encoding the reader knows)';
  else if (guess && out.ok) out.warning = guess;
  return out;
}

// What trim() keeps: anything but white space and line terminators (\s is the same set), found
// without making a trimmed copy of the whole text.
const VISIBLE = /\S/;

function finish(decoded: string, notes: string[], ascii: boolean): DecodeOutcome {
  // Most files have no CR at all: the search for one is cheaper than the regex's pass.
  const lf = decoded.includes('\r') ? decoded.replace(/\r\n?/g, '\n') : decoded;
  const text = ascii ? lf : lf.normalize('NFC');
  if (!VISIBLE.test(text)) return { ok: false, reason: 'empty file' };
  return { ok: true, text, notes, ascii };
}
