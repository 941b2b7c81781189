// Fields kept where the site generators and feeds put them: Hugo's `[params]` and Zola's `[extra]`
// tables (fields/site-params.ts), and authors written as RSS and mail write them, `Name <address>`
// or `address (Name)` (fields/author-name.ts). Through the real loader, with and without the
// on-disk index, as the cases' README says (tests/fixtures/cases/README.md).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { authorName } from '../../../../src/core/load/fields/author-name.js';
import { fixtureLoader, type Loaded } from '../fixture-loader.js';

const load = fixtureLoader(path.resolve(import.meta.dirname, '../../../fixtures/cases'));

// The fields compared, as a plain object (a failed match on a loaded article cannot print it: its fields are getters).
const shown = (l: Loaded, file: string) => {
  const { source, sourceKey, description, tags, categories, draft } = l.byFile[file];
  return { source, sourceKey, description, tags, categories, draft };
};

const titles = (l: Loaded, query: string): string[] => l.index.search(query, {}).hits.map((h) => l.index.article(h.id).title).sort();

describe('authorName', () => {
  it.each([
    ['Dana Whitfield <dana.whitfield@example.com>', 'Dana Whitfield'],
    ['newsdesk@example.org (Carlos Méndez)', 'Carlos Méndez'],
    ['"O\'Brien, Siobhan" <siobhan@example.com>', "O'Brien, Siobhan"],
    ['"A \\"Quoted\\" Name" <a@example.com>', 'A "Quoted" Name'],
    ['<only@example.com>', 'only@example.com'],
    ['Ana Ruiz<ana@example.com>', 'Ana Ruiz'],
    ['Ana Ruiz   <ana@example.com>', 'Ana Ruiz'],
    ['Desk <a@example.com> <b@example.com>', 'Desk <a@example.com>'],
  ])('%s is %s', (written, name) => {
    expect(authorName(written)).toBe(name);
  });

  it.each(['Jane Doe', 'Jane Doe (CoinDesk)', 'research@example.com', 'a <b> c', 'x@y (', 'Team <ops at example.com>'])('%s stays as written', (written) => {
    expect(authorName(written)).toBe(written);
  });

  it('reads an author of 200k spaces around an @ in one pass (a pattern with the name in it backtracked for half a minute)', () => {
    const hostile = `x@y${' '.repeat(200_000)}z`;
    expect(authorName(hostile)).toBe(hostile);
    expect(authorName(`Long${' '.repeat(200_000)}<a@example.com>`)).toBe('Long');
  });
});

describe.each([false, true])('site params and RSS authors (on-disk index: %s)', (cache) => {
  it('Hugo [params] and Zola [extra]: author, description, tags and categories read where the top level has none', async () => {
    const l = await load('loader-more/site-params', cache);
    expect(l.warnings).toEqual([]);
    expect(shown(l, 'hugo-params-toml.md')).toMatchObject({
      source: 'Mei Lin', sourceKey: 'mei-lin', description: 'Tether and USDC both minted more than a billion dollars this week.',
      tags: ['stablecoins', 'usdt', 'usdc'], categories: ['Markets'], draft: false,
    });
    expect(shown(l, 'hugo-params-author-table.md')).toMatchObject({
      source: 'Tomás Ferreira', description: 'The exit queue grew to its longest since the Shanghai upgrade.', tags: ['ethereum', 'staking'],
    });
    expect(shown(l, 'hugo-params-yaml.md')).toMatchObject({
      source: 'Priya Nair', description: 'Priority fees doubled over the weekend.', tags: ['solana', 'fees'], categories: ['Markets'],
    });
    expect(shown(l, 'zola-extra.md')).toMatchObject({
      source: 'Ana Ruiz', description: 'Two of the ten largest nodes closed most of their channels.', tags: ['lightning'], categories: ['Bitcoin'],
    });
    expect(shown(l, 'zola-extra-authors.md')).toMatchObject({
      source: 'Kofi Mensah', description: 'The release drops the legacy wallet.', tags: ['bitcoin-core', 'release'],
    });
    // The top level's own fields win; a params table's lists join the top level's.
    expect(shown(l, 'hugo-top-level-wins.md')).toMatchObject({ source: 'Jane Doe', description: 'Outflows from miner wallets rose.', tags: ['mining', 'hashrate'] });
    expect(titles(l, 'source:"mei lin"')).toEqual(['Stablecoin Supply Tops $300 Billion']);
    expect(titles(l, 'source:tomas')).toEqual(['Ethereum Validators Queue to Exit After Upgrade']);
    expect(titles(l, 'tag:usdc')).toEqual(['Stablecoin Supply Tops $300 Billion']);
    expect(titles(l, 'category:bitcoin')).toEqual(['Lightning Capacity Falls as Large Nodes Close Channels']);
  });

  it("Zola's [taxonomies] authors are the source, as a top-level `authors` is; the top level's own win, and they win over [extra]'s", async () => {
    const l = await load('loader-more/zola-taxonomies', cache);
    expect(l.warnings).toEqual([]);
    expect(shown(l, 'taxonomies-authors.md')).toMatchObject({ source: 'Ama Owusu', sourceKey: 'ama-owusu', tags: ['ordinals', 'fees'], categories: ['Bitcoin'] });
    expect(shown(l, 'taxonomies-over-extra.md')).toMatchObject({ source: 'Sofia Brandt', description: 'The queue emptied in under a day.' });
    expect(shown(l, 'top-level-authors-win.md')).toMatchObject({ source: 'Rin Sato', tags: ['zola'] });
    expect(shown(l, 'taxonomies-yaml.md')).toMatchObject({ source: 'Lea Moreau', tags: ['base', 'outage'] });
    expect(titles(l, 'source:"ama owusu"')).toEqual(['Ordinals Fees Fall as Inscriptions Slow']);
    expect(titles(l, 'source:brandt')).toEqual(['Lido Withdrawal Queue Clears']);
    expect(titles(l, 'source:zola-taxonomies')).toEqual([]);
  });

  it('RSS and mail authors: the name is the source, the address stays in the front matter', async () => {
    const l = await load('loader-more/rss-authors', cache);
    expect(l.warnings).toEqual([]);
    const source = (f: string): string => l.byFile[f].source;
    expect(source('name-angle-email.md')).toBe('Dana Whitfield');
    expect(source('email-paren-name.md')).toBe('Carlos Méndez');
    expect(source('authors-list.md')).toBe('Yuki Tanaka');
    expect(source('quoted-name-angle.md')).toBe("O'Brien, Siobhan");
    expect(source('bare-email.md')).toBe('research@example.com');
    expect(source('name-with-parens.md')).toBe('Jane Doe (CoinDesk)');
    expect(l.byFile['name-angle-email.md'].sourceKey).toBe('dana-whitfield');
    expect(l.byFile['email-paren-name.md'].publishedAt).toBe(Date.parse('2025-11-03T16:05:00Z'));
    expect(titles(l, 'source:"carlos mendez"')).toEqual(['Regulators Publish Stablecoin Reserve Rules']);
    expect(titles(l, 'source:example')).toEqual(['Weekly Funding Rates Summary']);
  });
});

it('the address stays in the front matter the inspector shows', async () => {
  const l = await load('loader-more/rss-authors');
  expect(l.byFile['name-angle-email.md'].frontMatter.author).toBe('Dana Whitfield <dana.whitfield@example.com>');
});
