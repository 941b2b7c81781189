// TurboFan's inlining turned off while a load's threads parse (src/core/jit-flags.ts). V8's
// tag for code caches hashes every flag's value, so it shows which flags are in force.
import v8 from 'node:v8';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { compileWithoutInlining, compileWithoutInliningOnce } from '../../src/core/jit-flags.js';

describe('compileWithoutInlining', () => {
  it('changes the flags until restored, and gives V8 its default back (the tag threads are started with)', () => {
    const before = v8.cachedDataVersionTag();
    const restore = compileWithoutInlining();
    expect(v8.cachedDataVersionTag()).not.toBe(before);
    restore();
    expect(v8.cachedDataVersionTag()).toBe(before);
    // A second call of the same function changes nothing.
    restore();
    expect(v8.cachedDataVersionTag()).toBe(before);
  });

  it('keeps inlining off until the last of two overlapping calls is restored', () => {
    const before = v8.cachedDataVersionTag();
    const first = compileWithoutInlining();
    const during = v8.cachedDataVersionTag();
    const second = compileWithoutInlining();
    first();
    expect(v8.cachedDataVersionTag()).toBe(during);
    second();
    expect(v8.cachedDataVersionTag()).toBe(before);
  });
});

describe('compileWithoutInliningOnce', () => {
  // Lets the promise callbacks queued so far run.
  const settle = (): Promise<void> => new Promise((r) => setImmediate(r));

  it('changes the flags only once ready settles, and gives the default back when called', async () => {
    const before = v8.cachedDataVersionTag();
    let go!: () => void;
    const back = compileWithoutInliningOnce(new Promise<void>((r) => (go = r)));
    await settle();
    expect(v8.cachedDataVersionTag()).toBe(before);
    go();
    await settle();
    expect(v8.cachedDataVersionTag()).not.toBe(before);
    back();
    expect(v8.cachedDataVersionTag()).toBe(before);
    back();
    expect(v8.cachedDataVersionTag()).toBe(before);
  });

  it('changes nothing when called before ready settles', async () => {
    const before = v8.cachedDataVersionTag();
    let go!: () => void;
    const back = compileWithoutInliningOnce(new Promise<void>((r) => (go = r)));
    back();
    go();
    await settle();
    expect(v8.cachedDataVersionTag()).toBe(before);
  });

  it('gives the default back as a worker thread is started, so that thread takes the code cache', async () => {
    const before = v8.cachedDataVersionTag();
    const back = compileWithoutInliningOnce(Promise.resolve());
    await settle();
    expect(v8.cachedDataVersionTag()).not.toBe(before);
    const worker = new Worker("require('node:worker_threads').parentPort.postMessage(require('node:v8').cachedDataVersionTag())", { eval: true });
    const tag = await new Promise((resolve) => worker.once('message', resolve));
    await worker.terminate();
    expect(tag).toBe(before);
    expect(v8.cachedDataVersionTag()).toBe(before);
    back();
    expect(v8.cachedDataVersionTag()).toBe(before);
  });
});
