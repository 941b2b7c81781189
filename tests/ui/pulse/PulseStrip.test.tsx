import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { Pulse } from '../../../src/core/pulse/index.js';
import { markColumns } from '../../../src/state/pulse-line.js';
import { initialState, reducer } from '../../../src/state/reducer.js';
import { layoutOf } from '../../../src/state/selectors.js';
import { PulseStrip } from '../../../src/ui/pulse/PulseStrip.js';
import { maxWidth, rows } from '../frame.js';

const PULSE: Pulse = {
  total: 100,
  sentiment: { positive: 34, neutral: 51, negative: 15, none: 0 },
  days: [1, 2, 5, 8, 3].map((count, i) => ({ day: `2026-11-0${i + 1}`, count })),
  unit: 'day',
  undated: 0,
  earlier: 0,
  sources: [{ value: 'decrypt', label: 'Decrypt', count: 40 }],
  tags: [{ value: 'mining', label: 'MINING', count: 12 }],
  coins: [{ value: 'BTC', label: 'BTC', count: 30 }],
};

describe('PulseStrip', () => {
  // The list pane's inner width at an 80-column terminal (38) and at 200 columns (68).
  it.each([38, 68])('draws the sentiment counts, bar and sparkline on one row within %d columns', (width) => {
    const frame = render(<PulseStrip pulse={PULSE} width={width} rows={1} focused={false} cursor={0} />).lastFrame();
    const [line] = rows(frame);
    expect(rows(frame)).toHaveLength(1);
    expect(line).toContain('▲ 34 ● 51 ▼ 15');
    expect(line).toMatch(/█+▒+░+/);
    expect(line).toContain('▂▃▅█▄');
    expect(maxWidth(frame)).toBeLessThanOrEqual(width);
  });
  it('keeps every sparkline bar when focused: the cursor\'s column comes from the sentiment bar (found by a tester at 80 columns)', () => {
    // Thirty days: more than fit, so the sparkline fills what the row leaves it.
    const month: Pulse = { ...PULSE, days: Array.from({ length: 30 }, (_, i) => ({ day: `2026-11-${String(i + 1).padStart(2, '0')}`, count: (i * 7) % 9 })) };
    const spark = (frame: string | undefined): string => /[▁▂▃▄▅▆▇█]+$/.exec(rows(frame)[0].trimEnd())![0];
    const bar = (frame: string | undefined): string => /[█▒░]+(?= )/.exec(rows(frame)[0])![0];
    const still = render(<PulseStrip pulse={month} width={38} rows={2} focused={false} cursor={0} />).lastFrame();
    const focused = render(<PulseStrip pulse={month} width={38} rows={2} focused cursor={0} />).lastFrame();
    expect(rows(focused)[0]).toContain('▸▲ 34');
    expect(spark(focused)).toBe(spark(still));
    expect(bar(focused).length).toBe(bar(still).length - 1);
    expect(maxWidth(focused)).toBeLessThanOrEqual(38);
  });
  it('adds the facets row with counts, the focused entry marked', () => {
    const frame = render(<PulseStrip pulse={PULSE} width={68} rows={2} focused cursor={4} />).lastFrame();
    expect(rows(frame)[1]).toContain('src Decrypt 40');
    expect(rows(frame)[1]).toContain('coin BTC 30');
    expect(rows(frame)[1]).toContain('▸MINING 12');
  });
  it('cuts a long source name with … so the tags and coins still show after it; an entry never outgrows the line (found by a tester)', () => {
    const long: Pulse = {
      ...PULSE,
      sources: [{ value: 'coindesk', label: 'CoinDesk', count: 2 }, { value: 'dana', label: 'Dana Whitfield-Montgomery, Senior Markets Correspondent', count: 1 }],
      tags: [{ value: 'btc', label: 'btc', count: 3 }, { value: 'markets', label: 'markets', count: 3 }],
      coins: [{ value: 'BTC', label: 'BTC', count: 3 }],
    };
    const facets = rows(render(<PulseStrip pulse={long} width={68} rows={2} focused={false} cursor={0} />).lastFrame())[1];
    expect(facets).toContain('src CoinDesk 2 Dana Whitfield-… 1 │ tag btc 3 markets 3 │ coin BTC 3');
    const single = { ...long, sources: [{ value: 'x', label: 'X'.repeat(75), count: 1 }] };
    expect(rows(render(<PulseStrip pulse={single} width={68} rows={2} focused={false} cursor={0} />).lastFrame())[1]).toContain(`src ${'X'.repeat(15)}… 1 │ tag btc 3`);
    // On a line narrower than the cap the cursor's entry is cut to fit, mark and count included.
    const narrow = rows(render(<PulseStrip pulse={single} width={12} rows={2} focused cursor={3} />).lastFrame())[1];
    expect(narrow).toMatch(/▸X+… 1/);
  });
  it('never repeats the sentiment counts on the facets row; the cursor on a sentiment marks it on the first row', () => {
    const frame = render(<PulseStrip pulse={PULSE} width={68} rows={2} focused cursor={1} />).lastFrame();
    const [summary, facets] = rows(frame);
    expect(facets).not.toMatch(/[▲●▼]/);
    expect(facets.trimStart().startsWith('src Decrypt 40')).toBe(true);
    expect(summary).toContain('▲ 34 ▸● 51 ▼ 15');
    expect(maxWidth(frame)).toBeLessThanOrEqual(68);
  });
  it('says a partial pulse is of the articles counted so far, before its counts, within the width', () => {
    for (const width of [38, 68]) {
      const frame = render(<PulseStrip pulse={{ ...PULSE, partial: { done: 412_000, n: 1_000_000 } }} width={width} rows={1} focused={false} cursor={0} />).lastFrame();
      expect(rows(frame)[0]).toContain('so far 41% ▲ 34 ● 51 ▼ 15');
      expect(maxWidth(frame)).toBeLessThanOrEqual(width);
    }
    expect(rows(render(<PulseStrip pulse={PULSE} width={68} rows={1} focused={false} cursor={0} />).lastFrame())[0]).not.toContain('so far');
  });
  it('says it is counting before the first pulse arrives', () => {
    expect(rows(render(<PulseStrip pulse={null} width={38} rows={1} focused={false} cursor={0} />).lastFrame())[0]).toContain('counting…');
    expect(rows(render(<PulseStrip pulse={null} width={38} rows={1} focused={false} cursor={0} grouping={7} />).lastFrame())[0]).toContain('counting… stories 7%');
  });
  it('says the stories are still being grouped before exact counts, within the width, and nothing once they are in', () => {
    // The widest counts a million articles give, in the list pane of an 80-column terminal (38).
    const big: Pulse = { ...PULSE, sentiment: { positive: 247_483, neutral: 494_828, negative: 247_754, none: 0 } };
    for (const width of [38, 68]) {
      const frame = render(<PulseStrip pulse={big} width={width} rows={1} focused={false} cursor={0} grouping={62} />).lastFrame();
      expect(rows(frame)[0]).toMatch(/^stories 62% ▲ 247,483 ● 494,828/);
      expect(maxWidth(frame)).toBeLessThanOrEqual(width);
    }
    expect(rows(render(<PulseStrip pulse={big} width={68} rows={1} focused={false} cursor={0} grouping={null} />).lastFrame())[0]).not.toContain('stories');
  });
  it('draws its counts after the mark where a click looks for them (one markColumns for both), cut marks included', () => {
    expect(markColumns(PULSE, 62, 68)).toBe('stories 62% '.length);
    expect(markColumns({ ...PULSE, partial: { done: 1, n: 4 } }, null, 68)).toBe('so far 25% '.length);
    expect(markColumns(PULSE, null, 68)).toBe(0);
    // Narrower than the mark: cut to the width with '…', as drawn.
    expect(markColumns(PULSE, 62, 5)).toBe(5);
    expect(rows(render(<PulseStrip pulse={PULSE} width={5} rows={1} focused={false} cursor={0} grouping={62} />).lastFrame())[0]).toBe('stor…');
    for (const [width, height] of [[80, 24], [120, 40], [200, 50]]) {
      for (const pulse of [PULSE, { ...PULSE, partial: { done: 412_000, n: 1_000_000 } }]) {
        let s = reducer(initialState({ width, height }), { type: 'results', hits: [{ id: 0, score: 0, titleMatches: [] }], total: 1, sort: 'date', query: '' });
        s = reducer(reducer(s, { type: 'grouping', percent: 62 }), { type: 'pulse', pulse, seq: s.resultsSeq });
        const rect = layoutOf(s).list;
        const summary = rows(render(<PulseStrip pulse={pulse} width={rect.width - 2} rows={1} focused={false} cursor={0} grouping={62} />).lastFrame())[0];
        // Every glyph before the counts is one column wide, so the string index is the column.
        const col = summary.indexOf('▼');
        expect(col).toBeGreaterThan(markColumns(pulse, 62, rect.width - 2));
        expect(reducer(s, { type: 'click', x: rect.x + 1 + col, y: rect.y + 1 }).query).toBe('sentiment:negative');
      }
    }
  });
});
