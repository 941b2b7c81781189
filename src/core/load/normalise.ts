// Front matter of any schema (the seed's crypto-feed shape, Jekyll, Hugo, bare Markdown) ->
// the one Article shape. Every field tolerates every type: a wrong type falls through to the
// next candidate instead of throwing. Display strings are repaired (mojibake), NFC-normalised
// and sanitised here, once, so nothing downstream has to remember to.

import path from 'node:path';
import type { Article, FrontMatterFormat } from '../article.js';
import { CALENDAR_DATE } from '../calendar-date.js';
import { isDraft, STATUS_KEYS } from './flags.js';
import { EXPIRY_KEYS, PUBLISHED_KEYS, SCHEDULE_KEYS, UPDATED_KEYS, publicationWindow, publishedDate, updatedDate } from './dates/published-date.js';
import { repairMojibake } from './mojibake.js';
import { authorName, firstAuthor } from './fields/author-name.js';
import { bodyHashtags } from './fields/body-hashtags.js';
import { SITE_PARAM_TABLES, siteParams } from './fields/site-params.js';
import { firstHeading, titleFromFileName, withoutNotionId } from './fields/titles.js';
import { COVER_KEYS, coverImage as readCover } from './fields/cover-image.js';
import { inDraftsFolder, isJekyllDocument, sourceFolder } from '../files/index.js';
import { sanitizeLine, decodeEntities } from '../text/index.js';

/** Where a file was found, as the loader saw it on disk (contract shared with load.ts). */
export interface FileInfo {
  path: string;
  relPath: string;
  size: number;
  mtimeMs: number;
  folderName: string;
}

/** Parsed pieces of one file that normalisation turns into an Article. */
export interface NormaliseInput {
  data: Record<string, unknown>;
  format: FrontMatterFormat;
  body: string;
  info: FileInfo;
  id: number;
  notes: string[];
  /** Problems worth reporting on stderr (`path: reason`) are pushed here, when given. */
  warnings?: string[];
  /** The file was all ASCII (decode.ts), so its body needs no mojibake repair. */
  ascii?: boolean;
}

type Data = Record<string, unknown>;

function isRecord(v: unknown): v is Data {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/** A scalar as text; objects, lists and empty strings are "absent". */
function scalarText(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if ((typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean') return String(v);
  return null;
}

function firstText(data: Data, keys: readonly string[]): string | null {
  for (const key of keys) {
    const text = scalarText(data[key]);
    if (text !== null) return text;
  }
  return null;
}

// A coin field's values: a list or a comma-separated string as it is; objects give their code.
function coinValues(v: unknown): unknown {
  if (!Array.isArray(v)) return isRecord(v) ? coinValues([v]) : v;
  return v.map((item) => (isRecord(item) ? (['code', 'symbol', 'ticker', 'name', 'title'].map((k) => scalarText(item[k])).find((t) => t) ?? null) : item));
}

function toNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i.test(v)) return Number(v);
  return null;
}

/** Lower-case slug for `source:` filters: letters and digits of any script, dashes between. */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

// Printable ASCII without `&`: text that mojibake repair, entity decoding, NFC and sanitizeLine
// all leave as it is, so one test stands for the four passes (most fields of most files).
const PLAIN = /^[\x20-\x25\x27-\x7e]*$/;

const URL_KEYS = ['url', 'canonical', 'link', 'permalink'];
const COIN_KEYS = ['currencies', 'coins', 'tickers', 'assets'];
const WEB_URL = /^https?:\/\/\S+$/i;

/** The first of URL_KEYS whose value, trimmed, is a web address. */
function firstUrl(data: Data): string | undefined {
  for (const key of URL_KEYS) {
    const u = scalarText(data[key])?.trim();
    if (u !== undefined && WEB_URL.test(u)) return u;
  }
  return undefined;
}

// Whether a display string was repaired (mojibake) by the normaliseArticle call under way: the
// display helpers below are module functions, not closures made per call (a cold load makes
// ~10k articles, each of its calls a closure's allocation and a call TurboFan compiles apart).
let repairedAny = false;

// Text fields as a reader sees them. Feeds copy titles out of HTML, so `S&amp;P 500` is common:
// character references are decoded once (`&amp;amp;` stays `&amp;`), after the mojibake repair
// (that undoes a byte-level misreading, which happened before the text was HTML-escaped) and
// before sanitising (a decoded `&#27;` is a control character). Names that come from the file
// system and URLs are not HTML text: `entities: false` leaves them as they are.
function display(s: string, entities = true): string {
  if (PLAIN.test(s)) return s.trim();
  const fixed = repairMojibake(s);
  if (fixed !== s) repairedAny = true;
  return sanitizeLine((entities ? decodeEntities(fixed) : fixed).normalize('NFC')).trim();
}

// Text that draws nothing: spaces, format characters (zero-width space and joiners, soft hyphen,
// bidi marks) and variation selectors. A title of zero-width spaces drew an empty row (a tester).
const INVISIBLE = /^[\s\p{Cf}\p{Zs}\ufe00-\ufe0f]*$/u;

/** A text field as display shows it, or null when it shows nothing (the next candidate is then used). */
function displayOrNull(s: string | null, entities = true): string | null {
  if (s === null) return null;
  const shown = display(s, entities);
  return shown === '' || INVISIBLE.test(shown) ? null : shown;
}

// Jekyll's own split of a `tags` string is on whitespace; commas some posts write between tags
// anyway (`tags: bitcoin, etf`) are dropped rather than kept on the tag (`bitcoin,`) as Jekyll would.
const JEKYLL_TAGS = /[\s,]+/;

// Lists this long are kept distinct by looking through them; longer ones by a Set.
const SHORT_LIST = 16;

// A tag written as Obsidian's inline hashtag (`tags: ["#btc"]`, the quotes YAML needs for a `#`):
// the tag is `btc`, as Obsidian reads it, so `tag:btc` finds it.
const hashtag = (text: string): string => (text.charCodeAt(0) === 35 /* # */ ? text.slice(1).trim() : text);

/** The display texts of `values` (lists, lists in lists, or strings cut by `split`; `tidy` applied to each), each once, in order. */
function displayList(values: readonly unknown[], split: RegExp, tidy?: (text: string) => string): string[] {
  const out: string[] = [];
  let seen: Set<string> | null = null;
  for (const v of values) {
    if (v === undefined || v === null) continue;
    const items = Array.isArray(v) ? v : typeof v === 'string' ? v.split(split) : [v];
    for (const entry of items) {
      // Hexo writes a category's path as a list in the list (`- [Markets, Bitcoin]`): each a category.
      const nested = Array.isArray(entry);
      const count = nested ? entry.length : 1;
      for (let k = 0; k < count; k++) {
        const shown = displayOrNull(scalarText(nested ? entry[k] : entry));
        const text = shown && tidy ? tidy(shown) : shown;
        if (!text) continue;
        if (seen === null && out.length < SHORT_LIST) {
          if (!out.includes(text)) out.push(text);
          continue;
        }
        seen ??= new Set(out);
        if (!seen.has(text)) (seen.add(text), out.push(text));
      }
    }
  }
  return out;
}

// Dendron's notes call it `desc`.
const DESCRIPTION_KEYS = ['description', 'excerpt', 'summary', 'desc'];

// The source a front matter names: its `source` (CryptoPanic's API names one `{title, domain}`),
// else its first author, by name (author-name.ts: `Name <address>` is Name); null for neither.
function namedSource(d: Data): string | null {
  const s = d.source;
  const author = firstAuthor(d);
  const authorText = isRecord(author) ? scalarText(author.name) : scalarText(author);
  return displayOrNull(isRecord(s) ? (scalarText(s.name) ?? scalarText(s.title)) : scalarText(s)) ?? displayOrNull(authorText === null ? null : authorName(authorText));
}

// A field naming one item (`category`, `tag`) as a list, for displayList.
const single = (v: unknown): unknown => (typeof v === 'string' ? [v] : v);

/**
 * The top-level front-matter keys normaliseArticle reads: an index record (article-record.ts)
 * depends on no other. The cover image's (COVER_KEYS) too, though the record does not
 * hold the cover: its repair adds the note "repaired mojibake". A parse for a record may read only
 * these (parse.ts); tests/core/load/record-yaml.test.ts checks that normaliseArticle reads no other.
 */
export const RECORD_KEYS: ReadonlySet<string> = new Set([
  'title', 'source', 'author', 'authors', 'taxonomies', ...SITE_PARAM_TABLES, ...PUBLISHED_KEYS, ...UPDATED_KEYS, ...SCHEDULE_KEYS, ...EXPIRY_KEYS, ...URL_KEYS, 'externalId',
  ...COVER_KEYS, 'description', 'excerpt', 'summary', 'desc', 'category', 'categories', 'tag', 'tags', 'keywords', ...COIN_KEYS,
  'sentiment', 'score', 'lang', 'draft', 'published', ...STATUS_KEYS, 'stickyWeight', 'layout',
]);

/** RECORD_KEYS for an all-ASCII file (decode.ts) without the cover's: its one effect on a record, a mojibake repair, needs non-ASCII text. */
export const ASCII_RECORD_KEYS: ReadonlySet<string> = new Set([...RECORD_KEYS].filter((key) => !(COVER_KEYS as readonly string[]).includes(key)));

/** Builds the normalised Article from parsed front matter and body. */
export function normaliseArticle(input: NormaliseInput): Article {
  const { data, info } = input;
  const notes = input.notes.length === 0 ? [] : [...input.notes];
  repairedAny = false;

  const fileName = path.basename(info.path);
  const title =
    displayOrNull(scalarText(data.title)) ??
    displayOrNull(firstHeading(input.body)) ??
    display(titleFromFileName(fileName), false);

  // Hugo's `[params]` and Zola's `[extra]` (site-params.ts): read where the top level is silent.
  const params = siteParams(data);
  // Zola keeps a page's taxonomies under `[taxonomies]`: its tags and categories, and its authors
  // (`authors = ["..."]`, the taxonomy Zola's docs and themes name so), read as a top-level
  // `authors` is, before `[extra]`'s. Hugo's taxonomies are top-level keys, read as such.
  const taxonomies = isRecord(data.taxonomies) ? data.taxonomies : null;
  const sourceName =
    namedSource(data) ?? (taxonomies === null ? null : namedSource(taxonomies)) ?? (params === null ? null : namedSource(params)) ??
    display(withoutNotionId(sourceFolder(info)), false);
  const source = isRecord(data.source) ? data.source : params?.source;
  const sourceKey =
    (isRecord(source) ? displayOrNull(scalarText(source.key))?.toLowerCase() : undefined) ?? slugify(sourceName);

  const published = publishedDate(data, fileName, info.mtimeMs);
  notes.push(...published.notes);
  const warnings = input.warnings ?? [];
  warnings.push(...published.warnings);
  const { scheduled, expires } = publicationWindow(data, notes, warnings, published.failedKey);
  const updated = updatedDate(data, notes, warnings);
  const url = firstUrl(data);
  const externalId = scalarText(data.externalId);
  const coverImage = readCover(data) ?? (params === null ? null : readCover(params));

  const article: Article = {
    id: input.id,
    path: info.path,
    relPath: PLAIN.test(info.relPath) ? info.relPath : sanitizeLine(info.relPath.normalize('NFC')),
    title,
    description: displayOrNull(firstText(data, DESCRIPTION_KEYS) ?? (params === null ? null : firstText(params, DESCRIPTION_KEYS))) ?? '',
    publishedAt: published.at,
    dateGuessed: published.guessed,
    updatedAt: updated?.at ?? null,
    // Which dates were written as a day with no time (core/calendar-date.ts).
    calendarDates:
      (published.dateOnly ? CALENDAR_DATE.publishedAt : 0) | (updated?.dateOnly ? CALENDAR_DATE.updatedAt : 0) |
      (scheduled?.dateOnly ? CALENDAR_DATE.scheduledAt : 0) | (expires?.dateOnly ? CALENDAR_DATE.expiresAt : 0),
    source: sourceName,
    sourceKey,
    // `category` names one category; Jekyll's `categories` string is space-separated, and one
    // written with commas (`Crypto, Markets`) means the same two: a tester saw `Crypto,` kept.
    categories: displayList([single(data.category), data.categories, taxonomies?.categories, single(params?.category), params?.categories], JEKYLL_TAGS),
    // Jekyll splits a `tags` string on whitespace (`tags: bitcoin etf` is two tags) in every
    // document of a site, posts and collections alike, and takes a `tag` as one; elsewhere a tags
    // string is comma-separated (`tags: spot etf, bitcoin`). The string test first: the site test may stat folders.
    // `keywords` (an SEO field, not Jekyll's) stays comma-separated everywhere. Obsidian's inline
    // `#tags` in the body come last (body-hashtags.ts).
    tags: displayList([
      single(data.tag),
      typeof data.tags === 'string' && isJekyllDocument(info, data.layout !== undefined) ? data.tags.split(JEKYLL_TAGS) : data.tags,
      data.keywords,
      taxonomies?.tags,
      single(params?.tag),
      params?.tags,
      params?.keywords,
      bodyHashtags(input.body),
    ], /,/, hashtag),
    coinFields: displayList(COIN_KEYS.map((k) => coinValues(data[k])), /,/),
    sentiment: displayOrNull(scalarText(data.sentiment)),
    score: toNumber(data.score),
    lang: displayOrNull(scalarText(data.lang)),
    draft: isDraft(data) || inDraftsFolder(info),
    scheduledAt: scheduled?.at ?? null, // named, not spread: a spread in the literal made V8 add each later field one by one
    expiresAt: expires?.at ?? null,
    stickyWeight: toNumber(data.stickyWeight) ?? 0,
    url: url === undefined ? null : display(url, false),
    // An identifier, compared byte for byte: only made safe to show, never repaired or decoded.
    externalId: externalId === null ? null : (PLAIN.test(externalId) ? externalId : sanitizeLine(externalId.normalize('NFC'))).trim() || null,
    coverImage: displayOrNull(coverImage, false),
    frontMatter: data,
    format: input.format,
    body: input.body,
    size: info.size,
    mtimeMs: info.mtimeMs,
    notes,
  };
  let repaired = repairedAny;
  const body = input.ascii === true ? input.body : repairMojibake(input.body);
  if (body !== input.body) {
    article.body = body.normalize('NFC');
    repaired = true;
  }
  if (repaired) notes.push('repaired mojibake');
  return article;
}
