// The sentiment column's glyph, shared by the list (ui/ArticleList) and the warm-start skeleton,
// which draws rows before ink is loaded. The role names a colour of the UI's theme.
import { canonicalSentiment, type Sentiment } from '../text/index.js';

/** Glyph and colour role for a sentiment as written; the glyph carries the meaning without colour. */
export function sentimentMark(sentiment: string | null): { glyph: string; role: 'positive' | 'negative' | 'neutral' | null } {
  const role = canonicalSentiment(sentiment === null ? null : sentiment.trim());
  return role === null ? { glyph: ' ', role: null } : { glyph: GLYPHS[role], role };
}

// The glyph of each sentiment, so it reads without colour.
const GLYPHS: Readonly<Record<Sentiment, string>> = { positive: '▲', negative: '▼', neutral: '●' };
