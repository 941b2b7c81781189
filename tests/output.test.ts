// What the CLI writes to stderr for files it could not load: a path as it is, control bytes shown.
import { afterEach, expect, it, vi } from 'vitest';
import { reportWarnings } from '../src/output.js';

afterEach(() => vi.restoreAllMocks());

it('writes a warning path with its control bytes as pictures (␛, ␇), not dropped, and the reason sanitised', () => {
  const written: string[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => written.push(String(chunk)) > 0);
  reportWarnings([{ path: '/x/broken-\x1b]0;HACK\x07.md', reason: 'bad \x1b[31mYAML' }]);
  expect(written.join('')).toBe('/x/broken-␛]0;HACK␇.md: bad YAML\n');
});
