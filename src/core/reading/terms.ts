// The reading terms of the query language: `is:unread`, `is:read`, `is:saved`, `is:new` (each
// negatable with `-`). They are taken out of the query before it reaches the search engine and
// become one predicate over article ids, which the engine applies to its candidates: whichever
// engine runs the rest of the query, the reading state is applied the same way.

/** A reading term's flag. */
export type ReadingFlag = 'unread' | 'read' | 'saved' | 'new';
/** One reading term as written. */
export interface ReadingTerm {
  flag: ReadingFlag;
  negate: boolean;
}

/** What the predicate asks of the reading state for one article. */
export interface ReadingLookup {
  isRead(id: number): boolean;
  isSaved(id: number): boolean;
  isNew(id: number): boolean;
}

// A bare term: start of text or whitespace before, whitespace or end after. Quoted phrases are
// skipped so `"is:read"` stays a phrase.
const TOKEN = /"[^"]*"?|(?<=^|\s)(-?)is:(unread|read|saved|new)(?=\s|$)/gi;

/** The query without its reading terms, and the terms in input order. */
export function splitReadingTerms(query: string): { rest: string; terms: ReadingTerm[] } {
  const terms: ReadingTerm[] = [];
  const rest = query.replace(TOKEN, (whole, negate: string | undefined, flag: string | undefined) => {
    if (flag === undefined) return whole;
    terms.push({ flag: flag.toLowerCase() as ReadingFlag, negate: negate === '-' });
    return '';
  });
  return { rest: terms.length ? rest.replace(/\s+/g, ' ').trim() : query, terms };
}

/** One predicate for all terms (AND), or null when there are none. */
export function readingPredicate(terms: readonly ReadingTerm[], lookup: ReadingLookup): ((id: number) => boolean) | null {
  if (terms.length === 0) return null;
  const tests = terms.map((t) => {
    const test =
      t.flag === 'unread' ? (id: number) => !lookup.isRead(id) : t.flag === 'read' ? (id: number) => lookup.isRead(id) : t.flag === 'saved' ? (id: number) => lookup.isSaved(id) : (id: number) => lookup.isNew(id);
    return t.negate ? (id: number) => !test(id) : test;
  });
  return (id) => tests.every((t) => t(id));
}
