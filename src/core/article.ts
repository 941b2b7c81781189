// The one normalised article shape every schema (seed, Jekyll, Hugo, bare Markdown) is mapped to.
// Everything downstream (query, search, UI, output) reads only this type, never raw front matter,
// except the inspector, which shows `frontMatter` whole.

import type { Sentiment } from './text/index.js';

/** Which front-matter dialect a file used. */
export type FrontMatterFormat = 'yaml' | 'toml' | 'json' | 'none';

/** A parsed, normalised article. String fields are NFC-normalised and free of control bytes. */
export interface Article {
  /** Position in the loaded corpus; stable for one run, used as the handle everywhere. */
  id: number;
  /** Absolute path of the file on disk. */
  path: string;
  /** Path relative to the folder argument it was found under (or the file name), for display. */
  relPath: string;
  /** Title: front matter, else the first `# heading`, else the file name. */
  title: string;
  /** description | excerpt | summary, else ''. */
  description: string;
  /** Publication time in epoch ms, or null when nothing at all could be found. */
  publishedAt: number | null;
  /** True when publishedAt came from the file's modification time rather than the article. */
  dateGuessed: boolean;
  /** Last update in epoch ms, or null. */
  updatedAt: number | null;
  /**
   * Which of publishedAt, updatedAt, scheduledAt and expiresAt were written as a day with no time
   * (`date: 2024-04-20`, a file name's date), each then its day's midnight UTC: CALENDAR_DATE's
   * bits (calendar-date.ts, which says how they are shown), 0 for none.
   */
  calendarDates: number;
  /** Display name of the source (source.name, a source string, author, else the folder name). */
  source: string;
  /** Lower-case key of the source (source.key, else a slug of the name) for `source:` filters. */
  sourceKey: string;
  /** Categories as written (category and/or categories). */
  categories: string[];
  /** Tags as written (tags and/or keywords, list or comma-separated). */
  tags: string[];
  /**
   * Values of the front-matter coin fields (`currencies`, `coins`, `tickers`, `assets`) as written;
   * a list of `{code|symbol|ticker|name|title}` objects (CryptoPanic's shape) gives its codes.
   */
  coinFields: string[];
  /** Sentiment as written (the seed writes `NEGATIVE`), or null. */
  sentiment: string | null;
  /** Numeric score, or null. */
  score: number | null;
  /** Language code, or null. */
  lang: string | null;
  /** Drafts are hidden unless asked for. */
  draft: boolean;
  /**
   * Hugo's `publishDate` in epoch ms when the front matter gives one, else null: before it the
   * article is scheduled, hidden like a draft (publication-window.ts; without it, its date counts).
   */
  scheduledAt: number | null;
  /** Hugo's `expiryDate` (`expirydate`, `unpublishdate`) in epoch ms, else null: from then on it is hidden like a draft. */
  expiresAt: number | null;
  /** Higher floats to the top of the default listing; 0 when absent. */
  stickyWeight: number;
  /** url | canonical | link, else null. */
  url: string | null;
  /**
   * The feed's own id for the story (front matter `externalId`, as written), else null: what
   * reading state is keyed by first (reading/identity.ts), since it survives renames and copies.
   */
  externalId: string | null;
  /** The cover image's address: coverImage, cover, heroImage, featured_image, featuredImage, image or images (load/fields/cover-image.ts), else null. */
  coverImage: string | null;
  /** The front matter exactly as parsed (prototype-safe), for the inspector. */
  frontMatter: Record<string, unknown>;
  /** Which front-matter dialect the file used. */
  format: FrontMatterFormat;
  /** The Markdown body (front matter removed), NFC, LF line endings. May be truncated (see notes). */
  body: string;
  /**
   * True when reading `body` reads the file (a loaded article keeps only its metadata: load/lazy-article.ts);
   * what wants a body only when it is in memory (a story's lead paragraph) asks this first.
   */
  readonly bodyOnDisk?: boolean;
  /** File size in bytes. */
  size: number;
  /** File modification time in epoch ms. */
  mtimeMs: number;
  /** Things the loader noticed, shown in the inspector: "date guessed from file time", "repaired mojibake", ... */
  notes: string[];
}

/** The fields of an Article a loaded corpus keeps in memory (all but body, frontMatter and coverImage, read back from the file). */
export type ArticleMeta = Omit<Article, 'body' | 'frontMatter' | 'coverImage'>;

/** A file that could not be loaded, reported on stderr as `path: reason`. */
export interface LoadWarning {
  path: string;
  reason: string;
}

/**
 * A loaded article whose body stays in its file (load/lazy-article.ts's LazyArticle), as search
 * uses it: the folded body (text/fold.ts) as UTF-8 bytes, read from the file on first use, or
 * attached when read elsewhere (the parse threads). Told apart by shape, not by class, so that
 * search does not load the loader (and its parsers) to ask.
 */
export interface FoldedBodyOnDisk extends Article {
  readonly hasLowerBody: boolean;
  readonly lowerBody: Buffer;
  readonly maxFileSize: number;
  attachLowerBody(bytes: Buffer): void;
}

/**
 * An article that holds its title and description already folded (text/fold.ts) as one string,
 * `title\ndescription` (load/lazy-article.ts, from its table's text/folded-texts.ts): the search's
 * haystack takes that string rather than folding a copy of its own.
 */
export interface FoldedShortFields {
  /** foldText(`${title}\n${description}`). */
  readonly foldedShort: string;
  /** Length of the folded title at its start. */
  readonly foldedTitleLength: number;
}

/** An article's tags and categories lower-cased, and their folded text: shared by the articles holding the same lists (search/haystack.ts). */
export interface HayLists {
  readonly tags: string[];
  readonly categories: string[];
  /** Folded tags, then categories, one per line. */
  readonly text: string;
}

/** An article's source, language and sentiment as the search's filters compare them: shared by the articles holding the same ones (search/haystack.ts). */
export interface HayMeta {
  /** Source name and key, lower-cased with everything but letters and digits removed ("the-block" = "The Block"). */
  readonly sourceName: string;
  readonly sourceKey: string;
  /** Lower-cased language code, or ''. */
  readonly lang: string;
  /** Canonical sentiment (text/fields.ts), or null. */
  readonly sentiment: Sentiment | null;
  /** Folded source name, then key, one per line. */
  readonly text: string;
}

/**
 * What the search matches one article against (search/haystack.ts): its folded title and
 * description (FoldedShortFields), its folded body, the parts it shares with other articles, and
 * the letter mask of all its short text (search/hay-masks.ts).
 */
export interface Haystack extends FoldedShortFields {
  /**
   * The folded body as UTF-8 bytes, or the article that reads them from its file on first use
   * (FoldedBodyOnDisk: most bodies are never searched).
   */
  readonly foldedBody: Buffer | FoldedBodyOnDisk;
  readonly hayLists: HayLists;
  readonly hayMeta: HayMeta;
  readonly hayMask: number;
}

/**
 * An article that is its own haystack (load/lazy-article.ts): it holds its folded short fields and
 * keeps its body on disk, and the search fills the three slots once, on first use
 * (search/haystack.ts makeHay; `hayLists` null until then). At a million articles a haystack
 * object beside each article was ~72 bytes an article (~72 MB); the slots are 24.
 */
export interface HaystackSlots extends FoldedShortFields {
  readonly foldedBody: FoldedBodyOnDisk;
  hayLists: HayLists | null;
  hayMeta: HayMeta | null;
  hayMask: number;
}

/** Whether `a` can be its own haystack (see HaystackSlots). */
export function hasHaystackSlots(a: Article): a is Article & HaystackSlots {
  return 'hayMask' in a;
}

/** Whether `a` keeps its body in its file (see FoldedBodyOnDisk). */
export function keepsBodyOnDisk(a: Article): a is FoldedBodyOnDisk {
  return 'hasLowerBody' in a && typeof (a as Partial<FoldedBodyOnDisk>).attachLowerBody === 'function';
}

/** Whether the body of `a` is in memory (not kept on disk, or read since); true for no article. */
export function bodyInMemory(a: Article | undefined): boolean {
  return a === undefined || !keepsBodyOnDisk(a) || a.hasLowerBody;
}

/** The fields an article's reading marks are keyed by (reading/identity.ts). */
export type IdentityField = 'externalId' | 'url' | 'path';

/**
 * An article that hashes its identity fields from the bytes it holds them as (load/lazy-article.ts,
 * text/byte-hash.ts), so a probe of a million of them against the read keys makes no strings.
 */
export interface HashedIdentity {
  /**
   * hashText of the field's value; NO_HASH (-1) when it is null. Kept once computed (4 bytes a
   * row, for the fields a probe asks about), unless `keep` is false (a one-time use, such as the
   * dashboard's table of ids by path).
   */
  identityHash(field: IdentityField, keep?: boolean): number;
}

/** Whether `a` hashes its identity fields without making their strings (see HashedIdentity). */
export function hashesIdentity(a: object): a is HashedIdentity {
  return typeof (a as Partial<HashedIdentity>).identityHash === 'function';
}
