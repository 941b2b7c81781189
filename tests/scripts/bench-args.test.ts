// The bench scripts' one reading of their options (scripts/bench/args.mjs): `--name VALUE` and `--flag`.
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ESM script of the bench, without type declarations.
import { benchArgs } from '../../scripts/bench/args.mjs';

describe('benchArgs', () => {
  it('reads an option’s value, falls back when it is absent or has none, and tells flags', () => {
    const { argv, opt, flag } = benchArgs(['.bench/corpus-10k', '--runs', '3', '--cold', '--key']);
    expect(argv[0]).toBe('.bench/corpus-10k');
    expect(opt('runs', '5')).toBe('3');
    expect(opt('settle', '0')).toBe('0');
    // `--key` is last: no value given, the fallback stands.
    expect(opt('key', 'C-c')).toBe('C-c');
    expect(flag('cold')).toBe(true);
    expect(flag('keys-only')).toBe(false);
  });
});
