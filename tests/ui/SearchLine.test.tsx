import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { SearchLine } from '../../src/ui/SearchLine.js';
import { rows } from './frame.js';

const line = (query: string, mode: 'browse' | 'search', error: string | null, width = 60) =>
  rows(render(<SearchLine query={query} mode={mode} error={error} width={width} />).lastFrame())[0];

describe('SearchLine', () => {
  it('shows a prompt, the query and a cursor while searching', () => {
    expect(line('bitfarms', 'search', null)).toMatch(/^\/ bitfarms█/);
  });
  it('shows a hint when browsing with no query', () => {
    expect(line('', 'browse', null)).toContain('press / to search');
  });
  it('keeps the query shown after leaving search mode', () => {
    expect(line('tag:btc', 'browse', null)).toContain('tag:btc');
  });
  it('shows a query error on the right', () => {
    const out = line('date:>zzz', 'search', 'bad date "zzz"');
    expect(out).toContain('✗ bad date "zzz"');
    expect(out).toContain('date:>zzz');
  });
  it('shows the tail of a long query while typing', () => {
    const out = line('a'.repeat(100) + ' solana', 'search', null, 30);
    expect(out).toContain('solana█');
    expect(stringWidth(out)).toBeLessThanOrEqual(30);
  });
  it('strips terminal escapes from the query and error', () => {
    const out = line('x\x1b[2Jy', 'search', 'e\x1b]52;c;AAAA\x07rr');
    expect(out).not.toContain('\x1b');
  });
  it.each([3, 8, 20, 41])('fits %d columns', (w) => {
    expect(stringWidth(line('ビットコイン 🚀 query', 'search', 'an error message here', w))).toBeLessThanOrEqual(w);
  });
});
