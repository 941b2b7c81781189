// The sentiment column's glyph, shared by the list (ArticleList) and the warm-start skeleton,
// which draws rows before ink is loaded: so this module imports nothing of ink.
import type { ThemeRole } from './theme.js';

/** Glyph and colour role for a sentiment as written; the glyph carries the meaning without colour. */
export function sentimentMark(sentiment: string | null): { glyph: string; role: ThemeRole | null } {
  const s = (sentiment ?? '').toLowerCase();
  if (/pos|bull/.test(s)) return { glyph: '▲', role: 'positive' };
  if (/neg|bear/.test(s)) return { glyph: '▼', role: 'negative' };
  if (/neu/.test(s)) return { glyph: '●', role: 'neutral' };
  return { glyph: ' ', role: null };
}
