import { describe, expect, it } from 'vitest';
import { dateFromFileName, parseDate } from '../../src/core/dates.js';

const iso = (s: string): number => Date.parse(s);

describe('parseDate', () => {
  const cases: Array<[string, unknown, number | null]> = [
    ['ISO string with ms and Z', '2025-11-14T02:13:55.000Z', iso('2025-11-14T02:13:55.000Z')],
    ['ISO string with offset', '2024-02-06T14:00:00-05:00', iso('2024-02-06T19:00:00Z')],
    ['Jekyll space and +0000', '2025-10-03 14:00:00 +0000', iso('2025-10-03T14:00:00Z')],
    ['Jekyll space and -0130', '2025-10-03 14:00:00 -0130', iso('2025-10-03T15:30:00Z')],
    ['date only is UTC midnight', '2024-01-05', iso('2024-01-05T00:00:00Z')],
    ['time without zone is UTC', '2024-01-05T10:20', iso('2024-01-05T10:20:00Z')],
    ['single-digit month and day', '2024-1-5', iso('2024-01-05T00:00:00Z')],
    ['RFC 2822 pubDate', 'Sun, 30 Jun 2024 22:00:00 GMT', iso('2024-06-30T22:00:00Z')],
    ['month name', 'June 30, 2024 UTC', iso('2024-06-30T00:00:00Z')],
    ['YAML Date object', new Date('2024-01-05T00:00:00Z'), iso('2024-01-05T00:00:00Z')],
    ['epoch seconds', 1717200000, iso('2024-06-01T00:00:00Z')],
    ['epoch milliseconds', 1717200000000, iso('2024-06-01T00:00:00Z')],
    ['epoch seconds as string', '1717200000', iso('2024-06-01T00:00:00Z')],
    ['bare year number', 2024, iso('2024-01-01T00:00:00Z')],
    ['February 30 is not a date', '2024-02-30', null],
    ['hour 25 is not a time', '2024-02-01 25:00:00', null],
    ['a word', 'yesterday', null],
    ['a lone digit is not a year', '1', iso('1970-01-01T00:00:01Z')],
    ['empty string', '', null],
    ['invalid Date object', new Date('nope'), null],
    ['boolean', true, null],
    ['list', ['2024-01-01'], null],
    ['object', { date: '2024-01-01' }, null],
    ['NaN', Number.NaN, null],
    ['very long string', `2024-01-01 ${'x'.repeat(100)}`, null],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });
});

describe('dateFromFileName', () => {
  const cases: Array<[string, number | null]> = [
    ['2024-01-05-bitcoin-etf-approved.md', iso('2024-01-05T00:00:00Z')],
    ['2023-12-24-halving.markdown', iso('2023-12-24T00:00:00Z')],
    ['2024-13-01-bad-month.md', null],
    ['2024-01-05.md', null],
    ['bitcoin-2024-01-05-news.md', null],
    ['notes.md', null],
  ];
  it.each(cases)('%s', (name, expected) => {
    expect(dateFromFileName(name)).toBe(expected);
  });
});
