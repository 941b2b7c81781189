// A reading-state folder as a user's after opening a big archive: `state.db` with `--rows` rows
// (keys `path:/x/N.md` and `id:big-N`, first seen two days ago), `--read` of them read, `--saved`
// saved, and the last session ended a day ago. For measuring a start against a big state
// (issue 10): `XDG_STATE_HOME=<dir>` makes `<dir>/crypto-news-tui/state.db` the dashboard's.
//   node scripts/bench/make-state.mjs DIR [--rows 1000000] [--read 5000] [--saved 20]
// `--read all` marks every row read (as after mark-all-read over the archive).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const Database = require('better-sqlite3');

const [dir, ...rest] = process.argv.slice(2);
if (!dir) {
  console.error('usage: make-state.mjs DIR [--rows N] [--read N|all] [--saved N]');
  process.exit(2);
}
const opt = (name, dflt) => {
  const i = rest.indexOf(`--${name}`);
  return i >= 0 ? rest[i + 1] : dflt;
};
const rows = Number(opt('rows', 1_000_000));
const read = opt('read', '5000') === 'all' ? rows : Number(opt('read', 5000));
const saved = Number(opt('saved', 20));

const folder = path.join(dir, 'crypto-news-tui');
fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
const file = path.join(folder, 'state.db');
for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
const db = new Database(file);
db.pragma('journal_mode = WAL');
// The schema main's build writes (store.ts); the build under test migrates it if it must.
db.exec(`
CREATE TABLE articles (key TEXT PRIMARY KEY, read INTEGER NOT NULL DEFAULT 0, saved INTEGER NOT NULL DEFAULT 0, first_seen INTEGER NOT NULL, changed INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE history (id INTEGER PRIMARY KEY AUTOINCREMENT, query TEXT NOT NULL, at INTEGER NOT NULL);
`);
const now = Date.now();
const seen = now - 2 * 86_400_000;
const insert = db.prepare('INSERT INTO articles (key, read, saved, first_seen, changed) VALUES (?, ?, ?, ?, ?)');
// Read and saved rows spread over the keys (every k-th), as marks made while browsing are.
const readEvery = read > 0 ? rows / read : Infinity;
const savedEvery = saved > 0 ? rows / saved : Infinity;
db.transaction(() => {
  for (let i = 0; i < rows; i++) {
    const key = i % 2 ? `id:big-${i}` : `path:/x/${i}.md`;
    const r = read >= rows || (read > 0 && Math.floor(i % readEvery) === 0) ? 1 : 0;
    const s = saved > 0 && Math.floor(i % savedEvery) === 0 ? 1 : 0;
    insert.run(key, r, s, seen + (i % 1000), now);
  }
  db.prepare("INSERT INTO meta (name, value) VALUES ('lastEnded', ?)").run(now - 86_400_000);
})();
const count = (where) => db.prepare(`SELECT count(*) AS n FROM articles WHERE ${where}`).get().n;
console.log(`${file}: ${count('1')} rows, ${count('read = 1')} read, ${count('saved = 1')} saved`);
db.close();
