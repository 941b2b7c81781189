// The fatal-error report: the terminal is restored before anything is written, the message is one
// sanitised line, and the stack trace appears only with --debug.
import { describe, expect, it } from 'vitest';
import { isTerminalSafe } from '../src/core/text/sanitize.js';
import { FATAL_EXIT_CODE, reportFatal } from '../src/fatal.js';

function run(error: unknown, debug = false, restoreThrows = false) {
  const events: string[] = [];
  const code = reportFatal(error, {
    restore: () => {
      events.push('restore');
      if (restoreThrows) throw new Error('EIO');
    },
    write: (text) => events.push(text),
    debug,
  });
  return { code, events, output: events.filter((e) => e !== 'restore').join('') };
}

describe('reportFatal', () => {
  it('restores the terminal first, then writes, and returns exit status 2', () => {
    const { code, events } = run(new Error('boom'));
    expect(events[0]).toBe('restore');
    expect(events.slice(1).join('')).toBe('crypto-news-tui: internal error: boom\nRun with --debug for details.\n');
    expect(code).toBe(FATAL_EXIT_CODE);
    expect(code).toBe(2);
  });

  it.each([
    ['an Error', new Error('plain'), 'internal error: plain\n'],
    ['a thrown string', 'just a string', 'internal error: just a string\n'],
    ['a thrown number', 42, 'internal error: 42\n'],
    ['undefined', undefined, 'internal error: undefined\n'],
    ['escapes in the message', new Error('open /x/\x1b]0;pwned\x07\x1b[2J.md\nsecond line'), 'internal error: open /x/.md second line\n'],
    ['bidi and C1 in the message', new Error('a\u202eb\u009bc'), 'internal error: ab'],
  ])('%s gives one safe line', (_name, error, expected) => {
    const { output } = run(error);
    expect(output).toContain(expected);
    const [first, ...rest] = output.trimEnd().split('\n');
    expect(isTerminalSafe(first)).toBe(true);
    expect(rest).toEqual(['Run with --debug for details.']);
  });

  it('shows no stack trace without --debug, and a sanitised one with it', () => {
    const error = new Error('deep \x1b[31m');
    expect(run(error).output).not.toContain('    at ');
    const debug = run(error, true).output;
    expect(debug).toContain('    at ');
    expect(debug).not.toContain('Run with --debug');
    expect(isTerminalSafe(debug, true)).toBe(true);
  });

  it('still reports when restoring the terminal itself fails', () => {
    const { events, code } = run(new Error('after hangup'), false, true);
    expect(events[0]).toBe('restore');
    expect(events.join('')).toContain('internal error: after hangup');
    expect(code).toBe(2);
  });

  it('keeps a huge message short', () => {
    const { output } = run(new Error('x'.repeat(100_000)));
    expect(output.length).toBeLessThan(700);
  });
});
