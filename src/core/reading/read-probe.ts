// Which articles may be read, told without making their keys. An article's marks are under one of
// its keys (identity.ts: `id:<externalId>`, `url:<url>`, `path:<path>`), so an article none of
// whose externalId, URL or path is the rest of a read key is unread, whichever key it resolves to.
// Testing that costs a look-up of each of its fields that some read key is of (nearly always one
// kind: `id:` for feeds that name their items). An index's article (load/lazy-article.ts) holds
// those fields as UTF-8 bytes and would make a new string for each read (~1 us at 1M, most of a
// whole-corpus count: 2 s CPU for 990k): it is looked up by the hash of its bytes instead
// (text/byte-hash.ts, ~20-60 ns), a hash being enough to clear it. Only the articles it lets
// through need the exact answer.
import { hashesIdentity } from '../article.js';
import { hashText } from '../text/index.js';
import type { Identified } from './identity.js';

// Bits of the bitmap a hash's low bits pick (2^20: 128 KB, in a core's cache; ~5% set at 50k read keys).
const BITS = 20;
const LOW = (1 << BITS) - 1;

// The rests of the read keys of one kind, how many of them have each hash, and a bitmap of the
// hashes' low bits that clears most articles before the Map is asked (at 1M the Map's look-ups
// were ~0.5 us apiece on a loaded machine, out of cache; a bit is one read). A bit stays set when
// its last hash goes (an unmark): that costs a Map look-up, never a wrong answer.
class Rests {
  private readonly strings = new Set<string>();
  private readonly hashes = new Map<number, number>();
  private readonly bits = new Int32Array((LOW + 1) >>> 5);

  get size(): number {
    return this.strings.size;
  }

  set(rest: string, read: boolean): void {
    if (read === this.strings.has(rest)) return;
    const hash = hashText(rest);
    const n = (this.hashes.get(hash) ?? 0) + (read ? 1 : -1);
    if (read) this.strings.add(rest);
    else this.strings.delete(rest);
    if (n > 0) this.hashes.set(hash, n);
    else this.hashes.delete(hash);
    if (read) this.bits[(hash & LOW) >>> 5] |= 1 << (hash & 31);
  }

  has(rest: string | null): boolean {
    return !!rest && this.strings.has(rest);
  }

  // False only when no read rest has this hash (NO_HASH, a null field's, is no rest's).
  mayHave(hash: number): boolean {
    return hash >= 0 && (this.bits[(hash & LOW) >>> 5] & (1 << (hash & 31))) !== 0 && this.hashes.has(hash);
  }
}

/** The externalIds, URLs and paths of the read keys, kept as the read marks change. */
export class ReadProbe {
  private readonly ids = new Rests();
  private readonly urls = new Rests();
  private readonly paths = new Rests();

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
    const [rests, rest] = key.startsWith('id:') ? [this.ids, key.slice(3)] : key.startsWith('url:') ? [this.urls, key.slice(4)] : key.startsWith('path:') ? [this.paths, key.slice(5)] : [null, ''];
    rests?.set(rest, read);
  }

  /**
   * False when no key of `a` is read (then it is unread for sure); true when it may be. A field is
   * read only when some read key is of its kind (read keys are nearly always of one kind); an
   * article that hashes its fields from their bytes is looked up by hash (a hash shared by chance
   * lets it through, never the other way).
   */
  mayBeRead(a: Identified): boolean {
    const { ids, urls, paths } = this;
    if (hashesIdentity(a)) {
      return (
        (ids.size > 0 && ids.mayHave(a.identityHash('externalId'))) ||
        (urls.size > 0 && urls.mayHave(a.identityHash('url'))) ||
        (paths.size > 0 && paths.mayHave(a.identityHash('path')))
      );
    }
    return (ids.size > 0 && ids.has(a.externalId)) || (urls.size > 0 && urls.has(a.url)) || (paths.size > 0 && paths.has(a.path));
  }
}
