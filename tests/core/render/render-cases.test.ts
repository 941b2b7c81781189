// The render cases (tests/fixtures/cases/README.md): each body at the widths the body pane
// has in 80- and 120-column terminals and a narrow one, checked for what its README row promises.
import fs from 'node:fs';
import path from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/core/render/markdown.js';
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

  it('keeps a skin-toned emoji and a ZWJ sequence whole (the frame writer places them at their widest width)', () => {
    expect(render('emoji-modifiers.md', 38).join('')).toContain('👍\u{1f3fd}');
    expect(render('emoji-sequences.md', 58).join('')).toContain('👩\u200d🔬');
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

  it('shows no hyphen where the line is not broken', () => {
    const text = render('format-characters.md', 200).join('\n');
    expect(text).toContain('interoperability');
    expect(text).toContain('acknowledgements');
    expect(text).toContain('nobreakhere');
  });

  it('breaks at zero-width spaces without losing a character', () => {
    const rows = render('format-characters.md', 38);
    expect(joined(rows)).toContain('transactionidentifierhashvalueforthewithdrawal');
    expect(rows.some((r) => r.startsWith('identifier') || r.endsWith('transaction'))).toBe(true);
  });

  it('keeps the text around bidi marks and invisible operators', () => {
    const text = render('more-bidi-invisible.md', 58).join(' ');
    for (const w of ['price rose', 'السوق', 'f(x)', 'BOMinside', 'Nonjoiner', 'joinerhere', 'withwordjoinerseverywhereinit']) expect(text).toContain(w);
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

describe('entities', () => {
  it('decodes prose and link URLs, keeps code literal', () => {
    const { lines, links } = renderMarkdown(body('entities.md'), 58);
    const text = rowsOf(lines).join(' ').replace(/ +/g, ' ');
    expect(text).toContain('AT&T & Verizon both said "no comment" —');
    expect(text).toContain('€100, or €100, or €100');
    expect(text).toContain('&foo; stays as written');
    expect(text).toContain('Less-than: <tag>.');
    expect(text).toContain('literal: &amp; and a < b && c > d and <script>');
    expect(text).toContain('return "&amp;";');
    expect(text).toContain('&lt;b&gt; and &#39; and &nbsp;');
    expect(text).toContain('Fees & rebates');
    expect(links).toEqual(['https://example.com/?a=1&b=2']);
    expect(text).toContain('[1] https://example.com/?a=1&b=2');
  });

  it('decodes every HTML5 name, only with its semicolon, and in reference definitions', () => {
    const { lines, links } = renderMarkdown(body('more-entities.md'), 58);
    const text = rowsOf(lines).join('\n');
    expect(text).toContain('∳ ★');
    expect(text).toContain('½ → ✓');
    expect(text).toContain('&copy stays');
    expect(text).toContain('&lt;code&gt; stays literal');
    expect(text).toContain('&#x41;');
    expect(links).toEqual(['https://example.com/fees?tier=1&region=eu&lang=en']);
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

  it('numbers a twice-referenced note once and still lists an unreferenced definition', () => {
    const rows = render('more-footnotes.md', 58);
    const text = rows.join('\n');
    expect(text).toContain('claim[^1] is repeated[^1]');
    expect(text).toContain('[^orphan] A definition nobody references is still shown.');
    expect(text).toContain('~~are~~ reopened');
    expect(text).toContain('[2] https://example.com/in-note');
  });
});

describe('HTML', () => {
  it('html-blocks.md: cells apart, images, link notes, details, no script or style', () => {
    const { lines, links } = renderMarkdown(body('html-blocks.md'), 58);
    const text = rowsOf(lines).join('\n');
    expect(text).toContain('[image: Listing banner]');
    expect(text).toContain('[image: Exchange logo]');
    expect(text).toContain('Trading pairs: ABC/USDT & ABC/BTC');
    expect(text).toContain('Fee schedule (click to expand)');
    expect(text).toContain('Pair │ Min order');
    expect(text).toContain('ABC/USDT │ 10 USDT');
    expect(text).toContain('Deposits open at 10:00\u00a0UTC.\nWithdrawals open at 12:00\u00a0UTC.');
    expect(text).toContain('terms link[1]');
    expect(links).toEqual(['https://example.org/terms']);
    for (const gone of ['alert', 'tracking', 'color: red', 'editor note', '<']) expect(text).not.toContain(gone);
  });

  it('more-html.md: list items on their own lines, numbered from start, scripts inline gone', () => {
    const rows = render('more-html.md', 58);
    expect(rows).toContain('• First listed item');
    expect(rows).toContain('• Second listed item with the desk[1]');
    expect(rows).toContain('3. Third');
    expect(rows).toContain('4. Fourth');
    expect(rows).toContain('BTC │ 97,000 │ new high');
    expect(rows.join('\n')).toContain('Inline [image: inline icon] and a bad link[2]');
    expect(rows.join('\n')).not.toContain('tracker');
    expect(rows.join('\n')).not.toContain('Enable scripts');
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

  it('shows unresolved reference links as their text', () => {
    const text = render('more-unresolved-refs.md', 58).join(' ');
    expect(text).toContain('describes BIP125 replacement');
    expect(text).toContain('proposal for package relay,');
    expect(text).toContain('update to Bitcoin Core #12345.');
    expect(text).toContain('A defined link[1] works');
    expect(text).not.toContain('][');
  });
});
