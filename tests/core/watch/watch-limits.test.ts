// The check before a native folder watch (src/core/watch/watch-limits.ts): a watch that would
// freeze the process (@parcel/watcher 2.6.0 waits forever when pipe2/inotify_init1 fail) is
// refused with a sentence naming the limit and how to raise it.
import { describe, expect, it } from 'vitest';
import { FILES_A_WATCH_NEEDS, openFilesLimit, systemSources, watchUnavailable, type LimitSources } from '../../../src/core/watch/watch-limits.js';

const LIMITS = (soft: string) => `Limit                     Soft Limit           Hard Limit           Units     \nMax cpu time              unlimited            unlimited            seconds   \nMax open files            ${soft}                 4096                 files     \n`;

const sources = (o: Partial<{ soft: string; open: number; max: number | null; used: number }>): LimitSources => ({
  limits: () => LIMITS(o.soft ?? '1024'),
  openFiles: () => o.open ?? 20,
  maxInstances: () => (o.max === undefined ? 128 : o.max),
  usedInstances: () => o.used ?? 3,
});

describe('watchUnavailable', () => {
  it('leaves room when both limits are far', () => {
    expect(watchUnavailable(sources({}))).toBeNull();
  });

  it('refuses when the open files leave no room, naming ulimit -n and the limit', () => {
    const reason = watchUnavailable(sources({ soft: '64', open: 64 - FILES_A_WATCH_NEEDS + 1 }));
    expect(reason).toContain('too many open files');
    expect(reason).toContain('64');
    expect(reason).toContain('ulimit -n');
    expect(watchUnavailable(sources({ soft: '64', open: 64 - FILES_A_WATCH_NEEDS }))).toBeNull();
  });

  it('refuses when the user holds every inotify instance, naming the sysctl', () => {
    const reason = watchUnavailable(sources({ max: 128, used: 128 }));
    expect(reason).toContain('inotify instances');
    expect(reason).toContain('128 of 128');
    expect(reason).toContain('fs.inotify.max_user_instances');
    expect(watchUnavailable(sources({ max: 128, used: 127 }))).toBeNull();
  });

  it('tries the watch when nothing can be read', () => {
    const none: LimitSources = {
      limits: () => {
        throw new Error('ENOENT');
      },
      openFiles: () => 0,
      maxInstances: () => null,
      usedInstances: () => 0,
    };
    expect(watchUnavailable(none)).toBeNull();
    expect(watchUnavailable(sources({ soft: 'unlimited', open: 1e6, max: null }))).toBeNull();
  });

  it('reads the soft limit of open files from /proc/self/limits', () => {
    expect(openFilesLimit(LIMITS('1024'))).toBe(1024);
    expect(openFilesLimit(LIMITS('unlimited'))).toBeNull();
    expect(openFilesLimit('')).toBeNull();
  });

  it('reads this system (Linux): its own limit, its open files, at least its own count of instances', () => {
    expect(openFilesLimit(systemSources.limits())).toBeGreaterThan(0);
    expect(systemSources.openFiles()).toBeGreaterThan(2);
    expect(systemSources.usedInstances()).toBeGreaterThanOrEqual(0);
  });
});
