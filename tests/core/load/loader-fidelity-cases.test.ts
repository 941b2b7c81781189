// A tester's loader cases of issue 8 ("fields as the author wrote them", "dates people actually
// write"), copied to tests/fixtures/cases/loader-more with further files of each kind, through the
// real loader and search index, uncached and from the on-disk index: what the fixtures README says.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureLoader, type Loaded } from './fixture-loader.js';

const load = fixtureLoader(path.resolve(import.meta.dirname, '../../fixtures/cases'));

const files = (l: Loaded, query: string, includeDrafts = false): string[] =>
  l.index.search(query, { includeDrafts }).hits.map((h) => path.basename(l.index.article(h.id).path)).sort();
const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
const reasons = (l: Loaded): string[] => l.warnings.map((w) => `${path.basename(w.path)}: ${w.reason}`).sort();

describe('status: draft', () => {
  const drafts = ['capital-status.md', 'decap-pending-review.md', 'ghost-draft.md', 'pelican-status.md', 'toml-status.md', 'wp-auto-draft.md', 'wp-pending.md', 'wp-private.md'];
  const listed = ['status-live.md', 'status-published.md', 'wp-future.md'];

  it.each([false, true])('the statuses that keep a post from readers are drafts: hidden, listed with --drafts, found by is:draft (cached: %s)', async (cached) => {
    if (cached) await load('loader-more/status-drafts', true);
    const l = await load('loader-more/status-drafts', cached);
    expect(l.warnings).toEqual([]);
    expect(files(l, '')).toEqual(listed);
    expect(files(l, 'is:draft', true)).toEqual(drafts);
    // A scheduled status is timed by its date, as any article dated ahead is: outside the window until 2099.
    expect(files(l, '', true)).toEqual([...drafts, ...listed, 'scheduled-ahead.md'].sort());
    expect(l.byFile['scheduled-ahead.md'].draft).toBe(false);
  });
});

describe('draft: 1 and draft: 0', () => {
  it('are a draft and not one, in YAML, TOML and JSON front matter, as Hugo casts them', async () => {
    const l = await load('loader-more/draft-numbers');
    expect(files(l, 'is:draft', true)).toEqual(['draft-1.md', 'toml-draft-1.md']);
    expect(files(l, '')).toEqual(['draft-0.md', 'json-draft-0.md']);
  });
});
