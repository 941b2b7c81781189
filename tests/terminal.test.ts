// How the dashboard's colour level and theme follow NO_COLOR, FORCE_COLOR and TERM, with Node's own
// getColorDepth answering for the terminal (it reads only the environment it is given).
import tty from 'node:tty';
import { describe, expect, it } from 'vitest';
import { colourChoice, forceColourLevel } from '../src/terminal.js';

const depthOf = (env: NodeJS.ProcessEnv) => tty.WriteStream.prototype.getColorDepth.call({} as tty.WriteStream, env);
const choose = (env: NodeJS.ProcessEnv) => colourChoice(depthOf, env);

describe('colourChoice', () => {
  it('a 256-colour terminal draws in 256 colours', () => {
    expect(choose({ TERM: 'xterm-256color' })).toEqual({ level: '2', noColour: false });
  });
  it('NO_COLOR keeps bold, underline and inverse (a level above 0) and asks for no colour (no-color.org)', () => {
    expect(choose({ TERM: 'xterm-256color', NO_COLOR: '1' })).toEqual({ level: '1', noColour: true });
    expect(choose({ TERM: 'xterm-256color', COLORTERM: 'truecolor', NO_COLOR: 'yes' })).toEqual({ level: '1', noColour: true });
  });
  it('an empty NO_COLOR is as if unset (no-color.org: "present and not an empty string")', () => {
    expect(choose({ TERM: 'xterm-256color', NO_COLOR: '' })).toEqual({ level: '2', noColour: false });
  });
  it('FORCE_COLOR wins over NO_COLOR, as in Node and chalk', () => {
    expect(choose({ TERM: 'xterm-256color', NO_COLOR: '1', FORCE_COLOR: '3' })).toEqual({ level: '3', noColour: false });
    expect(choose({ TERM: 'xterm-256color', FORCE_COLOR: '0' })).toEqual({ level: '0', noColour: false });
  });
  it('a dumb terminal gets no styling at all, NO_COLOR or not', () => {
    expect(choose({ TERM: 'dumb' })).toEqual({ level: '0', noColour: false });
    expect(choose({ TERM: 'dumb', NO_COLOR: '1' })).toEqual({ level: '0', noColour: true });
  });
});

describe('forceColourLevel', () => {
  it('sets FORCE_COLOR for chalk, then gives the user theirs back (or none), so an editor run from the dashboard sees NO_COLOR unopposed', () => {
    const env: NodeJS.ProcessEnv = { NO_COLOR: '1' };
    const undo = forceColourLevel({ level: '1', noColour: true }, env);
    expect(env.FORCE_COLOR).toBe('1');
    undo();
    expect(env).toEqual({ NO_COLOR: '1' });
    const own: NodeJS.ProcessEnv = { FORCE_COLOR: '3' };
    forceColourLevel({ level: '2', noColour: false }, own)();
    expect(own.FORCE_COLOR).toBe('3');
  });
});
