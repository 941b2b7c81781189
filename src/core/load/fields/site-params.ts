// A page's own fields kept in a table of their own, as the site generators ask: Hugo reads any key
// that is not one of its own from `[params]` (since 0.123; themes read `.Params.author`), and Zola
// allows no key outside its schema at the top level, so authors, images and the like go under
// `[extra]`. Their author, description, tags and categories were not read: the list showed the
// folder's name as the source and an empty description.

type Data = Record<string, unknown>;

/** The tables a page's own fields may sit in: Hugo's `params`, Zola's `extra`. */
export const SITE_PARAM_TABLES = ['params', 'extra'] as const;

const isTable = (v: unknown): v is Data => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

/**
 * The page's `params` table, or its `extra` table, or both merged (`params` first), or null when
 * it has neither: where normaliseArticle looks for a field the top level does not give.
 */
export function siteParams(data: Data): Data | null {
  const params = isTable(data.params) ? data.params : null;
  const extra = isTable(data.extra) ? data.extra : null;
  if (params === null || extra === null) return params ?? extra;
  return Object.assign(Object.create(null) as Data, extra, params);
}

