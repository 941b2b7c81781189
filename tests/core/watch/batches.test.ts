// The watch's batches while a root is renewed (watch-here.ts): what the old folder left pending is
// forgotten, and the new folder's own events wait until its whole listing has gone out.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BATCH_QUIET_MS, batcher, PAIR_MS, SETTLE_MS, type WatchBatch } from '../../../src/core/watch/batches.js';

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

  describe('a rename whose halves come a quiet time apart (a watch process starved on a loaded machine)', () => {
    afterEach(() => void vi.useRealTimers());

    it('hands the removal over with the creation, in one batch', () => {
      vi.useFakeTimers();
      const got: WatchBatch[] = [];
      const b = batcher((batch) => void got.push(batch));
      b.note('removed', '/n/a.md');
      vi.advanceTimersByTime(BATCH_QUIET_MS + 20);
      b.note('added', '/n/a-renamed.md');
      vi.advanceTimersByTime(PAIR_MS * 3);
      b.close();
      expect(got).toEqual([{ added: ['/n/a-renamed.md'], changed: [], removed: ['/n/a.md'] }]);
    });

    it('hands the creation over with a removal noted a moment after it', () => {
      vi.useFakeTimers();
      const got: WatchBatch[] = [];
      const b = batcher((batch) => void got.push(batch));
      b.note('added', '/n/a-renamed.md');
      vi.advanceTimersByTime(BATCH_QUIET_MS - 10);
      b.note('removed', '/n/a.md');
      vi.advanceTimersByTime(PAIR_MS * 3);
      b.close();
      expect(got).toEqual([{ added: ['/n/a-renamed.md'], changed: [], removed: ['/n/a.md'] }]);
    });

    it('keeps the halves together when another file is written right after them', () => {
      // A rename and, a moment later, an arrival (live-arrivals-tmux.test.ts): the removal waited
      // for the new file while the rename's creation, settled, went on alone.
      vi.useFakeTimers();
      const got: WatchBatch[] = [];
      const b = batcher((batch) => void got.push(batch));
      b.note('added', '/n/alpha-renamed.md');
      b.note('removed', '/n/alpha.md');
      vi.advanceTimersByTime(SETTLE_MS - 10);
      b.note('added', '/n/gamma.md');
      vi.advanceTimersByTime(PAIR_MS * 3);
      b.close();
      const withRename = got.find((batch) => batch.added.includes('/n/alpha-renamed.md'));
      expect(withRename?.removed).toEqual(['/n/alpha.md']);
    });

    it('holds a lone removal SETTLE_MS at most, and one beside a growing file PAIR_MS at most', () => {
      vi.useFakeTimers();
      const got: WatchBatch[] = [];
      const b = batcher((batch) => void got.push(batch));
      b.note('removed', '/n/gone.md');
      vi.advanceTimersByTime(SETTLE_MS * 2);
      expect(got).toEqual([{ added: [], changed: [], removed: ['/n/gone.md'] }]);
      // A file written every 200 ms never settles; the removal beside it goes after PAIR_MS.
      b.note('removed', '/n/old.md');
      for (let t = 0; t < PAIR_MS * 2; t += 200) {
        b.note('changed', '/n/log.md');
        vi.advanceTimersByTime(200);
      }
      expect(got[1]).toEqual({ added: [], changed: [], removed: ['/n/old.md'] });
      b.close();
    });
  });
});
