import { describe, expect, it } from 'vitest';
import { compareLabels, countText } from '../../../src/core/text/index.js';

describe('countText', () => {
  it('groups integer digits by three with commas, as en-US does', () => {
    for (const n of [0, 7, 12, 999, 1000, 99015, 123456, 1234567, 1000000000, -1234, -12, 1234.5, 0.25, 2 ** 53]) {
      expect(countText(n)).toBe(n.toLocaleString('en-US', { maximumFractionDigits: 20 }));
    }
  });

  it('leaves what has no digits to group as String writes it', () => {
    expect(countText(Number.NaN)).toBe('NaN');
    expect(countText(Infinity)).toBe('Infinity');
    expect(countText(1e21)).toBe('1e+21');
  });
});

describe('compareLabels', () => {
  it('orders case-insensitively, then by code unit', () => {
    expect(['Ethereum', 'bitcoin', 'Bitcoin', 'ada'].sort(compareLabels)).toEqual(['ada', 'Bitcoin', 'bitcoin', 'Ethereum']);
    expect(compareLabels('x', 'x')).toBe(0);
  });
});

describe('the program asks ICU for no number formats nor label collation', () => {
  // Each loads ICU data that stays resident (count-text.ts); a grep, so a new call is caught here.
  it('has no Intl.NumberFormat, toLocaleString or localeCompare in src/', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const files = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f));
    expect(files.length).toBeGreaterThan(100);
    const calls = files.flatMap((f) =>
      readFileSync(`src/${f}`, 'utf8')
        .split('\n')
        .filter((line) => !line.trim().startsWith('//') && /Intl\.NumberFormat|\.toLocaleString\(|\.localeCompare\(/.test(line))
        .map((line) => `${f}: ${line.trim()}`),
    );
    expect(calls).toEqual([]);
  });
});
