// The render cases in the real program on a real terminal (tmux 80x24 with NO_COLOR, and
// 120x40): every article is opened, Tab moves to the body, PgDn pages through it until the pane's
// title reads 100% (its last row on screen). On every screen
// the frame stays put (each frame row exactly the terminal's width as tmux counts it, the pane
// borders in their columns) and, over all its pages, every word of the article is on screen.
import fs from 'node:fs';
import path from 'node:path';
import { nameToEmoji } from 'gemoji';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { wcwidth } from '../helpers/wcwidth.js';
import { FolderDashboard } from './folder-dashboard.js';
import { drawnWidths, hasTmux, TmuxSession } from './tmux.js';

const repo = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(repo, 'dist', 'cli.js');
const folder = 'tests/fixtures/cases/render';
const files = fs.readdirSync(path.join(repo, folder)).filter((f) => f.endsWith('.md') && f !== 'README.md');

let session: TmuxSession | undefined;
const dashboard = new FolderDashboard();
afterEach(() => {
  session?.close();
  dashboard.close();
});

/** Words of four or more ASCII letters that the article's prose and code show (a closed player's fallback text is not shown: README, HTML). */
function wordsOf(file: string): string[] {
  const body = fs.readFileSync(path.join(repo, folder, file), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
  const text = body
    .replace(/^\s*(```|~~~).*$/gm, ' ')
    // Only a closed element hides its text, and it closes in its own paragraph (closed-elements.ts).
    .replace(/<(script|style|noscript|video|audio|iframe)\b[^>]*>(?:(?!<\1\b|\n\n)[\s\S])*?<\/\1>/g, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    // WordPress shortcodes are markup: their attributes are not shown (render/wordpress-shortcodes.ts).
    .replace(/\[\/?(?:caption|embed|audio|video|gallery|tweet|youtube)\b[^\]\n]*\]/g, ' ')
    // MDX statements and comments are code, not shown (render/mdx-syntax.ts).
    .replace(/^(?:import|export)\s.*$/gm, ' ')
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, ' ')
    // Obsidian comments are hidden, a wiki link shows its alias (render/site-syntax/obsidian.ts).
    .replace(/%%[\s\S]*?%%/g, ' ')
    .replace(/\[\[[^\]|]*\|/g, ' ')
    // A callout's marker is markup: its kind shows as a word ("Warning"), checked below.
    .replace(/^> \[![A-Za-z][\w-]*\][+-]?/gm, ' ')
    // VuePress's and VitePress's containers too (`::: details Title`, `::: code-group`): the title shows, the kind as a word.
    .replace(/^:{3,} ?[a-z]+(?:-[a-z]+)*/gm, ' ')
    // Pandoc's fenced divs' attributes and MkDocs' admonition markers are markup too (site-syntax/admonitions.ts, python-admonitions.ts).
    .replace(/^:{3,} *(?:\{[^}\n]*\}|callout-[a-z]+)/gm, ' ')
    .replace(/^(?:!!!|\?\?\?\+?) +(?:warning|note|tip|info)\b/gm, ' ')
    // Liquid tags and output are not shown, but an image include's alt, caption, title or description (site-syntax/liquid-tags.ts).
    // kramdown's comments, abbreviation definitions and `{:toc}` item are hidden (site-syntax/kramdown.ts), its attribute lists too (static-site.ts).
    .replace(/\{::comment\}[\s\S]*?\{:\/(?:comment)?\}/g, ' ')
    .replace(/^ {0,3}\*\[[^\]\n]+\]:.*$/gm, ' ')
    .replace(/^ {0,3}(?:[-*+]|\d+[.)]) .*\n\{:toc\}$/gm, ' ')
    .replace(/\{:[^{}\n]*\}/g, ' ')
    // A one-line capture shows nothing where it stands (site-syntax/liquid-tags.ts).
    .replace(/\{%-?\s*capture\b[^\n]*?endcapture\s*-?%\}/g, ' ')
    .replace(/\{%[\s\S]*?%\}/g, (tag) => ` ${[...tag.matchAll(/(?:alt|caption|title|description)="([^"]*)"/g)].map((m) => m[1]).join(' ')} `)
    .replace(/\{\{[\s-][^}]*\}\}/g, ' ')
    // pandas' scoped CSS before a DataFrame and R Markdown's page breaks are hidden (site-syntax/exports/).
    .replace(/<style scoped>[\s\S]*?<\/style>/g, ' ')
    .replace(/^\s*\\(?:newpage|pagebreak|clearpage)\s*$/gm, ' ')
    // An AsciiDoc header's attribute names are markup: its values are fields (load/front-matter/asciidoc-header.ts).
    .replace(/^:[A-Za-z0-9_][A-Za-z0-9_-]*!?:/gm, ' ')
    // Obsidian's block ids are hidden (site-syntax/obsidian.ts).
    .replace(/(^| )\^[A-Za-z0-9-]+$/gm, ' ')
    // A shortcode gemoji names shows as its emoji (site-syntax/emoji-shortcodes.ts).
    .replace(/:([a-z0-9_+-]+):/g, (code, name: string) => (Object.hasOwn(nameToEmoji, name) ? ' ' : code))
    .replace(/<[^>]+>/g, ' ')
    // A footnote reference shows its number, not its label (`[^lazy]` as `[^1]`: footnotes.ts).
    .replace(/\[\^[^\]\s]+\]/g, ' ')
    // A reference's label and a definition (in a quote or a list item too) are not shown.
    .replace(/\]\[[^\]]*\]/g, '] ')
    .replace(/^[> ]*\[[^\]]+\]:\s*\S+/gm, ' ')
    .replace(/\]\([^)]*\)/g, '] ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/&[a-zA-Z0-9#]+;/g, ' ');
  return [...new Set(text.match(/[A-Za-z]{4,}/g) ?? [])];
}

interface Box {
  left: number;
  right: number;
  title: string;
}

// Emoji sequences whose width differs between terminals (a joiner or a skin-tone modifier inside)
// are kept whole and placed at their widest width (ui/frame/frame-writer.ts); this tmux's grid width for
// each, measured once, is what its captured rows are counted with. Everything else: wcwidth per
// code point, as tmux counts it.
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const WIDENS = /\u200d|\p{Emoji_Modifier}/u;
let drawn = new Map<string, number>();
beforeAll(async () => {
  const clusters = new Set<string>();
  for (const f of files) {
    for (const { segment } of segmenter.segment(fs.readFileSync(path.join(repo, folder, f), 'utf8'))) {
      if (WIDENS.test(segment) && segment.length > 1) clusters.add(segment.replace(/[\ufe0e\ufe0f]/g, ''));
    }
  }
  drawn = await drawnWidths([...clusters]);
}, 180_000);

/** The characters (emoji sequences whole) of a captured row with the column tmux puts each at. */
function cells(row: string): Array<{ ch: string; col: number }> {
  const out: Array<{ ch: string; col: number }> = [];
  let col = 0;
  for (const { segment } of segmenter.segment(row)) {
    const measured = drawnWidth(segment);
    if (measured !== undefined) {
      out.push({ ch: segment, col });
      col += measured;
      continue;
    }
    for (const ch of segment) {
      out.push({ ch, col });
      col += wcwidth(ch);
    }
  }
  return out;
}

// A measured cluster's width; tmux keeps a limited number of bytes per cell, so a long sequence
// (a family of four) comes back from capture-pane cut short: a cut joined sequence is the one it starts.
function drawnWidth(segment: string): number | undefined {
  const whole = drawn.get(segment);
  if (whole !== undefined || !segment.includes('\u200d')) return whole;
  return [...drawn].find(([cluster]) => cluster.startsWith(segment))?.[1];
}

/** Columns a captured row takes in this tmux. */
function rowWidth(row: string): number {
  const c = cells(row);
  const last = c[c.length - 1];
  return last ? last.col + (drawnWidth(last.ch) ?? wcwidth(last.ch)) : 0;
}

/** The panes of a screen, from the top border row (row 1; row 0 is the hint line). */
function panes(screen: string): Box[] {
  const top = cells(screen.split('\n')[1] ?? '');
  const boxes: Box[] = [];
  let open: { col: number; at: number } | null = null;
  top.forEach((c, i) => {
    if (c.ch === '╭') open = { col: c.col, at: i };
    if (c.ch === '╮' && open) {
      boxes.push({ left: open.col, right: c.col, title: top.slice(open.at, i).map((x) => x.ch).join('') });
      open = null;
    }
  });
  return boxes;
}

/** Asserts the frame: rows 1..h-3 (top to bottom border) are exactly `width` columns with every pane border in place. */
function expectFrame(screen: string, width: number, height: number, expected: Box[]) {
  const rows = screen.split('\n');
  expect(rows.length).toBeLessThanOrEqual(height + 1);
  const now = panes(screen);
  expect(now.map((b) => [b.left, b.right])).toEqual(expected.map((b) => [b.left, b.right]));
  const last = height - 3;
  for (let r = 1; r <= last; r++) {
    const row = rows[r] ?? '';
    expect(rowWidth(row), `row ${r}: ${row}`).toBe(width);
    const at = new Map(cells(row).map((c) => [c.col, c.ch]));
    for (const b of expected) {
      const [l, rr] = r === 1 ? ['╭', '╮'] : r === last ? ['╰', '╯'] : ['│', '│'];
      expect(at.get(b.left), `row ${r} left border at ${b.left}: ${row}`).toBe(l);
      expect(at.get(b.right), `row ${r} right border at ${b.right}: ${row}`).toBe(rr);
    }
  }
}

/** The text inside a pane on a screen, row by row, right-trimmed. */
function paneText(screen: string, box: Box, height: number): string[] {
  return screen
    .split('\n')
    .slice(2, height - 3)
    .map((row) =>
      cells(row)
        .filter((c) => c.col > box.left && c.col < box.right)
        .map((c) => c.ch)
        .join('')
        .trimEnd(),
    );
}

/** The read position the body pane's title shows (`Article · 42%`, 100 once its last row is on screen); null when no article is shown. */
function readPercent(screen: string): number | null {
  const m = /Article · (\d+)%/.exec(screen.split('\n')[1] ?? '');
  return m ? Number(m[1]) : null;
}

// Shortcodes the cases use that have an emoji: never shown as written once the table is in.
const RAW_SHORTCODE = /:(?:warning|tada|fire|100):/;

async function readAll(width: number, height: number, env: Record<string, string>) {
  if (!hasTmux()) throw new Error('tmux is required for the terminal end-to-end tests (.ci/run installs it)');
  const s = new TmuxSession(width, height, repo, env);
  session = s;
  s.type(`node ${cli} --no-cache ${folder}`);
  s.send('Enter');
  const count = `${files.length}/${files.length}`;
  let screen = await s.waitFor((t) => t.includes('? help') && t.includes(count) && t.includes(`Articles 1/${files.length}`) && t.includes('focus: list') && readPercent(t) !== null, 'the dashboard with the first article');
  const frame = panes(screen);
  const body = frame.find((b) => /Article(?!s)/.test(b.title));
  expect(body, screen).toBeDefined();
  expectFrame(screen, width, height, frame);
  const texts: string[] = [];
  for (let i = 0; i < files.length; i++) {
    s.send('Tab');
    screen = await s.waitFor((t) => t.includes('focus: body'), 'body focus');
    // The article's first row (its title, at the top of a newly selected article): the next one's differs.
    const top = paneText(screen, body!, height)[0];
    const rows: string[] = [];
    // Page down until the title says the last row is on screen; each page waits for the title's
    // position to move on, so a starved machine cannot end an article early nor read a page twice.
    for (let at = readPercent(screen); ; ) {
      // Emoji shortcodes' table loads on the first body that may hold one, and the body is drawn
      // again once it is in (site-syntax/emoji-shortcodes.ts): a page read before that shows
      // `:fire:` for a moment. Wait for that frame, not for a fixed time.
      if (RAW_SHORTCODE.test(paneText(screen, body!, height).join(' '))) {
        screen = await s.waitFor((t) => !RAW_SHORTCODE.test(paneText(t, body!, height).join(' ')), 'the emoji shortcodes drawn');
      }
      expectFrame(screen, width, height, frame);
      rows.push(...paneText(screen, body!, height));
      expect(at, screen).not.toBeNull();
      if (at === 100) break;
      const before = at!;
      s.send('PgDn');
      screen = await s.waitFor((t) => (readPercent(t) ?? -1) > before, `the body paged past ${before}%`);
      at = readPercent(screen);
    }
    const spaced = rows.join(' ');
    const unwrapped = rows.map((r) => r.replace(/^↪ ?/, '').replace(/-$/, '')).join('');
    texts.push(`${spaced}\n${unwrapped}`);
    s.send('BTab');
    screen = await s.waitFor((t) => t.includes('focus: list'), 'list focus');
    if (i === files.length - 1) break;
    // The list answers `j` first; the body follows a moment later (a frame of its own): wait for
    // the cursor on the next row and, in the body, the next article's first row.
    s.send('j');
    const next = `Articles ${i + 2}/${files.length}`;
    screen = await s.waitFor((t) => t.includes(next) && readPercent(t) !== null && paneText(t, body!, height)[0] !== top, `article ${i + 2} in the body`);
  }
  return texts;
}

// Exports' kinds (site-syntax/exports/): an HTML quote's cite as its attribution, a DataFrame's
// header above its values, Joplin's links named, Bear's highlights marked, R Markdown's references.
function expectExportKinds(texts: string[]) {
  const all = texts.join('\n');
  expect(all).toMatch(/│ — Andreas Antonopoulos/);
  expect(all).toMatch(/│ symbol │ +open │ +close/);
  expect(all).toMatch(/0 +│ BTC +│ +64210\.5 │ +65102\.25/);
  expect(all).not.toContain('vertical-align');
  expect(all).toMatch(/the\s+ETF\s+notes\s+\[Joplin\s+note\]/);
  expect(all).not.toMatch(/\[\d+\] :\/0123456789abcdef/);
  expect(all).toContain('==funding rate==');
  expect(all).toMatch(/See\s+Figure\s+\[btc-price\]/);
  expect(all).not.toMatch(/\\pagebreak|\(\\#fig/);
  // A quote inside an HTML quote has a bar more than the quote around it (html-quotes.ts). Rows are
  // joined by a space here: the blank quote row above a nested quote (`│`, `│ │`) and the nested
  // quote's row (`│ │ Outflows`, `│ │ │ The original`) make 3 and 5 bars; a flat quote makes fewer.
  expect(all).toMatch(/│ │ │ Outflows to exchanges/);
  expect(all).toMatch(/│ │ │ │ │ The original post\./);
  expect(all).toMatch(/│ │ — Glassnode weekly/);
  // Joplin's HTML links named as its Markdown ones; AsciiDoc's section titles as headings (their marks gone).
  expect(all).toMatch(/the\s+flows\s+section\s+\[Joplin\s+note\]/);
  expect(all).not.toMatch(/\[\d+\] :\/fedcba/);
  expect(all).toMatch(/Why it matters/);
  expect(all).not.toMatch(/== Why it matters|=== What the data/);
}

// Issue 8's kinds, each seen in the real program:
// - a keycap shown as the keycap (placed at 2 columns by the frame writer: the frame is checked on every page);
// - a cell spanning rows repeated in each row it spans;
// - a link that leads nowhere (javascript:, data:...) its text alone, the other links numbered 1, 2, 3...;
// - an image's title with its alt (spans.ts imageLabel).
function expectIssue8Kinds(texts: string[]) {
  const all = texts.join('\n');
  expect(all).toMatch(/counted\s+down\s+with\s+keycaps\s+5\ufe0f\u20e3\s+4\ufe0f\u20e3\s+3\ufe0f\u20e3/);
  expect(all).toMatch(/selector\s+7\ufe0f\u20e3\s+8\ufe0f\u20e3\s+9\ufe0f\u20e3/);
  expect(all).toMatch(/#\ufe0f\u20e3 +│ total/);
  expect(all).not.toMatch(/keycaps\s+5\s+4|[0-9#*]\u20e3/);
  for (const row of ['Binance  │ BTC/USDT │ $12.4B', 'Binance  │ ETH/USDT │ $6.1B', 'Binance  │ SOL/USDT │ $1.9B', 'Coinbase │ ETH/USD  │ $1.4B']) expect(all).toContain(row);
  const links = texts.find((t) => t.includes('A press release pasted'));
  expect(links, all).toBeDefined();
  expect(links).toMatch(/then\s+click\s+to\s+subscribe\s+or\s+open\s+the\s+report\[2\]/);
  expect(links).toMatch(/In\s+an\s+HTML\s+block:\s+Subscribe\s+now,\s+Share\s+and\s+markets\s+page\[5\]/);
  expect(links).toContain('[6] https://example.org/newsletter');
  expect(links).not.toMatch(/\[7\]|subscribe\[|alert\(|vbscript:|base64|passwd/);
  expect(all).toMatch(/\[image:\s+Chart\s+—\s+BTC\s+funding\s+rates,\s+30\s+days\]/);
  expect(all).toMatch(/An\s+icon\s+with\s+only\s+a\s+title\s+\[image:\s+Fear\s+and\s+greed\s+index:\s+72\]/);
  expect(all).toMatch(/the\s+gauge\s+\[image:\s+Gauge\s+—\s+Miner\s+reserve\s+ratio\]/);
}

// What a tester's files promise on screen, as their rows in tests/fixtures/cases/README.md say (the
// frame around the Hangul fillers is checked on every screen, by expectFrame).
function expectTesterKinds(texts: string[]) {
  const all = texts.join('\n');
  expect(all).toMatch(/\[\^1\]\s+This\s+is\s+a\s+long\s+note\s+that\s+continues\s+on\s+the\s+next\s+line\s+without\s+indent\./);
  expect(all).toMatch(/Unresolved\s+with\s+markup:\s+BIP125\s+and\s+OP_RETURN\s+and\s+Taproot\s+upgrade\./);
  expect(all).toMatch(/missing\s+\[image:\s+Chart\]/);
  expect(all).toMatch(/Substack\s+footnote\[\^1\]\s+in\s+prose\./);
  expect(all).toMatch(/\[\^1\] Substack's\s+footnote\s+text/);
  expect(all).not.toMatch(/footnote1|↩/);
  // Rows are joined by a space: a definition's row starts four columns in.
  expect(all).toMatch(/HODL {5}Hold on for dear life\./);
  expect(all).toContain('仮想通貨(かそうつうか)');
  expect(all).toMatch(/super ?cali ?fragilistic ?expialidocious ?tokenomics ?restructuring ?announcement\./);
  expect(all).toMatch(/A: \[ {2}\] end\./);
}

function expectEveryWord(texts: string[]) {
  for (const file of files) {
    const words = wordsOf(file);
    const best = texts
      .map((t) => ({ t, found: words.filter((w) => t.includes(w)).length }))
      .sort((a, b) => b.found - a.found)[0];
    const missing = words.filter((w) => !best.t.includes(w));
    expect(missing, `${file}: missing ${missing.join(', ')}\n${best.t}`).toEqual([]);
  }
}

describe('render cases in a real terminal', () => {
  it('80x24 with NO_COLOR: the frame never moves, every word is on screen, strikethrough reads', async () => {
    const texts = await readAll(80, 24, { NO_COLOR: '1' });
    expectEveryWord(texts);
    expectExportKinds(texts);
    expectIssue8Kinds(texts);
    expect(texts.join('\n')).toContain('~~Withdrawals');
    // Callouts titled by their kind's word, ordered lists with the author's delimiter.
    expect(texts.join('\n')).toMatch(/│ Warning +│/);
    expect(texts.join('\n')).toMatch(/│ FAQ: Do I need to do anything\? +│/);
    expect(texts.join('\n')).toContain('4) Fees fell');
    // Emoji sequences shown whole, the skin tone and the joiner kept, with the frame in place.
    expect(texts.join('\n')).toContain('👍\u{1f3fd}');
    expect(texts.join('\n')).toContain('👩\u200d🔬');
    // Inline math as written, highlights between their marks (the only sign of them without colour).
    expect(texts.join('\n')).toContain('$a*b*c$');
    expect(texts.join('\n')).toContain('$x^*$ beats $y^*$');
    expect(texts.join('\n')).toContain('==Sunday==');
    // Emoji shortcodes as their emoji (the frame in place: expectFrame on every page), unknown ones as written.
    expect(texts.join('\n')).toMatch(/Mainnet\s+launch\s+day\s+🚀\s+and\s+the\s+team/);
    expect(texts.join('\n')).toContain(':notacode:');
    expect(texts.join('\n')).not.toMatch(RAW_SHORTCODE);
    // Obsidian's block ids hidden, inline footnotes listed; Jekyll's image includes as images.
    expect(texts.join('\n')).toMatch(/Liquidity\s+was\s+highest\s+on\s+Tuesday\./);
    expect(texts.join('\n')).not.toContain('^liq-high');
    expect(texts.join('\n')).toMatch(/\[\^1\]\s+Measured\s+on\s+the\s+largest/);
    expect(texts.join('\n')).toMatch(/\[image:\s+Difficulty\s+adjustments\]\s+Difficulty\s+by\s+epoch/);
    expect(texts.join('\n')).not.toMatch(/image_path|\{% include figure\.html image/);
    expectTesterKinds(texts);
  }, 600_000);

  it('80x24: the link key opens link N of the numbers shown, a link that leads nowhere being none of them', async () => {
    const { s } = await dashboard.openAt(80, 24, `${folder}/more-unopenable-links.md`, 1, 'full filing', { NO_COLOR: '1' });
    s.send('Tab');
    await s.waitFor((t) => t.includes('focus: body'), 'body focus');
    // [2] follows `click to subscribe` (javascript:), [4] the reference-style link after `tracker` (javascript:).
    for (const [n, url] of [['2', 'https://example.org/report'], ['4', 'https://example.org/archive'], ['6', 'https://example.org/newsletter']]) {
      s.send('o');
      s.type(n);
      s.send('Enter');
      await s.waitFor((t) => t.includes(`open ${url} ? y/n`), `the question for link ${n}`);
      s.send('n');
      await s.waitFor((t) => !t.includes('? y/n'), 'the question dismissed');
    }
    s.send('o');
    s.type('7');
    s.send('Enter');
    await s.waitFor((t) => t.includes('no link 7 (1-6)'), 'no link 7');
  }, 120_000);

  it('120x40: the frame never moves, every word is on screen', async () => {
    const texts = await readAll(120, 40, {});
    expectEveryWord(texts);
    expectExportKinds(texts);
    expectIssue8Kinds(texts);
    expect(texts.join('\n')).toContain('⚠ Withdrawals pause at 10:30:00 UTC');
    expect(texts.join('\n')).toContain('[image: Line chart of hashrate since the halving] Hashrate, seven-day average');
    expect(texts.join('\n')).toContain('[^2] Across all venues');
  }, 600_000);
});
