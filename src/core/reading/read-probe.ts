// Which articles may be read, told without making their keys. An article's marks are under one of
// its keys (identity.ts: `id:<externalId>`, `url:<url>`, `path:<path>`), so an article none of
// whose externalId, URL or path is the rest of a read key is unread, whichever key it resolves to.
// Testing that costs a look-up of each of its fields that some read key is of (nearly always one
// kind: `id:` for feeds that name their items), where making the key costs that field, a new
// string and its hash, and a look-up. Only the articles it lets through need the exact answer.
import type { Identified } from './identity.js';

/** The externalIds, URLs and paths of the read keys, kept as the read marks change. */
export class ReadProbe {
  private readonly ids = new Set<string>();
  private readonly urls = new Set<string>();
  private readonly paths = new Set<string>();

  /** A probe over these read keys. */
  constructor(readKeys: Iterable<string>) {
    for (const key of readKeys) this.set(key, true);
  }

  /** No key is read: every article is unread. */
  get empty(): boolean {
    return this.ids.size === 0 && this.urls.size === 0 && this.paths.size === 0;
  }

  /** Notes that `key` became read (`read`) or unread. */
  set(key: string, read: boolean): void {
    const [set, rest] = key.startsWith('id:') ? [this.ids, key.slice(3)] : key.startsWith('url:') ? [this.urls, key.slice(4)] : key.startsWith('path:') ? [this.paths, key.slice(5)] : [null, ''];
    if (!set) return;
    if (read) set.add(rest);
    else set.delete(rest);
  }

  /**
   * False when no key of `a` is read (then it is unread for sure); true when it may be. A field is
   * read only when some read key is of its kind: an index's article makes each field's string anew
   * on every read (load/lazy-article.ts: ~0.3-1 us apiece), and read keys are nearly always of one kind.
   */
  mayBeRead(a: Identified): boolean {
    if (this.ids.size > 0) {
      const id = a.externalId;
      if (id && this.ids.has(id)) return true;
    }
    if (this.urls.size > 0) {
      const url = a.url;
      if (url && this.urls.has(url)) return true;
    }
    return this.paths.size > 0 && this.paths.has(a.path);
  }
}
