import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { inspectorRows } from '../../src/core/render/inspector-tree.js';
import { lineWidth } from '../../src/core/render/spans.js';
import { Inspector, inspectorView } from '../../src/ui/Inspector.js';
import { makeArticle } from '../helpers/make-article.js';
import { rows } from './frame.js';

const article = makeArticle({
  frontMatter: {
    title: 'Bitfarms Will Wind Down Bitcoin Mining and Pivot to AI',
    source: { name: 'Decrypt', key: 'decrypt', type: 'RSS' },
    coverImage: { raw: 'https://img/raw', full: 'https://img/full', small: 'https://img/small', thumb: 'https://img/thumb' },
    tags: ['BTC', '比特币'],
  },
  notes: ['date guessed from file time'],
});
const none = new Set<string>();

function draw(props: Partial<Parameters<typeof Inspector>[0]> = {}) {
  const r = render(<Inspector article={article} width={40} height={10} cursor={0} expanded={none} focused {...props} />);
  const raw = r.lastFrame() ?? '';
  r.unmount();
  return { raw, out: rows(raw) };
}

describe('Inspector', () => {
  it('draws the tree with fold glyphs and indentation', () => {
    const { out } = draw({ height: 20 });
    expect(out[0]).toMatch(/^▶ {2}title: Bitfarms/);
    expect(out).toContain(' ▾ source: {3 keys}');
    expect(out).toContain('     name: Decrypt');
    expect(out).toContain(' ▸ coverImage: {4 keys}');
    expect(out.some((r) => r.startsWith(' ─ file ─'))).toBe(true);
    expect(out).toContain('   note: date guessed from file time');
  });

  it('shows unfolded children when their key is in the expanded set', () => {
    const { out } = draw({ height: 20, expanded: new Set(['coverImage']) });
    expect(out).toContain(' ▾ coverImage: {4 keys}');
    expect(out).toContain('     thumb: https://img/thumb');
  });

  it('is exactly height rows and cuts rows to the width', () => {
    const { out } = draw({ width: 24, height: 6, focused: false });
    expect(out).toHaveLength(6);
    for (const row of out) expect(stringWidth(row)).toBeLessThanOrEqual(24);
    expect(out[0]).toContain('…');
  });

  it('marks the cursor row in the gutter only when focused, so it shows without colour too', () => {
    const focused = draw({ cursor: 1, height: 6 }).out;
    expect(focused.filter((r) => r.startsWith('▶'))).toEqual([focused[1]]);
    expect(draw({ cursor: 1, height: 6, focused: false }).out.some((r) => r.includes('▶'))).toBe(false);
  });

  it('wraps the cursor row whole under its prefix when its value is longer than the pane', () => {
    const { out } = draw({ width: 24, height: 6 });
    expect(out).toHaveLength(6);
    for (const row of out) expect(stringWidth(row)).toBeLessThanOrEqual(24);
    // Every word of the title, none cut with …, the wrapped lines under the label.
    const title = out.slice(0, 4).join(' ').replace(/\s+/g, ' ');
    expect(title).toContain('title: Bitfarms Will Wind Down Bitcoin Mining and Pivot to AI');
    expect(out.slice(0, 4).join('')).not.toContain('…');
    expect(out[1]).toMatch(/^ {3}\S/);
    // The rows after it follow, uncut by the wrap.
    expect(out.some((r) => r.startsWith(' ▾ source'))).toBe(true);
  });

  it('keeps every wrapped line of the cursor row on screen, scrolling as far as needed', () => {
    const all = inspectorRows(article, none);
    const view = inspectorView(all, 24, 4, 0, true, 0);
    expect(view.rows.filter((r) => r.inverse).length).toBeGreaterThan(1);
    // At the bottom of a short pane the view scrolls so that the cursor's last line shows.
    const wide = makeArticle({ frontMatter: { title: 'x', description: 'a long description that needs several rows to be read whole' } });
    const rowsOf = inspectorRows(wide, none);
    const at = rowsOf.findIndex((r) => r.label === 'description');
    const v = inspectorView(rowsOf, 24, 3, at, true, 0);
    expect(v.rows).toHaveLength(3);
    expect(v.rows.at(-1)?.inverse).toBe(true);
    const shown = v.rows.filter((r) => r.inverse).map((r) => r.line.map((sp) => sp.text).join('')).join(' ');
    expect(shown).toContain('…');
    expect(shown).toMatch(/description: a long/);
  });

  it('highlights the cursor row, padded to the width, only when focused', () => {
    const all = inspectorRows(article, none);
    const focused = inspectorView(all, 30, 5, 1, true, 0);
    expect(focused.rows.map((r) => r.inverse)).toEqual([false, true, false, false, false]);
    expect(lineWidth(focused.rows[1].line)).toBe(30);
    expect(inspectorView(all, 30, 5, 1, false, 0).rows.some((r) => r.inverse)).toBe(false);
  });

  it('scrolls only as far as needed from the previous position', () => {
    const all = inspectorRows(article, none);
    expect(inspectorView(all, 30, 4, 5, true, 0).top).toBe(2);
    expect(inspectorView(all, 30, 4, 5, true, 3).top).toBe(3);
    expect(inspectorView(all, 30, 4, 1, true, 3).top).toBe(1);
  });

  it('scrolls to keep the cursor on screen', () => {
    const all = inspectorRows(article, none);
    const last = all.length - 1;
    const { out } = draw({ height: 4, cursor: last });
    expect(out[3]).toContain(all[last].value);
  });

  it('says so when no article is selected', () => {
    const { out } = draw({ article: null, height: 2 });
    expect(out[0]).toContain('No article selected');
    expect(out).toHaveLength(2);
  });

  it('says opening… while a selected row\'s article is still being read', () => {
    const { out } = draw({ article: null, height: 2, pending: true });
    expect(out[0]).toContain('opening…');
    expect(out.join('')).not.toContain('No article selected');
  });
});
