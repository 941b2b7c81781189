// What a warm load tells a UI while it checks a big folder (load.ts, files/walk.ts): the walk's
// whole count once it is done (its reports every few thousand entries stopped short of it), then
// the rows the index still holds as they are read, every 4,096, before the articles are made. At a
// million files that check takes from half a minute to minutes; the dashboard's status line
// showed a stale "finding files… 999,4xx" all along.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/core/load/load.js';

const FILES = 4_500;
let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-warm-progress-'));
  for (const folder of ['a', 'b']) fs.mkdirSync(path.join(root, 'news', folder), { recursive: true });
  for (let i = 0; i < FILES; i++) fs.writeFileSync(path.join(root, 'news', i % 2 ? 'a' : 'b', `p${i}.md`), `---\ntitle: Story ${i}\n---\nBody ${i}.\n`);
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('a warm load\'s progress', () => {
  it('tells the walk\'s whole count, then the held rows as they are read, then the total', async () => {
    const dir = path.join(root, 'news');
    const cacheDir = path.join(root, 'cache');
    const cold = await loadCorpus([dir], { cacheDir });
    await cold.fullText;
    const found: number[] = [];
    const progress: Array<[number, number]> = [];
    const warm = await loadCorpus([dir], { cacheDir, onWalk: (n) => found.push(n), onProgress: (done, total) => progress.push([done, total]) });
    expect(warm.articles).toHaveLength(FILES);
    expect(found.at(-1)).toBe(FILES);
    expect(progress).toEqual([[4_096, FILES], [FILES, FILES]]);
  }, 180_000);
});
