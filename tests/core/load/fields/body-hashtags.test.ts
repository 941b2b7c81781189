// Obsidian's inline `#tags` read from a body: at a word's start, not digits alone, never in code,
// addresses, HTML tags, comments or headings.
import { describe, expect, it } from 'vitest';
import { bodyHashtags } from '../../../../src/core/load/fields/body-hashtags.js';

describe('inline hashtags', () => {
  it('reads tags at a line start or after a space, nested ones, Unicode ones, each once, in order', () => {
    expect(bodyHashtags('#bitcoin rose; #funding-rates fell #crypto/defi #bitcoin\n#été #比特币 #snake_case.')).toEqual([
      'bitcoin', 'funding-rates', 'crypto/defi', 'été', '比特币', 'snake_case',
    ]);
    expect(bodyHashtags('a tag at the end #eth-')).toEqual(['eth']);
    expect(bodyHashtags('#2025review and #1st')).toEqual(['2025review', '1st']);
    // Hex letters with no digit are words (#cafe, #defi): tags.
    expect(bodyHashtags('#cafe #defi')).toEqual(['cafe', 'defi']);
  });
  it('reads none from headings, numbers, words with # inside, addresses, links, colours', () => {
    const body = [
      '# Heading', '## Part', '###### Six', 'Issue #123 and #2025', 'C# and F#', 'https://x.com/#top', '[a](#part) [[#Summary]] [#x](y)',
      'colour #f7931a and #0af', '\\#escaped', 'a ## b', '&#35;amp',
      // Keycap emoji: `#` or a digit, U+FE0F, U+20E3.
      'keycaps #\ufe0f\u20e3 *\ufe0f\u20e3 #1\ufe0f\u20e3 and #\u20e3',
    ].join('\n');
    expect(bodyHashtags(body)).toEqual([]);
  });
  it('reads none from fenced, Liquid and indented code, code spans, HTML tags, comments and attributes in braces; the text around them still counts', () => {
    const body = [
      '```sh', '#comment-in-code', '```', '~~~~', '#tilde', '~~~~', 'Inline `#code` and ``#two `x` ticks``.',
      '<span style="color: #aa00cc; #ident">#inside</span>', '<!-- #html-comment -->', '%% #obsidian-comment %%', '',
      '{: .note #what-changes}', 'Text {#pandoc-id .class} and {{< notice #x >}}', '{% highlight bash %}', '#liquid-code', '{% endhighlight %}',
      '    #include <stdio.h>', '', 'then #kept',
    ].join('\n');
    expect(bodyHashtags(body)).toEqual(['inside', 'kept']);
  });
  it('reads tags in a list item\'s indented lines (not code), and none from an unclosed fence', () => {
    expect(bodyHashtags('- item\n\n    more about #staking\n')).toEqual(['staking']);
    expect(bodyHashtags('text #before\n```\n#never\nstill code')).toEqual(['before']);
  });
  it('keeps at most 32 tags, none over 64 characters', () => {
    const many = Array.from({ length: 50 }, (_, i) => `#t${i}x`).join(' ');
    expect(bodyHashtags(many)).toHaveLength(32);
    expect(bodyHashtags(`#${'a'.repeat(65)} #ok`)).toEqual(['ok']);
  });
});
