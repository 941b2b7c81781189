// What an index file on disk holds, for the tests of a cold load's rows: each row's id and stored
// title by path, the rows still waiting for their text, and the rows whose text holds a body word
// of the tests' articles (`zyxwordw<n>`).
import Database from 'better-sqlite3';

/** The rows of the index at `file` (opened read-only) by path, and its text's state. */
export function indexRows(file: string): { ids: Map<string, number>; titles: Map<string, unknown>; pending: number; texts: number } {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare('SELECT path, id, article FROM articles').raw().all() as Array<[string, number, string]>;
    return {
      ids: new Map(rows.map(([p, id]) => [p, id])),
      titles: new Map(rows.map(([p, , a]) => [p, (JSON.parse(a) as unknown[])[2]])),
      pending: db.prepare('SELECT count(*) FROM text_pending').pluck().get() as number,
      texts: db.prepare("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'body:zyxwordw*'").pluck().get() as number,
    };
  } finally {
    db.close();
  }
}
