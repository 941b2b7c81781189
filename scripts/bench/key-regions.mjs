// What the key-to-screen bench reads off the dashboard's screen (a 120x40 capture-pane), split
// the way the issues split a keystroke's answer:
// - the key's answer (the frame issue: "the narrowed list or the moved cursor"): the search line,
//   the list pane's rows and the status line, with the counts masked;
// - the counts and the pulse, aggregates drawn after the list (the scale issue: "counts ... draw
//   after the list and never delay it: at most 300 ms after the list at 100k"): the match count
//   in the pane's title and the status line, and the pulse strip;
// - the unread count in the status line, an aggregate over every match, timed on its own.
// A count is masked with its room: a count one digit longer pads the title's rule and the status
// line's gap by one cell less, and those cells are not the list's answer either.

// A count as drawn: digits with thousands commas, `+` when it is a lower bound, or `counting…`,
// which stands in the count's place while the exact one is coming (ArticleList.tsx shownCount: a
// key typed before the search's preparation is done lists its rows first).
const COUNT = /\d[\d,]*\+?|counting…/g;
// The status line's unread piece (StatusBar.tsx: `1,234 unread`, `1,000+ unread`) and its separator.
const UNREAD = / · (\d[\d,]*\+?) unread/;

/** The list pane's borders: the row of its top border and the column of its right edge, or null. */
function frameOf(lines) {
  const border = lines.findIndex((l) => l.includes('╭'));
  const edge = border >= 0 ? lines[border].indexOf('╮') : -1;
  if (edge < 0) return null;
  const last = lines.length - 1 - [...lines].reverse().findIndex((l) => l.trim() !== '');
  return { border, edge, last };
}

/**
 * The pane title's row without its counts: `╭─▶ Articles 3/#─╮`, or where stories fold the rows
 * `╭─▶ Stories 3/# · # articles─╮` (the cursor's position stays).
 */
const titleRow = (line, edge) =>
  line
    .slice(0, edge + 1)
    .replace(/\/(?:[\d,]+\+?|counting…)/, '/#')
    .replace(/ · (?:[\d,]+\+?|counting…) articles?/, ' · # articles')
    .replace(/─+/g, '─');

/** The status line without the unread piece, its counts masked and its gap closed. */
const statusRow = (line) => line.replace(UNREAD, '').replace(COUNT, '#').replace(/ {2,}/g, ' ').trimEnd();

/** The key's answer: search line, title (count masked), list rows, status line (counts masked, no unread). */
export function dashboardRegion(text) {
  const lines = text.split('\n');
  const f = frameOf(lines);
  if (!f) return text;
  return lines
    .map((l, i) => (i < f.border || i > f.last ? l : i === f.last ? statusRow(l) : i === f.border ? titleRow(l, f.edge) : i === f.border + 1 ? '' : l.slice(0, f.edge + 1)))
    .join('\n');
}

/**
 * The counts and the pulse: the title's counts (its rows', and its articles' where stories fold
 * them), the pulse strip's row, the status line's match count.
 */
export function countsRegion(text) {
  const lines = text.split('\n');
  const f = frameOf(lines);
  if (!f) return '';
  const title = /\/([\d,]+\+?)(?: · ([\d,]+\+?) articles?)?/.exec(lines[f.border])?.slice(1).join(' ') ?? '';
  const shown = /^\s*(\d[\d,]*\+?\/\d[\d,]*)/.exec(lines[f.last])?.[1] ?? '';
  return [title, (lines[f.border + 1] ?? '').slice(0, f.edge + 1), shown].join('\n');
}

/** The status line's unread count (`1,234`), '' when it shows none. */
export function unreadRegion(text) {
  const lines = text.split('\n');
  const f = frameOf(lines);
  return f ? (UNREAD.exec(lines[f.last])?.[1] ?? '') : '';
}

/**
 * The dashboard is at rest: nothing loading or finding files, no count being made, no pulse drawn
 * `so far N%` over a first computation's articles, no stories `N%` still being grouped.
 */
export const atRest = (text) => !/loading|finding|counting…|so far \d+%|stories \d+%/.test(text);
