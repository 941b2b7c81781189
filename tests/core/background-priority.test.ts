import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';
import { BACKGROUND_NICENESS, lowerThread } from '../../src/core/background-priority.js';

const built = path.resolve(import.meta.dirname, '..', '..', 'dist', 'core', 'background-priority.js');

// Runs `program` (CommonJS) on a thread of its own; resolves with its first message.
function onThread(program: string): Promise<{ tid: number; niceness: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(program, { eval: true });
    worker.once('message', (m: { tid: number; niceness: number }) => void worker.terminate().then(() => resolve(m)));
    worker.once('error', reject);
  });
}

// The thread's own id (proc(5)) and niceness, posted to the starter.
const REPORT = `{
const tid = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
require('node:worker_threads').parentPort.postMessage({ tid, niceness: require('node:os').getPriority(tid) });
}`;

describe.runIf(process.platform === 'linux')('background priority of one thread', () => {
  beforeAll(() => {
    expect(fs.existsSync(built)).toBe(true); // `npm test` builds first
  });

  it('runThreadInBackground lowers the calling thread alone, not the process it runs in', async () => {
    const before = os.getPriority();
    const seen = await onThread(`import(${JSON.stringify(pathToFileURL(built).href)}).then((m) => { m.runThreadInBackground(); ${REPORT} });`);
    expect(seen.tid).not.toBe(process.pid);
    expect(seen.niceness).toBe(Math.max(BACKGROUND_NICENESS, before));
    // This thread (the process's main one) keeps its niceness.
    expect(os.getPriority()).toBe(before);
  });

  it('lowerThread works from a thread started from source text, and never raises a niceness', async () => {
    const seen = await onThread(`(${lowerThread.toString()})(require('node:fs'), require('node:os'), ${BACKGROUND_NICENESS});${REPORT}`);
    expect(seen.niceness).toBe(Math.max(BACKGROUND_NICENESS, os.getPriority()));
    const higher = await onThread(`
require('node:os').setPriority(Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop()), ${BACKGROUND_NICENESS + 5});
(${lowerThread.toString()})(require('node:fs'), require('node:os'), ${BACKGROUND_NICENESS});${REPORT}`);
    expect(higher.niceness).toBe(BACKGROUND_NICENESS + 5);
  });
});
