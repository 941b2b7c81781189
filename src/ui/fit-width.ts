// Cutting text to a column budget by grapheme, measured with string-width. Written by hand
// because cli-truncate 5 overshoots by one column when a wide character (CJK, emoji) sits at the
// cut (`cliTruncate('日本語', 4)` is '日本…', 5 columns), and no row may ever overflow.
import stringWidth from 'string-width';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** How much of a string fits: its UTF-16 prefix length and whether an ellipsis follows. */
export interface Fit {
  length: number;
  ellipsis: boolean;
  width: number;
}

/** The longest grapheme prefix of `s` that fits `width` columns, leaving room for '…' when cut. */
export function fitPrefix(s: string, width: number): Fit {
  const budget = Math.max(0, Math.floor(width));
  if (stringWidth(s) <= budget) return { length: s.length, ellipsis: false, width: stringWidth(s) };
  if (budget === 0) return { length: 0, ellipsis: false, width: 0 };
  let used = 0;
  let length = 0;
  for (const { segment } of segmenter.segment(s)) {
    const w = stringWidth(segment);
    if (used + w > budget - 1) break;
    used += w;
    length += segment.length;
  }
  return { length, ellipsis: true, width: used + 1 };
}

/** `s` cut to at most `width` columns, with '…' when something was cut. */
export function fitWidth(s: string, width: number): string {
  const f = fitPrefix(s, width);
  return s.slice(0, f.length) + (f.ellipsis ? '…' : '');
}

/** `s` cut or space-padded to exactly `width` columns. */
export function padWidth(s: string, width: number): string {
  const f = fitPrefix(s, width);
  const text = s.slice(0, f.length) + (f.ellipsis ? '…' : '');
  return text + ' '.repeat(Math.max(0, Math.floor(width) - f.width));
}

/** The tail of `s` that fits `width` columns, with a leading '…' when cut (for a query being typed). */
export function fitTail(s: string, width: number): string {
  const budget = Math.max(0, Math.floor(width));
  if (stringWidth(s) <= budget) return s;
  if (budget === 0) return '';
  const graphemes = Array.from(segmenter.segment(s), (g) => g.segment);
  let used = 0;
  let start = graphemes.length;
  while (start > 0 && used + stringWidth(graphemes[start - 1]) <= budget - 1) {
    start--;
    used += stringWidth(graphemes[start]);
  }
  return '…' + graphemes.slice(start).join('');
}
