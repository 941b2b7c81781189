import { describe, expect, it } from 'vitest';
import { LinkNotes } from '../../../../src/core/render/link-notes.js';
import { htmlParts } from '../../../../src/core/render/html/html-spans.js';
import { decodeEntities } from '../../../../src/core/text/entities.js';
import { stripTemplateNoise } from '../../../../src/core/render/site-syntax/static-site.js';

describe('stripTemplateNoise', () => {
  it.each([
    ['no braces', 'plain text', 'plain text'],
    ['liquid tag inline', 'a {% if x %}b{% endif %} c', 'a b c'],
    ['tag-only line disappears', 'a\n{% include x.html %}\nb', 'a\nb'],
    ['liquid output', 'by {{ page.author | upcase }}', 'by '],
    ['hugo shortcodes of a theme', '{{< gallery dir="a" >}}\ntext {{% note %}}', 'text '],
    ["hugo's figure, read (hugo-shortcodes.ts)", '{{< figure src="a.png" alt="A chart" caption="Flows" >}}', '<img alt="A chart"> Flows'],
    ['kramdown IAL line', 'para\n{: .lead #intro}', 'para'],
    ['kramdown suffix', 'para{:.x}', 'para'],
    ['heading attributes', '## Title {#t .big}', '## Title'],
    ['comment block', 'a\n{% comment %}\nhidden\n{% endcomment %}\nb', 'a\nb'],
    ['comment on one line', 'a {% comment %}hidden{% endcomment %} b', 'a  b'],
    ['raw keeps output tags', '{% raw %}{{ shown }}{% endraw %}', '{{ shown }}'],
    ['fenced code untouched', '```\n{{ x }} {% y %}\n```', '```\n{{ x }} {% y %}\n```'],
    ['indented code untouched', '    {{ x }}', '    {{ x }}'],
    ['inline code untouched', 'use `{{ x }}` {{ y }}', 'use `{{ x }}` '],
    ['highlight becomes a fence', '{% highlight go %}\nfmt.Println()\n{% endhighlight %}', '```go\nfmt.Println()\n```'],
    ['unbalanced braces stay', '{{{{ {% oops', '{{{{ {% oops'],
    ["Nikola's teaser mark gone", 'Teaser.\n\n.. TEASER_END\n\nRest.\n.. TEASER_END: Read more', 'Teaser.\n\n\nRest.'],
    ["Nikola's teaser mark in code stays", '```\n.. TEASER_END\n```', '```\n.. TEASER_END\n```'],
    // kramdown (site-syntax/kramdown.ts).
    ["kramdown's table of contents item gone", 'a\n\n* TOC\n{:toc}\n\n## H', 'a\n\n\n## H'],
    ['a {:toc} under no list item just goes', 'a\n{:toc}', 'a'],
    ['kramdown comment over lines', 'a\n{::comment}\nhidden\n{:/comment}\nb', 'a\nb'],
    ['kramdown comment on one line, short close', 'a {::comment}hidden{:/} b', 'a  b'],
    ['abbreviation definitions gone', 'The ETF.\n\n*[ETF]: Exchange-Traded Fund\n  *[AUM]: Assets', 'The ETF.\n'],
    ['markdown="1" sets the inside apart', '<div class="x" markdown="1">**b**</div>', '<div class="x">\n\n**b**\n\n</div>'],
    ['only its own closing tag, nested ones counted', "<div markdown='block'>\n<div>x</div>\ny\n</div>", '<div>\n\n\n<div>x</div>\ny\n\n\n</div>'],
    ['markdown="0" stays HTML', '<div markdown="0">**b**</div>', '<div markdown="0">**b**</div>'],
    ['kramdown in code stays', '```\n*[ETF]: x\n{::comment}\n```', '```\n*[ETF]: x\n{::comment}\n```'],
  ])('%s', (_n, input, expected) => {
    expect(stripTemplateNoise(input)).toBe(expected);
  });

  // The timeout only turns backtracking into a failure; speed lives in the benchmark.
  it('gets through a megabyte of braces', { timeout: 30_000 }, () => {
    const input = '{{{%{:'.repeat(200_000);
    expect(stripTemplateNoise(input).length).toBeLessThanOrEqual(input.length);
  });
});

describe('html text', () => {
  it.each([
    ['&amp;&lt;&gt;&quot;&#39;', '&<>"\''],
    ['&#x20AC; &#8364; &euro;', '€ € €'],
    ['&#0; &#xD800;', '\ufffd \ufffd'],
    ['&copy &copy; &CounterClockwiseContourIntegral; &amp;amp;', '&copy © ∳ &amp;'],
    ['&unknown; &constructor;', '&unknown; &constructor;'],
  ])('decodes %s', (input, expected) => {
    expect(decodeEntities(input)).toBe(expected);
  });

  it('strips tags, comments and scripts', () => {
    const parts = htmlParts('<p>Hi <b>you</b></p><!-- x --><script>alert(1)</script><style>p{}</style>done', new LinkNotes());
    expect(parts.map((p) => (p.kind === 'text' ? p.spans.map((s) => s.text).join('') : p.kind === 'pre' ? p.text : ''))).toEqual(['Hi you\n\ndone']);
  });
});
