// One rule for what a sentiment means (core/text/fields.ts canonicalSentiment): the list's glyph,
// the body header's label, the filter and the pulse agree, so a value none of them knows is no
// sentiment anywhere (the header once showed `● bogus` beside a list row with no glyph).
import { describe, expect, it } from 'vitest';
import { sentimentLabel } from '../../../src/core/render/article-header.js';
import { sentimentMark } from '../../../src/core/row-marks/index.js';
import { canonicalSentiment } from '../../../src/core/text/index.js';
import { pulseOf } from '../../../src/core/pulse/index.js';
import { makeArticle } from '../../helpers/make-article.js';

describe('sentiment, one rule everywhere', () => {
  const cases: Array<[string | null, 'positive' | 'negative' | 'neutral' | null, string]> = [
    ['POSITIVE', 'positive', '▲'],
    ['negative', 'negative', '▼'],
    ['Neutral', 'neutral', '●'],
    ['Bullish', 'positive', '▲'],
    ['bearish', 'negative', '▼'],
    [' NEG ', 'negative', '▼'],
    ['bogus', null, ' '],
    ['upbeat', null, ' '],
    ['nonpositive', null, ' '],
    ['', null, ' '],
    [null, null, ' '],
  ];
  it.each(cases)('%j', (written, meaning, glyph) => {
    expect(canonicalSentiment(written === null ? null : written.trim())).toBe(meaning);
    expect(sentimentMark(written)).toEqual({ glyph, role: meaning });
    expect(sentimentLabel(written)).toBe(meaning === null ? null : `${glyph} ${written!.trim()}`);
  });

  it('the pulse counts a value it does not know as none, as the list draws no glyph for it', () => {
    const pulse = pulseOf([makeArticle({ sentiment: 'bogus' }), makeArticle({ id: 1, sentiment: 'Bullish' })]);
    expect(pulse.sentiment).toEqual({ positive: 1, neutral: 0, negative: 0, none: 1 });
  });
});
