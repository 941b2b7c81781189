import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Pulse } from '../../src/core/pulse/index.js';
import type { Hit } from '../../src/core/search/search.js';
import { addTerm, entryAt, entryTerm, groupingPercent, partialMark, pulseEntries, pulseParts } from '../../src/state/pulse-line.js';
import { initialState, reducer, type AppState } from '../../src/state/reducer.js';
import { listPosition } from '../../src/state/selectors.js';
import { foldedMembers, foldRows, partlyMarked, type StoryView } from '../../src/state/story-rows.js';

const hit = (id: number): Hit => ({ id, score: 0, titleMatches: [] });
// Articles 0..5: 1, 3 and 4 are one story (named by 3, its earliest); 2 and 5 another (named 5).
const stories: StoryView = { story: [0, 3, 5, 3, 3, 5], size: [1, 3, 2, 3, 3, 2] };
const raw = [0, 1, 2, 3, 4, 5].map(hit);

describe('foldRows', () => {
  it('gives a story one row, its earliest article, where its best-ranked article was', () => {
    const f = foldRows(raw, stories, new Set());
    expect(f.hits.map((h) => h.id)).toEqual([0, 3, 5]);
    expect(f.info.get(3)).toEqual({ story: 3, others: 2, open: false, child: false, placedBy: 1 });
    expect(f.info.has(0)).toBe(false);
    // The row after the folded story of three stands at the fifth of the six articles.
    expect([...f.ordinals!]).toEqual([1, 2, 5]);
    expect(listPosition({ hits: f.hits, cursor: 2, rowOrdinals: f.ordinals })).toBe(5);
    expect(listPosition({ hits: raw, cursor: 2, rowOrdinals: null })).toBe(3);
    expect(listPosition({ hits: [], cursor: 0, rowOrdinals: null })).toBe(0);
  });
  it('lists an unfolded story’s other articles under its row', () => {
    const f = foldRows(raw, stories, new Set([3]));
    expect(f.hits.map((h) => h.id)).toEqual([0, 3, 1, 4, 5]);
    expect(f.info.get(1)).toMatchObject({ child: true, story: 3 });
  });
  it('shows an unfolded story whose query leaves only its lead as folded (+2), open again when more match', () => {
    // Found by a tester: `▾2` stood over nothing once a query left only the story's lead.
    const only = foldRows([hit(0), hit(3)], stories, new Set([3]));
    expect(only.info.get(3)).toEqual({ story: 3, others: 2, open: false, child: false, placedBy: 3 });
    expect(foldRows(raw, stories, new Set([3])).info.get(3)).toMatchObject({ open: true });
  });

  it('folds any result as grouping every hit by story in result order would', () => {
    // The plain statement of the rule: a group per story (an article alone in its story is its
    // own), in the order each group first appears; an article of a bigger story is a row for the
    // story (its scoop, +N for the story's other articles), with its articles below when open.
    const reference = (hits: readonly Hit[], view: StoryView, unfolded: ReadonlySet<number>) => {
      const groups = new Map<number, Hit[]>();
      for (const h of hits) {
        const key = (view.size[h.id] ?? 1) > 1 ? view.story[h.id] : -1 - h.id;
        groups.set(key, [...(groups.get(key) ?? []), h]);
      }
      const ids: number[] = [];
      const ordinals: number[] = [];
      let articles = 0;
      const info: Array<[number, { story: number; others: number; open: boolean; child: boolean; placedBy: number }]> = [];
      for (const [key, g] of groups) {
        const size = view.size[g[0].id] ?? 1;
        if (size <= 1) {
          ids.push(g[0].id);
          ordinals.push(++articles);
          continue;
        }
        const lead = g.find((h) => h.id === key) ?? g[0];
        // Open only with another of its articles in the result to show under it.
        const open = unfolded.has(key) && g.length > 1;
        ids.push(lead.id);
        ordinals.push(articles + 1);
        articles += open ? 1 : g.length;
        info.push([lead.id, { story: key, others: Math.max(size, g.length) - 1, open, child: false, placedBy: g[0].id }]);
        if (open) for (const h of g.filter((m) => m !== lead)) (ids.push(h.id), ordinals.push(++articles), info.push([h.id, { story: key, others: 0, open, child: true, placedBy: h.id }]));
      }
      return { ids, info: new Map(info), ordinals, articles };
    };
    const n = 12;
    const view = fc.array(fc.integer({ min: 0, max: n - 1 }), { minLength: n, maxLength: n }).map((of): StoryView => {
      // Each article's story is named by its earliest member; sizes count the members.
      const story = of.map((s, id) => Math.min(id, of.findIndex((t) => t === s)));
      return { story, size: story.map((s) => story.filter((t) => t === s).length) };
    });
    fc.assert(
      fc.property(view, fc.shuffledSubarray([...Array(n).keys()]), fc.subarray([...Array(n).keys()]), (v, ids, open) => {
        const hits = ids.map(hit);
        const f = foldRows(hits, v, new Set(open));
        const r = reference(hits, v, new Set(open));
        expect(f.hits.map((h) => h.id)).toEqual(r.ids);
        expect(f.info).toEqual(r.info);
        // Every article of the result is counted once: the rows' places end at the result's size.
        expect(r.articles).toBe(hits.length);
        expect(f.ordinals ? [...f.ordinals] : r.ids.map((_, i) => i + 1)).toEqual(r.ordinals);
      }),
      { numRuns: 2000 },
    );
  });
  it('gives a story the same +N whatever part of it the loaded rows hold, and leaves the flat list without stories', () => {
    // The list holds a window of the matches: the whole story, two of its three articles, or one.
    const whole = foldRows(raw, stories, new Set()).info.get(3)!.others;
    expect(whole).toBe(2);
    expect(foldRows([hit(1), hit(4)], stories, new Set()).info.get(1)).toMatchObject({ others: whole });
    expect(foldRows([hit(0), hit(4)], stories, new Set()).info.get(4)).toMatchObject({ others: whole, open: false, child: false });
    expect(foldRows([hit(0)], stories, new Set()).info.size).toBe(0);
    expect(foldRows(raw, null, new Set()).hits).toBe(raw);
  });
});

function withResults(over: Partial<AppState> = {}): AppState {
  const s = reducer({ ...initialState({ width: 80, height: 24 }), ...over }, { type: 'results', hits: raw, total: 6, sort: 'date', query: '', stories });
  return s;
}

describe('story folding in the list', () => {
  it('unfolds with → on a story row and folds back with ← from one of its articles', () => {
    let s = withResults();
    expect(s.hits.map((h) => h.id)).toEqual([0, 3, 5]);
    s = reducer(s, { type: 'command', command: 'down' });
    s = reducer(s, { type: 'command', command: 'unfold' });
    expect(s.hits.map((h) => h.id)).toEqual([0, 3, 1, 4, 5]);
    expect(s.selectedId).toBe(3);
    s = reducer(s, { type: 'command', command: 'down' });
    expect(s.selectedId).toBe(1);
    s = reducer(s, { type: 'command', command: 'fold' });
    expect(s.hits.map((h) => h.id)).toEqual([0, 3, 5]);
    expect(s.selectedId).toBe(3);
  });
  it('does not unfold a story none of whose other articles is in the result, and says why', () => {
    let s = reducer(initialState({ width: 80, height: 24 }), { type: 'results', hits: [hit(0), hit(4)], total: 2, sort: 'date', query: 'x', stories });
    s = reducer(s, { type: 'command', command: 'down' });
    expect(s.selectedId).toBe(4);
    s = reducer(s, { type: 'command', command: 'unfold' });
    expect(s.hits.map((h) => h.id)).toEqual([0, 4]);
    expect(s.rowInfo.get(4)).toMatchObject({ open: false, others: 2 });
    expect(s.message).toMatch(/other 2 articles are not in this result/);
    // A result the list holds only the first rows of: they may be further down.
    let w = reducer(initialState({ width: 80, height: 24 }), { type: 'results', hits: [hit(0), hit(4)], total: 5000, sort: 'date', query: '', stories });
    w = reducer(reducer(w, { type: 'command', command: 'down' }), { type: 'command', command: 'unfold' });
    expect(w.message).toBe("the story's other 2 articles are not among the 2 rows loaded (the body lists them)");
  });
  it('keeps a story unfolded across new results and ignores fold keys on a lone article', () => {
    let s = reducer(withResults(), { type: 'command', command: 'down' });
    s = reducer(s, { type: 'command', command: 'unfold' });
    s = reducer(s, { type: 'results', hits: [...raw].reverse(), total: 6, sort: 'date', query: 'x', stories });
    expect(s.hits.map((h) => h.id)).toEqual([5, 3, 4, 1, 0]);
    const top = reducer(withResults(), { type: 'command', command: 'unfold' });
    expect(top.hits.map((h) => h.id)).toEqual([0, 3, 5]);
  });
});

const PULSE: Pulse = {
  total: 6,
  sentiment: { positive: 3, neutral: 2, negative: 1, none: 0 },
  days: [{ day: '2026-11-01', count: 6 }],
  unit: 'day',
  undated: 0,
  earlier: 0,
  sources: [{ value: 'the-block', label: 'The Block', count: 4 }],
  tags: [{ value: 'layer 2', label: 'Layer 2', count: 2 }, { value: 'mining', label: 'MINING', count: 1 }],
  coins: [{ value: 'BTC', label: 'BTC', count: 2 }],
};

describe('the pulse strip', () => {
  it('offers sentiments, sources, tags and coins as query terms', () => {
    const entries = pulseEntries(PULSE);
    expect(entries.map((e) => entryTerm(e))).toEqual(['sentiment:positive', 'sentiment:neutral', 'sentiment:negative', 'source:the-block', 'tag:"layer 2"', 'tag:mining', 'coin:btc']);
    expect(addTerm('bitcoin', entries[5], true)).toBe('bitcoin -tag:mining');
    expect(addTerm('tag:mining', entries[5], false)).toBe('tag:mining');
  });
  it('lays entries out on their lines and finds the one under a column', () => {
    const parts = pulseParts(pulseEntries(PULSE), 80);
    const mining = parts.find((p) => p.text.startsWith('MINING'))!;
    expect(entryAt(parts, mining.start)).toBe(5);
    // The facets line starts with the sources; the sentiments are on the summary line only.
    expect(entryAt(parts, 0)).toBe(null);
    expect(parts.find((p) => p.index !== null)?.index).toBe(3);
    expect(parts.some((p) => p.index !== null && p.index < 3)).toBe(false);
    const summary = pulseParts(pulseEntries(PULSE), 80, -1, 'summary');
    expect(summary.map((p) => p.text).join('')).toBe('▲ 3 ● 2 ▼ 1');
    expect(entryAt(summary, 0)).toBe(0);
    expect(entryAt(summary, summary.find((p) => p.text === '▼ 1')!.start)).toBe(2);
    expect(parts.reduce((w, p) => w + p.text.length, 0)).toBeLessThanOrEqual(80);
    // Scrolled so the cursor's entry shows on a narrow line.
    expect(pulseParts(pulseEntries(PULSE), 20, 6).some((p) => p.index === 6)).toBe(true);
  });
  it('f focuses it, → moves, Enter adds the entry, - its negation; a stale pulse is dropped', () => {
    let s = withResults();
    s = reducer(s, { type: 'pulse', pulse: PULSE, seq: s.resultsSeq - 1 });
    expect(s.pulse).toBeNull();
    s = reducer(s, { type: 'pulse', pulse: PULSE, seq: s.resultsSeq });
    s = reducer(s, { type: 'command', command: 'focusPulse' });
    expect(s.mode).toBe('pulse');
    for (let i = 0; i < 5; i++) s = reducer(s, { type: 'command', command: 'pulseNext' });
    s = reducer(s, { type: 'command', command: 'pulseAdd' });
    expect(s).toMatchObject({ mode: 'browse', query: 'tag:mining' });
    s = reducer(reducer(s, { type: 'command', command: 'focusPulse' }), { type: 'command', command: 'pulseExclude' });
    expect(s.query).toBe('tag:mining -tag:mining');
  });
  it('a click on an entry acts as Enter on it (the facets line shows from 140 columns)', () => {
    let s = withResults({ width: 200, height: 50 });
    s = reducer(s, { type: 'pulse', pulse: PULSE, seq: s.resultsSeq });
    const parts = pulseParts(pulseEntries(PULSE), 68);
    const mining = parts.find((p) => p.text.startsWith('MINING'))!;
    // Row 3 of the screen (0-based y 2... the list pane starts at y 1: border, summary, facets).
    s = reducer(s, { type: 'click', x: 1 + mining.start, y: 3 });
    expect(s.query).toBe('tag:mining');
    // A click on a sentiment count of the summary line (y 2) adds it too.
    s = reducer(s, { type: 'pulse', pulse: PULSE, seq: s.resultsSeq });
    const neutral = pulseParts(pulseEntries(PULSE), 68, -1, 'summary').find((p) => p.text === '● 2')!;
    s = reducer(s, { type: 'click', x: 1 + neutral.start, y: 2 });
    expect(s.query).toBe('tag:mining sentiment:neutral');
  });
  it('says how far the stories are grouped before the counts, and a click still finds the entry drawn there', () => {
    expect(groupingPercent(null)).toBeNull();
    expect(groupingPercent({ done: 10, n: 10, grouped: false })).toBeNull();
    expect(groupingPercent({ done: 10, n: 10, grouped: false, stories: { done: 0, n: 8 } })).toBe(0);
    expect(groupingPercent({ done: 10, n: 10, grouped: false, stories: { done: 5, n: 8 } })).toBe(62);
    expect(groupingPercent({ done: 10, n: 10, grouped: false, stories: { done: 0, n: 0 } })).toBe(0);
    expect(partialMark(PULSE, 62)).toBe('stories 62% ');
    expect(partialMark(PULSE, null)).toBe('');
    // A partial pulse says how much of the folder it counts: that comes first.
    expect(partialMark({ ...PULSE, partial: { done: 1, n: 4 } }, 62)).toBe('so far 25% ');
    let s = reducer(withResults({ width: 200, height: 50 }), { type: 'grouping', percent: 62 });
    expect(s.grouping).toBe(62);
    s = reducer(s, { type: 'pulse', pulse: PULSE, seq: s.resultsSeq });
    const negative = pulseParts(pulseEntries(PULSE), 68 - 'stories 62% '.length, -1, 'summary').find((p) => p.text === '▼ 1')!;
    s = reducer(s, { type: 'click', x: 1 + 'stories 62% '.length + negative.start, y: 2 });
    expect(s.query).toBe('sentiment:negative');
    expect(reducer(s, { type: 'grouping', percent: null }).grouping).toBeNull();
  });
  it('Esc after adding an entry goes back: the query before it, the strip focused on that entry', () => {
    let s = withResults({ query: 'bitcoin' });
    s = reducer(s, { type: 'pulse', pulse: PULSE, seq: s.resultsSeq });
    s = reducer(s, { type: 'command', command: 'focusPulse' });
    for (let i = 0; i < 5; i++) s = reducer(s, { type: 'command', command: 'pulseNext' });
    s = reducer(s, { type: 'command', command: 'pulseAdd' });
    expect(s).toMatchObject({ mode: 'browse', query: 'bitcoin tag:mining' });
    s = reducer(s, { type: 'command', command: 'back' });
    expect(s).toMatchObject({ mode: 'pulse', query: 'bitcoin', pulseCursor: 5, outcome: null });
    // Esc again leaves the strip, and once more (nothing to go back to) cancels as always.
    s = reducer(s, { type: 'command', command: 'leavePulse' });
    expect(s.mode).toBe('browse');
    s = reducer(s, { type: 'command', command: 'back' });
    expect(s.outcome).toEqual({ kind: 'cancelled' });
  });
  it('Esc cancels as usual once the query was edited after adding an entry', () => {
    let s = withResults();
    s = reducer(s, { type: 'pulse', pulse: PULSE, seq: s.resultsSeq });
    s = reducer(reducer(s, { type: 'command', command: 'focusPulse' }), { type: 'command', command: 'pulseAdd' });
    expect(s.query).toBe('sentiment:positive');
    s = reducer(s, { type: 'command', command: 'clearQuery' });
    s = reducer(s, { type: 'command', command: 'back' });
    expect(s.outcome).toEqual({ kind: 'cancelled' });
  });
});

describe('m and * on a folded story row', () => {
  const effectOf = (s: AppState, command: 'toggleRead' | 'toggleSaved') => reducer(s, { type: 'command', command }).effects;
  it('act on every article of the story in the result, lead first', () => {
    const s = reducer(withResults(), { type: 'command', command: 'down' });
    expect(s.selectedId).toBe(3);
    expect(effectOf(s, 'toggleRead')).toEqual([{ kind: 'toggleRead', ids: [3, 1, 4] }]);
    expect(effectOf(s, 'toggleSaved')).toEqual([{ kind: 'toggleSaved', ids: [3, 1, 4] }]);
  });
  it('act on one article once the story is open, and on a lone article alone', () => {
    let s = reducer(withResults(), { type: 'command', command: 'down' });
    s = reducer(s, { type: 'command', command: 'unfold' });
    expect(effectOf(s, 'toggleRead')).toEqual([{ kind: 'toggleRead', ids: [3] }]);
    expect(effectOf(reducer(s, { type: 'command', command: 'down' }), 'toggleRead')).toEqual([{ kind: 'toggleRead', ids: [1] }]);
    expect(effectOf(withResults(), 'toggleRead')).toEqual([{ kind: 'toggleRead', ids: [0] }]);
  });
  it('with --multi a marked folded row brings its whole story', () => {
    let s = withResults({ multi: true });
    s = reducer(s, { type: 'command', command: 'mark' });
    s = reducer(s, { type: 'command', command: 'mark' });
    expect(effectOf(s, 'toggleRead')).toEqual([{ kind: 'toggleRead', ids: [0, 3, 1, 4] }]);
  });
  it('with --multi Space on a folded row marks every article of its story in the result, and again unmarks them', () => {
    // Found by a tester: Space marked the scoop alone, and Enter printed one path of a story of three.
    let s = reducer(withResults({ multi: true }), { type: 'command', command: 'down' });
    s = reducer(s, { type: 'command', command: 'mark' });
    expect(s.marked).toEqual([3, 1, 4]);
    expect(reducer(s, { type: 'command', command: 'choose' }).outcome).toEqual({ kind: 'chosen', ids: [3, 1, 4] });
    s = reducer(s, { type: 'command', command: 'up' });
    s = reducer(s, { type: 'command', command: 'mark' });
    expect(s.marked).toEqual([]);
    // Once open, a row is one article again.
    s = reducer(reducer(reducer(s, { type: 'command', command: 'up' }), { type: 'command', command: 'unfold' }), { type: 'command', command: 'mark' });
    expect(s.marked).toEqual([3]);
  });
  it('Enter on a folded row chooses the lead article', () => {
    const s = reducer(reducer(withResults(), { type: 'command', command: 'down' }), { type: 'command', command: 'choose' });
    expect(s.effects).toEqual([{ kind: 'markRead', ids: [3] }]);
  });
  it('foldedMembers counts only the story’s articles in the result', () => {
    const f = foldRows([hit(1), hit(4), hit(0)], stories, new Set());
    expect(foldedMembers([hit(1), hit(4), hit(0)], stories, f.info)).toEqual(new Map([[1, [1, 4]]]));
  });
});

describe('a folded story whose other articles lie past the rows loaded', () => {
  // Articles 0..5 as above, the result holding 12 matches of which 3 rows are loaded: 0, 1 (story 3's) and 5 (story 5's).
  const loaded = (over: { multi?: boolean } = {}) =>
    reducer(initialState({ width: 120, height: 40, ...over }), { type: 'results', hits: [hit(0), hit(1), hit(5)], total: 12, sort: 'date', query: '', stories });
  it('Space marks what is loaded and says how many are not (found by a tester on a big folder)', () => {
    let s = reducer(loaded({ multi: true }), { type: 'command', command: 'down' });
    s = reducer(s, { type: 'command', command: 'mark' });
    expect(s.marked).toEqual([1]);
    expect(s.message).toBe("2 of the story's articles are not among the 3 rows loaded (G loads every row)");
  });
  it('unfolding says the same', () => {
    let s = reducer(loaded(), { type: 'command', command: 'down' });
    s = reducer(s, { type: 'command', command: 'unfold' });
    expect(s.message).toMatch(/articles are not among the 3 rows loaded/);
  });
  it('says nothing once every row is loaded', () => {
    const all = reducer(initialState({ width: 120, height: 40, multi: true }), { type: 'results', hits: [hit(0), hit(1), hit(5)], total: 3, sort: 'date', query: '', stories });
    expect(reducer(reducer(all, { type: 'command', command: 'down' }), { type: 'command', command: 'mark' }).message).toBeNull();
  });
});

describe('partlyMarked', () => {
  it('names the folded rows whose story is marked in part, not wholly or not at all (found by a tester)', () => {
    const f = foldRows(raw, stories, new Set());
    const of = (marked: number[]) => [...partlyMarked({ marked, rawHits: raw, stories, rowInfo: f.info })];
    expect(of([1])).toEqual([3]);
    expect(of([3, 1, 4])).toEqual([]);
    expect(of([0])).toEqual([]);
    expect(of([3, 5])).toEqual([3, 5]);
  });
});
