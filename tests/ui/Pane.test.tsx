import { render } from 'ink-testing-library';
import { Text } from 'ink';
import stringWidth from 'string-width';
import { describe, expect, it, vi } from 'vitest';
import { Pane } from '../../src/ui/Pane.js';
import { rows } from './frame.js';

describe('Pane', () => {
  it('draws a titled border of exactly its size', () => {
    const out = rows(render(<Pane title="Articles" width={20} height={4} focused={false}><Text>hi</Text></Pane>).lastFrame());
    expect(out).toHaveLength(4);
    expect(out[0]).toBe('╭─Articles─────────╮');
    expect(out[1]).toBe('│hi                │');
    expect(out[3]).toBe('╰──────────────────╯');
    for (const r of out) expect(stringWidth(r)).toBe(20);
  });

  it('marks the focused pane with ▶ so it reads without colour', () => {
    const out = rows(render(<Pane title="Inspector" width={20} height={3} focused />).lastFrame());
    expect(out[0]).toBe('╭─▶ Inspector──────╮');
  });

  it('cuts a long title to the width', () => {
    const out = rows(render(<Pane title="A very long pane title indeed" width={12} height={3} focused />).lastFrame());
    expect(stringWidth(out[0])).toBe(12);
    expect(out[0]).toContain('…');
  });
});

describe('Pane error boundary', () => {
  function Boom(): never {
    throw new Error('bad \x1b[31mdata');
  }
  it('shows a failing child as a message instead of crashing', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const out = rows(render(<Pane title="Article" width={40} height={4} focused resetKey={1}><Boom /></Pane>).lastFrame());
    spy.mockRestore();
    expect(out[1]).toContain('cannot show this: bad');
    expect(out.join('')).not.toContain('\x1b');
    expect(out).toHaveLength(4);
  });
});
