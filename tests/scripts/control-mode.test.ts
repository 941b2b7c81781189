// How the key-to-screen bench reads a tmux control-mode client's stdout and spells the commands it
// writes to its stdin (scripts/bench/control-mode.mjs).
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ESM script of the bench, without type declarations.
import { ControlReader, commandLine, tmuxQuote } from '../../scripts/bench/control-mode.mjs';

type Event = { kind: string; ok?: boolean; number?: number; mine?: boolean; lines?: string[]; pane?: string; reason?: string; line?: string };

/** Every event of `text` fed in pieces of `size` characters. */
function feedIn(text: string, size: number): Event[] {
  const reader = new ControlReader();
  const events: Event[] = [];
  for (let i = 0; i < text.length; i += size) events.push(...reader.feed(text.slice(i, i + size)));
  return events;
}

// As tmux 3.3a writes it: the attach's own reply, a notification, a capture, pane output, an error.
const STREAM = [
  '%begin 1796082762 267 0',
  '%end 1796082762 267 0',
  '%session-changed $0 keys',
  '%begin 1796082762 273 1',
  '╭──╮ héllo',
  '',
  '%end 1796082762 272 1',
  '%begin 1796082762 274 0',
  '%end 1796082762 273 1',
  '%output %1 a$b\\015\\012',
  '%begin 1796082763 276 1',
  "can't find window: nope",
  '%error 1796082763 276 1',
  '%exit',
  '',
].join('\n');

const EXPECTED: Event[] = [
  { kind: 'reply', ok: true, number: 267, mine: false, lines: [] },
  { kind: 'notification', line: '%session-changed $0 keys' },
  // A captured screen may hold lines that look like guards: only the block's own guard ends it.
  { kind: 'reply', ok: true, number: 273, mine: true, lines: ['╭──╮ héllo', '', '%end 1796082762 272 1', '%begin 1796082762 274 0'] },
  { kind: 'output', pane: '%1' },
  { kind: 'reply', ok: false, number: 276, mine: true, lines: ["can't find window: nope"] },
  { kind: 'exit', reason: '' },
];

describe('ControlReader', () => {
  it('reads replies, pane output, notifications and the exit in stream order', () => {
    expect(feedIn(STREAM, STREAM.length)).toEqual(EXPECTED);
  });

  it('reads the same events whatever size the chunks come in', () => {
    for (const size of [1, 2, 7, 64]) expect(feedIn(STREAM, size)).toEqual(EXPECTED);
  });

  it('holds a line back until its newline arrives', () => {
    const reader = new ControlReader();
    expect(reader.feed('%output %12 partial')).toEqual([]);
    expect(reader.feed(' data\n%exit too far behind\n')).toEqual([
      { kind: 'output', pane: '%12' },
      { kind: 'exit', reason: 'too far behind' },
    ]);
  });
});

describe('tmuxQuote / commandLine', () => {
  it('leaves targets, flags and key names bare', () => {
    expect(commandLine(['capture-pane', '-p', '-t', 'keys:dash'])).toBe('capture-pane -p -t keys:dash\n');
    expect(commandLine(['send-keys', '-t', 'keys:fzf', 'C-u'])).toBe('send-keys -t keys:fzf C-u\n');
    expect(commandLine(['display-message', '-p', '-t', '%3', 'x'])).toBe('display-message -p -t %3 x\n');
  });

  it('quotes what tmux would expand or split, escaping \\, " and $', () => {
    expect(tmuxQuote('#{pane_id}')).toBe('"#{pane_id}"');
    expect(tmuxQuote('a b;c')).toBe('"a b;c"');
    expect(tmuxQuote('~/x')).toBe('"~/x"');
    expect(tmuxQuote('$HOME "q" \\')).toBe('"\\$HOME \\"q\\" \\\\"');
    expect(tmuxQuote('')).toBe('""');
  });

  it('refuses a newline and an empty command (either would end the client)', () => {
    expect(() => tmuxQuote('a\nb')).toThrow(/newline/);
    expect(() => commandLine([])).toThrow(/empty/);
  });
});
