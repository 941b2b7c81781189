// The pulse strip's facets line shares its width among sources, tags and coins (state/pulse-line.ts).
import { describe, expect, it } from 'vitest';
import type { Pulse } from '../../src/core/pulse/index.js';
import { entryAt, pulseEntries, pulseParts } from '../../src/state/pulse-line.js';

const facet = (label: string, count: number) => ({ value: label.toLowerCase(), label, count });
// The bundled corpus's top five of each, as the list pane at 200 columns (68 inside) got them.
const PULSE: Pulse = {
  total: 75,
  sentiment: { positive: 27, neutral: 25, negative: 17, none: 6 },
  days: [{ day: '2026-11-01', count: 75 }],
  unit: 'day',
  undated: 0,
  earlier: 0,
  sources: [facet('Decrypt', 10), facet('The Block', 9), facet('Blockworks', 8), facet('CoinDesk', 8), facet('Cointelegraph', 7)],
  tags: [facet('bitcoin', 20), facet('etf', 9), facet('defi', 8), facet('regulation', 7), facet('mining', 6)],
  coins: [facet('BTC', 30), facet('ETH', 14), facet('SOL', 6), facet('XRP', 3), facet('DOGE', 2)],
};
const text = (width: number, cursor = -1) => pulseParts(pulseEntries(PULSE), width, cursor).map((p) => p.text).join('');

describe('the facets line', () => {
  it('shows sources, tags and coins at the list pane’s width beside two other panes (68 columns), not five sources alone', () => {
    expect(text(68)).toBe('src Decrypt 10 The Block 9 │ tag bitcoin 20 etf 9 │ coin BTC 30');
  });
  it('gives each group its next entry in turn as the line widens, and every entry once they all fit', () => {
    expect(text(90)).toBe('src Decrypt 10 The Block 9 Blockworks 8 │ tag bitcoin 20 etf 9 defi 8 │ coin BTC 30 ETH 14');
    const all = text(300);
    for (const e of pulseEntries(PULSE).slice(3)) expect(all).toContain(`${e.label} ${e.count}`);
  });
  it('cuts labels shorter when even one entry per group does not fit, before dropping a group', () => {
    expect(text(40)).toMatch(/^src .+ │ tag .+ │ coin .+$/);
    expect(text(40).length).toBeLessThanOrEqual(40);
  });
  it('keeps the cursor’s entry in its group’s share, and scrolls to one the shares leave out', () => {
    const entries = pulseEntries(PULSE);
    const etf = entries.findIndex((e) => e.label === 'etf');
    expect(text(68, etf)).toBe('src Decrypt 10 The Block 9 │ tag bitcoin 20 ▸etf 9 │ coin BTC 30');
    const cointelegraph = entries.findIndex((e) => e.label === 'Cointelegraph');
    const parts = pulseParts(entries, 68, cointelegraph);
    expect(entryAt(parts, parts.find((p) => p.index === cointelegraph)!.start)).toBe(cointelegraph);
    expect(parts.map((p) => p.text).join('').length).toBeLessThanOrEqual(68);
  });
});
