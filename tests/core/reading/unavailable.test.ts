// The one wording for an unusable reading state (unavailable.ts), and no second copy of it in src/:
// the dashboard's status line and --filter's warning both come from the one function.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readingUnavailableMessage } from '../../../src/core/reading/index.js';

const SRC = path.resolve(import.meta.dirname, '..', '..', '..', 'src');
const files = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));

describe('readingUnavailableMessage', () => {
  it('names the state and the error, for errors and thrown values alike', () => {
    const locked = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    expect(readingUnavailableMessage(locked)).toBe('reading state unavailable: database is locked');
    expect(readingUnavailableMessage('EROFS')).toMatch(/^reading state unavailable: .*EROFS/);
  });

  it('is the only place in src/ that writes the message', () => {
    const writers = files(SRC).filter((f) => fs.readFileSync(f, 'utf8').includes('reading state unavailable:'));
    expect(writers.map((f) => path.relative(SRC, f))).toEqual([path.join('core', 'reading', 'unavailable.ts')]);
  });
});
