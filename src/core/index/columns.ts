// What the index stores beside an article's record so that SQL decides the query language's
// field filters exactly, with the in-memory search's own rules (search/filters.ts): the source
// compacted (text/fields.ts), the language folded, the sentiment made canonical, and the coins
// (`coin:`): those the in-memory filter finds in the metadata (coins/ articleCoins) and those
// whose cashtag the body holds (coins/ bodyCashtagSymbols). The coins come with the full text,
// since the body is read only then (text-build.ts).
import { R, type ArticleRecord } from '../article-record.js';
import { bodyCashtagSymbols, detectCoins } from '../coins/index.js';
import { canonicalSentiment, compactText, foldText } from '../text/index.js';

/** The filter columns of an article row, in the form the filters compare them. */
export interface ArticleFields {
  /** Source name and key, each compacted, joined by a newline (no compacted value holds one). */
  source: string;
  /** The language code folded, '' for none. */
  lang: string;
  /** The canonical sentiment, '' for none or one not understood. */
  sentiment: string;
  /** 1 for a draft, else 0. */
  draft: number;
  /** The sticky weight. */
  sticky: number;
  /** 1 when the record carries load warnings, else 0. */
  warned: number;
  /**
   * When the article is listed from (publication-window.ts listedFrom), as query-plan.ts's
   * LISTED_NOW reads it: null for "from its `published` column" (nearly every row, so the column
   * costs a byte), 0 when nothing delays it (a guessed date), else its publish date.
   */
  listedFrom: number | null;
  /** Its expiry in epoch ms, null for none. */
  listedUntil: number | null;
}

// The listed-from column as LISTED_NOW reads it (see ArticleFields.listedFrom).
function listedFromColumn(record: ArticleRecord): number | null {
  const window = record[R.window];
  if (window && window[0] !== null) return Math.floor(window[0]);
  return record[5] ? 0 : null;
}

/** The filter columns of a record. */
export function articleFields(record: ArticleRecord): ArticleFields {
  const lang = record[R.lang];
  return {
    source: `${compactText(record[R.source])}\n${compactText(record[R.sourceKey])}`,
    lang: lang === null ? '' : foldText(lang),
    sentiment: canonicalSentiment(record[R.sentiment]) ?? '',
    draft: record[14] ? 1 : 0,
    sticky: record[15],
    warned: record[R.warnings].length > 0 ? 1 : 0,
    listedFrom: listedFromColumn(record),
    listedUntil: record[R.window]?.[1] ?? null,
  };
}

/** The coins `coin:` finds an article by: its metadata's and its folded body's cashtags, each once. */
export function articleCoinSymbols(record: ArticleRecord, foldedBody: string): string[] {
  const symbols = detectCoins({ title: record[2], description: record[3], tags: record[R.tags], coinFields: record[R.coinFields] }).map((c) => c.symbol);
  // detectCoins gives each symbol once; the body's cashtags (most bodies have none) go after them, each once.
  for (const s of foldedBody.includes('$') ? bodyCashtagSymbols(foldedBody) : []) if (!symbols.includes(s)) symbols.push(s);
  return symbols;
}
