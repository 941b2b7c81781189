// A warm load of many held files lets the walk's list go, and collects it, before it makes the
// articles (load.ts, `collectBeforeArticles`): the articles and warnings are the same as a load
// that keeps the list, a held file's warning naming its path (read from its row, not the walk).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/core/load/load.js';

let root: string;
let cacheDir: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-walk-let-go-'));
  cacheDir = path.join(root, 'cache');
  const news = path.join(root, 'news');
  fs.mkdirSync(path.join(news, 'sub'), { recursive: true });
  for (const n of ['a', 'b', 'c']) fs.writeFileSync(path.join(news, `${n}.md`), `---\ntitle: Story ${n}\n---\nBody of ${n}.\n`);
  // Read truncated at the cap below: a warning the index keeps with the row.
  fs.writeFileSync(path.join(news, 'sub', 'long.md'), `---\ntitle: Long one\n---\n${'word '.repeat(400)}\n`);
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('a warm load that collects the walk before the articles', () => {
  it('gives the same articles and warnings as one that keeps it, and as the cold load', async () => {
    const dir = path.join(root, 'news');
    const opts = { cacheDir, workers: 0, maxFileSize: 1024 };
    const shape = (r: Awaited<ReturnType<typeof loadCorpus>>): unknown => ({
      articles: r.articles.map((a) => [a.id, a.path, a.relPath, a.title]),
      warnings: r.warnings,
    });
    const cold = shape(await loadCorpus([dir], opts));
    const kept = shape(await loadCorpus([dir], { ...opts, collectBeforeArticles: Infinity }));
    const letGo = shape(await loadCorpus([dir], { ...opts, collectBeforeArticles: 0 }));
    expect(letGo).toEqual(kept);
    expect(letGo).toEqual(cold);
    expect((letGo as { warnings: unknown[] }).warnings).toEqual([{ path: path.join(dir, 'sub', 'long.md'), reason: 'truncated to 1 KiB' }]);
  });
});
