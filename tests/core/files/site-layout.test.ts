import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isArticleName } from '../../../src/core/files/article-names.js';
import { MARKDOWN_EXTENSIONS } from '../../../src/core/files/markdown-extensions.js';
import { isJekyllDocument, isSectionPage, siteKindOfFolder, sourceFolder } from '../../../src/core/files/site-layout.js';
import { walkPaths } from '../../../src/core/files/walk.js';
import { article, cleanup, makeTempDir, write } from '../load/loader-fs.js';

// A Hugo site's repository as people clone it: config, content with section pages, archetype
// templates (Go template code in their front matter), a theme with its README and example site.
function hugoSite(root: string): void {
  write(root, 'hugo.toml', 'baseURL = "https://example.org/"\ntitle = "Chain Notes"\n');
  write(root, 'README.md', '# Chain Notes\n\nHow to build the site.\n');
  write(root, 'archetypes/default.md', '---\ntitle: "{{ replace .File.ContentBaseName "-" " " | title }}"\ndate: {{ .Date }}\ndraft: true\n---\n');
  write(root, 'content/_index.md', '---\ntitle: Home\n---\nWelcome.\n');
  write(root, 'content/posts/_index.md', '---\ntitle: Posts\n---\n');
  write(root, 'content/posts/eth-upgrade.md', article('ETH upgrade'));
  write(root, 'content/posts/bundle/index.md', article('Bundle post'));
  write(root, 'themes/ananke/README.md', '# Ananke\n');
  write(root, 'themes/ananke/archetypes/default.md', '---\ndate: {{ .Date }}\n---\n');
  write(root, 'themes/ananke/exampleSite/content/post/chapter-1.md', article('Theme sample'));
  write(root, 'layouts/partials/note.md', 'partial');
  write(root, 'public/posts/eth-upgrade/index.md', article('Built copy'));
}

function jekyllSite(root: string): void {
  write(root, '_config.yml', 'title: Optech\n');
  write(root, 'README.md', '# Optech site\n');
  write(root, 'index.md', '---\nlayout: home\n---\n');
  write(root, '_posts/2024-01-05-newsletter.md', article('Newsletter #1'));
  write(root, '_drafts/upcoming.md', article('Upcoming'));
  write(root, '_includes/references.md', '[BIP125]: https://example.org/bip125');
  write(root, '_layouts/post.md', 'layout');
  write(root, '_site/2024/01/05/newsletter.md', article('Built copy'));
  write(root, 'vendor/bundle/gems/minima/README.md', '# minima\n');
  write(root, 'es/_posts/2024-01-05-boletin.md', article('Boletín #1'));
}

describe('the walk at a static site root reads its articles, not its machinery', () => {
  let root: string;
  beforeEach(() => {
    root = makeTempDir();
  });
  afterEach(() => cleanup(root));

  it('takes only content/ of a Hugo site, without section pages (_index.md)', async () => {
    hugoSite(root);
    const { files, warnings } = await walkPaths([root]);
    expect(warnings).toEqual([]);
    expect(files.map((f) => f.relPath)).toEqual([path.join('content/posts/bundle/index.md'), path.join('content/posts/eth-upgrade.md')]);
  });

  it('reads a Zola site (config.toml and content/) the same way', async () => {
    write(root, 'config.toml', 'base_url = "https://example.org"\n');
    write(root, 'templates/index.md', 'x');
    write(root, 'content/blog/_index.md', '+++\ntitle = "Blog"\n+++\n');
    write(root, 'content/blog/first.md', article('First'));
    const { files } = await walkPaths([root]);
    expect(files.map((f) => f.relPath)).toEqual([path.join('content/blog/first.md')]);
  });

  it('takes _posts and _drafts of a Jekyll site, at any depth, and none of its pages or _-folders', async () => {
    jekyllSite(root);
    const { files } = await walkPaths([root]);
    expect(files.map((f) => f.relPath).sort()).toEqual(
      ['_drafts/upcoming.md', '_posts/2024-01-05-newsletter.md', 'es/_posts/2024-01-05-boletin.md'].map((p) => path.join(p)),
    );
  });

  it('walks a folder passed by name whole: a theme example site, a Jekyll collection', async () => {
    hugoSite(root);
    write(root, '_news/2024-02-01-briefing.md', article('Briefing'));
    const { files } = await walkPaths([path.join(root, 'themes/ananke/exampleSite/content'), path.join(root, '_news')]);
    expect(files.map((f) => f.relPath)).toEqual([path.join('post/chapter-1.md'), '2024-02-01-briefing.md']);
  });

  it('leaves an ordinary folder alone: a config.toml without content/, README.md among articles', async () => {
    write(root, 'config.toml', 'x = 1\n');
    write(root, 'README.md', article('Readme'));
    write(root, 'notes/a.md', article('A'));
    const { files } = await walkPaths([root]);
    expect(files.map((f) => f.relPath)).toEqual(['README.md', path.join('notes/a.md')]);
    expect(siteKindOfFolder(root)).toBeNull();
  });

  it('tells a folder on disk by the same rule as its listing', () => {
    hugoSite(root);
    expect(siteKindOfFolder(root)).toBe('hugo');
    expect(siteKindOfFolder(path.join(root, 'content'))).toBeNull();
    const jekyll = makeTempDir();
    try {
      jekyllSite(jekyll);
      expect(siteKindOfFolder(jekyll)).toBe('jekyll');
    } finally {
      cleanup(jekyll);
    }
  });
});

describe('isJekyllDocument', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => cleanup(dir));

  // Found by a tester: a collection's `tags: etf flows` stayed one tag, as only `_posts` had Jekyll's rules.
  it('a file under a folder holding _config.yml is a Jekyll document: collections, pages, folders under them', () => {
    write(dir, 'site/_config.yml', 'title: Site\n');
    write(dir, 'site/_news/collection.md', article('Collection post'));
    write(dir, 'site/_news/2025/deep.md', article('Deep'));
    write(dir, 'plain/news.md', article('Plain'));
    const place = (rel: string) => ({ path: path.join(dir, rel), folderName: path.basename(path.dirname(path.join(dir, rel))) });
    expect(isJekyllDocument(place('site/_news/collection.md'), false)).toBe(true);
    expect(isJekyllDocument(place('site/_news/2025/deep.md'), false)).toBe(true);
    expect(isJekyllDocument(place('plain/news.md'), false)).toBe(false);
    expect(isJekyllDocument(place('plain/news.md'), true)).toBe(false);
    // Posts and drafts are, wherever they are; a dated name is one with Jekyll's layout key.
    expect(isJekyllDocument({ path: '/nowhere/_posts/a.md', folderName: '_posts' }, false)).toBe(true);
    expect(isJekyllDocument({ path: path.join(dir, 'plain/2024-01-02-a.md'), folderName: 'plain' }, true)).toBe(true);
    expect(isJekyllDocument({ path: path.join(dir, 'plain/2024-01-02-b.md'), folderName: 'plain' }, false)).toBe(false);
  });

  // Found by a tester: the dated name knew only `.md` and `.markdown`, so a copied `.mdown` post kept `tags: "etf flows"` one tag.
  it.each(MARKDOWN_EXTENSIONS)('a dated name with the layout key is a Jekyll post with any Markdown extension: .%s', (ext) => {
    expect(isJekyllDocument({ path: path.join(dir, `plain/2024-01-02-a.${ext}`), folderName: 'plain' }, true)).toBe(true);
    expect(isJekyllDocument({ path: path.join(dir, `plain/2024-01-02-a.${ext.toUpperCase()}`), folderName: 'plain' }, true)).toBe(true);
    expect(isJekyllDocument({ path: path.join(dir, `plain/2024-01-02-a.${ext}.bak`), folderName: 'plain' }, true)).toBe(false);
  });
});

describe('one list of Markdown extensions (markdown-extensions.ts) for every name the walk and the sites read', () => {
  it.each(MARKDOWN_EXTENSIONS)('.%s: an article, a section page as _index, a bundle as index', (ext) => {
    expect(isArticleName(`post.${ext}`)).toBe(true);
    expect(isSectionPage(`_index.${ext}`)).toBe(true);
    expect(isArticleName(`_index.${ext}`)).toBe(false);
    expect(sourceFolder({ path: `/news/bundles/halving/index.${ext}`, folderName: 'halving' })).toBe('bundles');
    expect(sourceFolder({ path: `/news/bundles/halving/other.${ext}`, folderName: 'halving' })).toBe('halving');
  });

  it('a Jekyll site passed at its root: a `.mkd` post under _posts is read, a `.mkd` page at the root is not', async () => {
    const root = makeTempDir();
    try {
      write(root, '_config.yml', 'title: Site\n');
      write(root, 'about.mkd', article('About'));
      write(root, '_posts/2024-01-02-flows.mkd', article('Flows'));
      write(root, '_posts/2024-01-03-fees.mdown', article('Fees'));
      write(root, 'content/_index.mkdn', article('Section'));
      const { files } = await walkPaths([root]);
      expect(files.map((f) => f.relPath).sort()).toEqual([path.join('_posts/2024-01-02-flows.mkd'), path.join('_posts/2024-01-03-fees.mdown')]);
    } finally {
      cleanup(root);
    }
  });
});
