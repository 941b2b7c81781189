// A body with emoji shortcodes in the reading pane: drawn as written at first (gemoji's table is
// loaded on demand, site-syntax/emoji-shortcodes.ts), then with the emoji once the shown article's
// `drawn` count changes (use-shown-article.ts bumps it when the table is in, and measures again).
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { shortcodesPending } from '../../src/core/render/index.js';
import { ArticleBody } from '../../src/ui/ArticleBody.js';
import { makeArticle } from '../helpers/make-article.js';
import { eventually, rows } from './frame.js';

const now = Date.UTC(2025, 10, 14, 12);

describe('ArticleBody with emoji shortcodes', () => {
  it('draws the body again with the emoji when told the renderer changed', async () => {
    const article = makeArticle({ title: 'Launch', source: 'Desk', publishedAt: now, body: 'Mainnet day :rocket: with :+1: from the team.' });
    const pending = shortcodesPending(article.body);
    expect(pending).not.toBeNull();
    const r = render(<ArticleBody article={article} width={60} height={8} scroll={0} focused now={now} drawn={0} />);
    expect(rows(r.lastFrame()).join('\n')).toContain('Mainnet day :rocket: with :+1:');
    await pending;
    r.rerender(<ArticleBody article={article} width={60} height={8} scroll={0} focused now={now} drawn={1} />);
    await eventually(() => expect(rows(r.lastFrame()).join('\n')).toContain('Mainnet day 🚀 with 👍 from the team.'), 20_000);
    expect(rows(r.lastFrame()).join('\n')).not.toContain(':rocket:');
    r.unmount();
  });
});
