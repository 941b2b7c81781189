// Parsing any byte sequence returns an article or a reported error, never an uncaught exception,
// and whatever it returns is safe to show on a terminal.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/load/parse.js';
import { isTerminalSafe } from '../../src/core/text/sanitize.js';

const info = { path: '/tmp/x/2025-01-02-some-file.md', relPath: '2025-01-02-some-file.md', size: 0, mtimeMs: 0, folderName: 'x' };

// Fragments that steer the parser into its interesting paths: fences, YAML syntax, tags, escapes.
const fragment = fc.oneof(
  fc.constantFrom('---\n', '---js\n', '+++\n', ';;;\n', 'title: ', 'tags: [', ']', '&a ', '*a', '!!js/function ', '__proto__: ', '\n', '"', "'", '\x1b]0;x\x07', '\x00', '\xff', '\u202e', '# ', 'date: 2025-13-45\n', '{', '}', '- ', '  '),
  fc.string({ maxLength: 20 }),
);

describe('parseArticle on arbitrary input', () => {
  it('never throws on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const outcome = parseArticle(Buffer.from(bytes), { ...info, size: bytes.length }, 0);
        return outcome.ok ? typeof outcome.article.title === 'string' : outcome.reason.length > 0;
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on front-matter-shaped text, and its display fields are terminal-safe', () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const outcome = parseArticle(Buffer.from(text, 'utf8'), { ...info, size: text.length }, 0);
        if (!outcome.ok) {
          expect(isTerminalSafe(outcome.reason)).toBe(true);
          return true;
        }
        const a = outcome.article;
        for (const s of [a.title, a.description, a.source, ...a.tags, ...a.categories]) {
          expect(isTerminalSafe(s)).toBe(true);
        }
        return true;
      }),
      { numRuns: 1000 },
    );
  });
});
