// Emoji shortcodes (site-syntax/emoji-shortcodes.ts): read only once gemoji's table is in, which
// the program loads on demand; a body rendered before is drawn again after (markdown.ts).
import { describe, expect, it } from 'vitest';
import { renderMarkdown, shortcodesPending } from '../../../../src/core/render/markdown.js';
import { emojiShortcodesLoaded, mayHoldShortcodes } from '../../../../src/core/render/site-syntax/emoji-shortcodes.js';
import { lineText } from '../../../../src/core/render/spans.js';

const text = (markdown: string, width = 80): string => renderMarkdown(markdown, width).lines.map(lineText).join('\n');

describe('mayHoldShortcodes', () => {
  it.each([
    [':rocket:', true],
    ['up :+1: and :-1:', true],
    ['at 10:30:00 UTC', false],
    ['a:b:c', false],
    ['no colons', false],
    ['(:100:)', true],
  ])('%s: %s', (markdown, may) => {
    expect(mayHoldShortcodes(markdown)).toBe(may);
  });
});

describe('emoji shortcodes', () => {
  it('stay as written until the table is loaded, then the body is drawn with the emoji', async () => {
    // This file's first test: nothing has loaded the table in this worker yet.
    expect(emojiShortcodesLoaded()).toBe(false);
    const markdown = 'Launch :rocket: day';
    expect(text(markdown)).toBe('Launch :rocket: day');
    const pending = shortcodesPending(markdown);
    expect(pending).not.toBeNull();
    await pending;
    expect(emojiShortcodesLoaded()).toBe(true);
    // The render memoised before the table came in is not reused.
    expect(text(markdown)).toBe('Launch 🚀 day');
    expect(shortcodesPending(markdown)).toBeNull();
  });

  it('are not waited for in a body that cannot hold one', () => {
    expect(shortcodesPending('at 10:30:00 and a:b:c')).toBeNull();
  });

  it.each([
    ['Up :+1: down :-1:', 'Up 👍 down 👎'],
    [':fire::fire: twice', '🔥🔥 twice'],
    ['## Launch :rocket:', 'Launch 🚀'],
    ['**bold :tada:**', 'bold 🎉'],
    ['(:100:)', '(💯)'],
    ['[link :rocket:](https://example.com)', 'link 🚀[1]'],
    [':notacode: and :Rocket:', ':notacode: and :Rocket:'],
    ['10:30:00 and 1:100:2', '10:30:00 and 1:100:2'],
    ['a:rocket: b', 'a:rocket: b'],
    [':rocket:s', ':rocket:s'],
    ['`:rocket:` code', ':rocket: code'],
    ['\\:rocket: escaped', ':rocket: escaped'],
  ])('%s -> %s', async (markdown, shown) => {
    await shortcodesPending(':rocket:');
    expect(text(markdown).split('\n')[0]).toBe(shown);
  });

  it('keep addresses whole: an autolink, a bare address and a link target', async () => {
    await shortcodesPending(':rocket:');
    const out = renderMarkdown('see https://example.com/:rocket:/x and <https://example.com/:fire:> and [a](https://example.com/:tada:)', 200);
    expect(out.links).toEqual(['https://example.com/:rocket:/x', 'https://example.com/:fire:', 'https://example.com/:tada:']);
    expect(lineText(out.lines[0])).toContain('https://example.com/:rocket:/x');
  });

  it('leave code blocks alone', async () => {
    await shortcodesPending(':rocket:');
    expect(text('```\n:rocket:\n```')).toContain(':rocket:');
    expect(text('    :rocket:')).toContain(':rocket:');
  });
});
