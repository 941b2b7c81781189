import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SanitizedPieces } from '../../../src/core/text/sanitize-pieces.js';
import { isTerminalSafe, sanitizeText } from '../../../src/core/text/sanitize.js';

// The bytes of `text` cut at `cuts` (any byte offsets, inside a character too), through SanitizedPieces.
function inPieces(text: string, cuts: number[]): string {
  const bytes = Buffer.from(text);
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const pieces = new SanitizedPieces();
  let out = '';
  let from = 0;
  for (const to of [...at, bytes.length]) {
    out += pieces.push(bytes.subarray(from, to));
    from = to;
  }
  return out + pieces.end();
}

const cuts = fc.array(fc.nat(), { maxLength: 8 });

describe('SanitizedPieces', () => {
  it('gives what sanitizeText gives for the whole text, wherever the pieces are cut (lines, CRLF, tabs, accents)', () => {
    expect(inPieces('a\tb\r\nc\x07é🚀\rd\n', [1, 3, 4, 9, 10, 11])).toBe(sanitizeText('a\tb\r\nc\x07é🚀\rd\n'));
    const text = fc.string({ unit: fc.constantFrom('a', '\t', '\r', '\n', '\x07', '\x7f', 'é', '🚀', '日', ' '), maxLength: 120 });
    fc.assert(fc.property(text, cuts, (t, c) => inPieces(t, c) === sanitizeText(t)), { numRuns: 1000 });
  });

  it('never lets a control character through, escapes cut across pieces included', () => {
    const text = fc.string({ unit: fc.constantFrom('\x1b', '[', ']', '\\', '\x07', '\x9b', '\x9d', '\n', '\r', '\t', '0', ';', 'm', 'é'), maxLength: 120 });
    fc.assert(fc.property(text, cuts, (t, c) => isTerminalSafe(inPieces(t, c), true)), { numRuns: 1000 });
  });

  it('lets a line longer than a megabyte go in pieces rather than holding it', () => {
    const pieces = new SanitizedPieces();
    const long = 'x'.repeat((1 << 20) + 10);
    expect(pieces.push(Buffer.from(long)).length).toBe(long.length);
    expect(pieces.push(Buffer.from('tail\r'))).toBe('');
    expect(pieces.end()).toBe('tail\n');
  });
});
