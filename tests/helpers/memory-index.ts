// An on-disk index's schema held in memory, with its ArticleStore: what the index tests write
// rows into. A test file calls memoryIndex() once at its top; each test gets a fresh database,
// closed after it.
import type Database from 'better-sqlite3';
import { afterEach, beforeEach } from 'vitest';
import { openIndex } from '../../src/core/index/database.js';
import { ArticleStore } from '../../src/core/index/store.js';

/** The current test's database and store (read them inside tests: each test gets new ones). */
export interface MemoryIndex {
  readonly db: Database.Database;
  readonly store: ArticleStore;
}

/** Opens a fresh in-memory index before each test of the calling file and closes it after. */
export function memoryIndex(): MemoryIndex {
  let db: Database.Database | null = null;
  let store: ArticleStore | null = null;
  beforeEach(() => {
    db = openIndex(null).db;
    store = new ArticleStore(db);
  });
  afterEach(() => {
    db?.close();
    db = store = null;
  });
  const open = <T>(v: T | null): T => {
    if (v === null) throw new Error('memoryIndex: used outside a test');
    return v;
  };
  return {
    get db() {
      return open(db);
    },
    get store() {
      return open(store);
    },
  };
}
