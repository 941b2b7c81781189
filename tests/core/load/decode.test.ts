import { describe, expect, it } from 'vitest';
import { decodeArticleBytes } from '../../../src/core/load/decode.js';

// Text in a legacy one-byte encoding, by the same tables iconv uses (TextDecoder's, inverted).
function legacyBytes(text: string, encoding: string): Uint8Array {
  const whatwg = ({ cp1251: 'windows-1251', cp1250: 'windows-1250', cp1253: 'windows-1253', cp1252: 'windows-1252' } as Record<string, string>)[encoding] ?? encoding;
  const table = new Map<string, number>();
  const decoder = new TextDecoder(whatwg);
  for (let b = 0x80; b <= 0xff; b++) table.set(decoder.decode(Uint8Array.of(b)), b);
  return Uint8Array.from([...text].map((c) => (c.charCodeAt(0) < 0x80 ? c.charCodeAt(0) : table.get(c) ?? 0x3f)));
}

const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('decodeArticleBytes', () => {
  const loads: Array<[string, Uint8Array, string, string[]]> = [
    ['plain UTF-8', bytes('# Hi\n'), '# Hi\n', []],
    ['BOM stripped', bytes([0xef, 0xbb, 0xbf], 'a\n'), 'a\n', []],
    ['CRLF and lone CR to LF', bytes('a\r\nb\rc\n'), 'a\nb\nc\n', []],
    ['NFD to NFC', bytes('Cafe\u0301'), 'Caf\u00e9', []],
    ['Windows-1252 file', bytes('Caf', [0xe9], ' ', [0x93], 'q', [0x94]), 'Café “q”', ['decoded as Windows-1252']],
    ['mostly UTF-8 with one stray byte', bytes('Café ', [0xff], ' ok'), 'Café \ufffd ok', ['invalid UTF-8 bytes replaced']],
    ['cp1252-undefined byte is not cp1252', bytes('a', [0x81], 'b'), 'a\ufffdb', ['invalid UTF-8 bytes replaced']],
    ['UTF-16LE with BOM', Uint8Array.from(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Hé\n', 'utf16le')])), 'Hé\n', ['decoded as UTF-16LE']],
  ];
  // ASCII when every byte after a UTF-8 BOM was below 0x80 (a UTF-16 file is not).
  const ascii = new Set(['plain UTF-8', 'BOM stripped', 'CRLF and lone CR to LF']);
  // Characters lost: a warning (stderr, the warnings list), not only the inspector's note.
  const LOST = 'invalid UTF-8 bytes replaced with U+FFFD (not UTF-8, nor an encoding the reader knows)';
  it.each(loads)('%s', (name, input, text, notes) => {
    const lossy = notes.includes('invalid UTF-8 bytes replaced');
    expect(decodeArticleBytes(input, false)).toEqual({ ok: true, text, notes, ascii: ascii.has(name), ...(lossy ? { warning: LOST } : {}) });
  });

  // Found by a tester: Shift_JIS and GBK files loaded as U+FFFD with no warning. The bytes are
  // iconv's (`iconv -f UTF-8 -t SHIFT_JIS`), around an ASCII front matter.
  const legacy: Array<[string, string, string]> = [
    ['Shift_JIS', '83728362836783528343839382aa8b7d93ab81418e738fea82cd8abd8c7d', 'ビットコインが急騰、市場は歓迎'],
    ['EUC-JP', 'a5d3a5c3a5c8a5b3a5a4a5f3a4acb5dec6ada1a2bbd4beeca4cfb4bfb7de', 'ビットコインが急騰、市場は歓迎'],
    ['GBK', 'b1c8ccd8b1d2bcdbb8f1b4f3d5c7a3accad0b3a1bbb6d3ad', '比特币价格大涨，市场欢迎'],
    ['Big5', 'a4f1af53b9f4bbf9aee6a46abaa6a141a5abb3f5c577aaef', '比特幣價格大漲，市場歡迎'],
    ['EUC-KR', 'baf1c6aec4dac0ce20b0a1b0dd20b1deb5ee2c20bdc3c0e520c8afbfb5', '비트코인 가격 급등, 시장 환영'],
  ];
  it.each(legacy)('a %s file is read in its encoding, with a note saying so', (name, hex, title) => {
    const input = bytes('---\ntitle: "', [...Buffer.from(hex, 'hex')], '"\n---\nbody\n');
    expect(decodeArticleBytes(input, false)).toEqual({ ok: true, text: `---\ntitle: "${title}"\n---\nbody\n`, notes: [`decoded as ${name}`], ascii: false });
  });

  it('Western text with accents between letters stays Windows-1252, whatever a CJK decoder makes of it', () => {
    for (const s of ['Caf\xe9 na\xefve r\xe9sum\xe9 \xe0 la carte', 'Stra\xdfe M\xfcnchen f\xfcr \xc4rzte', '\xe9t\xe9 \xe9l\xe8ve \xab\xa0oui\xa0\xbb']) {
      const out = decodeArticleBytes(Buffer.from(s, 'latin1'), false);
      expect(out).toMatchObject({ ok: true, text: s, notes: ['decoded as Windows-1252'] });
    }
  });

  // Found by a tester: these loaded as Windows-1252 (`Íîâîñòè áèòêîèíà`) with no warning. The
  // bytes are iconv's, around an ASCII front matter; each is read in the encoding it reads best in.
  const oneByte: Array<[string, string, string]> = [
    ['Windows-1251', 'cp1251', 'Новости биткоина. Текст статьи о рынке.'],
    ['KOI8-R', 'koi8-r', 'Новости биткоина. Текст статьи о рынке.'],
    ['Windows-1251', 'cp1251', 'НОВОСТИ РЫНКА. Ціна біткоїна зростає, інвестори радіють.'],
    ['KOI8-R', 'koi8-r', 'НОВОСТИ РЫНКА И БИРЖИ'],
    ['Windows-1250', 'cp1250', 'Rynek kryptowalut w Łodzi. Żółć.'],
    ['ISO-8859-2', 'iso-8859-2', 'Zażółć gęślą jaźń. Rynek kryptowalut w Łodzi rośnie.'],
    ['Windows-1250', 'cp1250', 'Cena bitcoinu dnes výrazně vzrostla, říkají analytici.'],
    ['Windows-1250', 'cp1250', 'Árvíztűrő tükörfúrógép. A bitcoin ára emelkedett.'],
    ['Windows-1253', 'cp1253', 'Ελληνικά νέα. Κείμενο.'],
    ['Windows-1252', 'cp1252', 'A cotação do bitcoin não subiu, informações à imprensa.'],
  ];
  it.each(oneByte)('a %s file (%s) is read in its encoding: %s', (name, iconvName, body) => {
    const input = bytes('---\ntitle: x\n---\n\n', [...legacyBytes(body, iconvName)], '\n');
    expect(decodeArticleBytes(input, false)).toEqual({ ok: true, text: `---\ntitle: x\n---\n\n${body}\n`, notes: [`decoded as ${name}`], ascii: false });
  });

  it('warns when two one-byte encodings read a short text about as well, and still picks one', () => {
    // `Рынок` alone in cp1251 reads as Greek in cp1253 too (`Πϋνξκ`): too few letters to tell.
    const out = decodeArticleBytes(bytes('title: ', [...legacyBytes('Рынок', 'cp1251')], '\n'), false);
    expect(out).toMatchObject({ ok: true, text: 'title: Рынок\n', notes: ['decoded as Windows-1251'] });
    expect(out.ok && out.warning).toBe('encoding guessed as Windows-1251 (it could be Windows-1253); check the text reads right');
  });

  it('reads an ASCII file as UTF-8 would, as a one-byte string, and says it was ASCII', () => {
    // Every byte below 0x80, controls and DEL included (sanitising is done later, per field).
    const all = Buffer.from(Array.from({ length: 127 }, (_, i) => i + 1));
    const out = decodeArticleBytes(all, false);
    expect(out).toEqual({ ok: true, text: all.toString('utf8').replace(/\r\n?/g, '\n'), notes: [], ascii: true });
    // One byte at or above 0x80 anywhere, even at the very end, takes the UTF-8 path.
    expect(decodeArticleBytes(bytes('title: x\n', [0xc3, 0xa9]), false)).toEqual({ ok: true, text: 'title: x\n\u00e9', notes: [], ascii: false });
    expect(decodeArticleBytes(bytes('abc', [0x80]), false)).toMatchObject({ ascii: false, notes: ['decoded as Windows-1252'] });
  });

  const refused: Array<[string, Uint8Array, string]> = [
    ['empty', bytes(''), 'empty file'],
    ['BOM only', bytes([0xef, 0xbb, 0xbf]), 'empty file'],
    ['whitespace only', bytes(' \n\t\r\n'), 'empty file'],
    ['NUL byte', bytes('---\ntitle: x\n---\n', [0, 1, 2]), 'binary file'],
  ];
  it.each(refused)('%s', (_name, input, reason) => {
    expect(decodeArticleBytes(input, false)).toEqual({ ok: false, reason });
  });

  it('refuses as empty exactly the texts that trim() leaves empty, Unicode spaces included', () => {
    // Every white space and line terminator trim() removes; the refusal is tested without a trimmed copy.
    const spaces = ' \t\n\v\f\u00a0\u1680\u2000\u2005\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
    for (const ch of spaces) {
      const text = `\n${ch}${ch} \n`;
      expect(text.trim()).toBe('');
      expect(decodeArticleBytes(bytes(text), false)).toEqual({ ok: false, reason: 'empty file' });
      expect(decodeArticleBytes(bytes(`${text}x${ch}`), false)).toMatchObject({ ok: true });
    }
    // Not white space to trim(), so a file of them is not empty: a zero-width space, a control.
    expect(decodeArticleBytes(bytes('\u200b\n'), false)).toMatchObject({ ok: true });
    expect(decodeArticleBytes(bytes('\n\u0085\n'), false)).toMatchObject({ ok: true });
  });

  it('looks for NUL bytes only in the first 8 KiB', () => {
    const input = bytes('a'.repeat(9000), [0]);
    expect(decodeArticleBytes(input, false).ok).toBe(true);
  });

  it('drops a character cut in half by truncation instead of calling the file Windows-1252', () => {
    const full = Buffer.from('price… ', 'utf8');
    const cut = full.subarray(0, full.indexOf(0xe2) + 2); // E2 80 of E2 80 A6
    expect(decodeArticleBytes(cut, true)).toEqual({ ok: true, text: 'price', notes: [], ascii: true });
    // Without the flag the same bytes look like a legacy file: exactly the damage the flag avoids.
    expect(decodeArticleBytes(cut, false)).toEqual({ ok: true, text: 'priceâ€', notes: ['decoded as Windows-1252'], ascii: false });
  });
});
