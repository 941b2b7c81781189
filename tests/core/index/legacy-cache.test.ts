// The cache files the index replaced (`<key>.json`, `<key>.bodies`) are removed when their folder is opened.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { indexFile } from '../../../src/core/index/location.js';
import { loadCorpus } from '../../../src/core/load/load.js';

it('removes the old cache format files of the folder it opens, and only those', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-legacy-'));
  try {
    const corpus = path.join(root, 'news');
    const cacheDir = path.join(root, 'cache');
    fs.mkdirSync(corpus);
    fs.mkdirSync(cacheDir);
    fs.writeFileSync(path.join(corpus, 'a.md'), '---\ntitle: Alpha\n---\nBody.\n');
    const stem = indexFile(cacheDir, [corpus]).replace(/\.sqlite$/, '');
    for (const f of [`${stem}.json`, `${stem}.bodies`, path.join(cacheDir, 'other.json')]) fs.writeFileSync(f, 'old');
    const { articles } = await loadCorpus([corpus], { cacheDir });
    expect(articles.map((a) => a.title)).toEqual(['Alpha']);
    expect(fs.existsSync(`${stem}.json`)).toBe(false);
    expect(fs.existsSync(`${stem}.bodies`)).toBe(false);
    expect(fs.existsSync(path.join(cacheDir, 'other.json'))).toBe(true);
    expect(fs.existsSync(`${stem}.sqlite`)).toBe(true);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
