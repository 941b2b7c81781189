import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { headerLines } from '../../src/core/render/article-header.js';
import { renderMarkdown } from '../../src/core/render/markdown.js';
import { alsoLines, ArticleBody, bodyLineCount, bodyTitle } from '../../src/ui/ArticleBody.js';
import { lineText, lineWidth } from '../../src/core/render/spans.js';
import { makeArticle } from '../helpers/make-article.js';
import { rows } from './frame.js';

const now = Date.UTC(2025, 10, 14, 12);
const body = Array.from({ length: 40 }, (_, i) => `Paragraph number ${i} of the story.`).join('\n\n');
const article = makeArticle({
  title: 'Bitfarms Will Wind Down Bitcoin Mining',
  source: 'Decrypt',
  publishedAt: now - 3 * 3_600_000,
  tags: ['BTC', 'MINING'],
  sentiment: 'NEGATIVE',
  body,
});

function frame(props: Partial<Parameters<typeof ArticleBody>[0]> = {}) {
  const r = render(<ArticleBody article={article} width={60} height={12} scroll={0} focused now={now} {...props} />);
  const out = rows(r.lastFrame());
  r.unmount();
  return out;
}

describe('ArticleBody', () => {
  it('shows the header: title, source, relative date, tags and sentiment', () => {
    const out = frame();
    expect(out[0]).toContain('Bitfarms Will Wind Down Bitcoin Mining');
    expect(out[1]).toContain('Decrypt');
    expect(out[1]).toContain('3h ago');
    expect(out[2]).toContain('#BTC #MINING');
    expect(out[2]).toContain('▼');
    expect(out[2]).toMatch(/▼\s*NEGATIVE/);
    expect(out[4]).toContain('Paragraph number 0');
  });

  it('is exactly height rows tall', () => {
    expect(frame({ height: 12 })).toHaveLength(12);
    expect(frame({ article: makeArticle({ body: 'short' }), height: 9 })).toHaveLength(9);
  });

  it('scrolls the content by `scroll` rows', () => {
    const out = frame({ scroll: 6 });
    expect(out.join('\n')).not.toContain('Bitfarms');
    expect(out[0]).toContain('Paragraph number 1');
  });

  it('clamps a scroll past the end to the last page', () => {
    const out = frame({ scroll: 10_000 });
    expect(out[out.length - 1]).toContain('Paragraph number 39');
  });

  it('never draws wider than the width, even with CJK and emoji titles at width 30', () => {
    const wide = makeArticle({ title: '比特币挖矿公司宣布转型人工智能 🚀🚀 Bitfarms 🌕', tags: ['比特币', 'AI'], body: '日本語の本文です。'.repeat(20) + '\n\n😀 emoji '.repeat(10) });
    const out = frame({ article: wide, width: 30, height: 20 });
    for (const row of out) expect(stringWidth(row)).toBeLessThanOrEqual(30);
    expect(out.join('')).toContain('比特币');
  });

  it('says so when no article is selected', () => {
    const out = frame({ article: null, height: 3 });
    expect(out[0]).toContain('No article selected');
    expect(out).toHaveLength(3);
  });

  it('says opening…, not "No article selected", while a selected row\'s article is still being read', () => {
    const out = frame({ article: null, height: 3, pending: true });
    expect(out[0]).toContain('opening…');
    expect(out.join('')).not.toContain('No article selected');
  });

  it('counts header and body rows for scroll bounds', () => {
    expect(bodyLineCount(article, 60)).toBe(headerLines(article, 60, now).length + renderMarkdown(body, 60).lines.length);
    expect(bodyLineCount(article, 30)).toBeGreaterThan(bodyLineCount(article, 60));
  });
});

describe('alsoLines', () => {
  it('wraps the title of each other outlet in a narrow pane, never cutting it', () => {
    const title = 'Hackers Drain $63 Million From Ostrava Markets Hot Wallet';
    const lines = alsoLines([{ source: 'CoinDesk', title }], 30);
    for (const l of lines) expect(lineWidth(l)).toBeLessThanOrEqual(30);
    const text = lines.map(lineText).join(' ').replace(/\s+/g, ' ');
    expect(text).toContain('CoinDesk');
    expect(text).toContain(title);
    expect(text).not.toContain('…');
  });
});

describe('bodyTitle', () => {
  it('names the pane, with the read position when an article is shown', () => {
    expect(bodyTitle(null)).toBe('Article');
    expect(bodyTitle(42)).toBe('Article · 42%');
    expect(bodyTitle(100)).toBe('Article · 100%');
  });
});
