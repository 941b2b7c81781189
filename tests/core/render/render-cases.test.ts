// The render cases (tests/fixtures/cases/README.md): each body at the widths the body pane
// has in 80- and 120-column terminals and a narrow one, checked for what its README row promises.
import fs from 'node:fs';
import path from 'node:path';
import stringWidth from 'string-width';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/core/render/markdown.js';
import { loadEmojiShortcodes } from '../../../src/core/render/site-syntax/emoji-shortcodes.js';
import { isTerminalSafe } from '../../../src/core/text/sanitize.js';
import { lineText, type Line } from '../../../src/core/render/spans.js';
import { tmuxWidth } from '../../helpers/wcwidth.js';

const dir = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'cases', 'render');
const WIDTHS = [38, 58, 20];

function body(name: string): string {
  const text = fs.readFileSync(path.join(dir, name), 'utf8');
  return text.replace(/^---\n[\s\S]*?\n---\n/, '');
}
const rowsOf = (lines: Line[]) => lines.map(lineText);
const render = (name: string, width: number) => rowsOf(renderMarkdown(body(name), width).lines);
// The rows joined back: a soft-hyphen break's '-' and the wrap itself removed.
const joined = (rows: string[]) => rows.map((r) => r.replace(/-$/, '')).join('');

// gemoji's table is loaded on demand in the program (emoji-shortcodes.ts); here, before any case.
beforeAll(loadEmojiShortcodes);

const cases = fs.readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md');

describe('every render case', () => {
  it('has its cases copied in (the nine shared ones and more of each kind)', () => {
    for (const c of ['cjk-table.md', 'emoji-modifiers.md', 'emoji-sequences.md', 'entities.md', 'footnotes-strike.md', 'format-characters.md', 'html-blocks.md', 'long-code-lines.md', 'long-url.md']) {
      expect(cases).toContain(c);
    }
    expect(cases.filter((c) => c.startsWith('more-')).length).toBeGreaterThanOrEqual(8);
  });

  for (const c of cases) {
    for (const width of WIDTHS) {
      it(`${c} at ${width}: no row wider than the pane (tmux and string-width), nothing unsafe, no format characters`, () => {
        for (const line of renderMarkdown(body(c), width).lines) {
          const t = lineText(line);
          expect(tmuxWidth(t), t).toBeLessThanOrEqual(width);
          expect(stringWidth(t), t).toBeLessThanOrEqual(width);
          expect(isTerminalSafe(t), t).toBe(true);
          // No format character, but the joiners inside emoji ZWJ sequences.
          expect(t.replace(/(?<=\p{Extended_Pictographic}\p{Emoji_Modifier}?)\u200d(?=\p{Extended_Pictographic})/gu, '')).not.toMatch(/\p{Cf}/u);
        }
      });
    }
  }
});

describe('emoji', () => {
  it.each(WIDTHS)('keeps every word of emoji-sequences.md at %i', (w) => {
    const text = render('emoji-sequences.md', w).join(' ');
    for (const word of ['scientist', 'microscope', 'family', 'thumbs', 'flags', 'keycap', 'BTC', 'heart', 'eighty', 'End.']) expect(text).toContain(word);
  });

  it.each(WIDTHS)('more-emoji-vs16-joined.md at %i: a ZWJ sequence with VS16 before the joiner is one emoji (joiner kept), every word kept', (w) => {
    const text = render('more-emoji-vs16-joined.md', w).join(' ');
    for (const seq of ['🏳\u200d🌈', '❤\u200d🔥', '🏳\u200d⚧', '👁\u200d🗨', '🐻\u200d❄', '⛹\u200d♀']) expect(text).toContain(seq);
    for (const word of ['rainbow', 'fire', 'transgender', 'speech', 'polar', 'bouncing', 'proud', 'burning', 'watching', 'eighty', 'End.']) expect(text).toContain(word);
  });

  it('keeps a skin-toned emoji and a ZWJ sequence whole (the frame writer places them at their widest width)', () => {
    expect(render('emoji-modifiers.md', 38).join('')).toContain('👍\u{1f3fd}');
    expect(render('emoji-sequences.md', 58).join('')).toContain('👩\u200d🔬');
  });
});

describe('keycaps (more-keycap-emoji.md)', () => {
  const KEYCAP = /[0-9#*]\ufe0f\u20e3/gu;
  it.each(WIDTHS)('at %i: every keycap shown as the keycap (VS16 added where it was left out), none as its bare digit', (w) => {
    const rows = render('more-keycap-emoji.md', w);
    const text = rows.join(' ');
    // 5 in the heading... 35 in the run: every keycap of the file, the ones without VS16 among them.
    const written = body('more-keycap-emoji.md').match(/[0-9#*]\ufe0f?\u20e3/gu) ?? [];
    expect(text.match(KEYCAP)?.length).toBe(written.length);
    for (const k of ['7\ufe0f\u20e3', '3\ufe0f\u20e3 Solana', '#\ufe0f\u20e3', '*\ufe0f\u20e3']) expect(text).toContain(k);
    expect(text).not.toMatch(/[0-9#*](?!\ufe0f)\u20e3|with keycaps 5 4|selector 7 8 9/);
    expect(rows.some((r) => /^Ranking 1\ufe0f\u20e3 to 5\ufe0f\u20e3$/.test(r))).toBe(true);
  });

  it('counts each at 2 columns: the heading rule is as wide as its words, a row of keycaps fills the pane', () => {
    const rows = render('more-keycap-emoji.md', 58);
    expect(rows[rows.indexOf('Ranking 1\ufe0f\u20e3 to 5\ufe0f\u20e3') + 1]).toBe('─'.repeat(16));
    const run = rows.find((r) => r.startsWith('1\ufe0f\u20e32\ufe0f\u20e3'))!;
    expect(run.match(KEYCAP)?.length).toBe(29);
  });
});

describe('format characters', () => {
  it('breaks a long compound only at its soft hyphens, showing "-" there', () => {
    const rows = render('format-characters.md', 38);
    const compound = 'Kryptowährungshandelsplattformbetreiberhaftungsgesetzentwurfbegründunganhang';
    expect(joined(rows)).toContain(compound);
    const hyphenated = rows.filter((r) => /[a-zä]-$/.test(r));
    expect(hyphenated.length).toBeGreaterThan(0);
    for (const r of hyphenated) expect(['Kryptowährungshandelsplattform-', 'betreiberhaftungsgesetzentwurf-', 'Kryptowährungs-', 'handels-', 'plattform-', 'betreiber-', 'haftungs-', 'gesetz-', 'entwurf-', 'in-', 'inter-', 'interop-', 'interoper-', 'interoperabil-', 'interoperabili-', 'acknowledge-'].some((e) => r.endsWith(e))).toBe(true);
  });

  it('breaks at zero-width spaces without losing a character', () => {
    const rows = render('format-characters.md', 38);
    expect(joined(rows)).toContain('transactionidentifierhashvalueforthewithdrawal');
    expect(rows.some((r) => r.startsWith('identifier') || r.endsWith('transaction'))).toBe(true);
  });
});

describe('scripts written without spaces', () => {
  it.each(WIDTHS)('more-thai-words.md at %i: Thai and Lao lines break between words (as ICU segments them), never inside one', (w) => {
    const rows = render('more-thai-words.md', w).map((r) => r.replaceAll('\ufdd0', ''));
    const words = new Intl.Segmenter('th', { granularity: 'word' });
    for (const para of body('more-thai-words.md').trim().split(/\n\n/)) {
      const ends = new Set(Array.from(words.segment(para), (s) => s.index + s.segment.length));
      let at = 0;
      let k = rows.findIndex((r) => r !== '' && para.startsWith(r));
      expect(k).toBeGreaterThanOrEqual(0);
      for (; k < rows.length && rows[k] !== ''; k++) {
        expect(para.slice(at, at + rows[k].length)).toBe(rows[k]);
        at += rows[k].length;
        expect(ends.has(at), `row ${k} at ${w} ends inside a word: ${rows[k]}`).toBe(true);
      }
      expect(at).toBe(para.length);
    }
  });
});

describe('Khmer and Myanmar', () => {
  // A syllable's tail: a mark, or a Myanmar consonant killed by asat (it closes the syllable before it).
  const TAIL = /^(?:\p{M}|[\u1000-\u1021]\u1037?\u103a)/u;
  it.each(WIDTHS)('more-khmer-myanmar-words.md at %i: lines break between words (as ICU segments them), never inside a syllable', (w) => {
    const rows = render('more-khmer-myanmar-words.md', w).map((r) => r.replaceAll('\ufdd0', ''));
    const words = new Intl.Segmenter('km', { granularity: 'word' });
    let broke = 0;
    for (const para of body('more-khmer-myanmar-words.md').trim().split(/\n\n/)) {
      const ends = new Set(Array.from(words.segment(para), (s) => s.index + s.segment.length));
      let at = 0;
      let k = rows.findIndex((r) => r !== '' && para.startsWith(r));
      expect(k).toBeGreaterThanOrEqual(0);
      for (; k < rows.length && rows[k] !== ''; k++) {
        if (para[at] === ' ') at++;
        expect(para.slice(at, at + rows[k].length)).toBe(rows[k]);
        at += rows[k].length;
        if (at < para.length && para[at] !== ' ') {
          broke++;
          expect(ends.has(at), `row ${k} at ${w} ends inside a word: ${rows[k]}`).toBe(true);
          expect(para.slice(at), `row ${k + 1} at ${w} starts inside a syllable`).not.toMatch(TAIL);
        }
      }
      expect(at).toBe(para.length);
    }
    // Some row ends where no space is: the runs are cut between words, not left to overflow.
    expect(broke).toBeGreaterThan(0);
  });
});

describe('code blocks', () => {
  it.each(WIDTHS)('long-code-lines.md at %i: every character of every code line, continuation rows marked', (w) => {
    const rows = render('long-code-lines.md', w);
    const code = rows.map((r) => r.replace(/^↪ ?/, '')).join('');
    for (const l of ['./bitcoind -daemon -datadir=/srv/btc -prune=550 -dbcache=4096 -maxconnections=40 -listen=1', 'return float64(vbytes) * rate', 'An indented code block made with a leading tab.']) {
      expect(code.replace(/\s+/g, ' ')).toContain(l);
    }
    if (w < 58) expect(rows.some((r) => r.startsWith('↪'))).toBe(true);
  });

  it('keeps 4-column tab stops', () => {
    const rows = render('long-code-lines.md', 58);
    expect(rows).toContain('  ab  cd  ef');
    expect(rows).toContain('  abcdefg h   i');
    expect(rows).toContain('      @echo "started"');
  });

  it('wraps wide characters in code by columns', () => {
    const rows = render('more-code-cjk.md', 38);
    expect(rows.map((r) => r.replace(/^↪ /, '')).join('')).toContain('日本最大級の暗号資産取引所で、この行は端末の幅を超えるほど長いコメントを含んでいます');
  });
});

describe('tables', () => {
  it('keeps numbers and short words whole at every width', () => {
    for (const w of WIDTHS) {
      const text = render('cjk-table.md', w).join('\n');
      for (const n of ['1,234', '12,345,678', 'Coinbase', '98']) expect(text, `${w}`).toContain(n);
      const nums = render('more-table-numbers.md', w).join('\n');
      for (const n of ['12,345,678,901', '987,654,321', '+10.00%', '1,532', 'Binance', 'Bitstamp']) expect(nums, `${w}`).toContain(n);
    }
  });

  it('wraps cells in their column where it fits, with every word there', () => {
    const rows = render('more-table-numbers.md', 70);
    expect(rows[0]).toContain('│');
    expect(rows.filter((r) => r.startsWith('         │')).length).toBeGreaterThan(0);
    const comment = rows.filter((r) => r.includes('│')).map((r) => r.split('│').at(-1)!.trim()).join(' ');
    expect(comment.replace(/\s+/g, ' ')).toContain('The largest exchange by volume, with derivatives and spot markets');
  });

  it('falls back to Header: value records when the columns cannot fit', () => {
    const rows = render('cjk-table.md', 20);
    expect(rows).toContain('取引所: Coinbase');
    expect(rows.some((r) => r.includes('│'))).toBe(false);
  });
});

describe('footnotes and strikethrough', () => {
  it('renders markers and lists the definitions after the body', () => {
    const rows = render('footnotes-strike.md', 58);
    const text = rows.join('\n');
    expect(text).toContain('bridge contract[^1]');
    expect(text).toContain('already known[^2]');
    const at = rows.indexOf('Footnotes');
    expect(at).toBeGreaterThan(rows.findIndex((r) => r === 'End.'));
    const notes = rows.slice(at + 1).join(' ').replace(/\s+/g, ' ');
    expect(notes).toContain('[^1] See section 4.2 of the report');
    expect(notes).toContain('[^2] It was reported in March and fixed only partially.');
    expect(notes).toContain('[^3] baz');
    expect(text).not.toMatch(/\[\^known\]:/);
  });

  it('keeps struck text visible without colour', () => {
    const { lines } = renderMarkdown(body('footnotes-strike.md'), 58);
    expect(rowsOf(lines).join('\n')).toContain('~~Withdrawals are paused~~ Withdrawals resumed');
    expect(lines.flat().some((s) => s.strike && s.text.includes('Withdrawals'))).toBe(true);
  });
});

describe('links', () => {
  it.each(WIDTHS)('prints each long URL on unindented rows that join to the whole URL (%i)', (w) => {
    const { lines, links } = renderMarkdown(body('long-url.md'), w);
    const rows = rowsOf(lines);
    const at = rows.indexOf('Links');
    const list = rows.slice(at + 1);
    for (const [i, url] of links.entries()) {
      const start = list.findIndex((r) => r === `[${i + 1}]` || r.startsWith(`[${i + 1}] `));
      expect(start).toBeGreaterThanOrEqual(0);
      const own = list[start] === `[${i + 1}]`;
      if (own) {
        let text = '';
        for (let k = start + 1; k < list.length && !list[k].startsWith('['); k++) {
          expect(list[k]).not.toMatch(/^\s/);
          text += list[k];
        }
        expect(text).toBe(url);
      } else {
        expect(list[start]).toBe(`[${i + 1}] ${url}`);
      }
    }
    expect(links[0]).toBe('https://www.example.gov/files/litigation/2025/11/20/order-granting-approval-of-proposed-rule-change-to-list-and-trade-shares-of-spot-bitcoin-exchange-traded-products.pdf?version=3&download=true#page=12');
  });

  it('carries the target on link text spans for hyperlinks', () => {
    const { lines } = renderMarkdown(body('more-long-urls.md'), 58);
    const desk = lines.flat().find((s) => s.text === 'the desk');
    expect(desk?.href).toMatch(/^mailto:very\.long\.address/);
  });
});

// What a case's README row promises as text, one row a case: rendered at `width`, its rows joined
// by `join` (runs of spaces squashed to one where `squash`), the text holds every `shows`, none of
// `hides`, and has every one of `rows` as a whole row; `links` is its Links list.
interface Shows {
  what: string;
  file: string;
  width: number;
  join: ' ' | '\n';
  squash?: boolean;
  shows: readonly string[];
  hides?: readonly string[];
  rows?: readonly string[];
  links?: readonly string[];
}
const SHOWS: readonly Shows[] = [
  {
    what: 'bidi marks and invisible operators keep the text around them',
    file: 'more-bidi-invisible.md', width: 58, join: ' ',
    shows: ['price rose', 'السوق', 'f(x)', 'BOMinside', 'Nonjoiner', 'joinerhere', 'withwordjoinerseverywhereinit'],
  },
  {
    what: 'soft hyphens show no hyphen where the line is not broken',
    file: 'format-characters.md', width: 200, join: '\n',
    shows: ['interoperability', 'acknowledgements', 'nobreakhere'],
  },
  {
    what: 'entities in prose and link URLs are decoded, code stays literal',
    file: 'entities.md', width: 58, join: ' ', squash: true,
    shows: ['AT&T & Verizon both said "no comment" —', '€100, or €100, or €100', '&foo; stays as written', 'Less-than: <tag>.', 'literal: &amp; and a < b && c > d and <script>', 'return "&amp;";', '&lt;b&gt; and &#39; and &nbsp;', 'Fees & rebates', '[1] https://example.com/?a=1&b=2'],
    links: ['https://example.com/?a=1&b=2'],
  },
  {
    what: 'every HTML5 name is decoded, only with its semicolon, and in reference definitions',
    file: 'more-entities.md', width: 58, join: '\n',
    shows: ['∳ ★', '½ → ✓', '&copy stays', '&lt;code&gt; stays literal', '&#x41;'],
    links: ['https://example.com/fees?tier=1&region=eu&lang=en'],
  },
  {
    what: 'a twice-referenced note is numbered once and an unreferenced definition still listed',
    file: 'more-footnotes.md', width: 58, join: '\n',
    shows: ['claim[^1] is repeated[^1]', '[^orphan] A definition nobody references is still shown.', '~~are~~ reopened', '[2] https://example.com/in-note'],
  },
  {
    what: 'words struck with <del>, <s> or <strike>, inline or in an HTML block, keep their ~~ marks (visible with NO_COLOR)',
    file: 'more-html-strike.md', width: 58, join: ' ', squash: true,
    shows: ['~~approved~~ rejected', '~~bullish~~ bearish', '~~passed~~ failed', '~~resumed~~ paused', '~~closed~~ open', '~~Live~~ Halted', 'stray closing tag'],
  },
  {
    what: 'a table written inside a paragraph: its rows on lines of their own, its cells apart, the prose around it kept',
    file: 'more-html-inline-table.md', width: 58, join: '\n',
    shows: ['Fees per pair, as the listing wrote them:'],
    rows: ['Pair │ Fee', 'ABC/USDT │ 0.1%', 'and then the prose goes on.'],
    hides: ['PairFee', 'ABC/USDT0.1%', '<'],
  },
  {
    what: 'superscripts written as <sup>, inline or in an HTML block, keep a ^ so 10^-6 does not read as 10-6',
    file: 'more-html-superscript.md', width: 58, join: ' ', squash: true,
    shows: ['10^-6 per block', 'as x^2 for', '2^10 times', 'note^3 explains'],
  },
  {
    what: 'HTML blocks: cells apart, images, link notes, details, no script or style',
    file: 'html-blocks.md', width: 58, join: '\n',
    shows: ['[image: Listing banner]', '[image: Exchange logo]', 'Trading pairs: ABC/USDT & ABC/BTC', 'Fee schedule (click to expand)', 'Pair     │ Min order', 'ABC/USDT │ 10 USDT', 'Deposits open at 10:00\u00a0UTC.\nWithdrawals open at 12:00\u00a0UTC.', 'terms link[1]'],
    hides: ['alert', 'tracking', 'color: red', 'editor note', '<'],
    links: ['https://example.org/terms'],
  },
  {
    what: 'HTML lists: items on their own lines, numbered from start, an item written as a paragraph (Substack) on its bullet\'s line; Substack\'s linked image with its link note on its line (`[image]` for an empty alt, its title shown once when it repeats the alt); inline scripts gone; a javascript: link is its text alone, the notes after it consecutive',
    file: 'more-html.md', width: 58, join: '\n',
    shows: ['Inline [image: inline icon] and a bad link in prose.'],
    hides: ['tracker', 'Enable scripts', 'javascript', 'bad link['],
    rows: ['• First listed item', '• Second listed item with the desk[1]', '3. Third', '4. Fourth', 'Asset │ Price  │ Note', 'BTC   │ 97,000 │ new high', 'ETH   │ 3,100  │ flat', '• The Senate vote on Thursday.', '• Redemptions at the largest issuer.',
      '[image: Stablecoin supply] [2]', 'Supply, in billions of dollars', '[image] [3]'],
    links: ['mailto:desk@example.com', 'https://substackcdn.com/image/fetch/f_auto/supply.png', 'https://substackcdn.com/image/fetch/f_auto/flows.png'],
  },
  {
    what: 'bare URLs, <autolinks>, www. addresses and e-mail addresses are listed under Links too, their note set apart from the address',
    file: 'more-bare-urls.md', width: 58, join: ' ',
    shows: ['final.pdf?sig=ab12cd34&v=2 [1]', 'https://auditor.example.org/letters/2025-11-22 [2]', 'support@example-exchange.com [3]', 'www.example-exchange.com/help [4]', 'named link[5]'],
    links: [
      'https://reserves.example-exchange.com/attestations/2025/11/merkle-root-and-liabilities-report-final.pdf?sig=ab12cd34&v=2',
      'https://auditor.example.org/letters/2025-11-22',
      'mailto:support@example-exchange.com',
      'http://www.example-exchange.com/help',
      'https://example.org/named',
    ],
  },
  {
    what: 'a <pre> in HTML (Rouge output pasted in, a bare <pre>) is code: indentation, blank lines and tabs kept, tags dropped, entities decoded',
    file: 'more-html-pre.md', width: 38, join: '\n',
    shows: ['  def fee(amount):\n      # 0.1% with a floor\n      return max(amount * 0.001, 1)\n', '  if (a < b && c) {\n      return "<ok>";\n  \n    }\n'],
    hides: ['<span', 'class='],
  },
  {
    what: 'embedded players (iframe, video with a source, audio inline) are named with their address as a link note; their fallback text is not shown',
    file: 'more-html-embeds.md', width: 58, join: '\n',
    shows: ['[embed: CEO interview on the ETF][1]', '[video][2]', 'The podcast, inline: [audio][3] then the rest of the', '[embed]\n\nEnd.'],
    hides: ['does not support', 'No audio support', '[4]'],
    // A player whose address leads nowhere (javascript:) is named, with no note.
    links: ['https://www.youtube-nocookie.com/embed/abc123', 'https://cdn.example.org/clips/launch.mp4', 'https://cdn.example.org/pod/ep42.mp3'],
  },
  {
    what: 'a hiding tag left open (inline or in an HTML block) hides nothing: the words after it stay, a player is still named',
    file: 'more-html-unclosed.md', width: 58, join: ' ', squash: true,
    shows: [
      'The attackers placed a tag on the withdrawal page, which sent every signed approval',
      'walkthrough [embed: Incident walkthrough][1] explains the timeline minute by minute.',
      'recording [video][2] shows the fake approval dialog, frozen by the wallet.',
      '[audio][3] a warning sound nobody heard.',
      'Its loader named a element too, then rewrote the balances shown.',
      'Its first stage, then the real one: drained hot wallets.',
      'Researchers quoted a field where victims pasted their seed phrases, among other things.',
      '• Wallets drained within forty minutes', '• Refunds promised by the foundation',
      'A second mention, then the real one emptied cold storage.',
      'Closed players still hide their fallback: [audio][4] as before.',
      'End of report.',
    ],
    hides: ['No audio support', 'steal()', '</', '<p>'],
    links: ['https://www.youtube-nocookie.com/embed/xyz789', 'https://cdn.example.org/clips/drain.mp4', 'https://cdn.example.org/pod/alert.mp3', 'https://cdn.example.org/pod/ep43.mp3'],
  },
  {
    what: 'GitHub alerts and Obsidian callouts are titled by their kind as a word (and the author\'s title), underlined, the marker gone',
    file: 'more-callouts.md', width: 58, join: '\n',
    shows: ['│ Deposits made before the upgrade are credited', '│ Only if you run a relayer.'],
    hides: ['[!'],
    rows: ['│ Note', '│ ────', '│ Tip', '│ Important', '│ Warning', '│ ───────', '│ Caution', '│ Info: Timeline for the rollout', '│ FAQ: Do I need to do anything?', '│ Question', '│ An ordinary quote stays an ordinary quote.'],
  },
  {
    what: 'Docusaurus admonitions are drawn as callouts, nested ones too, VuePress containers too (`::: details` titled, `::: code-group` as its content, `[[toc]]` gone); an unknown kind stays as written',
    file: 'more-admonitions.md', width: 58, join: '\n',
    shows: ['│   cli withdraw --batch', '│ │ Keys left on the old client may be slashed.'],
    rows: ['│ Warning', '│ ───────', '│ Unstaking takes seven days during the upgrade.', '│ Tip: Save on fees', '│ Batch your withdrawals before the cutoff.', '│ Info: Testnet first', '│ Note', '│ Outer remark about the schedule.', '│ │ Danger', ':::footnote An unknown kind stays as written. :::',
      '│ Details: Why seven days', '│ The exit queue is long after the upgrade.', '│ Warning: VuePress titled warning', '│ Check the address twice.', 'Tabs of code, shown as their content.', 'End of notice.'],
    hides: [':::warning', ':::tip', ':::info', '::::', '::: details', '::: warning', 'code-group', 'toc'],
  },
  {
    what: 'an admonition never closed ends with its first paragraph: the rest of the article is not quoted',
    file: 'more-admonitions-unclosed.md', width: 58, join: '\n',
    shows: [],
    rows: ['│ Warning', '│ Withdrawals queued before the pause are processed first.', 'The rest of the notice is ordinary prose, outside any', '│ Tip: Closed one', '│ Fees return to normal after the window.', '│ Info: Left open too', '│ Operators get a status page.', '  status: https://status.example.org', 'End of notice.'],
    hides: [':::'],
  },
  {
    what: 'a decorative image (alt="") shows nothing; an image keeps the words on either side of it apart',
    file: 'more-html-images.md', width: 58, join: ' ', squash: true,
    shows: ['Prices moved before the vote.', 'all [image] Ledgerline follows', '[image: up] [image] Volume doubled.', 'the icon stays out, an arrow [image: arrow] marks the trend.', '[image: Cover of the report]'],
    hides: ['[image]Example', 'icon [image]', 'Pricesmoved', ']marks', 'arrow['],
  },
  {
    what: 'ordered lists keep the author\'s delimiter and start number',
    file: 'more-ordered-lists.md', width: 58, join: '\n',
    rows: ['1) Connect the wallet that held tokens at the snapshot.', '3) Submit the claim before December.', '4) Fees fell after the upgrade.', '5) Volume doubled on the new pairs.', '1. first with a period', '2. second with a period', '3) third with a parenthesis'],
    shows: [],
  },
  {
    what: 'WordPress shortcodes are read: a caption is its content, a player is named with its address as a link note, a gallery is gone',
    file: 'more-wordpress-shortcodes.md', width: 58, join: ' ', squash: true,
    shows: [
      '[image: ETF flow chart] Net flows into spot funds, November.',
      'Spot bitcoin funds took in $1.2 billion this week. [embed][1] The desk',
      'The desk\'s podcast [audio][2] covers the week. [video][3] [embed][4] [embed][5]',
      'A Markdown video[6] link and a [video] mention stay as they are, and so does [embed]code[/embed] in code.',
      'End of report.',
    ],
    hides: ['caption', 'gallery', 'mp3=', '[/audio]', '[/video]', 'tweet'],
    links: ['https://www.youtube.com/watch?v=abc123', 'https://example.com/podcast/episode-42.mp3', 'https://example.com/clips/floor.mp4', 'https://twitter.com/analyst/status/1234567890', 'https://www.youtube.com/watch?v=xyz789&w=640', 'https://example.org/recap'],
  },
  {
    what: "MDX: import and export lines, comments and component tags gone, what a component wraps read as Markdown (not as code), a callout component (`<Callout type>`) drawn as a callout, a tab's label (else its value) above its content, HTML and code as they were",
    file: 'more-mdx-components.md', width: 58, join: '\n',
    shows: ['• withdrawals enabled', '  ◦ partial withdrawals automatic', '[image: yield chart] and', '  <Tabs>', '      <TabItem value="code" />', '[1] https://ethereum.org/staking'],
    hides: ['import', 'export', 'editors', '<Chart', 'Callout', 'value="eth"', '**', '  Validators'],
    rows: ['│ Warning', '│ Unstaking takes seven days on most networks.', 'Ethereum', 'sol', 'Solana has no minimum stake.', 'A type in code stays: Vec<Transaction>.', 'End of guide.'],
  },
  {
    what: 'MDX expressions: a literal shows its value (`{\' \'}` a space), any other expression shows as code; code keeps its braces',
    file: 'more-mdx-expressions.md', width: 58, join: ' ', squash: true,
    shows: ['The maker fee for {tier} accounts is 0.02 percent, set by the desk.', 'cut by {props.discount} points in November, as announced.', 'braces: {props.discount}.', 'const fee = {props.discount};'],
    hides: ["{' '}", '{" "}', '{0.02}', 'FeeTable'],
  },
  {
    what: 'Obsidian notes: wiki links read as their text, embeds named, comments gone (a lone %% hides nothing)',
    file: 'more-obsidian-notes.md', width: 58, join: ' ', squash: true,
    shows: [
      'Flows into Bitcoin ETF funds rose again; see yesterday\'s wrap and the fee section or Glossary > Basis.',
      '[image: chart-2025-11.png]', '[embed: Weekly outlook]',
      'Analysts expect volatility before the options expiry.',
      'A typo such as 5%% stays as written, and so does [[code]] in code.', 'Jump to Outlook below.', 'End of notes.',
    ],
    hides: ['[[Bitcoin', 'check with the desk', 'Private reminder', '|', '> Outlook'],
  },
  {
    what: 'definition lists: each term on its own row, its definitions indented below it, no `:` marker left',
    file: 'more-definition-lists.md', width: 58, join: '\n',
    rows: [
      'Staking',
      '    Locking tokens to help secure a proof-of-stake',
      'Slashing',
      '    The penalty a validator pays for signing twice.',
      '    Also used loosely for any lost stake.',
      'Restaking',
      'LRT',
      '    Reusing staked ETH to secure other services, as',
      'Epoch',
      '    A group of 32 slots.',
    ],
    shows: ['network, for a reward.', 'an LRT[1] is the liquid', ': a line that opens with a colon under a heading'],
    hides: [': Locking', ': The penalty', ': Also', ': Reusing', ': A group', 'Staking :'],
    links: ['https://example.com/lrt'],
  },
  {
    what: 'MDX image components show their alt text as HTML images do; other components go',
    file: 'more-mdx-images.md', width: 58, join: ' ', squash: true,
    shows: ['[image: Validator queue, weekly]', 'Fees fell [image: Fee chart] after the upgrade.', '[image: The research desk]', 'A spacer is decorative', 'a cover [image] has a title',
      '[image: Stablecoin supply — Billions of dollars, monthly] and [image: Gas tracker] carry titles.'],
    hides: ['<Image', '<Picture', 'alt=', 'title=', 'Chart', 'spacer [image'],
  },
  {
    what: 'display math keeps its lines and every backslash, drawn as code is',
    file: 'more-display-math.md', width: 58, join: '\n',
    rows: [
      '  \\begin{aligned}',
      '  P &= \\frac{\\max(0, b - m) - \\max(0, m - a)}{m}',
      '  \\end{aligned}',
      '  \\sigma_{30d} = \\sqrt{\\tfrac{365}{30} \\sum_{t} r_t^2}',
      'A one-line display follows a sentence with no blank line:',
    ],
    shows: ['0.05\\%) \\\\', 'Prices such as $$5 and $$10 in prose stay prose, and so', '$$ in code stays code $$'],
    hides: ['$$ \\sigma', '\\begin{aligned} F'],
  },
  {
    what: "inline math kept as written: its `*`, `_` and backslash escapes are not Markdown's; prices, cashtags and escaped dollars stay prose",
    file: 'more-inline-math.md', width: 200, join: '\n',
    shows: [
      '$\\Delta = \\sum_i w_i \\Delta_i$', '$a*b*c$ stays a product', 'The optimum $x^*$ beats $y^*$', '$\\mathbb{E}_{t}[X] \\le \\mathbb{E}_{s}[Y]$',
      '$\\{0, 1\\}$ with spacing $a\\,b$', '\\(d_2 = d_1 - \\sigma\\sqrt{T}\\)', 'Prices such as $5 and $10 stay prose, as do $20,000 to $30,000 and a range of $5-$10.',
      'A dollar written $x$ with backslashes', 'Cashtags like $BTC/$ETH and $SOL stay prose.',
    ],
  },
  {
    what: 'Obsidian highlights and <mark> keep their == marks around the highlighted words (visible with NO_COLOR); comparisons stay as written',
    file: 'more-highlights.md', width: 200, join: '\n',
    shows: [
      '==never move a stop loss after entry==', '==deeply negative==', '==see the exchange notice[1]==', 'Review every ==Sunday== evening',
      'Comparisons like a == b and x==y stay as written, and so does == spaced == text.', '==clipped highlight==', '==marked words==', '==in code== stays',
    ],
  },
  {
    what: "Hugo's figures show their alt text, title and caption; its players and posts are named with their address as a link note; themes' callouts (notice, callout, hint, alert, admonition, note) drawn as callouts; a param named; a theme's other shortcodes go, code stays",
    file: 'more-hugo-shortcodes.md', width: 200, join: '\n',
    rows: [
      '[image: Bar chart of daily ETF flows] Net flows by day, in millions of dollars', '[image] Hashrate since halving', '[video][1]', '[video: Fed press conference][2]',
      '[embed][3]', '[embed][4]', '[video][5] and [embed][6] close the list.', '  fmt.Println("flows")',
      '│ Warning', '│ Past flows do not predict future flows.', '│ Error', "│ Hextra indents a callout's content by two spaces.", '│ Danger', '│ Never share the seed phrase.',
      "│ Docsy's title says the kind again.", '│ Question: Why a pause?', '│ The hot wallet is being rotated.', '│ Note', '│ The Kubernetes docs name the kind by the shortcode.',
      '│ Info', '│ One line, opened and closed.', 'A notice left open is removed with the other shortcodes.', 'Written by [param: author] for [param: site.title] readers.',
    ],
    shows: ['Written about, not used: {{< figure src="x.png" >}} stays as written.'],
    hides: ['notice warning', 'notice tip', '/notice', 'highlight go', '/highlight', 'type=', 'hint danger', 'color=', 'admonition', '/note', 'Warning: Warning', '{{< param', '{{% param', '{{< /', '{{% /', '{{% hint', '    Hextra'],
    links: [
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'https://www.youtube.com/watch?v=w7Ft2ymGmfc', 'https://x.com/SECGov/status/1745177352735080598',
      'https://x.com/i/status/877500564405444608', 'https://vimeo.com/146022717', 'https://gist.github.com/spf13/7896402',
    ],
  },
  {
    what: 'MkDocs (Python-Markdown) admonitions drawn as callouts titled by their kind and title, content dedented; unknown kinds and code stay as written',
    file: 'more-mkdocs-admonitions.md', width: 200, join: '\n',
    rows: [
      '│ Warning: Withdrawal limits', '│ Withdrawals above ten bitcoin need a second approval. Allow two business days.', '│ A second paragraph stays inside the box.',
      '│ Note: How fees are computed', '│ Tip', '│ Limit orders pay the maker fee.', '│ Info', '│ An empty title shows the kind alone.',
      'Closing paragraph after the boxes.', '  !!! warning "In code"',
    ],
    shows: ['!!! custom "Unknown kind" stays as written.'],
    hides: ['!!! warning "Withdrawal', '??? note', '???+'],
  },
  {
    what: "Pandoc's fenced divs: Quarto's callouts drawn as callouts (with their title), other divs as their content alone, even when an `import` in a code chunk makes the body look like MDX",
    file: 'more-pandoc-divs.md', width: 200, join: '\n',
    rows: [
      '│ Note', '│ The sample covers January to October.', '│ Warning: Survivorship bias', '│ Delisted tokens are missing from the sample.', '│ Tip',
      '│ Rerun the notebook for fresh numbers.', 'Left column words.', 'Right column words.', 'Flows chart caption here.', '  import pandas as pd', 'End of analysis.',
    ],
    shows: ['Left column words.\n\nRight column words.'],
    hides: [':::', '{.c', '{#fig'],
  },
  {
    what: 'unresolved reference links show as their text',
    file: 'more-unresolved-refs.md', width: 58, join: ' ',
    shows: ['describes BIP125 replacement', 'proposal for package relay,', 'update to Bitcoin Core #12345.', 'A defined link[1] works'],
    hides: [']['],
  },
  {
    what: "unresolved references whose label holds markup show the label without brackets; an unresolved image reference shows as an image (a tester's file)",
    file: 'more-unresolved-refs-markup.md', width: 200, join: '\n',
    rows: [
      'Unresolved with markup: BIP125 and OP_RETURN and Taproot upgrade.', 'Image ref: [image: Exchange logo] and missing [image: Chart].',
      'Words before the markup: The Schnorr signatures, an image with markup in its alt [image: Fee chart], and two labels side by side.',
      'Escaped brackets stay as written: [not a link][].', 'Heading with Lightning ref', 'CTV      │ BIP119', '[^1] See BIP341.',
    ],
    shows: [],
    hides: ['[BIP125]', '[OP_RETURN]', '][taproot-x]', '!Chart', '[The', '[two', '][schnorr'],
  },
  {
    what: "a footnote's unindented next line continues its note (GitHub's lazy continuation); a blank line, a definition or a heading ends it",
    file: 'more-footnote-lazy-lines.md', width: 200, join: '\n',
    rows: [
      '[^1] This is a long note that continues on the next line without indent.', '[^3] Note a ends here.', '[^4] Note b starts its own.',
      '[^5] Note before a definition.', '[^6] Note before a heading.', '     Second paragraph, indented, lazily continued too.',
      'Heading after the notes', 'After a blank line, this paragraph is body text again, with a desk link[1].',
    ],
    shows: ['[^2] A note with a list:\n     \n     ◦ first point\n     ◦ second point'],
    hides: ['[desk]:', '[^b]:'],
    links: ['https://example.com/desk'],
  },
  {
    what: "HTML footnotes as Substack, WordPress, Jetpack, Ghost, kramdown and Pandoc write them read as Markdown's: `[^1]` in the text, `[^1] The note.` for the note, back-links hidden (a tester's file)",
    file: 'more-html-footnotes.md', width: 200, join: '\n',
    rows: [
      'WordPress footnote[^1] in prose.', 'Substack footnote[^1] in prose.', "[^1] Substack's footnote text, with a source[1].", '[^1] WordPress footnote text.',
      'WordPress blocks: the halving[^1] cut issuance.', '[^1] Block editor note.',
      'Ghost card: funding flipped[^1] overnight, kramdown says[^2] too, Pandoc[^3] as well. Powers stay: 2^10, and a jump to the top is a link.',
      "[^1] Ghost's note text.", "[^2] Kramdown's note text.", "[^3] Pandoc's note text.",
      "Inline in Markdown: Ghost's funding[^1] flipped, Pandoc's[^3] too, and x^2 stays.",
    ],
    shows: [],
    hides: ['↩', 'footnote1', '^1 ', '^[^', '1.'],
    links: ['https://example.com/src'],
  },
  {
    what: "HTML footnotes narrow: a note's wrapped rows under its first word, as a Markdown footnote's",
    file: 'more-html-footnotes.md', width: 20, join: '\n',
    rows: ["[^1] Substack's", '     footnote text,', '     with a', '     source[1].', '[^1] Block editor', '     note.'],
    shows: [],
  },
  {
    what: "HTML definition lists drawn as Markdown's (term on its row, definitions indented four, a blank row between groups); ruby in parentheses; a tester's file",
    file: 'more-html-definitions-ruby-wbr.md', width: 58, join: '\n',
    rows: ['仮想通貨(かそうつうか) means virtual currency.'],
    shows: [
      'HODL\n    Hold on for dear life.\n\nFUD\n    Fear, uncertainty and doubt.',
      'Staking\n    Locking tokens to secure a network.\n    Also said of restaking.\n\nAPR\nAPY\n    Yearly rates, simple and compounded.',
      'Inline ruby 漢(kan)字(ji) and inline',
    ],
    hides: ['((', '))', 'かそうつうか means'],
  },
  {
    what: "emoji shortcodes (GitHub's names) shown as their emoji in prose, lists and tables; times, a:b:c, unknown names, code and addresses keep their colons",
    file: 'more-emoji-shortcodes.md', width: 200, join: '\n',
    rows: ['Mainnet launch day 🚀 and the team says 👍 to the audit.', '• Fees fell 🎉', 'End 💯', '  deploy --emoji :rocket:'],
    shows: ['⚠ Withdrawals pause at 10:30:00 UTC, and again at 12:00:00, for the upgrade.', '📈', '🔥🔥', 'such as :notacode: stay as written, and so does a ratio like a:b:c.', 'Written about, not used: :rocket: in code', 'https://example.com/:rocket:/page'],
    hides: [':+1:', ':warning:', ':tada:', ':fire:', ':100:', ':chart_with'],
    links: ['https://example.com/:rocket:/page'],
  },
  {
    what: "Obsidian block ids hidden (at a line's end, alone under a list); inline footnotes listed after the body as GFM footnotes are, numbered in order with the classic ones; code and powers stay",
    file: 'more-obsidian-blocks.md', width: 200, join: '\n',
    rows: [
      'Liquidity was highest on Tuesday.', '• Basis widened', '[^1] Measured on the largest perpetual venues.', '[^2] Across all venues, in dollars per the dashboard[1].', '[^3] The classic one.',
    ],
    shows: ['Funding turned negative[^1] before the rally, and open interest fell by a third [^2].', 'stays a footnote[^3], and the area grows as r ^2 in this model.', 'text ^abc123 and ^[note] in code'],
    hides: ['^liq-high', '^volume-list', '^[Measured', 'inline-note'],
    links: ['https://example.com/oi'],
  },
  {
    what: "Jekyll's image includes shown as images with their alt and caption (one spread over lines, one with Liquid output in a value), Hexo's asset_img and img tags too; Hexo's and Octopress's blockquote tags quoted with their attribution; other Liquid tags and output gone; code stays",
    file: 'more-jekyll-includes.md', width: 200, join: '\n',
    rows: [
      '[image: Line chart of hashrate since the halving] Hashrate, seven-day average', '[image: Fees per block in November]',
      '[image: Difficulty adjustments] Difficulty by epoch', '[image: Miner revenue by pool]', 'Pools reported blocks.',
      '[image: Exchange reserves since 2020]', '[image: Pie chart of pool shares — Pool shares]',
      '│ A purely peer-to-peer version of electronic cash.', '│ — Satoshi Nakamoto, Bitcoin whitepaper', '│ Difficulty rose for the fifth epoch in a row.',
      '│ — @hashdesk, example.com/hashdesk/status/42 [1]', '│ Payouts resume on Friday.', '│ — Pool operator, Pool notice[2]', '│ A quote with no attribution.',
    ],
    shows: ['Written about, not used: {% include figure.html %} stays as written.', 'End of report.'],
    hides: ['image_path', 'caption=', 'toc.html', '{{', 'assign', 'asset_img', '600', 'blockquote', 'endquote', 'quote %'],
    links: ['https://example.com/hashdesk/status/42', 'https://example.com/pools/notice'],
  },
  {
    what: "Hugo's escaped shortcodes (`{{</* x */>}}`, `{{%/* x */%}}`) shown as the shortcode, as Hugo prints them, in prose and code; one not escaped still read",
    file: 'more-hugo-escaped-shortcodes.md', width: 200, join: '\n',
    rows: [
      'To embed a tweet write {{< tweet user="SanDiegoZoo" id="1453110110599868418" >}} in your post.',
      'Themes draw notices: {{% notice tip %}} Fees are lower on weekends. {{% /notice %}}',
      'Written tight, a figure stays as written: {{<figure src="/chart.png" alt="a_b_c">}} here.',
      'Hugo reads them in code too: {{< youtube w7Ft2ymGmfc >}} and', '  {{< gist spf13 7896402 >}}',
      'A shortcode not escaped is still a player: [embed][1]',
    ],
    shows: [],
    hides: ['/*', '*/'],
    links: ['https://x.com/SanDiegoZoo/status/1453110110599868418'],
  },
  {
    what: "Obsidian: an image's size after `|` is no name (`![[chart.png|300]]`, `|100x145`, `![BTC|250](x)`); any `[!type]` is a callout, titled by its title, else its type",
    file: 'more-obsidian-image-sizes.md', width: 58, join: '\n',
    rows: [
      'The weekly chart at a width: [image: chart.png]', 'At a width and height: [image: chart.png]', 'With alt text and a width: [image: BTC]',
      'An alias is still words: [image: Weekly flows]', '│ Custom type', '│ ───────────', '│ Halving math for the next epoch.', '│ Btc alert', '│ Info: Built in',
    ],
    shows: [],
    hides: ['300', '145', '250', '[!', 'Bitcoin'],
  },
  {
    what: 'Liquid: a list item left with nothing once its output is gone is dropped (no setext heading above it); a one-line capture shows nothing where it stands and its text where its variable is output',
    file: 'more-liquid-loops.md', width: 58, join: '\n',
    rows: ['Read these next:', 'Archive by title:', 'Nothing shows where a capture stands.', 'The maker fee is 0.1 percent for everyone.'],
    shows: [],
    hides: ['────', '•', 'captured', '{'],
  },
  {
    what: "kramdown: the `{:toc}` item, `{::comment}`s and abbreviation definitions hidden, an HTML block marked `markdown=\"1\"` read as Markdown (`markdown=\"0\"` stays HTML), attribute lists gone",
    file: 'more-kramdown-extras.md', width: 58, join: '\n',
    rows: ['Flows this week', 'The ETF story continues with a third week of inflows.', 'Outflows were small on Tuesday.', 'bold inside div', 'Issuers now hold record AUM.', '• spot funds', '**raw inside div**', 'End of flows.'],
    shows: [],
    hides: ['TOC', 'Contents', '{:', 'Editor', 'private', 'Exchange-Traded', 'Assets Under', '*[', '**bold', '*record*', 'markdown='],
  },
  {
    what: 'HTML lists nested: an inner list under its item, indented, its wrapped rows under their first word, no blank row; HTML tables drawn as Markdown tables (padded columns, header rule, alignment, a caption above)',
    file: 'more-html-nested.md', width: 58, join: '\n',
    rows: [
      '• Support at $88K', '• Resistance at $93K', '  ◦ nested item', '  ◦ a nested item long enough to wrap onto a second row of', '    the pane', '• Back at the top',
      '1. First step', '   1. Sub step one', '2. Second step',
      'Asset │ Price', '──────┼────────', 'BTC   │ $89,500', 'ETH   │ $3,020',
      'Funding by venue', 'Venue   │    Rate', 'Binance │   0.01%', 'OKX     │ -0.005%', 'no header │ just cells', 'second    │ row',
    ],
    shows: ['Resistance at $93K\n  ◦ nested item'],
  },
  {
    what: 'HTML tables narrow: cells wrap in their column as a Markdown table\'s do, nested items keep their indent',
    file: 'more-html-nested.md', width: 20, join: '\n',
    rows: ['  ◦ a nested item', '    long enough to', 'no header │ just', '          │ cells', 'BTC   │ $89,500'],
    shows: [],
  },
  {
    what: "an image's title shown with its alt, `[image: alt — title]`, Markdown's (inline, reference, linked) and HTML's alike; the title alone with an empty alt; once when it repeats the alt; a decorative `alt=\"\"` with no title still hidden",
    file: 'more-image-titles.md', width: 200, join: '\n',
    rows: [
      '[image: Chart — BTC funding rates, 30 days]',
      'A sparkline [image: Open interest, seven days] sits inside this sentence, and a reference image follows.',
      '[image: Basis — Quarterly futures basis, annualised]',
      'An image whose title repeats its alt [image: Hashrate] is named once, and one with no title [image: Volume] as before.',
      '[image: Liquidations — Liquidations by exchange] [1]',
      '[image: ETF flows — Net inflows by issuer, USD millions]',
      'An icon with only a title [image: Fear and greed index: 72] explains itself; a spacer stays out.',
      'Inline HTML: the gauge [image: Gauge — Miner reserve ratio] closes the report.',
    ],
    shows: [],
    hides: ['spacer.gif', '[image]'],
    links: ['https://example.org/liquidations'],
  },
  {
    what: 'links that lead nowhere (javascript:, vbscript:, data:, file:; inline, reference-style, an autolink, HTML `<a>` in a block and inline) are their text alone: no note, no Links entry; the other links numbered 1, 2, 3... in order',
    file: 'more-unopenable-links.md', width: 200, join: '\n',
    rows: [
      'Read the full filing[1], then click to subscribe or open the report[2].',
      'Old exports carry a VBScript link, an inline chart and a local file; the desk[3] still answers.',
      'A reference link to the tracker and one to the archive[4], then an autolink javascript:void(0) that leads nowhere.',
      'In an HTML block: Subscribe now, Share and markets page[5].',
      'Inline HTML: a back button and the newsletter[6].',
    ],
    shows: [],
    hides: ['alert', 'vbscript', 'base64', 'passwd', 'track(', 'doSomething', 'history', '[7]'],
    links: ['https://example.org/filing', 'https://example.org/report', 'mailto:desk@example.org', 'https://example.org/archive', 'https://example.org/markets', 'https://example.org/newsletter'],
  },
];

describe('what each case shows', () => {
  it.each(SHOWS)('$file: $what', ({ file, width, join, squash, shows, hides = [], rows = [], links }) => {
    const out = renderMarkdown(body(file), width);
    const lines = rowsOf(out.lines);
    const text = squash ? lines.join(join).replace(/ +/g, ' ') : lines.join(join);
    for (const t of shows) expect(text).toContain(t);
    for (const t of hides) expect(text).not.toContain(t);
    for (const r of rows) expect(lines).toContain(r);
    if (links) expect(out.links).toEqual(links);
  });
});

describe("a tester's cases", () => {
  it("an unresolved reference's label keeps its markup: bold, code, italics", () => {
    const spans = renderMarkdown(body('more-unresolved-refs-markup.md'), 200).lines.flat();
    expect(spans.find((x) => x.text === 'BIP125')).toMatchObject({ bold: true });
    expect(spans.find((x) => x.text === 'OP_RETURN')).toMatchObject({ role: 'code' });
    expect(spans.find((x) => x.text === 'Taproot')).toMatchObject({ italic: true });
    expect(spans.find((x) => x.text === '[image: Chart]')).toMatchObject({ role: 'dim' });
  });

  it("a lazy line stays out of the body: the body has the note's marker, the Footnotes list its words", () => {
    const rows = render('more-footnote-lazy-lines.md', 58);
    const notes = rows.indexOf('Footnotes');
    expect(rows.slice(0, notes).join(' ')).not.toMatch(/continues|lazily|Second paragraph/);
    expect(rows.slice(notes).join(' ')).toMatch(/long note that continues on the next line\s+without indent\./);
  });

  it('a <dt> is bold, as a Markdown term is', () => {
    const spans = renderMarkdown(body('more-html-definitions-ruby-wbr.md'), 58).lines.flat();
    expect(spans.find((x) => x.text === 'HODL')).toMatchObject({ bold: true });
    expect(spans.find((x) => x.text.includes('Hold on'))?.bold).toBeFalsy();
  });

  it.each([20, 30, 38])('<wbr> is where a long word breaks at %i columns, never inside a piece', (w) => {
    const pieces = ['super', 'cali', 'fragilistic', 'expialidocious', 'tokenomics', 'restructuring', 'announcement.'];
    const rows = render('more-html-definitions-ruby-wbr.md', w);
    const first = rows.findIndex((r) => r.includes('Long word'));
    const last = rows.findIndex((r, i) => i >= first && r.endsWith('announcement.'));
    const word = rows.slice(first, last + 1).join('|').replace(/^.*breaks: ?/, '');
    expect(word.replace(/\|/g, '')).toBe(pieces.join(''));
    // Every row break in the word falls between two pieces.
    for (const part of word.split('|')) expect(part === '' || new RegExp(`^(?:${pieces.map((p) => p.replace('.', '\\.')).join('|')})+$`).test(part), part).toBe(true);
  });

  it.each(WIDTHS)('lone Hangul jamo at %i: every row as wide in tmux as ink lays it out (the border stays), fillers as blanks', (w) => {
    const rows = render('more-hangul-fillers.md', w);
    for (const r of rows) expect(tmuxWidth(r), r).toBe(stringWidth(r));
    const text = rows.join(' ');
    expect(text).toContain('A: [  ] end.');
    expect(text).toContain('B: [] end.');
    expect(text).toContain('[\u115f\u1160\u11a8');
  });
});

describe('inline math and highlights', () => {
  it('inline math is a code span of the math as written; dollars of prices and cashtags are not', () => {
    const code = renderMarkdown(body('more-inline-math.md'), 200).lines.flat().filter((s) => s.role === 'code').map((s) => s.text);
    expect(code).toEqual(expect.arrayContaining(['$\\sigma_{imp}$', '$w_i$', '$a*b*c$', '$x^*$', '$y^*$', '$\\{0, 1\\}$', '\\(d_2 = d_1 - \\sigma\\sqrt{T}\\)']));
    expect(code.filter((t) => /\$\d|\$[A-Z]{3}|\$x\$/.test(t))).toEqual([]);
  });

  it('highlighted words are drawn highlighted between dim marks; code and comparisons are not', () => {
    const spans = renderMarkdown(body('more-highlights.md'), 200).lines.flat();
    expect(spans.filter((s) => s.highlight).map((s) => s.text)).toEqual([
      'never move a stop loss after entry', 'deeply negative', 'open interest fell by a third', 'see the ', 'exchange notice',
      'Risk per trade: 1%', 'Sunday', 'clipped highlight', 'marked words',
    ]);
    expect(spans.find((s) => s.text === 'deeply negative')).toMatchObject({ bold: true, highlight: true });
    expect(spans.filter((s) => s.text === '==').every((s) => s.role === 'dim' && !s.highlight)).toBe(true);
  });
});

describe('MDX expressions', () => {
  it('are drawn as code when only the site could compute them', () => {
    const spans = renderMarkdown(body('more-mdx-expressions.md'), 58).lines.flat();
    expect(spans.filter((s) => s.role === 'code').map((s) => s.text)).toEqual(expect.arrayContaining(['{tier}', '{props.discount}']));
    expect(spans.some((s) => s.role === 'code' && s.text.includes('0.02'))).toBe(false);
  });
});
