// Jekyll's image includes and other Liquid tags (site-syntax/liquid-tags.ts), Obsidian's block ids
// and inline footnotes (site-syntax/obsidian.ts), as stripTemplateNoise leaves them for the lexer.
import { describe, expect, it } from 'vitest';
import { stripTemplateNoise } from '../../../../src/core/render/site-syntax/static-site.js';
import { readLiquidTags } from '../../../../src/core/render/site-syntax/liquid-tags.js';
import { hasObsidianSyntax } from '../../../../src/core/render/site-syntax/obsidian.js';
import { renderMarkdown } from '../../../../src/core/render/markdown.js';
import { lineText } from '../../../../src/core/render/spans.js';

describe('readLiquidTags', () => {
  it.each([
    ['figure with alt and caption', '{% include figure.html image_path="/a.png" alt="Chart" caption="Flows" %}', '<img alt="Chart"> Flows'],
    ['caption alone names the image', '{% include figure.html image="/a.png" caption="Hashrate" %}', '<img alt="Hashrate">'],
    ["image.html's description", "{% include image.html url='/f.png' description='Fees' %}", '<img alt="Fees">'],
    ['title and caption, no alt', '{% include figure.html image="/a.png" title="T" caption="C" %}', '<img alt="C"> T'],
    ['any include with an alt', '{% include chart.liquid src="/x" alt="Basis" %}', '<img alt="Basis">'],
    ['an image file, no words', '{% include_relative pic.html src="/x.jpg" %}', '<img>'],
    ['whitespace control', '{%- include figure.html alt="A" -%}', '<img alt="A">'],
    ['Liquid output in a value', '{% include figure.html image="{{ site.url }}/a.png" caption="By {{ page.author }}" %}', '<img alt="By">'],
    ['quotes and angle brackets escaped', '{% include figure.html alt=\'a "b" <c>\' %}', '<img alt="a &quot;b&quot; &lt;c>">'],
    ['a table of contents is no image', '{% include toc.html title="Contents" %}', ''],
    ['other tags gone', 'a {% assign x = "50%" %}b {% if x %}c{% endif %}', 'a b c'],
  ])('%s', (_what, input, expected) => {
    expect(readLiquidTags(input)).toBe(expected);
  });

  it('reads a tag spread over lines as one, and leaves an unclosed one as written', () => {
    expect(stripTemplateNoise('a\n\n{% include figure.html\n  image_path="/x.png"\n  alt="Chart" %}\n\nb')).toBe('a\n\n<img alt="Chart">\n\nb');
    expect(stripTemplateNoise('a {% oops\n\nb %}')).toBe('a {% oops\n\nb %}');
  });

  it('gets through a megabyte of braces and percent signs', { timeout: 30_000 }, () => {
    const input = '{% "{{%'.repeat(150_000);
    expect(stripTemplateNoise(input).length).toBeLessThanOrEqual(input.length);
  });
});

describe("Obsidian's block ids and inline footnotes", () => {
  it('finds a comment line after blanks, not one inside a line', () => {
    expect(hasObsidianSyntax('a\n\n  \t%% note %%\nb')).toBe(true);
    expect(hasObsidianSyntax('a\r\n%%\r\nhidden\r\n%%')).toBe(true);
    expect(hasObsidianSyntax('50%% of it')).toBe(false);
  });

  // The timeout turns a hang into a failure: the comment test ran back over every blank line from
  // each line start (`^\s*%%`), 2 s at 40,000 lines, minutes at 400,000.
  it('reads a body of 400,000 blank and space-only lines in one pass', { timeout: 30_000 }, () => {
    expect(hasObsidianSyntax(`a\n${' \n\n'.repeat(200_000)}b`)).toBe(false);
    expect(stripTemplateNoise(`a\n${' \n'.repeat(400_000)}%% c %%`)).not.toContain('%%');
  });

  it.each([
    ['a block id ends a line', 'Liquidity was high. ^liq-high', 'Liquidity was high.'],
    ['a block id alone under a list', '- a\n- b\n^list-1', '- a\n- b'],
    ['a power is no block id', 'grows as r ^2', 'grows as r ^2'],
    ['a caret in a word stays', 'x^abc and 2^10', 'x^abc and 2^10'],
    ['in code it stays', '`line ^abc1`', '`line ^abc1`'],
    ['in a fence it stays', '```\nline ^abc1\n```', '```\nline ^abc1\n```'],
  ])('%s', (_what, input, expected) => {
    expect(stripTemplateNoise(input)).toBe(expected);
  });

  it('turns inline footnotes into references listed after the body, nested brackets and all', () => {
    expect(stripTemplateNoise('Funding^[On [venues](https://x.y).] fell ^[twice].')).toBe(
      'Funding[^inline-note-1] fell [^inline-note-2].\n\n[^inline-note-1]: On [venues](https://x.y).\n[^inline-note-2]: twice',
    );
  });

  it.each([
    ['an unclosed one', 'a ^[never closed', 'a ^[never closed'],
    ['an empty one', 'a ^[] b', 'a ^[] b'],
    ['one inside inline math', 'so $x^[2]$ holds', 'so $x^[2]$ holds'],
  ])('leaves %s as written', (_what, input, expected) => {
    expect(stripTemplateNoise(input)).toBe(expected);
  });

  it('numbers inline and classic footnotes together in the order they are referenced', () => {
    const rows = renderMarkdown('A[^a] then B^[inline] end.\n\n[^a]: Classic.', 80).lines.map(lineText);
    expect(rows[0]).toBe('A[^1] then B[^2] end.');
    expect(rows).toContain('[^1] Classic.');
    expect(rows).toContain('[^2] inline');
  });

  it('closes a code block left open before listing the notes', () => {
    expect(stripTemplateNoise('a^[n]\n\n```\ncode')).toBe('a[^inline-note-1]\n\n```\ncode\n```\n\n[^inline-note-1]: n');
  });
});
