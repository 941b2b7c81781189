// The keys dates are read under. Obsidian Linter's timestamps (`date created`, `date modified`)
// and its users' `last modified` were ignored without a word (a tester): the article was dated by
// the file's time, marked `~`.
import { describe, expect, it } from 'vitest';
import { publishedDate, updatedDate } from '../../../src/core/load/dates/published-date.js';

describe('date keys', () => {
  it.each([
    ['date created', 'Monday, July 21st 2025, 7:07:34 am', Date.UTC(2025, 6, 21, 7, 7, 34)],
    ['dateCreated', '2025-07-21T07:07:34Z', Date.UTC(2025, 6, 21, 7, 7, 34)],
    ['datePublished', '2025-07-21', Date.UTC(2025, 6, 21)],
    ['date_created', '2025-07-21', Date.UTC(2025, 6, 21)],
  ])('%s is the publication date', (key, value, ms) => {
    expect(publishedDate({ [key]: value }, 'x.md', 5)).toMatchObject({ at: ms, guessed: false, warnings: [] });
  });

  it('a `date` comes before `date created`', () => {
    expect(publishedDate({ 'date created': '2025-07-21', date: '2025-07-20' }, 'x.md', 5).at).toBe(Date.UTC(2025, 6, 20));
  });

  it.each([
    ['date modified', 'Tuesday, July 22nd 2025, 7:49:18 am', Date.UTC(2025, 6, 22, 7, 49, 18)],
    ['last modified', '2024-03-12 17:05', Date.UTC(2024, 2, 12, 17, 5)],
    ['dateModified', '2024-03-12T17:05:00Z', Date.UTC(2024, 2, 12, 17, 5)],
    ['lastModified', '2024-03-12', Date.UTC(2024, 2, 12)],
    ['last_modified', '2024-03-12', Date.UTC(2024, 2, 12)],
    ['modified_at', '2024-03-12', Date.UTC(2024, 2, 12)],
  ])('%s is the update date', (key, value, ms) => {
    expect(updatedDate({ [key]: value })?.at).toBe(ms);
  });

  it('an unreadable `date modified` is warned about by its key, as the other update keys are', () => {
    const warnings: string[] = [];
    expect(updatedDate({ 'date modified': 'someday' }, [], warnings)).toBeNull();
    expect(warnings).toEqual(['date modified "someday" not understood; not applied']);
  });
});
