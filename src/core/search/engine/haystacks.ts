// Each article's search haystack (haystack.ts), made on first use. A loaded article is its own
// (article.ts HaystackSlots: its slots filled when first asked); only other articles' haystacks
// (an article held whole in memory: tests, in-memory corpora) are kept here, by id. A slot per
// article in one array, as before, cost 8-10 MB at a million articles for the few it held.
import { hasHaystackSlots, type Article } from '../../article.js';
import { makeHay, type Hay } from '../haystack.js';
import type { HayMasks } from '../hay-masks.js';

/** Haystacks of `docs` by article id; each one's letter mask recorded in `masks` as it is made. */
export class Haystacks {
  private readonly own = new Map<number, Hay>();

  constructor(
    private readonly docs: readonly Article[],
    private readonly masks: HayMasks,
  ) {}

  /** Article `id`'s haystack, made now if it was not. */
  of(id: number): Hay {
    const a = this.docs[id];
    // The mask is recorded again when the slots were filled already (another index over the same articles made them).
    if (hasHaystackSlots(a)) return this.masks.keep(id, a.hayLists !== null ? (a as unknown as Hay) : makeHay(a));
    let hay = this.own.get(id);
    if (hay === undefined) this.own.set(id, (hay = this.masks.keep(id, makeHay(a))));
    return hay;
  }

  /** Article `id`'s haystack when made, else undefined (none is made). */
  made(id: number): Hay | undefined {
    const a = this.docs[id];
    if (hasHaystackSlots(a)) return a.hayLists !== null ? (a as unknown as Hay) : undefined;
    return this.own.get(id);
  }
}
