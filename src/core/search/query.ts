// The query language typed into the search line: free words (fuzzy), "quoted phrases" (exact),
// field filters (tag:, source:, category:, sentiment:, lang:, since:, until:, is:, coin:), `-` to negate
// any term; everything combines with AND and ignores case and accents: every word, phrase and
// tag/category/source/lang value is folded by the one rule in text/fold.ts, the rule the
// articles' search text is folded by. Pure: text in, terms out.
//
// Colon rule: a bare word `prefix:value` is a field term only when `prefix` is letters only and
// the value does not start with `/`. So `12:30`, `https://x.com` and `btc/usd:1` stay free words,
// while `foo:bar` with an unknown letters-only prefix is an error (it looks like a mistyped field).

// The per-function entry point: the package index costs ~60 ms of start-up to import.
import { sub } from 'date-fns/sub';
import { resolveCoin } from '../coins/index.js';
import { canonicalSentiment, foldText, gapKind, type Sentiment } from '../text/index.js';

export { canonicalSentiment, type Sentiment };

/** Sort orders offered by the search engine. */
export type SortKey = 'relevance' | 'date' | 'title' | 'score';

/** One parsed query term. `negate` is true for terms written with a leading `-`. */
export type Term =
  | { kind: 'word' | 'phrase'; value: string; negate: boolean }
  | { kind: 'tag' | 'category' | 'source' | 'lang'; value: string; negate: boolean }
  | { kind: 'sentiment'; value: Sentiment | 'none'; negate: boolean }
  | { kind: 'since' | 'until'; at: number; negate: boolean }
  | { kind: 'is'; value: 'draft' | 'sticky'; negate: boolean }
  /** `coin:` with the ticker it resolved to (`coin:bitcoin` -> BTC). */
  | { kind: 'coin'; value: string; negate: boolean };

/** A parsed query: every term in input order, plus the positive free text used for ranking. */
export interface ParsedQuery {
  terms: Term[];
  /** Positive free words, folded (text/fold.ts), in input order. */
  words: string[];
  /** Positive phrases, folded, in input order. */
  phrases: string[];
  /** Positive words and phrases joined by single spaces: the fuzzy pattern and exact-title target. */
  text: string;
  /** True when `is:draft` asks for drafts only. */
  draftsOnly: boolean;
  /** The time (epoch ms) the query was read at: relative dates and the publication windows (core/publication-window.ts) count from it; the clock when absent. */
  now?: number;
}

/** A malformed query; `term` is the offending term as typed and the message names it. */
export class QueryError extends Error {
  readonly term: string;
  constructor(message: string, term: string) {
    super(message);
    this.name = 'QueryError';
    this.term = term;
  }
}

type FieldKind = 'tag' | 'category' | 'source' | 'lang' | 'sentiment' | 'since' | 'until' | 'is' | 'coin';

// Field names and the few plural/short aliases people type anyway.
const FIELDS: Readonly<Record<string, FieldKind>> = {
  tag: 'tag', tags: 'tag',
  source: 'source', src: 'source',
  category: 'category', categories: 'category', cat: 'category',
  sentiment: 'sentiment',
  lang: 'lang', language: 'lang',
  since: 'since', until: 'until',
  is: 'is',
  coin: 'coin', coins: 'coin', ticker: 'coin',
};

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;
// Relative ages: `min` minutes, `h` hours, `d` days, `w` weeks, `m` or `mo` months, `y` years.
// A bare `m` stays months (as documented from the start); minutes need `min`, the unit the list's
// dates are written in, so `3min` on screen and `since:3min` mean the same thing.
const RELATIVE = /^(\d{1,4})(min|mo|[hdwmy])$/i;
const DAY_MS = 86_400_000;

// Dates without a zone are read as UTC, like the ISO timestamps the articles carry, so a query
// means the same thing on every machine. `until:` with a bare date includes that whole day.
function parseDate(value: string, field: 'since' | 'until', now: number): number | null {
  const rel = RELATIVE.exec(value);
  if (rel) {
    const n = Number(rel[1]);
    const unit = rel[2].toLowerCase();
    if (unit === 'min') return now - n * 60_000;
    if (unit === 'h') return now - n * 3_600_000;
    const key = ({ d: 'days', w: 'weeks', m: 'months', mo: 'months', y: 'years' } as const)[unit as 'd' | 'w' | 'm' | 'mo' | 'y'];
    return sub(now, { [key]: n }).getTime();
  }
  const m = ISO.exec(value);
  if (!m) return null;
  const [y, mo, d, h = '0', mi = '0', s = '0', ms = '0', zone] = m.slice(1);
  const t = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, +ms.padEnd(3, '0'));
  const back = new Date(t);
  // Date.UTC rolls 2025-02-30 over into March; reject instead of guessing.
  if (back.getUTCMonth() !== +mo - 1 || back.getUTCDate() !== +d || +h > 23 || +mi > 59 || +s > 59) return null;
  let offset = 0;
  if (zone && zone.toUpperCase() !== 'Z') {
    const zm = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
    offset = (zm[1] === '-' ? -1 : 1) * (+zm[2] * 60 + +zm[3]) * 60_000;
  }
  if (field === 'until' && m[4] === undefined) return t + DAY_MS - 1;
  return t - offset;
}

// The reading state's `is:` values. core/reading takes those terms out of the query and applies
// them itself (reading/terms.ts) before the engine sees it; here they are known words of the
// language, so a query that holds one (a config view's `is:unread sentiment:negative`) parses,
// and they yield no term of the engine's.
const READING_VALUES: ReadonlySet<string> = new Set(['unread', 'read', 'saved', 'new']);

function fieldTerm(kind: FieldKind, value: string, negate: boolean, raw: string, now: number): Term | null {
  if (value.trim() === '') throw new QueryError(`empty value in "${raw}"`, raw);
  const v = value.trim().toLowerCase();
  switch (kind) {
    case 'sentiment': {
      // `none`: no sentiment, or one the canonical names do not cover (text/fields.ts).
      const s = v === 'none' ? v : canonicalSentiment(v);
      if (!s) throw new QueryError(`unknown sentiment in "${raw}" (use positive, negative, neutral or none)`, raw);
      return { kind, value: s, negate };
    }
    case 'since':
    case 'until': {
      const at = parseDate(v, kind, now);
      if (at === null) throw new QueryError(`bad date in "${raw}" (use 2025-11-01, 2025-11-01T09:30Z or 30min, 24h, 7d, 2w, 3mo, 1y)`, raw);
      return { kind, at, negate };
    }
    case 'coin': {
      const symbol = resolveCoin(v);
      if (!symbol) throw new QueryError(`unknown coin in "${raw}" (use a ticker or name: coin:btc, coin:solana)`, raw);
      return { kind, value: symbol, negate };
    }
    case 'is':
      if (READING_VALUES.has(v)) return null;
      if (v !== 'draft' && v !== 'sticky') throw new QueryError(`unknown value in "${raw}" (use is:draft, is:sticky, is:unread, is:read, is:saved or is:new)`, raw);
      return { kind, value: v, negate };
    default:
      return { kind, value: foldText(value.trim()).trim(), negate };
  }
}

// A phrase or quoted value left open, named as typed, not wrapped in quotes of its own: the old
// message quoted the term, so `spot"` read as three quotes in a row.
const unclosedQuote = (term: string): string => `unclosed quote (a phrase needs its closing "): ${term}`;

// Whitespace as the fold reads it (text/fold.ts gapKind): a no-break space pasted into the query
// separates words as it does in the articles. A word holding one folded to `spot etf` (a phrase
// of a word) and one starting with it to ` spot`, which froze the body search (phrase-bytes.ts).
const isSpace = (c: string): boolean => {
  const kind = gapKind(c.charCodeAt(0));
  return kind === 1 || kind === 2;
};

/** Parses the search line into terms; `now` anchors relative dates. Throws QueryError naming the bad term. */
export function parseQuery(input: string, now: number = Date.now()): ParsedQuery {
  const terms = scanTerms(input.normalize('NFC'), now, []);
  const words = terms.flatMap((t) => (t.kind === 'word' && !t.negate ? [t.value] : []));
  const phrases = terms.flatMap((t) => (t.kind === 'phrase' && !t.negate ? [t.value] : []));
  const text = terms.flatMap((t) => ((t.kind === 'word' || t.kind === 'phrase') && !t.negate ? [t.value] : [])).join(' ');
  const draftsOnly = terms.some((t) => t.kind === 'is' && t.value === 'draft' && !t.negate);
  return { terms, words, phrases, text, draftsOnly, now };
}

/**
 * `input` (NFC) with each positive free word replaced by `fix` of its folded value where that
 * differs (the typo pass: search/typos/typo-rule.ts), the rest as typed; `input` itself when no
 * word changes. Throws QueryError as parseQuery does.
 */
export function correctQuery(input: string, fix: (word: string) => string, now: number = Date.now()): string {
  const s = input.normalize('NFC');
  const spans: WordSpan[] = [];
  scanTerms(s, now, spans);
  let out = '';
  let from = 0;
  for (const { value, start, end } of spans) {
    const fixed = fix(value);
    if (fixed === value) continue;
    out += s.slice(from, start) + fixed;
    from = end;
  }
  return from === 0 ? input : out + s.slice(from);
}

// Where a positive free word stands in the (NFC) query, and its folded value.
interface WordSpan {
  value: string;
  start: number;
  end: number;
}

// The terms of `s` (NFC), each positive free word's place pushed to `spans`.
function scanTerms(s: string, now: number, spans: WordSpan[]): Term[] {
  const terms: Term[] = [];
  let i = 0;
  while (i < s.length) {
    if (isSpace(s[i])) { i++; continue; }
    const start = i;
    let negate = false;
    if (s[i] === '-' && i + 1 < s.length && !isSpace(s[i + 1])) { negate = true; i++; }
    else if (s[i] === '-') { i++; continue; } // a lone `-` is a negation still being typed
    if (s[i] === '"') {
      const close = s.indexOf('"', i + 1);
      if (close < 0) throw new QueryError(unclosedQuote(s.slice(start)), s.slice(start));
      // Trimmed after the fold too: markup beside a space is a gap (`"* spot"` folds to ` spot`).
      const phrase = foldText(s.slice(i + 1, close).replace(/\s+/g, ' ').trim()).trim();
      if (phrase) terms.push({ kind: 'phrase', value: phrase, negate });
      i = close + 1;
      continue;
    }
    let j = i;
    while (j < s.length && !isSpace(s[j]) && s[j] !== '"') j++;
    const word = s.slice(i, j);
    // `--bitcoin` negated `-bitcoin`, which no article holds, and so listed every article; `-–bitcoin`
    // the same once its en dash is read as `-`. Only `-` negates: a term typed after another dash
    // (`–bitcoin`, `−5%`) is a word holding that dash, found as `-bitcoin` (`pro–bitcoin`).
    if (negate && foldText(word).startsWith('-')) throw new QueryError(`one - negates a term: "${s.slice(start, j)}"`, s.slice(start, j));
    const colon = word.indexOf(':');
    const prefix = colon > 0 ? word.slice(0, colon) : '';
    const looksLikeField = /^[a-z]+$/i.test(prefix) && !word.startsWith('/', colon + 1);
    if (!looksLikeField) {
      if (word) terms.push({ kind: 'word', value: foldText(word), negate });
      if (word && !negate) spans.push({ value: foldText(word), start: i, end: j });
      i = j;
      continue;
    }
    let value = word.slice(colon + 1);
    if (value === '' && s[j] === '"') {
      // field:"quoted value"
      const close = s.indexOf('"', j + 1);
      if (close < 0) throw new QueryError(unclosedQuote(s.slice(start)), s.slice(start));
      value = s.slice(j + 1, close).replace(/\s+/g, ' ');
      j = close + 1;
    }
    const raw = s.slice(start, j);
    if (!Object.hasOwn(FIELDS, prefix.toLowerCase())) {
      throw new QueryError(`unknown field "${prefix}" in "${raw}" (fields: tag, source, category, sentiment, lang, since, until, is, coin)`, raw);
    }
    const term = fieldTerm(FIELDS[prefix.toLowerCase()], value, negate, raw, now);
    if (term) terms.push(term);
    i = j;
  }
  return terms;
}

/**
 * Why `input` holds an operator of another query language, or null: `OR`, `NOT`, `|` or `||`
 * between terms, or fzf's `!word`. The language has none of them, and read as words they found
 * next to nothing or the opposite (a tester's `hack OR drained`: 2 articles where `hack` alone
 * found 7; `NOT bitcoin` listed the articles holding bitcoin). Quoted phrases are left alone.
 */
export function operatorError(input: string): string | null {
  const outside = input.replace(/"[^"]*"/g, '""');
  const operator = /(?:^|\s)(OR|NOT|\|\|?)(?=\s|$)/u.exec(outside)?.[1];
  // Short enough for the search line's half of 80 columns, the advice included.
  if (operator === 'NOT') return 'no NOT operator: write -word';
  if (operator !== undefined) return `no ${operator} operator: all terms must match`;
  if (/(?:^|\s)!(?=[\p{L}\p{N}"])/u.test(outside)) return '! does not negate: write -word';
  return null;
}

// QueryError's message for `input`, or null when it parses.
function parseError(input: string): string | null {
  try {
    parseQuery(input);
    return null;
  } catch (error) {
    if (error instanceof QueryError) return error.message;
    throw error;
  }
}

/**
 * Why the search box's query is refused, or null: its QueryError first (an unclosed quote is
 * named as such, not the OR inside it), then an operator of another language (operatorError).
 */
export function typedQueryError(input: string): string | null {
  return parseError(input) ?? operatorError(input);
}

/**
 * Why a query given whole (`--filter`, `-q`, a view's) is refused, or null: what the CLI checks
 * before the dashboard or the filter. As typedQueryError, and a lone `-` between the two (it
 * negates nothing: the search box reads one as a negation still being typed, so parseQuery skips
 * it; given whole it would list every article, a tester's `-f -`).
 */
export function queryErrorOf(input: string): string | null {
  const loneDash = /(?:^|\s)-(?=\s|$)/u.test(input) ? 'a lone - negates nothing (write -word to leave out the articles holding a word)' : null;
  return parseError(input) ?? loneDash ?? operatorError(input);
}
