import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expandTabs, isTerminalSafe, sanitizeLine, sanitizeText, visibleName } from '../../../src/core/text/sanitize.js';

const ESC = '\x1b';

describe('sanitizeLine', () => {
  it.each([
    ['plain text stays', 'Bitcoin hits $100k', 'Bitcoin hits $100k'],
    ['CSI colour removed', `${ESC}[31mred${ESC}[0m`, 'red'],
    ['OSC title change (BEL) removed', `a${ESC}]0;pwned\x07b`, 'ab'],
    ['OSC 52 clipboard write (ST) removed', `x${ESC}]52;c;ZWNobyBoaQ==${ESC}\\y`, 'xy'],
    ['OSC 8 hyperlink removed, text kept', `${ESC}]8;;http://evil${ESC}\\click${ESC}]8;;${ESC}\\`, 'click'],
    ['DCS removed', `${ESC}Pq#0;2;0;0;0${ESC}\\ok`, 'ok'],
    ['APC removed', `${ESC}_Gf=100;AAAA${ESC}\\ok`, 'ok'],
    ['8-bit CSI removed', '\x9b2Jok', 'ok'],
    ['reset (ESC c) removed', `${ESC}cok`, 'ok'],
    ['cursor move removed', `${ESC}[10;20Hok`, 'ok'],
    ['lone ESC made visible', `a${ESC}`, 'a\u241b'],
    ['BEL made visible', 'a\x07b', 'a\u2407b'],
    ['DEL made visible', 'a\x7fb', 'a\u2421b'],
    ['C1 made visible', 'a\x85b', 'a\ufffdb'],
    ['newline and tab become spaces', 'a\nb\tc\r\nd', 'a b c d'],
    ['bidi override removed', 'abc\u202edcba\u202c', 'abcdcba'],
    ['bidi isolate removed', '\u2066x\u2069', 'x'],
    ['unterminated OSC keeps payload visible, not live', `${ESC}]0;title`, '0;title'],
    ['CJK and emoji untouched', '日本語 🚀', '日本語 🚀'],
  ])('%s', (_name, input, expected) => {
    expect(sanitizeLine(input)).toBe(expected);
  });
});

describe('sanitizeText', () => {
  it('keeps newlines, expands tabs, strips escapes', () => {
    expect(sanitizeText(`a${ESC}[2J\n\tb\r\nc`)).toBe('a\n    b\nc');
  });
  it('expands tabs to 4-column stops', () => {
    expect(expandTabs('ab\tc')).toBe('ab  c');
    expect(expandTabs('abcd\te')).toBe('abcd    e');
  });
});

describe('visibleName', () => {
  it('removes nothing and shows every control character, tab and newline in its place', () => {
    expect(visibleName('plain/name.md')).toBe('plain/name.md');
    expect(visibleName(`esc${ESC}[31mred.md`)).toBe('esc\u241b[31mred.md');
    expect(visibleName('tab\there.md')).toBe('tab\u2409here.md');
    expect(visibleName('weird\nname\r.md')).toBe('weird\u240aname\u240d.md');
    expect(visibleName('c1\x9b-del\x7f-bidi\u202e-ls\u2028.md')).toBe('c1\ufffd-del\u2421-bidi\ufffd-ls\ufffd.md');
  });
  it('is terminal-safe and a fixed point for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const shown = visibleName(s);
        return isTerminalSafe(shown) && visibleName(shown) === shown && shown.length === s.length;
      }),
    );
  });
});

describe('properties', () => {
  const nasty = fc.string({
    unit: fc.oneof(
      fc.constantFrom('\x1b', '[', ']', '\\', '\x07', '\x9b', '\x9c', '\x9d', '\u202e', '\u2066', '\n', '\t', '\r', '\x00', '\x7f', 'P', '_', 'm', '0', ';'),
      fc.string({ minLength: 1, maxLength: 1 }),
      fc.constantFrom('日', '🚀', 'é'),
    ),
    maxLength: 200,
  });

  it('sanitizeLine output never contains a control character', () => {
    fc.assert(fc.property(nasty, (s) => isTerminalSafe(sanitizeLine(s))), { numRuns: 2000 });
  });
  it('sanitizeText output contains no control character but newline', () => {
    fc.assert(fc.property(nasty, (s) => isTerminalSafe(sanitizeText(s), true)), { numRuns: 2000 });
  });
  it('sanitizing is idempotent', () => {
    fc.assert(
      fc.property(nasty, (s) => {
        const once = sanitizeLine(s);
        const text = sanitizeText(s);
        return sanitizeLine(once) === once && sanitizeText(text) === text;
      }),
      { numRuns: 2000 },
    );
  });
});
