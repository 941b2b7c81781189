// TurboFan's inlining turned off while a load's threads parse (src/core/jit-flags.ts). V8's
// tag for code caches hashes every flag's value, so it shows which flags are in force.
import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { compileWithoutInlining } from '../../src/core/jit-flags.js';

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
