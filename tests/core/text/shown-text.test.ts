// A body's text as its reader is shown it (text/shown/shown-text.ts), which search folds: escapes
// without their backslashes, references decoded outside code, HTML's tags and attributes gone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shownText } from '../../../src/core/text/shown/shown-text.js';
import { markdownPieces } from '../../../src/core/text/shown/markdown-pieces.js';
import { markdownBlocks, type BlockKind } from '../../../src/core/text/shown/markdown-blocks.js';
import { lexMarkdown } from '../../../src/core/render/markdown-lexer.js';
import { readSiteSyntax } from '../../../src/core/render/site-syntax/index.js';
import { foldBody, foldBodyAscii, foldText } from '../../../src/core/text/fold.js';

describe('shownText: Markdown escapes', () => {
  it('shows an escaped character alone (turndown, kramdown)', () => {
    expect(shownText('The eth\\_getBalance call and \\*starred\\* words and 2\\. Place and \\#hashtag and C\\+\\+ code and US\\$100.')).toBe(
      'The eth_getBalance call and *starred* words and 2. Place and #hashtag and C++ code and US$100.',
    );
  });

  it('keeps a backslash before what it cannot escape, and one escaped; drops a line break mark', () => {
    expect(shownText('C:\\Users\\me and \\\\ and \\é')).toBe('C:\\Users\\me and \\ and \\é');
    expect(shownText('line one\\\nline two')).toBe('line one\nline two');
  });

  it('shows an escaped `&` or `<` as written, never as a reference or a tag', () => {
    expect(shownText('\\&amp; and \\<b>bold\\</b>')).toBe('&amp; and <b>bold</b>');
    expect(shownText('\\&amp; and <em>x</em>')).toBe('&amp; and x');
  });

  it('leaves code as written: a code span, a fenced block, an unclosed fence to the end', () => {
    expect(shownText('Call `eth\\_call` and eth\\_call')).toBe('Call `eth\\_call` and eth_call');
    expect(shownText('```\na\\_b &amp;\n```\nc\\_d &amp;')).toBe('```\na\\_b &amp;\n```\nc_d &');
    expect(shownText('~~~js\nx &amp;&amp; y\n~~~~\n&amp;')).toBe('~~~js\nx &amp;&amp; y\n~~~~\n&');
    expect(shownText('a\\_b\n```\nc\\_d &amp;')).toBe('a_b\n```\nc\\_d &amp;');
  });

  it('reads a lone backtick as text, and a span only within its paragraph', () => {
    expect(shownText('it`s S&amp;P')).toBe('it`s S&P');
    expect(shownText('a `b &amp;\n\nc` d')).toBe('a `b &\n\nc` d');
    expect(shownText('``a ` b`` &amp;')).toBe('``a ` b`` &');
  });
});

describe('shownText: character references', () => {
  it('decodes them outside code, as CommonMark does (each with its `;`)', () => {
    expect(shownText('The S&amp;P 500 and AT&amp;T said what&#8217;s next at &euro;90&nbsp;000.')).toBe('The S&P 500 and AT&T said what’s next at €90\u00a0000.');
    expect(shownText('AT&amp T &copy 2025 &pound5 &unknown;')).toBe('AT&amp T &copy 2025 &pound5 &unknown;');
  });

  it('leaves them as written in code spans and fenced code, where the reader sees them so', () => {
    expect(shownText('Code: `&amp; &lt;b&gt;` and &amp;')).toBe('Code: `&amp; &lt;b&gt;` and &');
    expect(shownText('<p>x &amp; y</p>\n\n`&amp;` and\n\n```html\n<a href="?a=1&amp;b=2">&copy;</a>\n```\n')).toBe(
      '\nx & y\n\n\n`&amp;` and\n\n```html\n<a href="?a=1&amp;b=2">&copy;</a>\n```\n',
    );
  });

  it('decodes WordPress typography in HTML', () => {
    expect(shownText('<p>Bitcoin&#8217;s rally &#8211; and the SEC&#8217;s &#8220;spot ETF&#8221; decision.</p>').trim()).toBe('Bitcoin’s rally – and the SEC’s “spot ETF” decision.');
  });
});

describe('shownText: HTML', () => {
  it('drops tags and their attributes, keeps an image’s alt text (Ghost)', () => {
    const ghost = '<figure class="kg-card kg-image-card"><img src="https://cdn.example.com/chart.png" class="kg-image" alt="BTC chart" loading="lazy" width="2000"><figcaption><span style="white-space: pre-wrap;">Price this week.</span></figcaption></figure>';
    const shown = shownText(ghost);
    expect(shown.replace(/\n+/g, '|')).toBe('|[BTC chart]|Price this week.|');
    for (const gone of ['kg-image', 'lazy', 'pre-wrap', 'chart.png', '2000']) expect(shown).not.toContain(gone);
  });

  it('shows an image’s title beside its alt, and nothing for a decorative image', () => {
    expect(shownText('a <img alt="Chart" title="Weekly"> b <img alt="" src="x.png"> c')).toBe('a [Chart — Weekly] b  c');
  });

  it('drops a form’s attributes (Substack) and what script, style and noscript hold', () => {
    const substack = '<form><input type="email" placeholder="Type your email…" tabindex="-1"><input type="submit" value="Subscribe"></form><p>Thanks</p>';
    expect(shownText(substack).trim()).toBe('Thanks');
    expect(shownText('a<script>var tracking = 1 < 2;</script>b<style>.x{color:red}</style>c<noscript>Enable JavaScript</noscript>d')).toBe('abcd');
  });

  it('hides nothing after an element its author left open', () => {
    expect(shownText('Attackers injected a <script> tag into the page &amp; stole keys.')).toBe('Attackers injected a  tag into the page & stole keys.');
  });

  it('joins the words an inline tag splits, and breaks them at a block or a line', () => {
    expect(shownText('<p>Water is H<sub>2</sub>O, press <kbd>Ctrl</kbd>+<kbd>C</kbd></p>').trim()).toBe('Water is H2O, press Ctrl+C');
    expect(shownText('<p>one</p><p>two</p>line<br>three<div>four</div>')).toBe('\none\n\ntwo\nline\nthree\nfour\n');
    expect(shownText('<table><tr><td>No thead</td><td>1,234</td></tr></table>')).toContain('No thead | 1,234');
  });

  it('keeps a link’s address as a Markdown link’s, which search reads as one', () => {
    const shown = shownText('Source: <a href="https://coindesk.com/x?a=1&amp;b=2">CoinDesk</a> today');
    expect(shown).toBe('Source: [CoinDesk](<https://coindesk.com/x?a=1&b=2>) today');
    expect(foldText(shown)).toBe('source: coindesk today');
  });

  it('drops comments (WordPress blocks, more markers)', () => {
    expect(shownText('<!-- wp:paragraph -->\n<p>One</p>\n<!-- /wp:paragraph -->\nA<!--more-->B')).toBe('\n\nOne\n\n\nAB');
  });

  it('reads a `<` that opens no tag as text: a comparison, an autolink, an email autolink', () => {
    expect(shownText('a < b and x<3 and <https://x.com/?a=1&amp;b=2> and <me@x.com> &amp; <b>c</b>')).toBe(
      'a < b and x<3 and <https://x.com/?a=1&b=2> and <me@x.com> & c',
    );
  });

  it('leaves tags in code as written, in a body that holds HTML', () => {
    expect(shownText('Use `<div class="x">` here, <em>not</em> there.')).toBe('Use `<div class="x">` here, not there.');
  });
});

describe('shownText: indented code (CommonMark 4.4)', () => {
  it('leaves it as written, at the start and after a blank line, by spaces or a tab', () => {
    expect(shownText('    x &amp;&amp; y <b>b</b> eth\\_call')).toBe('    x &amp;&amp; y <b>b</b> eth\\_call');
    expect(shownText('Run:\n\n    a &amp; b\n\n    c \\_\nAfter &amp; \\_')).toBe('Run:\n\n    a &amp; b\n\n    c \\_\nAfter & _');
    expect(shownText('Run:\n\n\ta &amp; \\_\n\n  \tb &amp;')).toBe('Run:\n\n\ta &amp; \\_\n\n  \tb &amp;');
    // An HTML line indented four columns is code too.
    expect(shownText('Run:\n\n    <div>a\\_b</div>')).toBe('Run:\n\n    <div>a\\_b</div>');
  });

  it('leaves it as written after a line that leaves no paragraph open: a heading, a rule, a fence', () => {
    expect(shownText('# Head\n    x &amp; \\_')).toBe('# Head\n    x &amp; \\_');
    expect(shownText('***\n    x &amp;')).toBe('***\n    x &amp;');
    expect(shownText('```\na\n```\n    x &amp;')).toBe('```\na\n```\n    x &amp;');
  });

  it('reads a lazy continuation line (no blank line before it) as its paragraph', () => {
    expect(shownText('Text\n    lazy &amp; \\_')).toBe('Text\n    lazy & _');
    expect(shownText('> quote\n    lazy &amp;')).toBe('> quote\n    lazy &');
  });

  it('reads list items\u2019 indented content as Markdown: a continuation paragraph, a nested list', () => {
    expect(shownText('- item\n\n    more &amp; \\_')).toBe('- item\n\n    more & _');
    expect(shownText('1. item\n\n    more &amp;')).toBe('1. item\n\n    more &');
    expect(shownText('- a\n  - b\n\n    c &amp;')).toBe('- a\n  - b\n\n    c &');
    expect(shownText('- a\n\n    - nested &amp; \\_')).toBe('- a\n\n    - nested & _');
    expect(shownText('- a\nlazy\n\n- b\n\n    c &amp;')).toBe('- a\nlazy\n\n- b\n\n    c &');
    // Indented code inside an item is left to Markdown: the item's content is not told apart here.
    expect(shownText('- a\n\n        deep &amp;')).toBe('- a\n\n        deep &');
  });

  it('reads footnote definitions\u2019 and MkDocs admonitions\u2019 indented content as Markdown, as the renderer does', () => {
    expect(shownText('[^1]: note\n\n    more &amp; \\_')).toBe('[^1]: note\n\n    more & _');
    expect(shownText('!!! note "Title"\n    text &amp;\n\n    more &amp; \\_')).toBe('!!! note "Title"\n    text &\n\n    more & _');
  });

  it('finds code once the list has ended, or where the item\u2019s content column is past it', () => {
    expect(shownText('- a\n\nText.\n\n    code &amp;')).toBe('- a\n\nText.\n\n    code &amp;');
    expect(shownText('-    five\n\n    code &amp;')).toBe('-    five\n\n    code &amp;');
    expect(shownText('> quote\n\n    code &amp;')).toBe('> quote\n\n    code &amp;');
  });

  it('reads what an MDX component wraps as Markdown (the renderer dedents it)', () => {
    const mdx = '<Tabs>\n  <TabItem value="a">\n\n    text eth\\_call\n\n  </TabItem>\n</Tabs>';
    expect(shownText(mdx)).toContain('text eth_call');
  });
});

describe('shownText: HTML blocks (CommonMark 4.6)', () => {
  it('keeps backslashes and backticks in them, and reads them as HTML', () => {
    expect(shownText('<div>a\\_b &amp; `c &amp;`</div>\n\nAfter \\_')).toBe('\na\\_b & `c &`\n\n\nAfter _');
    expect(shownText('<p>a\\_b</p>')).toBe('\na\\_b\n');
    expect(shownText('<span>\na\\_b\n\nc\\_d')).toBe('\na\\_b\n\nc_d');
    expect(shownText('- item\n  <div>a\\_b</div>')).toBe('- item\n  \na\\_b\n');
  });

  it('opens one where the renderer does: a block element interrupts a paragraph, another tag alone on its line does not', () => {
    expect(shownText('Text\n<div>a\\_b</div>')).toBe('Text\n\na\\_b\n');
    expect(shownText('Text\n<span>\na\\_b')).toBe('Text\n\na_b');
    expect(shownText('<span>x</span> a\\_b')).toBe('x a_b');
  });

  it('runs a raw-text element\u2019s block to its end tag, a comment\u2019s to its line\u2019s end', () => {
    expect(shownText('<pre>\na\\_b\n\nc\\_d\n</pre>\ne\\_f')).toBe('\n\na\\_b\n\nc\\_d\n\n\ne_f');
    expect(shownText('<!-- note --> a\\_b\nc')).toBe(' a\\_b\nc');
    // marked ends a processing instruction\u2019s block at its closer: the rest of the line is a paragraph.
    expect(shownText('<?php x ?> tail \\_')).toBe(' tail _');
  });

  it('ends a list item where marked does: a tag line after it opens a block, an end tag runs into it', () => {
    // CommonMark reads `<br>` as the item's lazy continuation line; marked ends the item there.
    expect(shownText('- item\n<br>\na\\_b')).toBe('- item\n\n\na\\_b');
    // marked runs `</div>` into the item, whose end (a heading) ends the HTML block too.
    expect(shownText('- item\n</div>\n## Next \\_')).toBe('- item\n\n## Next _');
    // An ordered item other than 1 cannot interrupt a paragraph: `10.` continues it, and `<br>` with it.
    expect(shownText('Text\n10. ten\n<br>\na\\_b')).toBe('Text\n10. ten\n\n\na_b');
  });

  it('leaves what the renderer reads as Markdown to Markdown: HTML quotes, markdown="1", MDX components', () => {
    expect(shownText('<blockquote>a\\_b</blockquote>').trim()).toBe('a_b');
    expect(shownText('<div markdown="1">\na\\_b\n</div>').trim()).toBe('a_b');
    expect(shownText('<Callout type="warning">\na\\_b\n</Callout>').trim()).toBe('a_b');
  });

  it('opens no fence inside one, nor in a comment: the rest of the body stays prose', () => {
    expect(shownText('<div>\n```\n</div>\n\nAfter \\_ &amp;')).toBe('\n\n```\n\n\n\nAfter _ &');
    expect(shownText('<pre>\n~~~\n</pre>\nAfter \\_ &amp;')).toBe('\n\n~~~\n\n\nAfter _ &');
    expect(shownText('<!--\n```\n-->\nAfter \\_')).toBe('\nAfter _');
    // A fence after the block still opens.
    expect(shownText('<div>x</div>\n\n```\na &amp; \\_\n```')).toBe('\nx\n\n\n```\na &amp; \\_\n```');
  });

  it('finds indented code after one ends at a blank line', () => {
    expect(shownText('<details>\n\n    x &amp; \\_\n\n</details>')).toBe('\n\n\n    x &amp; \\_\n\n\n');
  });
});

// Lines of the kinds whose reading decides a block: indentation, list items, quotes, fences, tags.
// (Left out: `---` and table rows, where marked reads a comment into a setext heading or a table
// against CommonMark and this module follows CommonMark.)
const LINES = ['', '', 'para text', '    indented', '\tindented tab', '  \tsp tab', '      six', '   x', '- item', '1. item', '10.  wide', '  - nested', '    - deep', '  cont', '> quote', '>     qcode', '# head', '***', '```', '~~~', '<div>', '</div>', '<span>', '<br>', '<pre>', '</pre>', '<p>x</p>', '<!-- c', '-->', '<?x ?>', '[^1]: note', 'Term', ': def'];

describe('markdownBlocks', () => {
  it('reads apart only blocks the renderer makes: its indented code and HTML blocks are marked\u2019s', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LINES), { minLength: 2, maxLength: 9 }), (lines) => {
        const doc = lines.join('\n');
        fc.pre(readSiteSyntax(doc) === doc);
        const theirs: string[] = [];
        type Tok = { type?: string; raw?: string; tokens?: unknown; items?: unknown };
        const walk = (tokens: unknown): void => {
          if (!Array.isArray(tokens)) return;
          for (const t of tokens as Tok[]) {
            if ((t.type === 'code' || t.type === 'html') && t.raw) theirs.push(t.raw.replace(/^[ \t]+/gm, '').trim());
            walk(t.tokens);
            walk(t.items);
          }
        };
        walk(lexMarkdown(doc));
        markdownBlocks(doc, (from, to, kind) => {
          if (kind === 'prose' || /^ {0,3}(?:```|~~~)/.test(doc.slice(from, to))) return;
          const mine = doc.slice(from, to).replace(/^[ \t]+/gm, '').trim();
          expect(theirs.some((t) => t.includes(mine) || mine.includes(t)), `${kind} ${JSON.stringify(mine)} in ${JSON.stringify(doc)}`).toBe(true);
        });
      }),
      { numRuns: 400, seed: 7 },
    );
  });


  it('cuts a body into blocks that follow each other from its start to its end', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^(?:[a-z `\\<>&*_~!?\t-]|\n|    |<div>|<pre>|<\/pre>|<!--|-->|```|1\. |\[\^1\]:|<Tabs>){0,30}$/), (s) => {
        const blocks: Array<[number, number, BlockKind]> = [];
        markdownBlocks(s, (from, to, kind) => blocks.push([from, to, kind]));
        let at = 0;
        for (const [from, to] of blocks) {
          expect(from).toBe(at);
          expect(to).toBeGreaterThanOrEqual(from);
          at = to;
        }
        expect(at).toBe(s.length);
      }),
    );
  });
});

describe('shownText: what it leaves alone', () => {
  it('returns a body with no `\\`, `&` or `<` as it is', () => {
    fc.assert(
      fc.property(fc.string().filter((s) => !/[\\&<]/.test(s)), (s) => {
        expect(shownText(s)).toBe(s);
      }),
    );
  });

  it('cuts a body into pieces whose texts are the body less its escaping backslashes', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z `\\<>&*_\n~\t-]{0,40}$/), (s) => {
        const joined = markdownPieces(s).texts.join('');
        expect(joined.length).toBeLessThanOrEqual(s.length);
        expect(joined.replace(/\\/g, '')).toBe(s.replace(/\\/g, ''));
      }),
    );
  });
});

describe('shownText on hostile bodies', () => {
  // Each unclosed opener once read the rest of the body again: a megabyte of them took minutes.
  it.each([
    // Inline: at a line's start an unclosed comment is an HTML block to the body's end (below).
    ['unclosed comments', `a ${'<!-- '.repeat(200_000)}`],
    ['unclosed declarations', '<!X '.repeat(200_000)],
    ['unclosed processing instructions', '<? '.repeat(300_000)],
    ['lone backticks', 'a `b '.repeat(200_000)],
    ['`<script>` named in prose', 'a <script> tag '.repeat(60_000)],
  ])('reads %s in time, hiding nothing', (_, text) => {
    const shown = shownText(`${text}&amp;`);
    expect(shown.endsWith('&')).toBe(true);
    expect(shown.length).toBeGreaterThan(text.length * 0.95);
  });
});

describe('shownText reads blocks on hostile bodies in time', () => {
  // Each look ahead (for a block's end, and for the next `\\`, backtick, `<` or blank line of the
  // prose between blocks) goes on from where the last one ended: a megabyte of small blocks reads
  // in linear time, not a look to the end of the body for each.
  it.each([
    ['HTML blocks with no blank line', '<p>a</p>\n'.repeat(100_000)],
    ['HTML blocks, each its own', '<p>a</p>\n\n'.repeat(100_000)],
    ['lone tags inside paragraphs', 'Text\n<br>\n'.repeat(100_000)],
    ['indented code after each paragraph', 'Text &amp;\n\n    code \\_\n'.repeat(50_000)],
    ['list items with indented lines', '- a &amp;\n\n    b \\_\n'.repeat(60_000)],
    ['MDX components around indented lines', '<Tabs>\n\n    x \\_\n\n</Tabs>\n'.repeat(40_000)],
    ['fences in HTML blocks', '<div>x</div>\n```\n\n'.repeat(80_000)],
    ['lone backticks between fences', 'a `\n```\nx\n```\n'.repeat(60_000)],
    ['a line of attributes with no `>`', `<a${' b=c'.repeat(250_000)}`],
    ['HTML quotes in blocks', '<div><blockquote>\\_</blockquote></div>\n\n'.repeat(40_000)],
  ])('%s', (_, text) => {
    expect(shownText(`${text}\n\nEnd &amp;`).endsWith('End &')).toBe(true);
  });

  it('reads a comment left open at the body\u2019s start as the renderer does: to the end, hidden', () => {
    expect(shownText(`${'<!-- '.repeat(200_000)}&amp;`)).toBe('');
  });
});

describe('foldBody reads a body as shown', () => {
  it('folds what the reader sees', () => {
    expect(foldBody('The SEC&#8217;s &#8220;spot ETF&#8221; and C\\+\\+ and H<sub>2</sub>O')).toBe('the sec\'s "spot etf" and c++ and h2o');
  });

  it('says whether an ASCII body folds to ASCII once its references are decoded', () => {
    expect(foldBodyAscii('S&amp;P', true)).toEqual({ folded: 's&p', ascii: true });
    expect(foldBodyAscii('&euro;90&nbsp;000', true)).toEqual({ folded: '€90\u00a0000', ascii: false });
    expect(foldBodyAscii('plain', true)).toEqual({ folded: 'plain', ascii: true });
    expect(foldBodyAscii('café', false).ascii).toBe(false);
  });
});
