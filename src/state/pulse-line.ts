// The pulse strip's interactive line as data: its entries (sentiments, then the top sources, tags
// and coins), the query term each adds, and where each sits on the line, so the reducer (keys,
// mouse clicks) and the strip (drawing) agree on what is where. Pure.
import type { Pulse } from '../core/pulse/index.js';
import type { FactsProgress } from '../core/stories/index.js';
import { countText } from '../core/text/index.js';
import { columns, fitWidth } from '../core/width/index.js';

/** One entry of the strip a reader can move over and add to the query. */
export interface PulseEntry {
  kind: 'sentiment' | 'source' | 'tag' | 'coin';
  /** The query value (`positive`, `decrypt`, `mining`, `btc`). */
  value: string;
  label: string;
  count: number;
}

/** A piece of the line: an entry (its index) or the text between entries (index null). */
export interface PulsePart {
  text: string;
  index: number | null;
  start: number;
}

const GLYPH = { positive: '▲', neutral: '●', negative: '▼' } as const;
const GROUP_LABEL = { source: 'src', tag: 'tag', coin: 'coin' } as const;
/** Entries per facet the line offers. */
export const ENTRIES_PER_FACET = 5;
/**
 * Columns a source, tag or coin label takes at most on the line (cut with '…'; its query term
 * keeps the whole value): one long name (`Dana Whitfield-Montgomery, Senior Markets Correspondent`)
 * left whole pushed every tag and coin off the line. 16 keeps the usual outlet names whole
 * (`Bitcoin Magazine`, `Cointelegraph`).
 */
export const FACET_LABEL_COLUMNS = 16;

/**
 * The strip's two lines: the summary line holds the sentiment entries (beside the bar and the
 * sparkline), the facets line the sources, tags and coins. Each entry is on one of them only.
 */
export type PulseLine = 'summary' | 'facets';

/** The line an entry is drawn on. */
export function lineOf(e: PulseEntry): PulseLine {
  return e.kind === 'sentiment' ? 'summary' : 'facets';
}

/**
 * What the summary line says before its entries while a big folder's facts are first computed:
 * with a partial pulse (Pulse.partial) `so far 41% ` (of the folder's articles whose facts are
 * in); with an exact one while the stories are still grouped (`grouping`: AppState.grouping)
 * `stories 62% ` (the list's story rows and `+N` outlets change until they are in); else ''.
 */
export function partialMark(p: Pulse | null, grouping: number | null = null): string {
  if (p?.partial) return `so far ${Math.floor((100 * p.partial.done) / Math.max(1, p.partial.n))}% `;
  return grouping === null ? '' : `stories ${grouping}% `;
}

/**
 * The summary line's mark as drawn in a line of `width` columns (cut with '…' when wider): with
 * no pulse yet `counting… stories 62%` (the whole line), else partialMark. PulseStrip draws it
 * and the entries after it, and a click finds them there, so both read it here.
 */
export function markText(p: Pulse | null, grouping: number | null, width: number): string {
  return fitWidth(p ? partialMark(p, grouping) : `counting… ${partialMark(null, grouping)}`.trimEnd(), width);
}

/** The columns markText takes in a line of `width` columns: where the summary line's entries start. */
export function markColumns(p: Pulse | null, grouping: number | null, width: number): number {
  return columns(markText(p, grouping, width));
}

/** How far the stories' first grouping got (FactsProgress.stories), as a whole percentage (0-100); null when none is under way. */
export function groupingPercent(progress: FactsProgress | null | undefined): number | null {
  const s = progress?.stories;
  return s ? Math.floor((100 * s.done) / Math.max(1, s.n)) : null;
}

/** The entries of a pulse, in line order; none for no pulse. */
export function pulseEntries(p: Pulse | null): PulseEntry[] {
  if (!p) return [];
  const out: PulseEntry[] = [];
  for (const s of ['positive', 'neutral', 'negative'] as const) out.push({ kind: 'sentiment', value: s, label: GLYPH[s], count: p.sentiment[s] });
  for (const f of p.sources.slice(0, ENTRIES_PER_FACET)) out.push({ kind: 'source', value: f.value, label: f.label, count: f.count });
  for (const f of p.tags.slice(0, ENTRIES_PER_FACET)) out.push({ kind: 'tag', value: f.value.toLowerCase(), label: f.label, count: f.count });
  for (const f of p.coins.slice(0, ENTRIES_PER_FACET)) out.push({ kind: 'coin', value: f.value.toLowerCase(), label: f.label, count: f.count });
  return out;
}

/** The query term an entry stands for (`tag:mining`, `-source:decrypt`, `tag:"layer 2"`). */
export function entryTerm(e: PulseEntry, negate = false): string {
  const v = /^[^\s"]+$/.test(e.value) ? e.value : `"${e.value.replace(/"/g, '')}"`;
  return `${negate ? '-' : ''}${e.kind}:${v}`;
}

/** The query with an entry's term added (once). */
export function addTerm(query: string, e: PulseEntry, negate: boolean): string {
  const term = entryTerm(e, negate);
  const words = query.trim().split(/\s+/).filter(Boolean);
  return words.includes(term) ? query : [...words, term].join(' ');
}

/**
 * The parts of one line of the strip (its entries keep their index in `entries`), with their start
 * columns; parts past `width` are dropped. The facets line shares its width among the groups
 * (facetShare) so sources, tags and coins all show; when the cursor's entry is not among those, the
 * whole line is scrolled so it shows.
 */
export function pulseParts(entries: readonly PulseEntry[], width: number, cursor = -1, line: PulseLine = 'facets'): PulsePart[] {
  const onLine = cursor >= 0 && cursor < entries.length && lineOf(entries[cursor]) === line;
  // With the cursor on the line, a column for its ▸.
  const shared = line === 'facets' ? facetShare(entries, onLine ? width - 1 : width) : null;
  if (shared && (!onLine || shared.shown.has(cursor))) {
    return placed(layout(entries, line, width, cursor, shared.shown, shared.cap), width, cursor);
  }
  return placed(layout(entries, line, width, cursor, null, FACET_LABEL_COLUMNS), width, cursor);
}

/**
 * The facet entries the line shows and the label width they are cut to, so that every group shows:
 * laid out group by group, the first five sources filled the list pane (~68 columns at 200) and
 * tags and coins never showed (found by a tester at 200 and 250 columns). Each group gets its top
 * entry (labels cut shorter if even those do not fit), then the next of each in turn while they
 * fit. Null when not even a few columns per top entry fit.
 */
function facetShare(entries: readonly PulseEntry[], width: number): { shown: Set<number>; cap: number } | null {
  const groups: number[][] = [];
  entries.forEach((e, i) => {
    if (lineOf(e) !== 'facets') return;
    if (i === 0 || entries[i - 1].kind !== e.kind) groups.push([]);
    groups[groups.length - 1].push(i);
  });
  if (groups.length === 0) return null;
  const fits = (shown: Set<number>, cap: number): boolean => lineColumns(layout(entries, 'facets', width, -1, shown, cap)) <= width;
  const tops = new Set(groups.map((g) => g[0]));
  let cap = FACET_LABEL_COLUMNS;
  while (cap > 4 && !fits(tops, cap)) cap--;
  if (!fits(tops, cap)) return null;
  const shown = new Set(tops);
  for (let rank = 1; rank < ENTRIES_PER_FACET; rank++) {
    for (const g of groups) {
      if (rank >= g.length || !shown.has(g[rank - 1])) continue;
      shown.add(g[rank]);
      if (!fits(shown, cap)) shown.delete(g[rank]);
    }
  }
  return { shown, cap };
}

// The parts of a line before placing: its entries (those in `only` when given, labels cut to `cap`) and the text between them.
function layout(entries: readonly PulseEntry[], line: PulseLine, width: number, cursor: number, only: ReadonlySet<number> | null, cap: number): Array<{ text: string; index: number | null }> {
  const all: Array<{ text: string; index: number | null }> = [];
  let group: PulseEntry['kind'] | null = null;
  entries.forEach((e, i) => {
    if (lineOf(e) !== line || (only && !only.has(i))) return;
    if (e.kind !== group) {
      if (group !== null) all.push({ text: ' │ ', index: null });
      if (e.kind !== 'sentiment') all.push({ text: `${GROUP_LABEL[e.kind]} `, index: null });
      group = e.kind;
    } else {
      all.push({ text: ' ', index: null });
    }
    // The cursor's entry is marked with a glyph, so it reads without colour or inverse too. A
    // label is cut to fit the line with that mark, so the cursor's entry always shows.
    const count = countText(e.count);
    const label = e.kind === 'sentiment' ? e.label : fitWidth(e.label, Math.max(1, Math.min(cap, width - columns(count) - 2)));
    const text = `${label} ${count}`;
    all.push({ text: i === cursor ? `▸${text}` : text, index: i });
  });
  return all;
}

const lineColumns = (parts: ReadonlyArray<{ text: string }>): number => parts.reduce((w, p) => w + columns(p.text), 0);

// Scrolled so the cursor's entry shows (whole leading parts dropped until it ends within the line), then placed; parts past `width` dropped.
function placed(all: ReadonlyArray<{ text: string; index: number | null }>, width: number, cursor: number): PulsePart[] {
  let from = 0;
  const at = all.findIndex((p) => p.index === cursor);
  while (at >= 0 && from < at && lineColumns(all.slice(from, at + 1)) > width) from++;
  const out: PulsePart[] = [];
  let col = 0;
  for (const p of all.slice(from)) {
    const w = columns(p.text);
    if (col + w > width) break;
    out.push({ ...p, start: col });
    col += w;
  }
  return out;
}

/** The entry drawn at column `x` of the line, or null. */
export function entryAt(parts: readonly PulsePart[], x: number): number | null {
  for (const p of parts) if (p.index !== null && x >= p.start && x < p.start + columns(p.text)) return p.index;
  return null;
}
