// Logseq's task markers: a block starting `TODO`, `DOING`, `NOW`, `LATER`, `WAITING` is a task to
// do, `DONE` one done, `CANCELED` one dropped. Logseq draws a checkbox for them, not the word, and
// they read as shouted words in the outline. They become GFM task items (`- [ ] `, `- [x] `),
// drawn as those are; a dropped task is struck. Time tracking's `:LOGBOOK:` drawer under a task
// (its clock lines) is Logseq's own bookkeeping, hidden as Logseq hides it, and so are the block
// properties Logseq never shows (`id::`, `collapsed::`); a `SCHEDULED:` or `DEADLINE:` line keeps
// a line of its own under its task, where Markdown ran it into the task's words. Only in an outline
// (the body's first line a `- ` block, as Logseq writes every page), never inside code, and only
// at a block's start: `a TODO in a sentence` stays a word.
import { fencedLines } from './fenced-lines.js';

const MARKER = /^(\s*[-*+]\s+)(TODO|DOING|NOW|LATER|WAITING|WAIT|IN-PROGRESS|STARTED|DONE|CANCELED|CANCELLED)[ \t]+(\S.*)$/;
const DRAWER_OPEN = /^\s*:LOGBOOK:\s*$/;
const DRAWER_CLOSE = /^\s*:END:\s*$/;
// A fence, also one opening a block (`- ````, as Logseq writes a code block).
const FENCE = /^\s*(?:[-*+]\s+)?(`{3,}|~{3,})/;
// Block properties Logseq keeps to itself and never shows (a block's id, its folding, its colour,
// the flashcards' schedule).
const HIDDEN_PROPERTY = /^\s*(?:id|collapsed|heading|background-color|created-at|updated-at|card-[a-z-]+)::(?:\s.*)?$/;
// A task's schedule, which Logseq shows on a line of its own under the task.
const SCHEDULE = /^\s*(?:SCHEDULED|DEADLINE):\s*<[^>\n]*>\s*$/;
// A logbook's clock lines: Logseq writes one per time a task was started; a drawer longer than
// this is no logbook (and looking further for its end would make a hostile body slow).
const MAX_DRAWER_LINES = 500;

/** Whether `markdown` may be a Logseq outline with task markers, drawers or properties (a cheap test first). */
export function mayHoldOutlineMarkers(markdown: string): boolean {
  return /^\s*- /.test(markdown) && /(?:TODO|DOING|NOW|LATER|WAIT|IN-PROGRESS|STARTED|DONE|CANCEL|:LOGBOOK:|::)/.test(markdown);
}

// A marker's task item: open, done, or dropped (struck).
function taskItem(bullet: string, marker: string, text: string): string {
  if (marker === 'DONE') return `${bullet}[x] ${text}`;
  if (marker.startsWith('CANCEL')) return `${bullet}~~${text}~~`;
  return `${bullet}[ ] ${text}`;
}

/** The Markdown with a Logseq outline's task markers as task items and its logbook drawers gone; as it was when it has none. */
export function outlineMarkersAsTasks(markdown: string): string {
  if (!mayHoldOutlineMarkers(markdown)) return markdown;
  const lines = markdown.split('\n');
  const out: string[] = [];
  const code = fencedLines(lines, FENCE);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (code[i]) {
      out.push(line);
      continue;
    }
    if (DRAWER_OPEN.test(line)) {
      // Hidden up to its `:END:`; one never closed hides nothing.
      let end = i + 1;
      while (end < lines.length && end <= i + MAX_DRAWER_LINES && !DRAWER_CLOSE.test(lines[end])) end++;
      if (end < lines.length && DRAWER_CLOSE.test(lines[end])) {
        i = end;
        continue;
      }
    }
    if (HIDDEN_PROPERTY.test(line)) continue;
    // A hard break before it: Markdown would run it into the task's words.
    if (SCHEDULE.test(line) && out.length > 0 && out[out.length - 1].trim() !== '') out[out.length - 1] += '\\';
    const m = MARKER.exec(line);
    out.push(m ? taskItem(m[1], m[2], m[3]) : line);
  }
  return out.join('\n');
}
