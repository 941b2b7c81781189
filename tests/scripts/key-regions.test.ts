// What the key-to-screen bench (scripts/bench/key-regions.mjs) reads as a key's answer and as the
// aggregates drawn after it, on screens shaped like the dashboard's at 120x40.
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ESM script of the bench, without type declarations.
import { countsRegion, dashboardRegion, unreadRegion } from '../../scripts/bench/key-regions.mjs';

const W = 60;
const rule = (left: string, right: string, fill: string) => left + fill.repeat(W - left.length - right.length) + right;
/** A dashboard screen: search line, list pane beside the article pane, status line. */
function screen(o: { query: string; position: number; matches: string; unread: string; rows: string[]; pulse: string; body?: string }): string {
  const title = rule(`╭─▶ Articles ${o.position}/${o.matches}`, '╮', '─');
  const pane = (text: string) => `│${text.padEnd(W - 2)}│`;
  const body = `│${(o.body ?? 'Arbor DAO Launches Index').padEnd(W - 2)}│`;
  const status = `${o.matches}/10,000 · ${o.unread} unread · query: ${o.query} · sort: relevance · typing`;
  return [
    `/ ${o.query}█`,
    title + rule('╭─Article', '╮', '─'),
    pane(o.pulse) + body,
    ...o.rows.map((r) => pane(r) + body),
    rule('╰', '╯', '─') + rule('╰', '╯', '─'),
    status.padEnd(2 * W - 6) + '? help',
  ].join('\n');
}
const base = { query: 'bitc', position: 1, matches: '3,059', unread: '3,059', rows: ['▶◆ Nov 14 Blockworks ▲ Bitcoin Developers', ' ◆ Nov 13 CoinDesk ● Bitcoin ETF'], pulse: '▲ 762 ● 1,512 ▼ 785' };

describe('key-to-screen regions', () => {
  it('a title whose stories fold the rows is masked the same way: position kept, both counts masked', () => {
    const folded = (t: string) => screen(base).replace(/╭─▶ Articles 1\/3,059─*╮/, (m) => rule(t, '╮', '─').slice(0, m.length));
    const a = dashboardRegion(folded('╭─▶ Stories 1/2,615 · 3,059 articles'));
    expect(a).toBe(dashboardRegion(folded('╭─▶ Stories 1/2,600 · 3,040 articles')));
    expect(a).not.toBe(dashboardRegion(folded('╭─▶ Stories 2/2,615 · 3,059 articles')));
    // Either count may read `counting…` while it is made: the rows are the key's answer already.
    expect(dashboardRegion(folded('╭─▶ Stories 1/counting… · counting… articles'))).toBe(a);
    expect(dashboardRegion(folded('╭─▶ Stories 1/2,615 · counting… articles'))).toBe(a);
    // The article count is an aggregate timed with the others.
    expect(countsRegion(folded('╭─▶ Stories 1/2,615 · counting… articles'))).not.toBe(countsRegion(folded('╭─▶ Stories 1/2,615 · 3,059 articles')));
    expect(countsRegion(folded('╭─▶ Stories 1/2,615 · 3,040 articles'))).not.toBe(countsRegion(folded('╭─▶ Stories 1/2,615 · 3,059 articles')));
  });
  it('a key is answered whatever the unread count, the match count or the pulse show', () => {
    const settled = dashboardRegion(screen(base));
    // The lower-bound count over the first hits, one cell wider, then a shorter match count.
    expect(dashboardRegion(screen({ ...base, unread: '1,000+' }))).toBe(settled);
    expect(dashboardRegion(screen({ ...base, matches: '942', unread: '9,889', pulse: '▲ 1 ● 2 ▼ 3' }))).toBe(settled);
    // The article pane follows later on purpose.
    expect(dashboardRegion(screen({ ...base, body: 'Another article' }))).toBe(settled);
    // `counting…` stands in the count's place while the exact one is coming (title and status line).
    expect(dashboardRegion(screen({ ...base, matches: 'counting…' }))).toBe(settled);
  });

  it('is not answered until the list, the cursor and the query are', () => {
    const settled = dashboardRegion(screen(base));
    expect(dashboardRegion(screen({ ...base, rows: [...base.rows].reverse() }))).not.toBe(settled);
    expect(dashboardRegion(screen({ ...base, position: 2 }))).not.toBe(settled);
    expect(dashboardRegion(screen({ ...base, query: 'bit' }))).not.toBe(settled);
  });

  it('times the counts with the pulse, and the unread count on its own', () => {
    const settled = screen(base);
    expect(countsRegion(screen({ ...base, unread: '1,000+' }))).toBe(countsRegion(settled));
    expect(countsRegion(screen({ ...base, matches: '1,000+' }))).not.toBe(countsRegion(settled));
    expect(countsRegion(screen({ ...base, matches: 'counting…' }))).not.toBe(countsRegion(settled));
    expect(countsRegion(screen({ ...base, pulse: '▲ 1 ● 2 ▼ 3' }))).not.toBe(countsRegion(settled));
    expect(unreadRegion(settled)).toBe('3,059');
    expect(unreadRegion(screen({ ...base, unread: '1,000+' }))).toBe('1,000+');
    expect(unreadRegion(screen({ ...base, matches: '942', pulse: '' }))).toBe('3,059');
  });
});
