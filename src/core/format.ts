// What goes to stdout for a chosen or matched article, in each --print format but `markdown` (the
// file's own bytes, copied in pieces by output.ts). Pure: the caller decides where the text goes.
import path from 'node:path';
import type { Article } from './article.js';
import { isCalendarDate } from './calendar-date.js';
import { articleCoinsWithBody } from './coins/index.js';
import { canonicalSentiment, sanitizeLine, visibleName } from './text/index.js';

/** The `--print` formats. */
export type PrintFormat = 'path' | 'title' | 'json' | 'markdown';

/**
 * The path as a shell user wants it: relative to the current directory when the file is
 * below it (what they typed), absolute otherwise (the bundled corpus lives in the package).
 */
export function displayPath(absolute: string, cwd: string): string {
  // A normalised path below a normalised cwd (what the walk and process.cwd() give) is its tail:
  // taken as a slice, path.relative's resolving of both was most of --print path at 100k matches.
  const prefix = cwd.endsWith(path.sep) ? cwd : cwd + path.sep;
  if (path.sep === '/' && absolute.startsWith(prefix) && path.isAbsolute(cwd)) {
    const tail = absolute.slice(prefix.length);
    if (tail !== '' && !tail.startsWith('..') && !DOT_SEGMENT.test(tail) && !tail.includes(`${path.sep}${path.sep}`)) return tail;
  }
  const rel = path.relative(cwd, absolute);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : absolute;
}

// A `.` or `..` segment, or a trailing separator: a tail that path.relative would normalise.
const DOT_SEGMENT = /(?:^|\/)\.{1,2}(?:\/|$)|\/$/;

function iso(ms: number | null): string | null {
  return ms === null || !Number.isFinite(ms) ? null : new Date(ms).toISOString();
}

// JSON.stringify escapes C0 controls but lets DEL, C1 controls, bidi overrides and the two
// Unicode line separators through verbatim; `jq -r` would then hand them to the terminal.
const JSON_UNSAFE = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** JSON.stringify with every character that could drive a terminal written as \uXXXX. */
export function safeJson(value: unknown): string {
  return JSON.stringify(value).replace(
    JSON_UNSAFE,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** The object written per article by `--print json` (one per line: JSON Lines). */
export function articleJson(article: Article, cwd: string, marks?: ReadingMarks, story?: StoryJson): Record<string, unknown> {
  return {
    path: displayPath(article.path, cwd),
    title: article.title,
    description: article.description,
    publishedAt: iso(article.publishedAt),
    // True when publishedAt is the file's modification time: no date, or one not understood.
    dateGuessed: article.dateGuessed,
    // True when publishedAt was written as a day with no time (core/calendar-date.ts): it is then
    // that day's midnight UTC, whose date part is the day written, whatever the reader's zone.
    dateOnly: isCalendarDate(article, 'publishedAt'),
    updatedAt: iso(article.updatedAt),
    source: article.source,
    category: article.categories[0] ?? null,
    categories: article.categories,
    tags: article.tags,
    coins: articleCoinsWithBody(article).map((c) => c.symbol),
    // As `sentiment:` reads it (positive, negative, neutral, or null for none or one not
    // understood), so `jq 'select(.sentiment == "positive")'` finds what the query finds; the
    // front matter's own value beside it.
    sentiment: canonicalSentiment(article.sentiment),
    sentimentAsWritten: article.sentiment,
    score: article.score,
    lang: article.lang,
    url: article.url,
    // The cover image's address as the front matter gives it (load/fields/cover-image.ts).
    coverImage: article.coverImage,
    draft: article.draft,
    // The publication window's ends (core/publication-window.ts), null when the front matter sets none.
    scheduledAt: iso(article.scheduledAt),
    expiresAt: iso(article.expiresAt),
    ...(marks ?? {}),
    ...(story ? { story: story.story, storySize: story.storySize } : {}),
    body: article.body,
  };
}

/** Reading state added to `--print json`. */
export interface ReadingMarks {
  read: boolean;
  saved: boolean;
  new: boolean;
}

/** An article's story in `--print json`: the story's stable id and how many articles it has. */
export interface StoryJson {
  story: string;
  storySize: number;
}

/** Everything needed to print one article. */
export interface PrintContext {
  /** Reading state per article for `json`, when it could be read. */
  marks?: (article: Article) => ReadingMarks;
  /** For `json`: the article's story, when the corpus was grouped. */
  storyOf?: (article: Article) => StoryJson;
  cwd: string;
  /** When stdout is a terminal, paths are made safe like everything else shown there. */
  stdoutIsTerminal: boolean;
}

/**
 * A path as printed: piped, the real path byte for byte, so `| xargs less` opens the file (a name
 * holding a newline is the user's own ambiguity, as with `find`); on a terminal, shown with every
 * control character visible, never raw (as `ls` shows it).
 */
export function printedPath(absolute: string, cwd: string, stdoutIsTerminal: boolean): string {
  const shown = displayPath(absolute, cwd);
  return stdoutIsTerminal ? visibleName(shown) : shown;
}

/** The text for one article in one format, including its trailing newline. */
export function formatArticle(article: Article, format: Exclude<PrintFormat, 'markdown'>, ctx: PrintContext): string {
  switch (format) {
    case 'path':
      return `${printedPath(article.path, ctx.cwd, ctx.stdoutIsTerminal)}\n`;
    case 'title':
      // A title is display text, sanitised when the article was built (the index keeps no other
      // form): one line, as the list shows it, piped or not. `-p json` is the form for data.
      return `${sanitizeLine(article.title)}\n`;
    case 'json':
      return `${safeJson(articleJson(article, ctx.cwd, ctx.marks?.(article), ctx.storyOf?.(article)))}\n`;
  }
}
