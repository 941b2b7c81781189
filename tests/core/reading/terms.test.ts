import { describe, expect, it } from 'vitest';
import { readingPredicate, splitReadingTerms } from '../../../src/core/reading/terms.js';
import { articleKey, earlierKeys } from '../../../src/core/reading/identity.js';

describe('splitReadingTerms', () => {
  it('takes reading terms out and keeps the rest', () => {
    expect(splitReadingTerms('bitcoin is:unread -is:saved tag:etf')).toEqual({
      rest: 'bitcoin tag:etf',
      terms: [{ flag: 'unread', negate: false }, { flag: 'saved', negate: true }],
    });
    expect(splitReadingTerms('IS:NEW').terms).toEqual([{ flag: 'new', negate: false }]);
  });
  it('leaves phrases, other is: terms and look-alikes alone', () => {
    expect(splitReadingTerms('"is:read" is:draft this:is:read').terms).toEqual([]);
    expect(splitReadingTerms('"is:read" is:draft').rest).toBe('"is:read" is:draft');
  });
});

describe('readingPredicate', () => {
  const read = new Set([1, 2]);
  const saved = new Set([2, 3]);
  const lookup = { isRead: (id: number) => read.has(id), isSaved: (id: number) => saved.has(id), isNew: (id: number) => id === 4 };
  const keep = (q: string) => [1, 2, 3, 4].filter(readingPredicate(splitReadingTerms(q).terms, lookup) ?? (() => true));
  it('ANDs the terms', () => {
    expect(keep('is:unread')).toEqual([3, 4]);
    expect(keep('is:read is:saved')).toEqual([2]);
    expect(keep('is:unread -is:saved')).toEqual([4]);
    expect(keep('is:new')).toEqual([4]);
    expect(readingPredicate([], lookup)).toBeNull();
  });
});

describe('articleKey', () => {
  it('uses the externalId, else the URL, else the path', () => {
    expect(articleKey({ externalId: 'feed-42', url: 'https://x.test/a', path: '/n/a.md' })).toBe('id:feed-42');
    expect(articleKey({ externalId: null, url: 'https://x.test/a', path: '/n/a.md' })).toBe('url:https://x.test/a');
    expect(articleKey({ externalId: null, url: null, path: '/n/a.md' })).toBe('path:/n/a.md');
  });

  it('names the keys earlier builds stored the marks under', () => {
    expect(earlierKeys({ externalId: 'feed-42', url: 'https://x.test/a', path: '/n/a.md' })).toEqual(['url:https://x.test/a', 'path:/n/a.md']);
    expect(earlierKeys({ externalId: 'feed-42', url: null, path: '/n/a.md' })).toEqual(['path:/n/a.md']);
    expect(earlierKeys({ externalId: null, url: 'https://x.test/a', path: '/n/a.md' })).toEqual(['path:/n/a.md']);
    expect(earlierKeys({ externalId: null, url: null, path: '/n/a.md' })).toEqual([]);
  });
});
