// A body's text as its reader is shown it (text/shown/shown-text.ts), which search folds: escapes
// without their backslashes, references decoded outside code, HTML's tags and attributes gone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shownText } from '../../../src/core/text/shown/shown-text.js';
import { markdownPieces } from '../../../src/core/text/shown/markdown-pieces.js';
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
      fc.property(fc.stringMatching(/^[a-z `\\<>&*_\n~]{0,40}$/), (s) => {
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
    ['unclosed comments', '<!-- '.repeat(200_000)],
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
