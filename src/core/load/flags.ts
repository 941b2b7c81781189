// Front-matter flags (`draft`, Jekyll's `published`) in the spellings YAML 1.1 gives booleans:
// Jekyll reads front matter with Ruby's YAML 1.1 parser and Hugo's older releases did too, so
// `draft: yes` and `draft: on` mean true there, `no` and `off` false. The YAML parser here leaves
// scalars as written (front-matter/index.ts), so only the fields that are flags read these words: a
// `lang: no` (Norwegian) or a tag `no` stays the string "no".

// YAML 1.1's bool type (yaml.org/type/bool.html), compared without case.
const TRUE_WORDS: ReadonlySet<string> = new Set(['y', 'yes', 'true', 'on']);
const FALSE_WORDS: ReadonlySet<string> = new Set(['n', 'no', 'false', 'off']);

/** A flag value as true or false; null when it is absent or not a flag (a date, a list, `maybe`). */
export function readFlag(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return null;
  const word = value.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return null;
}

/**
 * Whether front matter marks an article as not for readers: `draft` true (Hugo, the seed
 * schema), or `published` false (Jekyll's way to keep a post unpublished).
 */
export function isDraft(data: Record<string, unknown>): boolean {
  return readFlag(data.draft) === true || readFlag(data.published) === false;
}
