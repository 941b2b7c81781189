// The bodies a limited search reads (the newest BODY_DEPTH, search-settings.ts), read ahead after a
// load on the parse worker threads. A loaded article's body stays in its file until searched, and
// reading it on the UI thread means a full parse of the file (~0.5 ms): 10k of them in the first
// keystroke, or in SearchIndex.prepare, froze the dashboard for seconds. The workers read and fold
// them in the background instead; a body is kept only when the file is still the one the article
// was loaded from (same path, size and mtime).

import { keepsBodyOnDisk, type Article, type FoldedBodyOnDisk } from '../article.js';
import { R } from '../article-record.js';
import { importLoader, type ParseJob } from '../load/index.js';
import path from 'node:path';
import { bodyWordsByPath, cacheDirectory, indexFile } from '../index/index.js';
import { bodyWords } from './search.js';

/**
 * Reads and keeps the folded bodies of these articles that have none in memory yet; resolves with
 * how many were kept. `shouldStop` is asked between batches (the dashboard closing). Never rejects.
 */
export async function preloadBodies(articles: readonly Article[], shouldStop: () => boolean = () => false, workers?: number): Promise<number> {
  const lazy = articles.filter((a) => keepsBodyOnDisk(a) && !a.hasLowerBody) as FoldedBodyOnDisk[];
  if (lazy.length === 0) return 0;
  const jobs: ParseJob[] = lazy.map((a) => ({ path: a.path, relPath: a.relPath, folderName: path.basename(path.dirname(a.path)) }));
  let kept = 0;
  try {
    const { parseAll } = await importLoader();
    await parseAll(
      jobs,
      lazy[0].maxFileSize,
      (start, files) => {
        if (shouldStop()) return;
        files.forEach((f, k) => {
          const a = lazy[start + k];
          if (!f.outcome.ok || f.lowerBody === null) return;
          const r = f.outcome.record;
          if (r[R.path] !== a.path || r[R.size] !== a.size || r[R.mtimeMs] !== a.mtimeMs) return;
          a.attachLowerBody(f.lowerBody);
          kept += 1;
        });
      },
      { workers },
    );
  } catch {
    // Bodies not read ahead are read on first use instead.
  }
  return kept;
}

const NO_BODY = Buffer.alloc(0);

/**
 * For a search of `query` over a load of `paths` whose index (at its usual place) holds `total`
 * articles: gives every article of `articles` a stand-in folded body made of the query's words its
 * real body holds, as the index says (see bodyWordsByPath), so the search's substring tests give
 * the answers the real bodies would, and no file is read. Returns false, having changed nothing,
 * when the index cannot answer; the caller then reads the bodies (preloadBodies).
 */
export function answerBodiesFromIndex(articles: readonly Article[], query: string, paths: readonly string[], total: number, cacheDir = cacheDirectory()): boolean {
  const words = bodyWords(query);
  if (!words || words.length === 0) return false;
  const held = bodyWordsByPath(indexFile(cacheDir, paths), words, total);
  if (!held) return false;
  for (const a of articles) {
    if (!keepsBodyOnDisk(a) || a.hasLowerBody) continue;
    const found = held.get(a.path);
    // Words joined by a newline: no word (letters and digits only) can match across the join.
    a.attachLowerBody(found ? Buffer.from(found.join('\n'), 'utf8') : NO_BODY);
  }
  return true;
}
