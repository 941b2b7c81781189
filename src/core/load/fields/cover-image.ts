// A page's cover image, under the names the site generators' themes give it: the feed's
// `coverImage` (a URL, or Unsplash's `{url, full, regular, raw}`), Astro's blog template's
// `heroImage`, PaperMod's `cover: {image: ...}`, `featured_image` (many Hugo and Jekyll themes),
// `featuredImage` (LoveIt, Gatsby), Hugo's `images: [...]` (its Open Graph and Twitter templates
// take the first) and `image`. Only `coverImage` and `image` were read: the other names gave none.

type Data = Record<string, unknown>;

/** The keys read for the cover image, in the order tried (normalise.ts RECORD_KEYS holds them). */
export const COVER_KEYS = ['coverImage', 'cover', 'heroImage', 'featured_image', 'featuredImage', 'image', 'images'] as const;

// Where an image given as a table keeps its address.
const ADDRESS_KEYS = ['url', 'image', 'src', 'full', 'regular', 'raw', 'path'];

const isRecord = (v: unknown): v is Data => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

// An image's address as written: a string, a table's address, the first of a list.
function address(v: unknown, depth = 0): string | null {
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (Array.isArray(v)) return v.length > 0 && depth === 0 ? address(v[0], 1) : null;
  if (!isRecord(v) || depth > 1) return null;
  for (const key of ADDRESS_KEYS) {
    const found = address(v[key], depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/** The first cover image `data` names under COVER_KEYS, as written (not yet made safe to show); null for none. */
export function coverImage(data: Data): string | null {
  for (const key of COVER_KEYS) {
    const v = data[key];
    if (v === undefined || v === null) continue;
    const found = address(v);
    if (found !== null) return found;
  }
  return null;
}
