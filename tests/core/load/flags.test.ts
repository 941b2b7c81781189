// Which front matter marks an article as a draft: the flags (`draft`, Jekyll's `published`) and,
// found by a tester, a publishing status (`status: draft` from Ghost, WordPress, Decap CMS,
// Astro, Pelican) and Hugo's numbers (`draft: 1`).
import { describe, expect, it } from 'vitest';
import { isDraft, isDraftStatus } from '../../../src/core/load/flags.js';

describe('isDraft', () => {
  it.each([
    // The status, under its key in any case the exports write it, its value in any case.
    [{ status: 'draft' }, true], [{ Status: 'Draft' }, true], [{ STATUS: 'DRAFT' }, true], [{ status: ' draft ' }, true],
    // WordPress's statuses that keep a post from readers, and Decap CMS's editorial workflow's.
    [{ status: 'pending' }, true], [{ status: 'auto-draft' }, true], [{ status: 'private' }, true], [{ status: 'trash' }, true],
    [{ status: 'pending_review' }, true], [{ status: 'pending_publish' }, true],
    // Statuses that publish: a scheduled one is timed by its date (core/publication-window.ts).
    [{ status: 'published' }, false], [{ status: 'publish' }, false], [{ status: 'public' }, false], [{ status: 'live' }, false],
    [{ status: 'future' }, false], [{ status: 'scheduled' }, false], [{ status: 'breaking' }, false], [{ status: ['draft'] }, false],
    // Hugo casts a number to a bool: `draft: 1` is a draft, `draft: 0` is not; YAML, TOML and JSON give its text.
    [{ draft: '1' }, true], [{ draft: '0' }, false], [{ draft: '2' }, true], [{ draft: '0.0' }, false], [{ draft: 1 }, true], [{ draft: 0 }, false],
    // Only `draft` reads numbers: `published` holding a number is a date (published-date.ts).
    [{ published: '0' }, false], [{ published: '1762252200' }, false],
    // As before: flag words, Jekyll's published: false; a draft flag wins over a published status.
    [{ draft: 'yes' }, true], [{ draft: 'no' }, false], [{ published: 'false' }, true], [{ draft: 'true', status: 'published' }, true],
    [{ draft: null }, false], [{}, false],
  ])('%o is a draft: %s', (data, want) => {
    expect(isDraft(data as Record<string, unknown>)).toBe(want);
  });

  it('reads no status that is not a string', () => {
    expect([isDraftStatus(undefined), isDraftStatus(1), isDraftStatus({ draft: true }), isDraftStatus('Draft')]).toEqual([false, false, false, true]);
  });
});
