// Front-matter flags (`draft`, Jekyll's `published`) in the spellings YAML 1.1 gives booleans:
// Jekyll reads front matter with Ruby's YAML 1.1 parser and Hugo's older releases did too, so
// `draft: yes` and `draft: on` mean true there, `no` and `off` false. The YAML parser here leaves
// scalars as written (front-matter/index.ts), so only the fields that are flags read these words: a
// `lang: no` (Norwegian) or a tag `no` stays the string "no".
//
// A publishing status is the other way exports say "not for readers": Ghost, WordPress, Decap
// (Netlify) CMS, Astro templates, Pelican and Notion databases write `status: draft`. The
// statuses that keep a post from readers are drafts here; every other one (`published`,
// `publish`, `public`, `live`, and `future`/`scheduled`, which the publication window already
// times by the article's date: core/publication-window.ts) leaves it listed.

// YAML 1.1's bool type (yaml.org/type/bool.html), compared without case.
const TRUE_WORDS: ReadonlySet<string> = new Set(['y', 'yes', 'true', 'on']);
const FALSE_WORDS: ReadonlySet<string> = new Set(['n', 'no', 'false', 'off']);
// A number as YAML, TOML and JSON front matter write one (kept as text: front-matter/engines.ts).
const NUMBER = /^[-+]?(?:\d[\d_]*\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i;

/** A flag value as true or false; null when it is absent or not a flag (a date, a list, `maybe`). */
export function readFlag(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return null;
  const word = value.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return null;
}

// `draft` as Hugo reads it: a flag word, or a number cast to a bool as Hugo's cast.ToBool does
// (`draft: 1` is a draft, `draft: 0` is not). Only `draft`: Jekyll's `published` is false only
// when written false, and a number there is a date (`published: 1762252200`, published-date.ts).
function readDraftFlag(value: unknown): boolean | null {
  const flag = readFlag(value);
  if (flag !== null) return flag;
  if (typeof value === 'number') return Number.isNaN(value) ? null : value !== 0;
  if (typeof value !== 'string' || !NUMBER.test(value.trim())) return null;
  const n = Number(value.trim().replace(/_/g, ''));
  return Number.isNaN(n) ? null : n !== 0;
}

/** The keys a publishing status is written under: YAML and TOML keys keep their case (`Status: Draft`). */
export const STATUS_KEYS = ['status', 'Status', 'STATUS'] as const;

// Statuses that keep a post from readers, compared without case and with `-`, `_` and spaces alike:
// WordPress's `draft`, `pending` (awaiting review), `auto-draft`, `private` (for logged-in editors
// only) and `trash`; Decap CMS's editorial workflow's `pending_review` and `pending_publish`.
const DRAFT_STATUSES: ReadonlySet<string> = new Set(['draft', 'pending', 'pending review', 'pending publish', 'auto draft', 'private', 'trash']);

/** Whether a status value (`draft`, `Draft`, `auto-draft`) keeps the article from readers. */
export function isDraftStatus(value: unknown): boolean {
  return typeof value === 'string' && DRAFT_STATUSES.has(value.trim().toLowerCase().replace(/[-_\s]+/g, ' '));
}

/**
 * Whether front matter marks an article as not for readers: `draft` true (Hugo, the seed
 * schema), `published` false (Jekyll's way to keep a post unpublished), or a draft's status.
 */
export function isDraft(data: Record<string, unknown>): boolean {
  return readDraftFlag(data.draft) === true || readFlag(data.published) === false || STATUS_KEYS.some((key) => isDraftStatus(data[key]));
}
