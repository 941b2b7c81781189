import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { ArticleList, chipCount, type ArticleListProps } from '../../src/ui/ArticleList.js';
import { article, hit } from './factory.js';
import { maxWidth, rows } from './frame.js';

const NOW = Date.UTC(2025, 10, 14, 12);
const corpus = [
  article(0, { title: 'Solana and Ether rally as LINK jumps 9%', coinFields: ['BTC'] }),
  article(1, { title: 'One link to rule them all: gas fees fall' }),
];

function props(width: number): ArticleListProps {
  return {
    hits: corpus.map((a) => hit(a.id)),
    start: 0, cursor: 0, article: (id) => corpus[id], width, height: 4, now: NOW,
    multi: false, marked: new Set(), focused: true, emptyMessage: '',
  };
}

describe('ArticleList coin chips', () => {
  it('ends a row with its coins, most trusted first, and keeps ordinary words chip-free', () => {
    const out = rows(render(<ArticleList {...props(100)} />).lastFrame());
    expect(out[0]).toMatch(/ BTC SOL ETH$/);
    expect(out[1]).not.toMatch(/ (ONE|LINK|GAS)$/);
    expect(maxWidth(render(<ArticleList {...props(100)} />).lastFrame())).toBeLessThanOrEqual(100);
  });
  it('shows fewer chips on a narrow pane and never overflows it', () => {
    const frame = render(<ArticleList {...props(38)} />).lastFrame();
    expect(rows(frame)[0]).toMatch(/ BTC$/);
    expect(maxWidth(frame)).toBeLessThanOrEqual(38);
    expect(chipCount(10)).toBe(0);
  });
});
