// What a file's place in a static site's folders says about it: which folder names its source,
// whether Jekyll would publish it only as a draft, and whether Jekyll's rules for its front
// matter apply (it is a post: somewhere under `_posts` or `_drafts`).
import path from 'node:path';

/** Where a file sits (the parts of load's FileInfo this module reads). */
export interface SitePlace {
  /** The file's path (absolute, or as the walk found it). */
  path: string;
  /** The name of the folder that holds the file. */
  folderName: string;
}

// A page bundle (Hugo, Eleventy, Gatsby: `posts/halving/index.md`) is named by its folder, the
// article's slug; the folder that holds the bundles names the source, as it does for plain files.
const BUNDLE_PAGE = /^index\.(?:md|markdown|mdx)$/i;

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
