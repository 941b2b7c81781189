// A filter over a list in date order whose test reads each article's haystack, run in id order.
// Haystacks (and the articles, and their strings) were made in id order and lie in memory in
// about that order, while the date order visits them at random: at 100k articles, testing a
// two-letter word on the 63k the index marked for `regulator de` took ~42 ms in date order and
// ~14 ms in id order (the same tests; each one missed the cache on the haystack, its text and
// its shared parts). The list kept is the same and in the same order; only the order the tests
// run in changes, so a test must not depend on it (the search's tests are pure but for counting
// the bodies they skip, and reading a body from its file, which any order does alike).

// Per article id, its position in the list + 1 while a filter runs, else 0. Kept between calls
// (a 100k-article list would make 400 kB of it a keystroke) and cleared after each one.
let positions = new Int32Array(0);

// Below this many ids a plain pass in list order costs less than the three passes here.
const MIN_IDS = 2048;

/**
 * The ids of `order` (distinct ids below `size`) that `first` keeps (null: every one) and then
 * `test` keeps, in `order`'s order. `first` is called in `order`'s order (it should be cheap: a
 * typed array read); `test` with each id `first` kept and its position in `order`, in increasing
 * id order. Every id `test` is given is tested exactly once. Stops at no limit: it tests them all.
 */
export function filterInIdOrder(order: readonly number[], size: number, first: ((id: number) => boolean) | null, test: (id: number, pos: number) => boolean): number[] {
  if (order.length < MIN_IDS) {
    const out: number[] = [];
    for (let pos = 0; pos < order.length; pos++) {
      const id = order[pos];
      if ((first === null || first(id)) && test(id, pos)) out.push(id);
    }
    return out;
  }
  if (positions.length < size) positions = new Int32Array(Math.max(size, positions.length * 2));
  const at = positions;
  try {
    for (let pos = 0; pos < order.length; pos++) {
      const id = order[pos];
      if (first === null || first(id)) at[id] = pos + 1;
    }
    let n = 0;
    for (let id = 0; id < size; id++) {
      const p = at[id];
      if (p === 0) continue;
      if (test(id, p - 1)) n += 1;
      else at[id] = 0;
    }
    // Made at its final size: grown by pushes, a list of 60k ids left ~1 MB of garbage a keystroke.
    const out = new Array<number>(n);
    let k = 0;
    for (let pos = 0; pos < order.length && k < n; pos++) {
      const id = order[pos];
      if (at[id] === pos + 1) out[k++] = id;
    }
    return out;
  } finally {
    for (let pos = 0; pos < order.length; pos++) at[order[pos]] = 0;
  }
}
