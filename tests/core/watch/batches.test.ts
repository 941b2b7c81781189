// The watch's batches while a root is renewed (watch-here.ts): what the old folder left pending is
// forgotten, and the new folder's own events wait until its whole listing has gone out.
import { describe, expect, it } from 'vitest';
import { batcher, SETTLE_MS, type WatchBatch } from '../../../src/core/watch/batches.js';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('batcher', () => {
  it('forgets the paths it is told to, and holds back others until released', async () => {
    const got: WatchBatch[] = [];
    const b = batcher((batch) => void got.push(batch));
    const under = (root: string) => (file: string) => file.startsWith(`${root}/`);
    b.note('removed', '/old/a.md');
    b.note('added', '/keep/k.md');
    b.forget(under('/old'));
    b.hold(under('/new'));
    b.note('added', '/new/n.md');
    await pause(SETTLE_MS * 3);
    expect(got).toEqual([{ added: ['/keep/k.md'], changed: [], removed: [] }]);
    b.hold(null);
    await pause(SETTLE_MS * 3);
    expect(got).toEqual([{ added: ['/keep/k.md'], changed: [], removed: [] }, { added: ['/new/n.md'], changed: [], removed: [] }]);
    b.close();
  });
});
