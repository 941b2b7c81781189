// The lexer's time budget guards against quadratic inline input in huge bodies; it is wall time,
// so it must not strip the formatting of a short body that a loaded machine merely descheduled.
import { describe, expect, it } from 'vitest';
import type { Token } from 'marked';
import { lexMarkdown } from '../../../src/core/render/markdown-lexer.js';

// Every token under `tokens`, depth first.
function all(tokens: readonly Token[]): Token[] {
  return tokens.flatMap((t) => [t, ...all(((t as { tokens?: Token[] }).tokens ?? []))]);
}

describe('lexMarkdown', () => {
  it('formats a short body in full even when the budget is already spent', () => {
    const tokens = all(lexMarkdown('First *emphasis* and <kbd>key</kbd>.\n\nLater **strong** and [a link](https://example.org).', 0));
    expect(tokens.map((t) => t.type)).toEqual(expect.arrayContaining(['em', 'html', 'strong', 'link']));
  });

  it('still keeps the rest of a long body as plain text once the budget is spent', () => {
    const para = `${'word '.repeat(190)}*late emphasis*\n\n`;
    const tokens = all(lexMarkdown(para.repeat(40), 0));
    const ems = tokens.filter((t) => t.type === 'em').length;
    expect(ems).toBeGreaterThan(0);
    expect(ems).toBeLessThan(40);
    expect(tokens.some((t) => t.type === 'text' && t.raw.includes('*late emphasis*'))).toBe(true);
  });
});
