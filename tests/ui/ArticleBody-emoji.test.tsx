// A body with emoji shortcodes in the reading pane: drawn as written at first (gemoji's table is
// loaded on demand, site-syntax/emoji-shortcodes.ts), then again with the emoji once it is in.
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { ArticleBody } from '../../src/ui/ArticleBody.js';
import { makeArticle } from '../helpers/make-article.js';
import { eventually, rows } from './frame.js';

const now = Date.UTC(2025, 10, 14, 12);

describe('ArticleBody with emoji shortcodes', () => {
  it('draws the body again with the emoji once their table is loaded', async () => {
    const article = makeArticle({ title: 'Launch', source: 'Desk', publishedAt: now, body: 'Mainnet day :rocket: with :+1: from the team.' });
    const r = render(<ArticleBody article={article} width={60} height={8} scroll={0} focused now={now} />);
    await eventually(() => expect(rows(r.lastFrame()).join('\n')).toContain("Mainnet day 🚀 with 👍 from the team."), 20_000);
    expect(rows(r.lastFrame()).join('\n')).not.toContain(':rocket:');
    r.unmount();
  });
});
