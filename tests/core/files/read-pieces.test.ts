import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FilePieces } from '../../../src/core/files/read-pieces.js';
import { tempDirs } from '../../helpers/temp-dirs.js';

const tmp = tempDirs('cnt-read-pieces-');

describe('FilePieces', () => {
  it('reads a whole file front to back in pieces of the asked size', () => {
    const file = path.join(tmp(), 'a.md');
    fs.writeFileSync(file, 'abcdefgh');
    const pieces = FilePieces.open(file);
    if (!(pieces instanceof FilePieces)) throw new Error(pieces.reason);
    try {
      expect([pieces.next(3), pieces.next(3), pieces.next(3), pieces.next(3)].map(String)).toEqual(['abc', 'def', 'gh', '']);
    } finally {
      pieces.close();
    }
  });

  it('refuses what is not a regular file, and a missing one, without throwing', () => {
    const dir = tmp();
    expect(FilePieces.open(dir)).toEqual({ reason: 'not a regular file' });
    expect(FilePieces.open(path.join(dir, 'gone.md'))).toHaveProperty('reason');
  });
});
