import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_LINES, renderMarkdown } from '../../../src/core/render/markdown.js';
import { isTerminalSafe } from '../../../src/core/text/sanitize.js';
import { lineText, lineWidth, type Line } from '../../../src/core/render/spans.js';

const text = (lines: Line[]) => lines.map(lineText);
const spansOf = (lines: Line[]) => lines.flat();

function expectFits(lines: Line[], width: number) {
  for (const l of lines) expect(lineWidth(l), JSON.stringify(lineText(l))).toBeLessThanOrEqual(width);
}

function expectSafe(lines: Line[]) {
  for (const s of spansOf(lines)) expect(isTerminalSafe(s.text), JSON.stringify(s.text)).toBe(true);
}

// Each construct at both widths: the words it must show and a role or style it must carry.
const constructs: Array<{ name: string; md: string; shows: string[]; has?: (l: Line[]) => boolean }> = [
  { name: 'h1', md: '# Big news', shows: ['Big news', '━'], has: (l) => spansOf(l).some((s) => s.role === 'heading' && s.bold) },
  { name: 'h2', md: '## Overview', shows: ['Overview', '────────'] },
  // The rule is as wide as the heading whatever its script (a non-ASCII heading once got a 1-2 column rule).
  { name: 'h1 CJK', md: '# 見出し', shows: ['見出し', '━━━━━━'], has: (l) => !text(l).includes('━━━━━━━') },
  { name: 'h2 accented', md: '## Qué pasó', shows: ['Qué pasó', '────────'], has: (l) => !text(l).includes('─────────') },
  { name: 'h3', md: '### Detail', shows: ['### Detail'], has: (l) => spansOf(l).some((s) => s.role === 'dim' && s.text === '### ') },
  { name: 'strong/em/strike', md: 'a **b** _c_ ~~d~~', shows: ['a b c ~~d~~'], has: (l) => spansOf(l).some((s) => s.bold) && spansOf(l).some((s) => s.italic) && spansOf(l).some((s) => s.strike) },
  // GFM strikes `~one~` too: the tildes drawn are the author's (`H~2~O` once read `H~~2~~O`).
  { name: 'single-tilde strike', md: 'H~2~O and ~gone~', shows: ['H~2~O and ~gone~'], has: (l) => !text(l).includes('~~') && spansOf(l).some((s) => s.strike) },
  { name: 'inline code', md: 'run `npm test` now', shows: ['run npm test now'], has: (l) => spansOf(l).some((s) => s.role === 'code' && s.text === 'npm test') },
  { name: 'fenced code', md: '```js\nconst x = 1;\n```', shows: ['  const x = 1;'], has: (l) => spansOf(l).some((s) => s.role === 'code') },
  { name: 'indented code', md: 'para\n\n    indented();', shows: ['  indented();'] },
  { name: 'quote', md: '> quoted words', shows: ['│ quoted words'], has: (l) => spansOf(l).some((s) => s.role === 'quote') },
  { name: 'nested quote', md: '> outer\n> > inner', shows: ['│ outer', '│ │ inner'] },
  { name: 'bullets', md: '- one\n- two', shows: ['• one', '• two'] },
  { name: 'ordered', md: '3. three\n4. four', shows: ['3. three', '4. four'] },
  // CommonMark keeps the delimiter: `1)` lists are drawn `1)`, from their start number.
  { name: 'ordered with )', md: '7) seven\n8) eight', shows: ['7) seven', '8) eight'], has: (l) => !text(l).join('').includes('7.') },
  { name: 'a delimiter change starts a list', md: '1) one\n2) two\n3. three', shows: ['1) one', '2) two', '3. three'] },
  // GitHub alerts and Obsidian callouts: the kind as a bold, underlined word (and the author's title), no marker.
  { name: 'alert', md: '> [!WARNING]\n> Funds at risk.', shows: ['│ Warning', '│ ───────', '│ Funds at risk.'], has: (l) => !text(l).join('').includes('[!') && spansOf(l).some((s) => s.bold && s.text === 'Warning') },
  { name: 'callout with a title', md: '> [!tldr]- Why **now**\n> Because.', shows: ['│ TL;DR: Why now', '│ Because.'], has: (l) => !text(l).join('').includes('[!') && spansOf(l).some((s) => s.bold && s.text.includes('Why now')) },
  // Obsidian draws a type it does not know as its default callout (callouts.ts).
  { name: 'a custom callout type', md: '> [!nonsense] words\n> more', shows: ['│ words', '│ more'], has: (l) => !text(l).join('').includes('[!') },
  { name: 'a custom callout type with no title', md: '> [!my_type]\n> more', shows: ['│ My type', '│ more'] },
  { name: 'nested list', md: '- top\n  - sub', shows: ['• top', '  ◦ sub'] },
  { name: 'tasks', md: '- [ ] todo\n- [x] done', shows: ['• [ ] todo', '• [x] done'] },
  { name: 'hr', md: 'a\n\n---\n\nb', shows: ['a', '──────────', 'b'] },
  { name: 'image', md: '![a chart](c.png)', shows: ['[image: a chart]'] },
  { name: 'in-page links (a table of contents)', md: '- [Intro](#intro)\n- [Fees](#fees)\n\n[top](#top) and [a page](https://x.io)', shows: ['• Intro', '• Fees', 'top and a page[1]', '[1] https://x.io'], has: (l) => !text(l).some((r) => r.includes('#')) },
  { name: 'a link target with a space', md: '[the filing](<https://example.com/SEC filing.pdf>)', shows: ['the filing[1]'], has: (l) => text(l).join('').includes('https://example.com/SEC%20filing.pdf') && !text(l).join('').includes('SEC filing') },
  { name: 'autolink', md: 'see <https://x.io> now', shows: ['see https://x.io [1] now', '[1] https://x.io'], has: (l) => text(l).includes('Links') },
  { name: 'html block', md: '<div class="x">\nHello <b>there</b> &amp; bye\n</div>', shows: ['Hello there & bye'], has: (l) => spansOf(l).some((s) => s.bold && s.text === 'there') },
  { name: 'inline html', md: 'a <span>b</span> c<br>d', shows: ['a b c', 'd'] },
  { name: 'html comment', md: 'x\n\n<!-- secret -->\n\ny', shows: ['x', 'y'], has: (l) => !text(l).join('').includes('secret') },
  { name: 'entities', md: 'AT&amp;T &lt;3 &#8364;', shows: ['AT&T <3 €'] },
];

describe('renderMarkdown constructs', () => {
  for (const width of [80, 30]) {
    for (const c of constructs) {
      it(`${c.name} at ${width}`, () => {
        const { lines } = renderMarkdown(c.md, width);
        const rows = text(lines);
        for (const s of c.shows) expect(rows.some((r) => r.includes(s)), `${JSON.stringify(rows)} has ${s}`).toBe(true);
        if (c.has) expect(c.has(lines)).toBe(true);
        expectFits(lines, width);
        expectSafe(lines);
      });
    }
  }
});

describe('renderMarkdown wrapping', () => {
  it('wraps paragraphs to the width at word boundaries', () => {
    const rows = text(renderMarkdown('alpha beta gamma delta epsilon zeta eta theta', 20).lines);
    expect(rows).toEqual(['alpha beta gamma', 'delta epsilon zeta', 'eta theta']);
  });

  it('hangs list continuation lines under the text, not the bullet', () => {
    const rows = text(renderMarkdown('1. one two three four five six seven\n   - alpha beta gamma delta epsilon', 20).lines);
    expect(rows[0]).toBe('1. one two three');
    expect(rows[1]).toBe('   four five six');
    expect(rows.find((r) => r.includes('◦'))).toBe('   ◦ alpha beta');
    expect(rows).toContain('     gamma delta');
  });

  it('hard-breaks words longer than the width', () => {
    const rows = text(renderMarkdown('x'.repeat(25), 10).lines);
    expect(rows).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
  });

  it('counts CJK and emoji as two columns', () => {
    const { lines } = renderMarkdown('日本語のニュース記事 🚀🚀 ビットコイン', 10);
    expectFits(lines, 10);
    expect(lines.some((l) => lineWidth(l) === 10)).toBe(true);
  });

  it('wraps long code lines with a continuation mark, keeping every character', () => {
    const rows = text(renderMarkdown('```\n' + 'y'.repeat(50) + '\n```', 20).lines);
    expect(rows).toEqual(['  ' + 'y'.repeat(18), '↪ ' + 'y'.repeat(18), '↪ ' + 'y'.repeat(14)]);
  });

  it('keeps nested lists inside width 20', () => {
    const md = '- a\n  - b\n    - c\n      - d\n        - e long words here that wrap\n          - f';
    const { lines } = renderMarkdown(md, 20);
    expectFits(lines, 20);
    expect(text(lines).join(' ')).toContain('wrap');
  });
});

describe('renderMarkdown tables', () => {
  const md = '| Coin | Price | Change |\n|---|--:|:-:|\n| BTC | 97000 | +2% |\n| ETH | 3100 | -1% |';

  it('draws a header, a rule and rows when the table fits', () => {
    const { lines } = renderMarkdown(md, 80);
    const rows = text(lines);
    expect(rows[0]).toMatch(/^Coin │ Price │ Change$/);
    expect(rows[1]).toMatch(/^─+┼─+┼─+$/);
    expect(rows[2]).toBe('BTC  │ 97000 │  +2%');
    expect(lines[0].some((s) => s.bold && s.text.includes('Coin'))).toBe(true);
  });

  it('wraps cells inside their column when too wide, cutting nothing', () => {
    const wide = '| Name | Description |\n|---|---|\n| Bitcoin | ' + 'a long description of the coin '.repeat(3) + '|';
    const { lines } = renderMarkdown(wide, 30);
    expectFits(lines, 30);
    const rows = text(lines);
    expect(rows.join('\n')).not.toContain('…');
    expect(rows[1]).toContain('┼');
    expect(rows.slice(2).map((r) => r.split('│')[1]?.trim() ?? '').join(' ').split(/\s+/).filter(Boolean)).toEqual(
      ('a long description of the coin '.repeat(3)).trim().split(' '),
    );
    expect(rows[2]).toMatch(/^Bitcoin │/);
  });

  it('falls back to key: value rows when columns cannot fit', () => {
    const rows = text(renderMarkdown(md, 12).lines);
    expect(rows).toContain('Coin: BTC');
    expect(rows).toContain('Price: 97000');
    expect(rows.some((r) => r.includes('│'))).toBe(false);
  });
});

describe('renderMarkdown links', () => {
  it('numbers footnotes in order, reuses numbers for the same URL and lists them at the end', () => {
    const md = 'See [one](https://a.example) and [two][ref] and [again](https://a.example).\n\n[ref]: https://b.example';
    const { lines, links } = renderMarkdown(md, 80);
    expect(links).toEqual(['https://a.example', 'https://b.example']);
    const rows = text(lines);
    expect(rows[0]).toBe('See one[1] and two[2] and again[1].');
    const at = rows.indexOf('Links');
    expect(at).toBeGreaterThan(0);
    expect(rows.slice(at + 1)).toEqual(['[1] https://a.example', '[2] https://b.example']);
    expect(lines[0].some((s) => s.role === 'link' && s.text === 'one')).toBe(true);
  });

  it('gives a link that leads nowhere (javascript:, data:, ...) neither note, entry nor link style, Markdown and HTML alike; the numbers after it stay consecutive', () => {
    const md = [
      'A [good](https://a.example) one, a [bad](javascript:alert(1)) one, a [ref][r] and a [last](https://b.example).',
      '',
      '<p>Block: <a href="vbscript:x">script</a> and <a href="https://c.example">fine</a>.</p>',
      '',
      'Inline <a href="data:text/html,x">data</a> and <a href="https://d.example">ok</a>.',
      '',
      '[r]: JavaScript:track()',
    ].join('\n');
    const { lines, links } = renderMarkdown(md, 120);
    expect(links).toEqual(['https://a.example', 'https://b.example', 'https://c.example', 'https://d.example']);
    expect(text(lines).slice(0, 5)).toEqual(['A good[1] one, a bad one, a ref and a last[2].', '', 'Block: script and fine[3].', '', 'Inline data and ok[4].']);
    for (const word of ['bad', 'ref', 'script', 'data']) {
      const span = spansOf(lines).find((s) => s.text.includes(` ${word} `) || s.text === word);
      expect(span, word).toBeDefined();
      expect(span!.role, word).toBeUndefined();
      expect(span!.href, word).toBeUndefined();
    }
  });

  it('prints a long URL on whole rows of its own, without indentation, so it copies whole', () => {
    const url = `https://example.com/${'p'.repeat(60)}`;
    const { lines } = renderMarkdown(`[x](${url})`, 30);
    expectFits(lines, 30);
    const rows = text(lines);
    const at = rows.indexOf('[1]');
    expect(at).toBeGreaterThan(0);
    expect(rows.slice(at + 1).join('')).toBe(url);
  });
});

describe('renderMarkdown static-site noise', () => {
  it.each([
    ['liquid tag line', 'Intro\n{% include ad.html %}\nmore', 'Intro more'],
    ['liquid output', 'Hi {{ page.author }} there', 'Hi there'],
    ['hugo shortcode of a theme', 'A {{< notice warning >}} B', 'A B'],
    ["hugo's tweet shortcode, named with a link note (site-syntax/hugo-shortcodes.ts)", 'A {{< tweet 123 >}} B', 'A [embed][1] B'],
    ['kramdown class line', 'Lead text\n{:.lead}', 'Lead text'],
    ['kramdown suffix', 'Para {: .note #id}', 'Para'],
    ['heading id', '## Title {#custom-id}', 'Title'],
  ])('%s', (_name, md, expected) => {
    const rows = text(renderMarkdown(md, 80).lines);
    expect(rows[0]).toBe(expected);
  });

  it('leaves template syntax inside code untouched', () => {
    const rows = text(renderMarkdown('```\n{{ page.title }} {% raw %}\n```\n\nuse `{{ x }}` here', 80).lines);
    expect(rows).toContain('  {{ page.title }} {% raw %}');
    expect(rows).toContain('use {{ x }} here');
  });

  it('turns highlight blocks into code', () => {
    const { lines } = renderMarkdown('{% highlight ruby %}\nputs 1\n{% endhighlight %}', 80);
    expect(text(lines)).toEqual(['  puts 1']);
    expect(lines[0].some((s) => s.role === 'code')).toBe(true);
  });
});

describe('renderMarkdown safety and bounds', () => {
  it('never lets escape sequences or control bytes through', () => {
    const md = '# \x1b]0;pwned\x07Title\n\nText \x1b[31mred\x1b[0m &#27;[2J \u202eevil\n\n```\n\x1b[1mcode\x07\n```\n\n[l](http://x/\x1b[5m)';
    const { lines, links } = renderMarkdown(md, 40);
    expectSafe(lines);
    for (const l of links) expect(isTerminalSafe(l)).toBe(true);
    expect(text(lines).join('\n')).toContain('red');
  });

  // Speed lives in the benchmark; the timeout here only turns a hang (catastrophic backtracking,
  // an unbounded layout) into a failure instead of a stuck suite.
  it('caps a huge body and marks it truncated', { timeout: 60_000 }, () => {
    const md = ('A paragraph with **some** words. '.repeat(40) + '\n\n').repeat(2000);
    const { lines } = renderMarkdown(md, 60);
    expect(lines.length).toBeLessThanOrEqual(MAX_LINES + 2);
    expect(lineText(lines[lines.length - 1])).toBe('… (truncated)');
  });

  it('lays out pathological emphasis and a 1 MiB single word without hanging', { timeout: 60_000 }, () => {
    for (const md of ['*a _b '.repeat(40_000), 'x'.repeat(1 << 20), '日本'.repeat(200_000), '>'.repeat(20_000) + ' deep']) {
      const { lines } = renderMarkdown(md, 50);
      expectFits(lines, 50);
    }
  });

  it('falls back to plain text when nesting is too deep for the lexer', () => {
    const { lines, links } = renderMarkdown('>'.repeat(20_000) + ' deep [x](http://y)', 40);
    expect(text(lines).join('')).toContain('deep');
    expect(links).toEqual([]);
    expectFits(lines, 40);
  });

  it('memoises per markdown and width', () => {
    const md = 'memo test ' + Math.random();
    expect(renderMarkdown(md, 40)).toBe(renderMarkdown(md, 40));
    expect(renderMarkdown(md, 41)).not.toBe(renderMarkdown(md, 40));
  });

  it('keeps every line within the width for random nasty input', () => {
    const pieces = ['# ', '> ', '- ', '1. ', '**', '_', '`', '```\n', '\n', '\n\n', ' ', '|', '|---|', '[', '](http://a.b)', '<b>', '&amp;', '日本語', '😀', '👨‍👩‍👧', 'é', 'e\u0301', 'word', 'x'.repeat(45), '\t', '\x1b[31m', '{{ x }}', '{:.c}', '    '];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), fc.integer({ min: 1, max: 45 }), (parts, width) => {
        const { lines } = renderMarkdown(parts.join(''), width);
        for (const l of lines) if (lineWidth(l) > width) return false;
        return spansOf(lines).every((s) => isTerminalSafe(s.text));
      }),
      { numRuns: 300 },
    );
  });
});
