// joinStat (files/stat-thread.ts): this thread's side of stat calls shared with another thread.
// The walk thread hands its paths as a function, so a warm check whose walk matched its snapshot
// byte for byte never splits a million paths into strings: they are asked for only when this
// thread has a chunk left to stat.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { joinStat, statBuffers, statClaimed, statPaths } from '../../../src/core/files/stat-thread.js';
import { article, cleanup, makeTempDir, write } from '../load/loader-fs.js';

describe('joinStat', () => {
  let root: string;
  let paths: string[];
  beforeEach(() => {
    root = makeTempDir();
    // Past one chunk (512), so the stat calls are taken a chunk at a time.
    paths = Array.from({ length: 1_100 }, (_, i) => path.join(root, `a-${i}.md`));
    paths.forEach((p, i) => write(root, path.basename(p), article(`Post ${i}`)));
    paths.push(path.join(root, 'gone.md'));
  });
  afterEach(() => cleanup(root));

  it('stats every path when given them as a function, asking for them only once it has a chunk to stat', async () => {
    let asked = 0;
    const shared = joinStat(
      () => {
        asked++;
        return paths;
      },
      statBuffers(paths.length),
      () => {},
    );
    expect(asked).toBe(0);
    expect(Array.from(await shared.finish())).toEqual(Array.from(statPaths(paths)));
    expect(asked).toBeGreaterThan(0);
  });

  it('never asks for the paths when the other thread has stat-ed them all', async () => {
    const buffers = statBuffers(paths.length);
    // The other thread's loop, run to the end first.
    statClaimed(paths, buffers);
    const shared = joinStat(
      () => {
        throw new Error('paths asked for with nothing left to stat');
      },
      buffers,
      () => {},
    );
    expect(Array.from(await shared.finish())).toEqual(Array.from(statPaths(paths)));
  });
});
