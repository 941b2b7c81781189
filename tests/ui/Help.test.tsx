import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { keymap, prettyKey } from '../../src/state/keymap.js';
import { remapKeymap } from '../../src/state/keymap-remap.js';
import { Help, helpLines } from '../../src/ui/Help.js';
import { maxWidth, rows } from './frame.js';

describe('Help', () => {
  it('has one line per keymap binding (the nine view keys on one), generated from the table', () => {
    const lines = helpLines();
    const own = keymap.filter((b) => !/^view[1-9]$/.test(b.command));
    expect(lines).toHaveLength(own.length + 1);
    for (const b of own) {
      const line = lines.find((l) => l.help.startsWith(b.help) && b.keys.every((k) => l.keys.includes(prettyKey(k))));
      expect(line, b.command).toBeDefined();
    }
    expect(lines.find((l) => l.help === 'switch to saved view N')?.keys).toBe('1 2 3 4 5 6 7 8 9');
  });

  it('shows the keys in force after a [keys] remap', () => {
    const lines = helpLines(remapKeymap({ toggleSaved: ['S', 'alt+s'] }));
    expect(lines.find((l) => l.help.startsWith('save / unsave'))?.keys).toBe('S alt+s');
  });

  it('renders every command help when there is room', () => {
    const frame = render(<Help width={100} height={60} />).lastFrame();
    for (const b of keymap) if (!/^view[1-9]$/.test(b.command)) expect(frame).toContain(b.help);
    expect(frame).toContain('Ctrl-d');
  });

  it('uses columns to fit a short screen and stays within the box', () => {
    const frame = render(<Help width={98} height={30} />).lastFrame();
    expect(rows(frame).length).toBeLessThanOrEqual(30);
    expect(maxWidth(frame)).toBeLessThanOrEqual(98);
    expect(frame).toContain('quit without choosing');
  });
});
