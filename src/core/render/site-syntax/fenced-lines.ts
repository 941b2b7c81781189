// Which lines of a Markdown text are a fenced code block's: the site syntax readers leave code as
// written (a post about Hugo or Logseq shows their syntax), so each asks this before reading a line.

// A fence: three or more backticks or tildes, indented a little.
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/**
 * For each line, whether it is in a fenced code block, its fences included. `fence` finds a fence's
 * marks (group 1) on a line: Logseq writes a block's code as `- ````, so its reader passes its own.
 */
export function fencedLines(lines: readonly string[], fence: RegExp = FENCE): boolean[] {
  let open: string | null = null;
  return lines.map((line) => {
    const marks = fence.exec(line)?.[1];
    if (open === null && !marks) return false;
    // A closing fence has the opening's character, at least as many times.
    if (marks && (open === null || (marks[0] === open[0] && marks.length >= open.length))) open = open === null ? marks : null;
    return true;
  });
}
