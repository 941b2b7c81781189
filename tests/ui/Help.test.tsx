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
    // The keys to views past 9 are listed beside the digits.
    expect(lines.find((l) => l.keys === ']')?.help).toMatch(/next saved view.*past 9/);
    expect(lines.find((l) => l.keys === '[')?.help).toMatch(/previous saved view/);
  });

  it('shows the keys in force after a [keys] remap', () => {
    const lines = helpLines(remapKeymap({ toggleSaved: ['S', 'alt+s'] }));
    expect(lines.find((l) => l.help.startsWith('save / unsave'))?.keys).toBe('S Alt-s');
  });

  it('renders every command help when there is room', () => {
    const frame = render(<Help width={100} height={60} />).lastFrame();
    for (const b of keymap) if (!/^view[1-9]$/.test(b.command)) expect(frame).toContain(b.help);
    expect(frame).toContain('Ctrl-d');
  });

  it('fits a short screen: every page stays within the box, and the pages show every entry', () => {
    const frames = [0, 1, 2].map((page) => render(<Help width={98} height={30} page={page} />).lastFrame());
    for (const frame of frames) {
      expect(rows(frame).length).toBeLessThanOrEqual(30);
      expect(maxWidth(frame)).toBeLessThanOrEqual(98);
    }
    expect(frames.join('\n')).toContain('quit without choosing');
  });

  it('uses columns where whole entries fit side by side', () => {
    const frame = render(<Help width={200} height={40} />).lastFrame() ?? '';
    expect(frame).toContain('Keys — press any key to close');
    for (const l of helpLines()) expect(frame).toContain(l.help);
  });
});

describe('Help at 80x24', () => {
  it('pages instead of cutting every entry to a word: each page readable, all pages hold every entry', () => {
    const all = helpLines();
    const first = render(<Help width={78} height={20} />).lastFrame() ?? '';
    const pages = Number(/page 1\/(\d+)/.exec(first)?.[1]);
    expect(pages).toBeGreaterThan(1);
    const text = Array.from({ length: pages }, (_, p) => render(<Help width={78} height={20} page={p} />).lastFrame() ?? '').join('\n');
    // Every entry's help is shown whole on some page.
    for (const l of all) expect(text, l.help).toContain(l.help);
    // The page number wraps round.
    expect(render(<Help width={78} height={20} page={pages} />).lastFrame()).toContain(`page 1/${pages}`);
    // Space's destination is named: the next page, and the first again from the last.
    expect(first).toContain('Space for the next');
    expect(render(<Help width={78} height={20} page={pages - 1} />).lastFrame()).toContain(`page ${pages}/${pages}, Space for the first`);
  });
});
