// A list row's title: in display form (core/width), cut to its columns, and split into plain and
// matched runs for highlighting. Match ranges index the stored title; the display form differs
// from it wherever a cluster is drawn wider than string-width counts (WIDE_PAD marks after an
// Indic conjunct, a Thai AM, an emoji with a skin tone or joiner) or a variation selector is
// dropped, so the ranges are carried over grapheme by grapheme rather than by index.
import { sanitizeLine } from '../../core/text/index.js';
import { displayText, eachGrapheme, fitPrefix } from '../../core/width/index.js';

// Titles in display form, the last few thousand: each keystroke shows most of the last one's rows.
const displayed = new Map<string, string>();
function displayTitle(raw: string): string {
  let text = displayed.get(raw);
  if (text === undefined) {
    if (displayed.size >= 4_000) displayed.clear();
    text = displayText(sanitizeLine(raw));
    displayed.set(raw, text);
  }
  return text;
}

/**
 * For each UTF-16 unit of `title` (the display form of `raw`), 1 where it is matched: a displayed
 * grapheme is matched when any unit of its stored form is. No highlight at all when sanitising
 * changed the title (its text is not the stored one) or the form cannot be rebuilt grapheme by
 * grapheme.
 */
function matchFlags(raw: string, title: string, ranges: ReadonlyArray<readonly [number, number]>): Uint8Array {
  const flags = new Uint8Array(title.length);
  if (ranges.length === 0) return flags;
  const mark = (to: Uint8Array): void => {
    for (const [a, b] of ranges) for (let i = Math.max(0, a); i <= Math.min(b, to.length - 1); i++) to[i] = 1;
  };
  if (title === raw) {
    mark(flags);
    return flags;
  }
  if (sanitizeLine(raw) !== raw) return flags;
  const stored = new Uint8Array(raw.length);
  mark(stored);
  let at = 0;
  let built = 0;
  for (const g of eachGrapheme(raw)) {
    const shown = displayText(g);
    if (built + shown.length > title.length || title.slice(built, built + shown.length) !== shown) return new Uint8Array(title.length);
    if (stored.subarray(at, at + g.length).includes(1)) flags.fill(1, built, built + shown.length);
    at += g.length;
    built += shown.length;
  }
  return built === title.length ? flags : new Uint8Array(title.length);
}

/** A title cut to `width` columns and split into plain and matched runs for highlighting. */
export function titleSegments(
  rawTitle: string,
  matches: ReadonlyArray<readonly [number, number]>,
  width: number,
): Array<{ text: string; match: boolean }> {
  const title = displayTitle(rawTitle);
  if (width <= 0) return [];
  const fit = fitPrefix(title, width);
  const flags = matchFlags(rawTitle, title, matches);
  const out: Array<{ text: string; match: boolean }> = [];
  let i = 0;
  while (i < fit.length) {
    let j = i + 1;
    while (j < fit.length && flags[j] === flags[i]) j++;
    // Never split a surrogate pair between runs.
    if (j < fit.length && /[\udc00-\udfff]/.test(title[j])) j++;
    out.push({ text: title.slice(i, j), match: flags[i] === 1 });
    i = j;
  }
  if (fit.ellipsis) out.push({ text: '…', match: false });
  return out;
}
