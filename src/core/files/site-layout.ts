// Static-site roots: which of a site's folders hold articles. Pointed at the root of a Hugo, Zola
// or Jekyll site (the usual thing to do with a blog's repository), the walk would otherwise read the
// generator's machinery as news: archetype templates whose front matter is Go template code
// (`date: {{ .Date }}`, an invalid-YAML warning per file), every theme's README and example site,
// the repository's README, Jekyll's includes and layouts. The rules are the generators' own:
// - Hugo (https://gohugo.io/getting-started/directory-structure/) and Zola
//   (https://www.getzola.org/documentation/getting-started/directory-structure/): a root holds a
//   config file and `content/`; only `content/` is content.
// - Jekyll (https://jekyllrb.com/docs/structure/): a root holds `_config.yml`; folders whose name
//   starts with `_` are not content except `_posts` and `_drafts`, and Markdown files at the root
//   are pages (index, about, README), not posts.
// - `_index.md` is a Hugo or Zola section's list page (its title and intro), never an article.
// A folder passed on the command line is walked whole whatever it is named (`site/_news`), so a
// Jekyll collection or a theme's example site is one argument away.
// A file's place in those folders also says which folder names its source, whether Jekyll would
// publish it only as a draft, and whether Jekyll's rules for its front matter apply (below).

import { statSync } from 'node:fs';
import path from 'node:path';
import { markdownName } from './markdown-extensions.js';

/** The generator whose root a folder is, told from its entries; null for an ordinary folder. */
export type SiteKind = 'hugo' | 'jekyll' | null;

// Hugo's config file names (hugo.* since 0.110, config.* before) and Zola's config.toml.
const HUGO_CONFIGS = new Set(['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml', 'config.json']);
const JEKYLL_CONFIGS = new Set(['_config.yml', '_config.yaml', '_config.toml']);
const JEKYLL_CONTENT = new Set(['_posts', '_drafts']);

/** One entry of a folder listing (a `fs.Dirent` is one); a symbolic link counts as a folder, as the walk follows it. */
export interface ListedEntry {
  name: string;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
}

const folderLike = (entry: ListedEntry): boolean => entry.isDirectory() || entry.isSymbolicLink();

// First letters of the names above: every folder listed is asked siteKind, so an article's name
// (nearly every entry) is let go after one character instead of hashed for two Set look-ups
// (~15 ms of a warm 100k --filter's walk).
const CONFIG_INITIALS = new Set([...HUGO_CONFIGS, ...JEKYLL_CONFIGS].map((name) => name.charCodeAt(0)));

/** Whether a folder with these entries is a Hugo/Zola site root, a Jekyll site root, or neither. */
export function siteKind(entries: readonly ListedEntry[]): SiteKind {
  let hugoConfig = false;
  let content = false;
  for (const entry of entries) {
    const name = entry.name;
    if (!CONFIG_INITIALS.has(name.charCodeAt(0))) continue;
    if (folderLike(entry)) {
      if (name === 'content') content = true;
    } else if (JEKYLL_CONFIGS.has(name)) return 'jekyll';
    else if (HUGO_CONFIGS.has(name)) hugoConfig = true;
  }
  return hugoConfig && content ? 'hugo' : null;
}

/**
 * Whether the walk takes an entry of a site root of the given kind: for Hugo/Zola only the
 * `content` folder; for Jekyll every folder but `_`-folders other than `_posts`/`_drafts` (and
 * `vendor`, where Bundler installs gems with their READMEs), and no Markdown page at the root.
 */
export function keepsSiteEntry(kind: SiteKind, entry: ListedEntry): boolean {
  const name = entry.name;
  if (kind === 'hugo') return name === 'content' && folderLike(entry);
  if (kind === 'jekyll') {
    if (!folderLike(entry)) return false;
    if (name === 'vendor') return false;
    return !name.startsWith('_') || JEKYLL_CONTENT.has(name);
  }
  return true;
}

// A section's list page: `_index` with any Markdown extension the walk reads.
const SECTION_PAGE = markdownName('_index');

/** Whether a file name is a Hugo/Zola section page (`_index.md`), which is never an article. */
export function isSectionPage(name: string): boolean {
  return SECTION_PAGE.test(name);
}

/**
 * The site kind of a folder on disk, from a few stat calls rather than a listing (the folder
 * watch asks this of each folder above a changed file, and a listing of a 1M-file folder is a
 * second). Unreadable folders are ordinary folders.
 */
export function siteKindOfFolder(dir: string): SiteKind {
  const is = (name: string, folder: boolean): boolean => {
    try {
      const st = statSync(path.join(dir, name), { throwIfNoEntry: false });
      return st !== undefined && (folder ? st.isDirectory() : st.isFile());
    } catch {
      return false;
    }
  };
  for (const name of JEKYLL_CONFIGS) if (is(name, false)) return 'jekyll';
  if (!is('content', true)) return null;
  for (const name of HUGO_CONFIGS) if (is(name, false)) return 'hugo';
  return null;
}

/** Where a file sits (the parts of load's FileInfo this module reads). */
export interface SitePlace {
  /** The file's path (absolute, or as the walk found it). */
  path: string;
  /** The name of the folder that holds the file. */
  folderName: string;
}

// A page bundle (Hugo, Eleventy, Gatsby: `posts/halving/index.md`) is named by its folder, the
// article's slug; the folder that holds the bundles names the source, as it does for plain files.
const BUNDLE_PAGE = markdownName('index');

// Jekyll reads `_posts` and `_drafts` with every folder under them (`_posts/2025/11/...` is
// common), so the nearest such folder above the file is looked for this many levels up.
const JEKYLL_DEPTH = 6;

/** The folders above a Jekyll post: the `_posts` or `_drafts` folder and the site folder above it; null for other files. */
function jekyllFolders(place: SitePlace): { kind: '_posts' | '_drafts'; site: string } | null {
  // Most files of most folders: one substring test, no walk up (a cold load normalises every file).
  if (!place.path.includes('_posts') && !place.path.includes('_drafts')) return null;
  if (place.folderName === '_posts' || place.folderName === '_drafts') {
    return { kind: place.folderName, site: path.basename(path.dirname(path.dirname(place.path))) };
  }
  let dir = path.dirname(place.path);
  for (let level = 0; level < JEKYLL_DEPTH; level++) {
    const up = path.dirname(dir);
    if (up === dir) return null;
    dir = up;
    const name = path.basename(dir);
    if (name === '_posts' || name === '_drafts') return { kind: name, site: path.basename(path.dirname(dir)) };
  }
  return null;
}

/** Whether the file is a Jekyll post or draft (under `_posts` or `_drafts`, at any depth Jekyll reads). */
export function isJekyllPost(place: SitePlace): boolean {
  return place.folderName === '_posts' || place.folderName === '_drafts' || jekyllFolders(place) !== null;
}

// Folder -> whether it or a folder above it (up to JEKYLL_DEPTH) is a Jekyll site root. Asked
// only of files whose front matter has a Jekyll rule to apply (a `tags` string), so a corpus pays
// one stat per folder at most; let go when large, as the answer is cheap to find again.
const jekyllRootAbove = new Map<string, boolean>();
const JEKYLL_ROOTS_KEPT = 4096;

function underJekyllRoot(dir: string, levels: number): boolean {
  const known = jekyllRootAbove.get(dir);
  if (known !== undefined) return known;
  const up = path.dirname(dir);
  const found = siteKindOfFolder(dir) === 'jekyll' || (levels > 0 && up !== dir && underJekyllRoot(up, levels - 1));
  if (jekyllRootAbove.size >= JEKYLL_ROOTS_KEPT) jekyllRootAbove.clear();
  jekyllRootAbove.set(dir, found);
  return found;
}

// A Jekyll post's file name (https://jekyllrb.com/docs/posts/): the date, then the title.
const JEKYLL_POST_NAME = markdownName('\\d{4}-\\d{2}-\\d{2}-[^/\\\\]+');

/**
 * Whether the file is a document of a Jekyll site, whose front matter Jekyll's rules read: a post
 * or draft, a file under a folder holding `_config.yml` (a collection such as `_news`, passed by
 * name, or a page), or a post copied out of its site (a `YYYY-MM-DD-` name and Jekyll's `layout`
 * key, which `hasLayout` says the front matter has).
 */
export function isJekyllDocument(place: SitePlace, hasLayout: boolean): boolean {
  if (isJekyllPost(place)) return true;
  if (hasLayout && JEKYLL_POST_NAME.test(path.basename(place.path))) return true;
  return underJekyllRoot(path.dirname(place.path), JEKYLL_DEPTH);
}

/**
 * The folder that names a file's source: its own folder, except that Jekyll's `_posts` and
 * `_drafts` (and the folders under them) stand for the site above them and a page bundle's folder
 * for the folder above it. '' when the path has no such folder name.
 */
export function sourceFolder(place: SitePlace): string {
  const jekyll = jekyllFolders(place);
  if (jekyll) return jekyll.site || jekyll.kind;
  if (!BUNDLE_PAGE.test(path.basename(place.path))) return place.folderName;
  return path.basename(path.dirname(path.dirname(place.path))) || place.folderName;
}

/** Whether the file is under a Jekyll `_drafts` folder: a draft whatever its front matter says (Jekyll publishes it only with --drafts). */
export function inDraftsFolder(place: SitePlace): boolean {
  return place.folderName === '_drafts' || jekyllFolders(place)?.kind === '_drafts';
}
