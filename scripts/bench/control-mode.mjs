// What a tmux control-mode client (`tmux -C attach`) writes on its stdout, read as events, and
// how a command line for its stdin is spelled. Pure: the key-to-screen bench's driver
// (tmux-driver.mjs) feeds it the bytes it reads and writes the lines it spells.
//
// The stream (tmux(1), CONTROL MODE): each command's reply is a block
//   %begin TIME NUMBER FLAGS
//   ...the command's output, one line each...
//   %end TIME NUMBER FLAGS        (or %error TIME NUMBER FLAGS)
// with the same three fields on both guard lines; FLAGS is 1 for a command this client wrote and 0
// for the client's own (the attach). Outside blocks come notifications, one line each, among them
// `%output %PANE DATA` for bytes a pane's program wrote. A block's output is raw (a captured
// screen may hold a line that starts with `%`), so only the matching guard ends it.

/**
 * Reads a control client's stdout in chunks of any size. `feed(text)` returns the events the
 * chunk completed, in stream order:
 * - `{ kind: 'reply', ok: boolean, number: number, mine: boolean, lines: string[] }` for a block
 *   (`mine`: FLAGS was 1, a command written to this client's stdin; `ok`: it ended with %end);
 * - `{ kind: 'output', pane: string }` for `%output %N ...` (pane id such as `%3`; the data is
 *   not decoded: the bench reads screens, not bytes);
 * - `{ kind: 'exit', reason: string }` for `%exit [REASON]`;
 * - `{ kind: 'notification', line: string }` for any other line outside a block.
 * A line is complete at its `\n`; a partial line waits for the next chunk.
 */
export class ControlReader {
  constructor() {
    this.partial = '';
    this.block = null;
  }
  /** Events completed by `text` (a decoded chunk of the client's stdout). */
  feed(text) {
    const events = [];
    const lines = (this.partial + text).split('\n');
    this.partial = lines.pop();
    for (const line of lines) {
      const event = this.line(line);
      if (event) events.push(event);
    }
    return events;
  }
  line(line) {
    if (this.block) {
      const m = /^%(end|error) (\S+ \S+ \S+)$/.exec(line);
      if (!m || m[2] !== this.block.guard) {
        this.block.lines.push(line);
        return null;
      }
      const [, number, flags] = this.block.guard.split(' ');
      const event = { kind: 'reply', ok: m[1] === 'end', number: Number(number), mine: flags === '1', lines: this.block.lines };
      this.block = null;
      return event;
    }
    const begin = /^%begin (\S+ \S+ \S+)$/.exec(line);
    if (begin) {
      this.block = { guard: begin[1], lines: [] };
      return null;
    }
    const output = /^%output (%\d+) /.exec(line);
    if (output) return { kind: 'output', pane: output[1] };
    const exit = /^%exit ?(.*)$/.exec(line);
    if (exit) return { kind: 'exit', reason: exit[1] };
    return { kind: 'notification', line };
  }
}

/**
 * One argument as tmux's command parser reads it back unchanged: bare when it holds only
 * characters the parser leaves alone, else in double quotes with `\`, `"` and `$` escaped (tmux
 * expands `$VAR` and `~` in unquoted and double-quoted words, and `;` ends a command unquoted).
 * Throws on a newline: a control client's command ends at one.
 */
export function tmuxQuote(arg) {
  const s = String(arg);
  if (/[\n\r]/.test(s)) throw new Error(`a tmux control-mode command cannot hold a newline: ${JSON.stringify(s)}`);
  if (/^[A-Za-z0-9_@%:./+=,-]+$/.test(s)) return s;
  return `"${s.replace(/[\\"$]/g, (c) => `\\${c}`)}"`;
}

/** A command line for a control client's stdin: the arguments quoted, joined, ended with `\n`. */
export function commandLine(args) {
  if (args.length === 0) throw new Error('an empty line would end the control client');
  return `${args.map(tmuxQuote).join(' ')}\n`;
}
