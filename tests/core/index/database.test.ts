// The index file is trusted only when this program wrote it at this format: anything else is set
// aside and a fresh one built; a fresh or reopened file keeps what was written.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID, INDEX_FORMAT, indexFile, openIndex, removeIndex } from '../../../src/core/index/database.js';
import { walkListingFile } from '../../../src/core/index/location.js';
import { ArticleStore, type IndexedArticle } from '../../../src/core/index/store.js';
import { foldBody, foldText } from '../../../src/core/text/fold.js';

let dir: string;
let file: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-index-'));
  file = path.join(dir, 'cache', 'x.sqlite');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const item = (p: string): IndexedArticle => ({
  path: p, size: 10, mtime: 1, dev: 1, ino: 2, published: 0, article: { title: p }, lead: '',
  fields: { source: '', lang: '', sentiment: '', draft: 0, sticky: 0, warned: 0, listedFrom: null, listedUntil: null },
  text: { title: p, description: '', tags: '', source: '', category: '', body: 'body text', coins: [] },
});

function writeOne(): void {
  const { db } = openIndex(file);
  new ArticleStore(db).put([item('/a.md')]);
  db.close();
}

describe('indexFile', () => {
  it('is one file per set of folder arguments, the same for the same set', () => {
    expect(indexFile('/c', ['/news'])).toBe(indexFile('/c', ['/news/']));
    expect(indexFile('/c', ['/news'])).not.toBe(indexFile('/c', ['/news', '/more']));
    expect(indexFile('/c', ['/news'])).toMatch(/^\/c\/[0-9a-f]{20}\.sqlite$/);
  });
});

describe('openIndex', () => {
  it('creates a WAL database marked as ours, and reopens it with its rows', () => {
    writeOne();
    const { db, setAside } = openIndex(file);
    expect(setAside).toBeNull();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    // NORMAL once made (a new file's schema is written unsynced: database.ts unsynced).
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(INDEX_FORMAT);
    expect(new ArticleStore(db).count()).toBe(1);
    db.close();
  });

  it('opens a private in-memory index for null (--no-cache), writing no file', () => {
    const { db } = openIndex(null);
    new ArticleStore(db).put([item('/a.md')]);
    expect(new ArticleStore(db).count()).toBe(1);
    db.close();
    expect(fs.existsSync(path.dirname(file))).toBe(false);
  });

  const bad: Array<[string, () => void]> = [
    ['a file that is not a database', () => fs.writeFileSync(file, 'not a database at all, just text '.repeat(200))],
    ['another program\'s database', () => {
      const other = new Database(file);
      other.exec('CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES (1)');
      other.close();
    }],
    ['a database from a newer version', () => {
      writeOne();
      const db = new Database(file);
      db.pragma(`user_version = ${INDEX_FORMAT + 1}`);
      db.close();
    }],
    ['a new index cut short after its first page (a crash while its schema was written)', () => {
      writeOne();
      const bytes = fs.readFileSync(file);
      fs.writeFileSync(file, bytes.subarray(0, 4096));
    }],
    ['a damaged page', () => {
      writeOne();
      const bytes = fs.readFileSync(file);
      bytes.fill(0xa5, 100, Math.min(bytes.length, 8192));
      fs.writeFileSync(file, bytes);
    }],
  ];
  it.each(bad)('sets aside %s and builds a fresh index', (_label, make) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    make();
    const before = fs.readFileSync(file);
    const { db, setAside } = openIndex(file);
    expect(setAside).toBe(`${file}.broken`);
    expect(fs.readFileSync(`${file}.broken`).equals(before)).toBe(true);
    expect(new ArticleStore(db).count()).toBe(0);
    new ArticleStore(db).put([item('/b.md')]);
    db.close();
    const again = openIndex(file);
    expect(again.setAside).toBeNull();
    expect(new ArticleStore(again.db).count()).toBe(1);
    again.db.close();
  });

  it('starts over, in place, from an index of an older format', () => {
    writeOne();
    const old = new Database(file);
    old.pragma(`user_version = ${INDEX_FORMAT - 1}`);
    old.close();
    const { db, setAside } = openIndex(file);
    expect(setAside).toBeNull();
    expect(new ArticleStore(db).count()).toBe(0);
    db.close();
  });

  it('changes with the fold of the text it stores (text/fold.ts): an index folded by an older rule is rebuilt, not read', () => {
    // The FTS table and the rows hold folded text, so a change of the fold must bump the format
    // (and this pin with it): an old index kept `2024–2025` where the search now looks for `2024-2025`,
    // and bodies as written (`S&amp;P`, `H<sub>2</sub>O`) where it now looks for what the reader sees;
    // indented code and an HTML block's lines as they are shown, not read as prose.
    const probes = ['2024\u20132025 layer\u20112 \u2212x', '[first spot](https://x.com/a) etf', 'see <https://x.com> now', 'Þingvellir Goðafoss'];
    const bodies = [
      'S&amp;P what&#8217;s eth\\_call `&amp;`',
      'H<sub>2</sub>O <img class="kg-image" alt="BTC chart"><script>x()</script>',
      'Run:\n\n    x &amp;&amp; eth\\_call\n\n<div>a\\_b\n```\n</div>\n\nS&amp;P',
    ];
    expect({ format: INDEX_FORMAT, folds: probes.map(foldText), bodies: bodies.map(foldBody) }).toEqual({
      format: 12,
      folds: ['2024-2025 layer-2 -x', '[first spot etf', 'see https://x.com now', 'thingvellir godafoss'],
      bodies: ["s&p what's eth_call `&amp;`", 'h2o [btc chart]', 'run:\n\n    x &amp;&amp; eth\\_call\n\n\na\\_b\n```\n\n\n\ns&p'],
    });
  });

  it('removeIndex deletes the file with its WAL files and its kept walk, and ignores a missing one', () => {
    writeOne();
    fs.writeFileSync(walkListingFile(file), 'a kept walk');
    removeIndex(file);
    expect(fs.readdirSync(path.dirname(file))).toEqual([]);
    expect(() => removeIndex(file)).not.toThrow();
  });
});
