// An index whose rows were all written again (another parser stamp: here another read cap) holds
// ids past the first ones: a warm load reads them back by the range they span (fresh-records.ts),
// the same articles as from rows never written again.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/core/load/load.js';

const data = fileURLToPath(new URL('../../../data', import.meta.url));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-rewritten-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const shape = (articles: Awaited<ReturnType<typeof loadCorpus>>['articles']): string[] => articles.map((a) => `${a.relPath}|${a.title}|${a.publishedAt}|${a.tags.join(',')}|${a.source}`).sort();

describe('a warm load over rows written again', () => {
  it('reads every article back from ids that start past the first rows', async () => {
    const cap = 2 * 1024 * 1024;
    const first = await loadCorpus([data], { cache: true, cacheDir: dir });
    await first.fullText;
    const rewritten = await loadCorpus([data], { cache: true, cacheDir: dir, maxFileSize: cap });
    await rewritten.fullText;
    expect(Math.min(...rewritten.indexIds!)).toBeGreaterThan(Math.max(...first.indexIds!));
    const warm = await loadCorpus([data], { cache: true, cacheDir: dir, maxFileSize: cap });
    // Read from the index (the same row ids), not parsed again.
    expect([...warm.indexIds!].sort((a, b) => a - b)).toEqual([...rewritten.indexIds!].sort((a, b) => a - b));
    expect(warm.articles.length).toBe(first.articles.length);
    expect(shape(warm.articles)).toEqual(shape(first.articles));
  });
});
