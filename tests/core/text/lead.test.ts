// The lead paragraph: the first prose paragraph, as story grouping compares it.
import { describe, expect, it } from 'vitest';
import { LEAD_MAX, leadParagraph } from '../../../src/core/text/lead.js';

// The rule as first written (split every paragraph, take the first prose one): the scan must agree.
const bySplit = (body: string): string => {
  const para = body.split(/\n\s*\n/).find((p) => /\p{L}/u.test(p) && !/^\s*(#|!\[|```|\||>)/.test(p));
  return para ? para.slice(0, LEAD_MAX) : '';
};

describe('leadParagraph', () => {
  it.each([
    ['# Title\n\nFirst words here.\n\nSecond.', 'First words here.'],
    ['![img](x.png)\n\n> quoted\n\n| a | b |\n\n```\ncode\n```\n\nProse at last.', 'Prose at last.'],
    ['   \n\n123 456\n\n  Lead, indented.\n  Two lines.\n\nnext', '  Lead, indented.\n  Two lines.'],
    ['', ''],
    ['# only a heading', ''],
    ['Árvíztűrő tükörfúrógép.', 'Árvíztűrő tükörfúrógép.'],
    ['a\n \t\n\nb', 'a'],
  ])('%j -> %j', (body, lead) => {
    expect(leadParagraph(body)).toBe(lead);
    expect(leadParagraph(body)).toBe(bySplit(body));
  });

  it(`cuts a long lead to ${LEAD_MAX} characters`, () => {
    const long = 'word '.repeat(400);
    expect(leadParagraph(long)).toBe(long.slice(0, LEAD_MAX));
  });
});
