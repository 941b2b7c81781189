import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { keymap, prettyKey } from '../../src/state/keymap.js';
import { Help, helpLines } from '../../src/ui/Help.js';
import { maxWidth, rows } from './frame.js';

describe('Help', () => {
  it('has one line per keymap binding, generated from the table', () => {
    const lines = helpLines();
    expect(lines).toHaveLength(keymap.length);
    keymap.forEach((b, i) => {
      expect(lines[i].help).toContain(b.help);
      for (const k of b.keys) expect(lines[i].keys).toContain(prettyKey(k));
    });
  });

  it('renders every command help when there is room', () => {
    const frame = render(<Help width={100} height={60} />).lastFrame();
    for (const b of keymap) expect(frame).toContain(b.help);
    expect(frame).toContain('Ctrl-d');
  });

  it('uses columns to fit a short screen and stays within the box', () => {
    const frame = render(<Help width={98} height={19} />).lastFrame();
    expect(rows(frame).length).toBeLessThanOrEqual(19);
    expect(maxWidth(frame)).toBeLessThanOrEqual(98);
    expect(frame).toContain('quit without choosing');
  });
});
