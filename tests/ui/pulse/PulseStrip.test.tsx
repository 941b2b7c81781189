import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { Pulse } from '../../../src/core/pulse/index.js';
import { PulseStrip } from '../../../src/ui/pulse/PulseStrip.js';
import { maxWidth, rows } from '../frame.js';

const PULSE: Pulse = {
  total: 100,
  sentiment: { positive: 34, neutral: 51, negative: 15, none: 0 },
  days: [1, 2, 5, 8, 3].map((count, i) => ({ day: `2026-11-0${i + 1}`, count })),
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
  it('adds the facets row with counts, the focused entry marked', () => {
    const frame = render(<PulseStrip pulse={PULSE} width={68} rows={2} focused cursor={4} />).lastFrame();
    expect(rows(frame)[1]).toContain('src Decrypt 40');
    expect(rows(frame)[1]).toContain('coin BTC 30');
    expect(rows(frame)[1]).toContain('▸MINING 12');
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
});
