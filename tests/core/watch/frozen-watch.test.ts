// A watch process that freezes in @parcel/watcher's call (it said `subscribing`, never
// `accepted`): after FROZEN_MS its subscription is refused as unavailable, saying live updates
// are off, and the process is killed; the caller never waits on it for good.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { FROZEN_MS, subscribeInProcess, type Subscriber } from '../../../src/core/watch/subscriber.js';
import { WatchUnavailable } from '../../../src/core/watch/watch-limits.js';
import { processGone } from '../../helpers/process-gone.js';

const script = pathToFileURL(path.join(import.meta.dirname, 'few-files', 'frozen-watch.mjs'));
let open: Subscriber | undefined;
// This process's children, from every thread's list (a test may run on a worker thread).
const children = (): string[] =>
  fs.readdirSync(`/proc/${process.pid}/task`).flatMap((t) => fs.readFileSync(`/proc/${process.pid}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean));
afterEach(() => open?.close());

describe('a watch process frozen in its first subscription', () => {
  it('is killed, and the subscription refused as unavailable', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-frozen-'));
    try {
      const before = new Set(children());
      open = subscribeInProcess(script);
      const started = children().filter((pid) => !before.has(pid));
      expect(started.length).toBeGreaterThan(0);
      const error = await open.subscribe(dir, [], () => {}).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(WatchUnavailable);
      expect((error as Error).message).toContain('live updates off');
      for (const pid of started) expect(await processGone(Number(pid))).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, FROZEN_MS + 120_000);
});
