import { describe, expect, it } from 'vitest';
import { parseMouse } from '../../../src/ui/input/mouse.js';

describe('parseMouse', () => {
  const cases: Array<[string, string, unknown]> = [
    ['left press with ESC', '\x1b[<0;10;5M', [{ kind: 'press', button: 0, x: 9, y: 4, shift: false, meta: false, ctrl: false }]],
    ['as Ink delivers it (ESC stripped)', '[<0;1;1M', [{ kind: 'press', button: 0, x: 0, y: 0, shift: false, meta: false, ctrl: false }]],
    ['release', '[<0;3;4m', [{ kind: 'release', button: 0, x: 2, y: 3, shift: false, meta: false, ctrl: false }]],
    ['wheel up', '[<64;5;6M', [{ kind: 'wheelUp', button: 0, x: 4, y: 5, shift: false, meta: false, ctrl: false }]],
    ['wheel down with ctrl', '[<81;5;6M', [{ kind: 'wheelDown', button: 1, x: 4, y: 5, shift: false, meta: false, ctrl: true }]],
    ['right button with shift', '[<6;2;2M', [{ kind: 'press', button: 2, x: 1, y: 1, shift: true, meta: false, ctrl: false }]],
    ['drag', '[<32;2;2M', [{ kind: 'drag', button: 0, x: 1, y: 1, shift: false, meta: false, ctrl: false }]],
    ['two reports in one chunk', '\x1b[<64;1;1M\x1b[<65;1;1M', [expect.objectContaining({ kind: 'wheelUp' }), expect.objectContaining({ kind: 'wheelDown' })]],
    ['typed text is not a report', 'bitfarms', null],
    ['a report followed by text is not only mouse', '[<0;1;1Mx', null],
    ['an arrow key is not a report', '\x1b[A', null],
    ['empty', '', null],
    ['legacy X10 mouse is not SGR', '\x1b[M !!', null],
  ];
  it.each(cases)('%s', (_l, input, want) => {
    expect(parseMouse(input)).toEqual(want);
  });
});
