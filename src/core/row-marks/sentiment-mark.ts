// The sentiment column's glyph, shared by the list (ui/ArticleList) and the warm-start skeleton,
// which draws rows before ink is loaded. The role names a colour of the UI's theme.

/** Glyph and colour role for a sentiment as written; the glyph carries the meaning without colour. */
export function sentimentMark(sentiment: string | null): { glyph: string; role: 'positive' | 'negative' | 'neutral' | null } {
  const s = (sentiment ?? '').toLowerCase();
  if (/pos|bull/.test(s)) return { glyph: '▲', role: 'positive' };
  if (/neg|bear/.test(s)) return { glyph: '▼', role: 'negative' };
  if (/neu/.test(s)) return { glyph: '●', role: 'neutral' };
  return { glyph: ' ', role: null };
}
