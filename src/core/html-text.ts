// HTML inside Markdown is shown, never interpreted: tags are stripped and entities decoded to the
// characters they name. Everything here returns plain text that still has to be sanitised,
// because an entity such as `&#27;` decodes to a control character.

// The entities news feeds and static-site posts actually use; anything else stays as written.
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '–', mdash: '—',
  hellip: '…', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»',
  copy: '©', reg: '®', trade: '™', euro: '€', pound: '£', yen: '¥', cent: '¢', deg: '°',
  middot: '·', bull: '•', times: '×', divide: '÷', plusmn: '±', para: '¶', sect: '§',
  shy: '', zwj: '\u200d', zwnj: '\u200c', thinsp: '\u2009', ensp: '\u2002', emsp: '\u2003',
};

const ENTITY = /&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z][a-zA-Z0-9]{1,31});/g;

/** Decodes HTML character references; invalid code points become U+FFFD. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (whole, ref: string) => {
    if (ref[0] !== '#') return Object.hasOwn(NAMED, ref) ? NAMED[ref] : whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
    return valid ? String.fromCodePoint(code) : '\ufffd';
  });
}

// Bounded so an unterminated comment or script cannot make one match scan a whole 1 MiB body.
const COMMENT = /<!--[\s\S]{0,65536}?-->/g;
const SCRIPT_OR_STYLE = /<(script|style)\b[^>]{0,4096}>[\s\S]{0,65536}?<\/\1\s*>/gi;
const BREAK_TAG = /<(?:br|\/p|\/div|\/li|\/h[1-6]|\/tr)\b[^>]{0,4096}>/gi;
const TAG = /<\/?[a-zA-Z][^>]{0,4096}>|<![^>]{0,4096}>|<\?[^>]{0,4096}>/g;

/** The readable text of an HTML fragment: comments, scripts and tags removed, entities decoded. */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(COMMENT, '')
      .replace(SCRIPT_OR_STYLE, '')
      .replace(BREAK_TAG, '\n')
      .replace(TAG, ''),
  );
}

/** True for an inline tag that means a line break (`<br>`, `<br/>`). */
export function isBreakTag(tag: string): boolean {
  return /^<br\s*\/?>$/i.test(tag.trim());
}
