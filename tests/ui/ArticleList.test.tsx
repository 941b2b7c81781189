import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/article.js';
import { ArticleList, sentimentMark, titleSegments, type ArticleListProps } from '../../src/ui/ArticleList.js';
import { article, hit, hits } from './factory.js';
import { maxWidth, rows } from './frame.js';

const NOW = Date.UTC(2025, 10, 14, 12);
const titles = [
  'Bitfarms Will Wind Down Bitcoin Mining',
  'ビットコイン価格が急騰、過去最高値を更新した理由とは何か',
  '🚀🚀 Solana 🌕 to the moon 🚀 emoji everywhere 🎉🎉🎉',
  'Ethereum upgrade ships',
];
const corpus: Article[] = titles.map((title, i) =>
  article(i, { title, sentiment: ['NEGATIVE', 'positive', 'Neutral', null][i], source: i === 1 ? 'コインテレグラフ・ジャパン' : 'Decrypt' }),
);

function props(over: Partial<ArticleListProps> = {}): ArticleListProps {
  return {
    hits: corpus.map((a) => hit(a.id)),
    start: 0,
    cursor: 0,
    article: (id) => corpus[id],
    width: 60,
    height: 10,
    now: NOW,
    multi: false,
    marked: new Set(),
    focused: true,
    emptyMessage: 'no matches for "xyz"',
    ...over,
  };
}

describe('ArticleList', () => {
  it('marks a pinned (sticky) article ↑ before its date, and writes minutes as min, never m (since:3m is months)', () => {
    const pinned = [article(0, { title: 'Pinned notice', stickyWeight: 5 }), article(1, { title: 'Fresh', publishedAt: NOW - 7 * 60_000 })];
    const out = rows(render(<ArticleList {...props({ hits: [hit(0), hit(1)], article: (id) => pinned[id] })} />).lastFrame());
    expect(out[0]).toMatch(/↑12h .*Pinned notice/);
    expect(out[1]).toMatch(/ 7min .*Fresh/);
    expect(out[1]).not.toContain('↑');
  });
  it('draws date, source, sentiment glyph and title per row, cursor marked with ▶', () => {
    const out = rows(render(<ArticleList {...props()} />).lastFrame());
    expect(out[0]).toMatch(/^▶ 12h Decrypt\s+▼ Bitfarms Will Wind Down/);
    expect(out[1]).toContain('▲');
    expect(out[2]).toContain('●');
    expect(out[3]).toMatch(/^  15h Decrypt\s+ {2}Ethereum/);
  });

  it.each([10, 14, 20, 27, 33, 40, 61, 80])('never overflows %d columns with CJK and emoji', (width) => {
    const frame = render(<ArticleList {...props({ width })} />).lastFrame();
    expect(maxWidth(frame)).toBeLessThanOrEqual(width);
    expect(rows(frame)).toHaveLength(10);
  });

  it('highlighting matches changes neither the text nor the width of a row', () => {
    // Colour is off under test (no TTY); the styled runs themselves are checked via titleSegments.
    for (const width of [20, 33, 60]) {
      const plain = render(<ArticleList {...props({ width, hits: [hit(1)] })} />).lastFrame();
      const lit = render(<ArticleList {...props({ width, hits: [hit(1, [[0, 3], [10, 14]])] })} />).lastFrame();
      expect(rows(lit)).toEqual(rows(plain));
    }
  });

  it('shows marked rows with ● in the gutter in multi mode', () => {
    const out = rows(render(<ArticleList {...props({ multi: true, marked: new Set([2]), cursor: 1 })} />).lastFrame());
    expect(out[2].slice(0, 2)).toBe(' ●');
    expect(out[1].slice(0, 2)).toBe('▶ ');
    expect(out[0].slice(0, 2)).toBe('  ');
  });

  it('shows a folded story marked in part with ◐', () => {
    const out = rows(render(<ArticleList {...props({ multi: true, marked: new Set([2]), partlyMarked: new Set([0]), cursor: 1 })} />).lastFrame());
    expect(out[0].slice(0, 2)).toBe(' ◐');
    expect(out[2].slice(0, 2)).toBe(' ●');
  });

  it('shows the empty message dimmed when there are no hits', () => {
    const out = rows(render(<ArticleList {...props({ hits: [] })} />).lastFrame());
    expect(out[0]).toBe('no matches for "xyz"');
  });

  it('renders only `height` rows of a 100k-hit window, fast', () => {
    const big = hits(100_000);
    // Only the rows on screen are looked up: the list's cost must not grow with the hit count.
    const looked = new Set<number>();
    const many = (id: number) => {
      looked.add(id);
      return article(id, { title: `Story number ${id}` });
    };
    const start = 50_000;
    const { lastFrame } = render(
      <ArticleList {...props({ hits: big.slice(start, start + 20), start, cursor: start + 3, article: many, height: 20 })} />,
    );
    const out = rows(lastFrame());
    expect(out).toHaveLength(20);
    expect(out[0]).toContain('Story number 50000');
    expect(out[3].startsWith('▶')).toBe(true);
    expect(looked.size).toBeLessThanOrEqual(40);
    expect([...looked].every((id) => id >= start - 20 && id < start + 40)).toBe(true);
  });
});

describe('titleSegments', () => {
  it.each([
    ['no matches', 'Hello', [], 10, [{ text: 'Hello', match: false }]],
    ['one range', 'Hello world', [[6, 10]], 20, [{ text: 'Hello ', match: false }, { text: 'world', match: true }]],
    ['cut inside a match', 'Hello world', [[6, 10]], 9, [{ text: 'Hello ', match: false }, { text: 'wo', match: true }, { text: '…', match: false }]],
    ['ranges past the end are ignored', 'Hi', [[5, 9]], 10, [{ text: 'Hi', match: false }]],
    ['no room', 'Hi', [], 0, []],
  ] as Array<[string, string, Array<[number, number]>, number, unknown]>)('%s', (_l, title, m, w, want) => {
    expect(titleSegments(title, m, w)).toEqual(want);
  });

  it('drops highlights when sanitising changed the title', () => {
    const segs = titleSegments('A\x1b[31mB', [[0, 0]], 20);
    expect(segs.every((s) => !s.match)).toBe(true);
    expect(segs.map((s) => s.text).join('')).not.toContain('\x1b');
  });
});

describe('sentimentMark', () => {
  it.each([
    ['NEGATIVE', '▼'],
    ['positive', '▲'],
    ['Bullish', '▲'],
    ['neutral', '●'],
    [null, ' '],
    ['weird', ' '],
  ])('%s -> %s', (s, glyph) => expect(sentimentMark(s).glyph).toBe(glyph));
});
