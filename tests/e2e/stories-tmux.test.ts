// The crypto-news dashboard in a real terminal (tmux) on the bundled data: stories folded into one
// row each, the pulse strip, coin chips, `coin:sol`, `f` then Enter on a tag, unfolding a story.
import fs from 'node:fs';
import path from 'node:path';
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { runNode } from '../helpers/run-child.js';
import { hasTmux, TmuxSession } from './tmux.js';

const repo = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(repo, 'dist', 'cli.js');

let session: TmuxSession | undefined;
afterEach(() => session?.close());

function start(width: number, height: number) {
  if (!hasTmux()) throw new Error('tmux is required for the terminal end-to-end tests (.ci/run installs it)');
  const s = new TmuxSession(width, height, repo, {});
  session = s;
  s.type(`XDG_CACHE_HOME=${path.join(s.dir, 'cache')} node ${cli} > /dev/null`);
  s.send('Enter');
  return s;
}

function expectFits(screen: string, width: number) {
  for (const line of screen.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(width);
}

describe.each([[200, 50], [80, 24]])('the bundled data at %dx%d', (width, height) => {
  it('opens with stories folded, a pulse strip and coin chips; a story unfolds and folds; coin:sol narrows', async () => {
    const s = start(width, height);
    // The sticky Ostrava story is first: one row, +2 for its other outlets.
    const first = await s.waitFor((t) => t.includes('? help') && /▶.*\+2 /.test(t) && /▲ \d+ ● \d+ ▼ \d+ [█▒░]+ [▁▂▃▄▅▆▇█]+/.test(t), 'the folded stories and the pulse strip');
    expectFits(first, width);
    expect(first).toMatch(/ (BTC|ETH|SOL)(?: [A-Z]+)*│/);
    // The list pane is the first bordered column of each row.
    const listRows = first.split('\n').filter((l) => l.startsWith('│')).map((l) => l.slice(1, l.indexOf('│', 1)));
    expect(listRows.filter((l) => l.includes('Ostrava'))).toHaveLength(1);

    s.send('l');
    const open = await s.waitFor((t) => (t.match(/ └ /g) ?? []).length === 2, 'the unfolded story');
    expect(open).toContain('Also reported by 2 other outlets');
    s.send('j');
    s.send('h');
    await s.waitFor((t) => !t.includes(' └ ') && /▶.*\+2 /.test(t), 'the folded story again');

    // The title counts the rows moved through, the articles beside them (found by a tester:
    // `Articles 12/75` on the 8th row, `G` on `75/75` of 71 rows): the row under the folded story
    // of three is the 2nd, the last row is the total, fewer than the articles.
    s.send('j');
    await s.waitFor((t) => /Stories 2\/\d+ · \d+ articles/.test(t), 'the second row as the 2nd');
    s.send('G');
    const last = await s.waitFor((t) => /Stories (\d+)\/\1 · \d+ articles/.test(t) && /^│▶/m.test(t), 'the last row');
    const [, rows, articles] = /Stories (\d+)\/\d+ · (\d+) articles/.exec(last)!;
    s.send('g');
    await s.waitFor((t) => /Stories 1\//.test(t), 'the first row again');
    expect(Number(rows)).toBeLessThan(Number(articles));

    s.type('/coin:sol');
    s.send('Enter');
    const sol = await s.waitFor((t) => /(?:Articles|Stories) 1\/[1-9]\b/.test(t) && /query: coin:sol/.test(t), 'the coin:sol result');
    expectFits(sol, width);
    // As many articles as the same query finds without the UI.
    const expected = await runNode([cli, '--filter', 'coin:sol'], { cwd: repo, env: { ...process.env, XDG_CACHE_HOME: path.join(s.dir, 'cache') } });
    const n = expected.stdout.trim().split('\n').length;
    expect(sol).toMatch(new RegExp(`Articles 1/${n}─|Stories 1/\\d+ · ${n} articles`));
    s.send('q');
  });

  it('f then Enter on a tag adds it to the query', async () => {
    const s = start(width, height);
    await s.waitFor((t) => t.includes('? help') && /▲ \d+/.test(t), 'the pulse strip');
    s.send('f');
    // The cursor (▸) starts on the first sentiment.
    let screen = await s.waitFor((t) => t.includes('▸▲'), 'the focused pulse strip');
    // Move right until the cursor reaches the first tag (after 3 sentiments and up to 5 sources).
    const under = (t: string): string => /▸(\S+ ?\d*)/.exec(t)?.[1] ?? '';
    for (let i = 0; i < 9 && !/tag ▸/.test(screen); i++) {
      const before = under(screen);
      s.send('l');
      // One key at a time, each seen drawn (the entry under ▸ changed), so the cursor cannot overshoot.
      screen = await s.waitFor((t) => under(t) !== '' && under(t) !== before, 'the cursor to move');
    }
    expect(screen).toMatch(/tag ▸\S+/);
    const tag = /tag ▸(\S+)/.exec(screen)![1].toLowerCase();
    s.send('Enter');
    // The query holds the tag and the strip is no longer focused (no ▸ cursor on its facets row).
    await s.waitFor((t) => t.split('\n')[0].includes(`tag:${tag}`) && !/│[^│]*src [^│]*▸/.test(t), 'the tag in the query');
    s.send('q');
  });
});

describe('an article that arrives while the dashboard is open', () => {
  it('is counted in the pulse and joins its story at once, no recompute of the folder', async () => {
    if (!hasTmux()) throw new Error('tmux is required for the terminal end-to-end tests (.ci/run installs it)');
    const s = new TmuxSession(120, 30, repo, {});
    session = s;
    const folder = path.join(s.dir, 'news');
    fs.cpSync(path.join(repo, 'data'), folder, { recursive: true });
    s.type(`XDG_CACHE_HOME=${path.join(s.dir, 'cache')} NO_COLOR=1 node ${cli} ${folder} > /dev/null`);
    s.send('Enter');
    const before = await s.waitFor((t) => t.includes('? help') && /▶.*\+2 Ostrava/.test(t) && /▼ \d+/.test(t), 'the folded Ostrava story and the pulse');
    const negative = Number(/▼ (\d+)/.exec(before)![1]);
    // A fourth outlet's report of the Ostrava breach, the morning after.
    fs.writeFileSync(
      path.join(folder, 'news', 'zz-ostrava-fourth-outlet.md'),
      [
        '---',
        'title: "Ostrava Markets Hack: $63M Drained From Hot Wallets, Withdrawals Halted"',
        'source: Blockworks',
        'sourceKey: blockworks',
        'publishedAt: 2026-11-14T09:00:00Z',
        'sentiment: NEGATIVE',
        'tags: [HACK, EXCHANGE]',
        'description: "Ostrava Markets lost $63 million after attackers took control of its hot wallet signing server; withdrawals paused."',
        '---',
        'Ostrava Markets, a crypto exchange, has lost about $63 million after attackers gained control of a server that signs transactions for its hot wallets.',
        '',
      ].join('\n'),
    );
    const after = await s.waitFor((t) => new RegExp(`▼ ${negative + 1}\\b`).test(t) && /▶.*\+3 Ostrava/.test(t), 'the new article counted and in its story');
    expect(after).toContain('1 new');
    s.send('q');
  });

  it('an unfolded story whose query leaves only its scoop reads +2, not ▾2 over nothing', async () => {
    // Found by a tester: `▾2` stood on a row with no `└` rows under it.
    const s = new TmuxSession(120, 30, repo, {});
    session = s;
    s.type(`XDG_CACHE_HOME=${path.join(s.dir, 'cache')} NO_COLOR=1 node ${cli} > /dev/null`);
    s.send('Enter');
    await s.waitFor((t) => t.includes('? help') && /▶.*\+2 Ostrava/.test(t), 'the folded Ostrava story selected');
    s.send('l');
    await s.waitFor((t) => /▶.*▾2 Ostrava/.test(t) && (t.match(/ └ /g) ?? []).length === 2, 'the story unfolded');
    s.send('/');
    s.type('"wallet breach"');
    s.send('Enter');
    const narrowed = await s.waitFor((t) => /Stories 1\/1|Articles 1\/1/.test(t) && /▶.*Ostrava Markets Loses/.test(t), 'only the scoop matching');
    const row = narrowed.split('\n').find((l) => /▶.*Ostrava Markets Loses/.test(l)) ?? '';
    expect(row).toContain('+2 Ostrava');
    expect(narrowed).not.toContain('▾2');
    expect(narrowed).not.toContain(' └ ');
    s.send('q');
  });

  it('one template about two firms, or two coins, is two rows; the same news from two outlets is one', async () => {
    // Found by a tester: `Ripple Lays Off 15% of Staff` and `Kraken Lays Off 15% of Staff` were one story.
    const s = new TmuxSession(120, 30, repo, {});
    session = s;
    const folder = path.join(s.dir, 'news');
    fs.mkdirSync(folder);
    const post = (name: string, source: string, hour: number, title: string, description: string) =>
      fs.writeFileSync(path.join(folder, `${name}.md`), `---\ntitle: "${title}"\nsource: ${source}\npublishedAt: 2026-12-05T${String(hour).padStart(2, '0')}:00:00Z\ndescription: "${description}"\n---\n${description}\n`);
    post('a', 'Blockworks', 10, 'Ripple Lays Off 15% of Staff', 'Ripple cut about 15% of its staff across teams on Friday.');
    post('b', 'Cointelegraph', 11, 'Kraken Lays Off 15% of Staff', 'Kraken cut about 15% of its staff across teams on Friday.');
    post('c', 'Decrypt', 12, 'Ripple cuts 15% of staff', 'Ripple cut about 15% of its staff across teams on Friday.');
    post('d', 'The Block', 8, 'BlackRock files for spot XRP ETF', 'BlackRock filed for a spot XRP exchange-traded fund.');
    post('e', 'CoinDesk', 9, 'BlackRock files for spot Solana ETF', 'BlackRock filed for a spot Solana exchange-traded fund.');
    s.type(`XDG_CACHE_HOME=${path.join(s.dir, 'cache')} NO_COLOR=1 node ${cli} ${folder} > /dev/null`);
    s.send('Enter');
    const screen = await s.waitFor((t) => t.includes('? help') && /Stories 1\/4 · 5 articles/.test(t), 'four stories of five articles');
    const rows = screen.split('\n').filter((l) => l.startsWith('│'));
    expect(rows.filter((l) => /\+1 Ripple cuts|\+1 Ripple Lays/.test(l))).toHaveLength(1);
    expect(rows.filter((l) => /Kraken Lays/.test(l) && !/\+\d/.test(l))).toHaveLength(1);
    expect(rows.filter((l) => /BlackRock files/.test(l) && !/\+\d/.test(l))).toHaveLength(2);
    s.send('q');
  });
});

describe('--multi on a folded story row', () => {
  it('Space marks every article of the story, Enter prints them all', async () => {
    // Found by a tester: Space marked the story's scoop alone, and Enter printed one path of three.
    if (!hasTmux()) throw new Error('tmux is required for the terminal end-to-end tests (.ci/run installs it)');
    const s = new TmuxSession(80, 24, repo, {});
    session = s;
    const out = path.join(s.dir, 'chosen.txt');
    s.type(`XDG_CACHE_HOME=${path.join(s.dir, 'cache')} node ${cli} -m > ${out}; echo "rc=$?"`);
    s.send('Enter');
    await s.waitFor((t) => t.includes('? help') && /▶.*\+2 /.test(t), 'the folded Ostrava story on the first row');
    s.send('Space');
    s.send('Enter');
    await s.waitFor((t) => /rc=0/.test(t), 'the exit');
    const paths = fs.readFileSync(out, 'utf8').trim().split('\n');
    expect(paths).toHaveLength(3);
    // The three are the story the first row folds: the same as the story's articles --filter finds.
    const ostrava = await runNode([cli, '--filter', 'ostrava', '-p', 'path'], { cwd: repo, env: { ...process.env, XDG_CACHE_HOME: path.join(s.dir, 'cache') } });
    for (const p of paths) expect(ostrava.stdout).toContain(p);
  });
});

describe('-n with --multi', () => {
  it('prints the first N marked, in marking order', async () => {
    // Found by a tester: `-m -n 2` printed every marked article.
    if (!hasTmux()) throw new Error('tmux is required for the terminal end-to-end tests (.ci/run installs it)');
    const s = new TmuxSession(120, 35, repo, {});
    session = s;
    const out = path.join(s.dir, 'chosen.txt');
    s.type(`XDG_CACHE_HOME=${path.join(s.dir, 'cache')} node ${cli} --no-group -m -n 2 > ${out}; echo "rc=$?"`);
    s.send('Enter');
    await s.waitFor((t) => t.includes('? help') && /Articles 1\//.test(t) && t.includes('focus: list'), 'the list');
    s.send('j');
    await s.waitFor((t) => /Articles 2\//.test(t), 'the second row');
    s.send('Space');
    await s.waitFor((t) => t.includes('1 marked'), 'one marked');
    // Space moves down: the first row marked, the second (marked) passed over, the third marked.
    s.send('g');
    s.send('Space');
    s.send('j');
    s.send('Space');
    await s.waitFor((t) => t.includes('3 marked'), 'three marked');
    s.send('Enter');
    await s.waitFor((t) => /rc=0/.test(t), 'the exit');
    const paths = fs.readFileSync(out, 'utf8').trim().split('\n');
    const all = (await runNode([cli, '--no-group', '--filter', '', '-p', 'path'], { cwd: repo, env: { ...process.env, XDG_CACHE_HOME: path.join(s.dir, 'cache') } })).stdout.trim().split('\n');
    // Marked second row first, then the first and third: the first two of them printed.
    expect(paths).toEqual([all[1], all[0]]);
  });
});

describe('the focused pulse strip and the keys it does not take', () => {
  it('f, then / leaves the strip and starts a search; f, then z zooms the list', async () => {
    // Found by a tester: `/`, `s`, `z`, `?` did nothing while the strip had the focus.
    const s = start(80, 24);
    await s.waitFor((t) => t.includes('? help') && /▲ \d+/.test(t), 'the pulse strip');
    s.send('f');
    await s.waitFor((t) => t.includes('▸▲'), 'the focused strip');
    s.type('/sol');
    await s.waitFor((t) => /^\/ ?sol/m.test(t) && !t.includes('▸▲'), 'the search typed');
    s.send('Enter');
    s.send('f');
    await s.waitFor((t) => t.includes('▸▲'), 'the strip focused again');
    s.send('z');
    await s.waitFor((t) => t.includes('zoomed') && !t.includes('▸▲'), 'the list zoomed');
    s.send('q');
  });
});
