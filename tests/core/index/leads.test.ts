// Lead paragraphs read back from the index are the ones the files give, without reading a file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { leadsFromIndex } from '../../../src/core/index/leads.js';
import { indexFile } from '../../../src/core/index/location.js';
import { loadCorpus } from '../../../src/core/load/load.js';
import { leadParagraph } from '../../../src/core/text/lead.js';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-leads-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('leadsFromIndex', () => {
  it('gives each path the lead paragraph of its body, in order, and "" for a path it does not hold', async () => {
    const corpus = path.join(root, 'news');
    fs.mkdirSync(corpus);
    const bodies = ['# Heading\n\nFirst lead here.\n\nMore.', '![x](y.png)\n\nSecond, after an image.', '```\ncode only\n```'];
    bodies.forEach((b, i) => fs.writeFileSync(path.join(corpus, `${i}.md`), `---\ntitle: T${i}\n---\n${b}\n`));
    const cacheDir = path.join(root, 'cache');
    const { articles } = await loadCorpus([corpus], { cacheDir });
    const file = indexFile(cacheDir, [corpus]);
    const paths = [...articles.map((a) => a.path), path.join(corpus, 'missing.md')];
    // What the files give (the body read back from each file), and '' for the path with no row.
    const fromFiles = [...articles.map((a) => leadParagraph(a.body)), ''];
    expect(fromFiles[0]).toBe('First lead here.');
    expect(fromFiles[1].trim()).toBe('Second, after an image.');
    expect(fromFiles[2]).toBe('');
    expect(leadsFromIndex(file, paths)).toEqual(fromFiles);
    // Many paths take one pass over the rows: same answer.
    const many = Array.from({ length: 2_500 }, (_, i) => paths[i % paths.length]);
    expect(leadsFromIndex(file, many)).toEqual(many.map((p) => fromFiles[paths.indexOf(p)]));
  });

  it('is null without a usable index', () => {
    expect(leadsFromIndex(path.join(root, 'none.sqlite'), ['/a.md'])).toBeNull();
    fs.writeFileSync(path.join(root, 'junk.sqlite'), 'not a database');
    expect(leadsFromIndex(path.join(root, 'junk.sqlite'), ['/a.md'])).toBeNull();
  });
});
