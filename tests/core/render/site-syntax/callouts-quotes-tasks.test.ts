// Hugo themes' callout shortcodes and params, Hexo's quote tags, Docusaurus's tab labels, Substack's
// linked images and Logseq's task markers, each read for what its author meant.
import { describe, expect, it } from 'vitest';
import { hugoCalloutsAsCallouts } from '../../../../src/core/render/site-syntax/callouts/hugo-callouts.js';
import { attribution, quoteTagsAsQuotes } from '../../../../src/core/render/site-syntax/quote-tags.js';
import { mdxCalloutsAsCallouts } from '../../../../src/core/render/site-syntax/callouts/mdx-callouts.js';
import { outlineMarkersAsTasks } from '../../../../src/core/render/site-syntax/outline-markers.js';
import { readMdx } from '../../../../src/core/render/site-syntax/mdx-syntax.js';
import { bodyMarkdown, paramValue, withPageParams } from '../../../../src/core/render/page-params.js';
import { renderMarkdown } from '../../../../src/core/render/markdown.js';
import { lineText } from '../../../../src/core/render/spans.js';

const rows = (markdown: string, width = 80): string[] => renderMarkdown(markdown, width).lines.map(lineText);

describe('Hugo callout shortcodes', () => {
  it.each([
    ["Learn's notice", '{{% notice warning %}}\nText\n{{% /notice %}}', '> [!warning]\n> Text\n'],
    ["Relearn's named style and title", '{{% notice style="tip" title="Fees" %}}\nText\n{{% /notice %}}', '> [!tip] Fees\n> Text\n'],
    ["Relearn's positional title", '{{% notice info "Heads up" %}}\nText\n{{% /notice %}}', '> [!info] Heads up\n> Text\n'],
    ["Hextra's callout, its content dedented", '{{< callout type="warning" >}}\n  Text\n    more\n{{< /callout >}}', '> [!warning]\n> Text\n>   more\n'],
    ["hugo-book's hint", '{{< hint danger >}}\nText\n{{< /hint >}}', '> [!danger]\n> Text\n'],
    ["Docsy's alert: colour as kind, a title saying the kind dropped", '{{% alert title="Warning" color="warning" %}}\nText\n{{% /alert %}}', '> [!warning]\n> Text\n'],
    ["LoveIt's admonition, bare values", '{{< admonition type=bug title="Known issue" open=false >}}\nText\n{{< /admonition >}}', '> [!bug] Known issue\n> Text\n'],
    ['a colour name', '{{% notice style="red" %}}\nText\n{{% /notice %}}', '> [!danger]\n> Text\n'],
    ['no kind: a note', '{{< alert icon="fire" >}}\nText\n{{< /alert >}}', '> [!note]\n> Text\n'],
    ['named for its kind', '{{< caution >}}\nText\n{{< /caution >}}', '> [!caution]\n> Text\n'],
    ['on one line', '{{< hint info >}}Text{{< /hint >}}', '> [!info]\n> Text\n'],
    ['blank lines inside kept', '{{% notice note %}}\nOne\n\nTwo\n{{% /notice %}}', '> [!note]\n> One\n> \n> Two\n'],
    ['nested', '{{% notice note %}}\nOut\n{{% notice tip %}}\nIn\n{{% /notice %}}\n{{% /notice %}}', '> [!note]\n> Out\n> > [!tip]\n> > In\n>\n'],
  ])('%s', (_n, input, expected) => {
    expect(hugoCalloutsAsCallouts(input)).toBe(expected);
  });

  it.each([
    ['never closed', '{{% notice warning %}}\nText'],
    ['in code', '```\n{{% notice warning %}}\nText\n{{% /notice %}}\n```'],
    ["a theme's other shortcode", '{{< gallery >}}\nText\n{{< /gallery >}}'],
    ['mid-sentence', 'See {{< hint info >}} and {{< /hint >}}'],
  ])('%s: as written', (_n, input) => {
    expect(hugoCalloutsAsCallouts(input)).toBe(input);
  });

  it('are drawn as callouts, the words after them outside', () => {
    expect(rows('{{% notice warning %}}\nWithdrawals paused.\n{{% /notice %}}\nAfter.')).toEqual(['│ Warning', '│ ───────', '│ Withdrawals paused.', '', 'After.']);
  });

  it('gets through thousands of openers without closers, nested or not', { timeout: 30_000 }, () => {
    const input = '{{% notice note %}}\n'.repeat(5_000) + '{{% /notice %}}\n'.repeat(5_000);
    expect(hugoCalloutsAsCallouts(input).split('\n').length).toBeGreaterThan(5_000);
  });
});

describe('MDX callout components', () => {
  it.each([
    ["Starlight's Aside", '<Aside type="caution" title="Still investigating">\nText\n</Aside>', '> [!caution] Still investigating\n> Text\n'],
    ["Starlight's Aside, no type", '<Aside>\n  Text\n</Aside>', '> [!note]\n> Text\n'],
    ["Nextra's Callout", '<Callout type="error" emoji="❌">\nText\n</Callout>', '> [!error]\n> Text\n'],
    ["Nextra's default", '<Callout type="default">\nText\n</Callout>', '> [!note]\n> Text\n'],
    ["Docusaurus's Admonition", "<Admonition type={'tip'} title=\"Save\">\nText\n</Admonition>", '> [!tip] Save\n> Text\n'],
    ["Mintlify's Check", '<Check>Text</Check>', '> [!success]\n> Text\n'],
  ])('%s', (_n, input, expected) => {
    expect(mdxCalloutsAsCallouts(input)).toBe(expected);
  });

  it.each([
    ['self-closing', '<Note />\nText'],
    ['never closed', '<Aside>\nText'],
    ['in code', '```\n<Aside>\nText\n</Aside>\n```'],
    ['HTML', '<aside>\nText\n</aside>'],
  ])('%s: as written', (_n, input) => {
    expect(mdxCalloutsAsCallouts(input)).toBe(input);
  });

  it('are drawn as callouts in an MDX body', () => {
    expect(rows("import Aside from './Aside.astro';\n\n<Aside type=\"danger\">\n  Do **not** bridge now.\n</Aside>\n\nAfter.")).toEqual(['│ Danger', '│ ──────', '│ Do not bridge now.', '', 'After.']);
  });
});

describe('Hugo params', () => {
  const fm = { author: 'Ravi Menon', tags: ['btc', 'etf'], Params: { Desk: 'Markets' }, count: 3, nested: { x: 1 } };

  it.each([
    ['author', 'Ravi Menon'],
    ['AUTHOR', 'Ravi Menon'],
    ['.Page.author', 'Ravi Menon'],
    ['tags', 'btc, etf'],
    ['desk', 'Markets'],
    ['params.desk', 'Markets'],
    ['count', '3'],
    ['nested', undefined],
    ['site.title', undefined],
  ])('%s is %s', (key, value) => {
    expect(paramValue(fm, key)).toBe(value);
  });

  it('writes in the values the front matter holds, Markdown in them escaped; code and the rest as written', () => {
    const body = 'By {{< param "author" >}} on {{% param desk %}} for {{< param site.title >}}.\n`{{< param author >}}`\n```\n{{< param author >}}\n```';
    expect(withPageParams(body, { author: 'A *B*', desk: 'X' })).toBe('By A \\*B\\* on X for {{< param site.title >}}.\n`{{< param author >}}`\n```\n{{< param author >}}\n```');
  });

  it('in the body pane: the value, or the param named; no sentence in pieces', () => {
    const article = { body: 'Written by {{< param "author" >}} for {{< param description >}} readers.', frontMatter: { author: 'Ravi Menon' } };
    expect(rows(bodyMarkdown(article))).toEqual(['Written by Ravi Menon for [param: description] readers.']);
  });

  it('asks for no front matter when the body has no param', () => {
    const article = { body: 'Plain.', get frontMatter(): Record<string, unknown> { throw new Error('read'); } };
    expect(bodyMarkdown(article)).toBe('Plain.');
  });
});

describe('Hexo quote tags', () => {
  it.each([
    ['David Levithan, Wide Awake', '— David Levithan, Wide Awake'],
    ['@DevDocs https://twitter.com/devdocs/status/356095192085962752', '— @DevDocs, [twitter.com/devdocs/status/356095192085962752](<https://twitter.com/devdocs/status/356095192085962752>)'],
    ['Seth Godin http://sethgodin.typepad.com/welcome.html Welcome to Island Marketing', '— Seth Godin, [Welcome to Island Marketing](<http://sethgodin.typepad.com/welcome.html>)'],
    ['Satoshi', '— Satoshi'],
    ['[x](y)', '— \\[x\\](y)'],
    ['', ''],
  ])('%s', (args, expected) => {
    expect(attribution(args)).toBe(expected);
  });

  it('quotes the text with its attribution last', () => {
    expect(quoteTagsAsQuotes('{% blockquote Hal Finney, Twitter %}\nRunning bitcoin.\n{% endblockquote %}\nAfter.')).toBe('> Running bitcoin.\n>\n> — Hal Finney, Twitter\n\nAfter.');
    expect(rows('{% quote Hal Finney %}\nRunning bitcoin.\n{% endquote %}')).toEqual(['│ Running bitcoin.', '│ ', '│ — Hal Finney']);
  });

  it.each([
    ['never closed', '{% blockquote A %}\nText'],
    ['in code', '```\n{% blockquote A %}\nText\n{% endblockquote %}\n```'],
  ])('%s: as written', (_n, input) => {
    expect(quoteTagsAsQuotes(input)).toBe(input);
  });
});

describe("MDX tabs' labels", () => {
  it.each([
    ['<TabItem value="linux" label="Linux" default>', '\n**Linux**\n'],
    ["  <TabItem value='mac' label={'macOS'}>", '  \n**macOS**\n'],
    ['<TabItem value="win">', '\n**win**\n'],
    ['<Tab title="npm">', '\n**npm**\n'],
    ['<TabItem value="a" label="A">Inline text</TabItem>', '**A**: Inline text'],
    ['<TabItem label="a*b">', '\n**a\\*b**\n'],
    ['</TabItem>', ''],
    ['<Tabs>', ''],
  ])('%s', (input, expected) => {
    expect(readMdx(input)).toBe(expected);
  });
});

describe("Substack's linked images", () => {
  it('the link note stays on the image line; an image of empty alt is named', () => {
    const html = '<figure><a href="https://x.example/a.png"><div><picture><img src="a.png" alt="Supply"></picture><div><div></div></div></div></a><figcaption>Caption</figcaption></figure>\n\n'
      + '<figure><a href="https://x.example/b.png"><div><img src="b.png" alt=""><div></div></div></a></figure>';
    expect(rows(html)).toEqual(['[image: Supply] [1]', 'Caption', '', '[image] [2]', '', 'Links', '[1] https://x.example/a.png', '[2] https://x.example/b.png']);
  });
});

describe("Logseq's task markers", () => {
  it('become task items; CANCELED struck; a logbook and hidden properties gone; a schedule on its own line', () => {
    const page = '- TODO a\n- DONE b\n  :LOGBOOK:\n  CLOCK: [2025-11-04 Tue 10:00:00]\n  :END:\n- LATER c\n\t- NOW d\n\t  id:: 65f0\n- CANCELED e\n- TODO f\n  SCHEDULED: <2025-11-05 Wed>\n- A TODO in words';
    expect(outlineMarkersAsTasks(page)).toBe('- [ ] a\n- [x] b\n- [ ] c\n\t- [ ] d\n- ~~e~~\n- [ ] f\\\n  SCHEDULED: <2025-11-05 Wed>\n- A TODO in words');
    expect(rows(page)).toEqual(['• [ ] a', '• [x] b', '• [ ] c', '      ◦ [ ] d', '• ~~e~~', '• [ ] f', '      SCHEDULED: <2025-11-05 Wed>', '• A TODO in words']);
  });

  it.each([
    ['not an outline', 'Intro.\n\n- TODO a'],
    ['in code', '- ```\n  - TODO a\n  ```'],
    ['a drawer never closed', '- a\n  :LOGBOOK:\n  CLOCK: x'],
  ])('%s: as written', (_n, input) => {
    expect(outlineMarkersAsTasks(input)).toBe(input);
  });
});
