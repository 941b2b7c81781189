import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldBody, foldText } from '../../../src/core/text/fold.js';
import { bodyHasPhrase } from '../../../src/core/text/phrase-bytes.js';
import { shownText } from '../../../src/core/text/shown/shown-text.js';

const body = (text: string): Buffer => Buffer.from(foldBody(text), 'utf8');
const has = (text: string, phrase: string): boolean => bodyHasPhrase(body(text), foldText(phrase));

describe('bodyHasPhrase', () => {
  it('reads a body gap (line break, double, no-break or ideographic space, markup beside it) as the phrase\'s space', () => {
    expect(has('The SEC approved the first spot\netf products.', 'first spot etf')).toBe(true);
    expect(has('flows into *spot* **etf**', 'spot etf')).toBe(true);
    expect(has('Spot  ETF demand', 'spot etf demand')).toBe(true);
    expect(has('Spot\u00a0ETF approved by\u00a0SEC', 'approved by sec')).toBe(true);
    expect(has('Spot\u3000ETF', 'spot etf')).toBe(true);
    expect(has('Spot\u202fETF', 'spot etf')).toBe(true);
    expect(has('a [spot etf](https://x)', 'spot etf')).toBe(true);
  });

  it("reads a link's hidden tail as markup: the phrase a reader sees across a link, a reference, an image or an autolink", () => {
    expect(has('[first spot](https://example.com/x) etf approved', 'first spot etf')).toBe(true);
    expect(has('[First *spot*](https://example.com/a_(b) "The title") ETF', 'first spot etf')).toBe(true);
    expect(has('[first spot][1] etf\n\n[1]: https://example.com', 'first spot etf')).toBe(true);
    expect(has('[first spot][] etf', 'first spot etf')).toBe(true);
    expect(has('![first spot](chart.png) etf', 'first spot etf')).toBe(true);
    expect(has('filings at <https://example.com/f> show', 'at https://example.com/f show')).toBe(true);
    expect(has('[caf\u00e9](<a b>)\u00a0cr\u00e8me', 'cafe creme')).toBe(true);
    // No space after the tail: the words are joined, as foldText reads them.
    expect(has('[first spot](https://x)etf', 'first spot etf')).toBe(false);
    // Not a tail: a destination with a space, a `(` apart from the `]`.
    expect(has('[spot](a b) etf', 'spot etf')).toBe(false);
    expect(has('[spot] (a) etf', 'spot etf')).toBe(false);
  });

  it('reads the body as its reader is shown it: references decoded, escapes read, HTML links as Markdown ones', () => {
    expect(has('The SEC&#8217;s &#8220;spot ETF&#8221; decision', "sec's spot etf decision")).toBe(true);
    expect(has('the S&amp;P&nbsp;500', 's&p 500')).toBe(true);
    expect(has('\\*starred\\* words', 'starred words')).toBe(true);
    expect(has('<p>first spot</p><p>etf</p>', 'first spot etf')).toBe(true);
    expect(has('Source: <a href="https://x.com/a?b=1&amp;c=2">first spot</a> etf', 'source: first spot etf')).toBe(true);
    expect(has('<input placeholder="Type your email">', 'type your email')).toBe(false);
  });

  it('needs a space in the gap: markup alone joins words, as foldText reads it', () => {
    expect(has('spot**etf', 'spot etf')).toBe(false);
    expect(has('snake_case here', 'snake case')).toBe(false);
    expect(has('snake_case here', 'snake_case here')).toBe(true);
  });

  it('matches inside words as a substring does, and tries every occurrence of the first word', () => {
    expect(has('spotty etf; spot\netf', 'ot etf')).toBe(true);
    expect(has('spot bitcoin, spot ether and spot\n\netf', 'spot etf')).toBe(true);
    expect(has('spot bitcoin, spot ether', 'spot etf')).toBe(false);
    expect(has('no such words', 'spot etf')).toBe(false);
  });

  it('finds no phrase starting in a hidden tail or in the markup a gap takes', () => {
    expect(has('[spot][b etf] x', 'b etf')).toBe(false);
    expect(has('[spot](u "said spot etf") x', 'spot etf')).toBe(false);
    expect(has('[spot](u "t") etf', 'spot etf')).toBe(true);
    expect(has('x\n](u "a b") c', 'a b')).toBe(false);
    expect(has('x [a b', '[a b')).toBe(false);
    expect(has('x[a b', '[a b')).toBe(true);
  });

  it('is a plain substring test for a phrase of one word, folded as the body is, links\' addresses included', () => {
    expect(has('see [the report](https://coindesk.com/x) now', 'coindesk')).toBe(true);
    expect(has('Kryptow\u00e4hrungs\u00adregulierung', 'kryptowahrungsregulierung')).toBe(true);
    expect(has('Binance\u2019s CEO', "binance's ceo")).toBe(true);
    expect(has('etf', 'etfs')).toBe(false);
  });

  it("agrees with foldText's reading of the whole body for phrases of plain words (links, dashes and all)", () => {
    const text = fc
      .array(fc.constantFrom('a', 'b', 'x', ' ', ' ', '\n', '\t', '\u00a0', '\u2003', '*', '_', '"', '[', ']', '`', '<', '>', '(', ')', "'", '\\', '](', '](x)', '][', '–', '\u2011', '-'), { maxLength: 40 })
      .map((c) => c.join(''));
    const word = fc.array(fc.constantFrom('a', 'b', '-'), { minLength: 1, maxLength: 3 }).map((c) => c.join(''));
    // Two words or more: a phrase of one word is a substring of the body as written (below).
    const phrase = fc.array(word, { minLength: 2, maxLength: 3 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(text, phrase, (t, p) => {
        // The body as shown (its escapes read: `\\*`), as search folds it.
        expect(bodyHasPhrase(body(t), p)).toBe(foldText(shownText(t)).includes(p));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('bodyHasPhrase with a space at an end', () => {
  it('returns, reading the phrase without it (an empty first word was looked for forever)', () => {
    expect(bodyHasPhrase(body('the spot market'), ' spot')).toBe(true);
    expect(bodyHasPhrase(body('the spot market'), 'spot market ')).toBe(true);
    expect(bodyHasPhrase(body('the spot market'), ' etf ')).toBe(false);
  });
});
