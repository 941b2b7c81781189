// Cutting plain strings (titles, status text, the query) to a column budget, for the panes that
// draw strings rather than styled lines. The width rule and the display form come from
// width.ts, the one place that measures; this only adds the '…' and the padding. Styled spans are
// cut the same way by render/wrap.ts.
import { displayText, eachGrapheme, graphemeWidth, prefixWithin, textWidth, WIDE_PAD } from './width.js';

/** How much of a string fits: its UTF-16 prefix length and whether an ellipsis follows. */
export interface Fit {
  length: number;
  ellipsis: boolean;
  width: number;
}

/** The longest grapheme prefix of display text `s` that fits `width` columns, leaving room for '…' when cut. */
export function fitPrefix(s: string, width: number): Fit {
  const budget = Math.max(0, Math.floor(width));
  const whole = prefixWithin(s, budget);
  if (!whole.cut) return { length: whole.length, ellipsis: false, width: whole.width };
  if (budget === 0) return { length: 0, ellipsis: false, width: 0 };
  const p = prefixWithin(s, budget - 1);
  return { length: p.length, ellipsis: true, width: p.width + 1 };
}

/** `s` in display form, cut to at most `width` columns, with '…' when something was cut. */
export function fitWidth(raw: string, width: number): string {
  const s = displayText(raw);
  const f = fitPrefix(s, width);
  return s.slice(0, f.length) + (f.ellipsis ? '…' : '');
}

/** `s` in display form, cut or space-padded to exactly `width` columns. */
export function padWidth(raw: string, width: number): string {
  const s = displayText(raw);
  const f = fitPrefix(s, width);
  const text = s.slice(0, f.length) + (f.ellipsis ? '…' : '');
  return text + ' '.repeat(Math.max(0, Math.floor(width) - f.width));
}

/** The tail of `s` that fits `width` columns, with a leading '…' when cut (for a query being typed). */
export function fitTail(raw: string, width: number): string {
  const s = displayText(raw);
  const budget = Math.max(0, Math.floor(width));
  if (textWidth(s, budget) <= budget) return s;
  if (budget === 0) return '';
  const graphemes = Array.from(eachGrapheme(s));
  let used = 0;
  let start = graphemes.length;
  while (start > 0 && used + graphemeWidth(graphemes[start - 1]) <= budget - 1) {
    start--;
    used += graphemeWidth(graphemes[start]);
  }
  // The columns a cut-off cluster reserved go with it.
  while (graphemes[start] === WIDE_PAD) start++;
  return '…' + graphemes.slice(start).join('');
}

/** Columns a string takes once drawn (display form, widest terminal reading). */
export function columns(raw: string): number {
  return textWidth(displayText(raw));
}
