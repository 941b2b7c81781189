// The dashboard's free words from the on-disk index: once the load's full text is built and the
// index's vocabulary read (off the UI thread), every body is searched at every keystroke and the
// counts are exact. Until then, and when the index cannot serve, the search reads bodies itself.
// Words too wide to read on a key (`regulator de`, `solana -et`) are read on a thread and the
// search runs again once one is in (WordIndex.answerLater): their counts become exact after the list.
import type { LoadResult } from './core/load/index.js';
import { WordIndex, type ThreadReads } from './core/index/index.js';
import { BODY_DEPTH, type SearchIndex } from './core/search/index.js';
import { afterPendingInput } from './ui/input/after-input.js';

/**
 * Internal, for tests only: CRYPTO_NEWS_TUI_THREAD_READS=FROM[:WAIT_MS] reads a word's tokens on a
 * thread from FROM articles (THREAD_READS_FROM: 300k), a key waiting WAIT_MS for them (12), so an
 * end-to-end test sees the answers given meanwhile on a folder of thousands. Unset or malformed: the defaults.
 */
export function threadReadsFromEnv(value = process.env.CRYPTO_NEWS_TUI_THREAD_READS): ThreadReads | undefined {
  const m = /^(\d+)(?::(\d+))?$/.exec(value ?? '');
  if (!m) return undefined;
  return { from: Number(m[1]), ...(m[2] !== undefined && { waitMs: Number(m[2]) }) };
}

// Between the parts of opening the index (WordIndex.open): keys typed as the list appears are read first.
const keysFirst = (): Promise<void> => new Promise((resolve) => void afterPendingInput(resolve));

/**
 * Opens the word index for a warm load's rows told before its articles are made (LoadOptions.onRowIds,
 * equal to LoadResult.indexIds), in one piece (~75 ms at 100k articles) while the load runs, not
 * after the list, where keys typed as it appeared waited for it (or, opened in turns between
 * them, the third letter, a free word, waited for the words). Resolves null when the index cannot
 * serve yet (its text still being built): attachWords then opens it after the load. Never rejects.
 */
export function openWordsEarly(paths: readonly string[], rowIds: Int32Array): Promise<WordIndex | null> {
  return WordIndex.forLoad(paths, rowIds, undefined, undefined, threadReadsFromEnv());
}

/**
 * Attaches the word index to `index` when it can serve; `attached` runs then (redraw; `answersLater`:
 * past BODY_DEPTH articles the words it cannot answer on a key are read on a thread), `unavailable`
 * when it cannot (no index, its text incomplete, or unreadable), `answered` each time a wide word
 * is in (search again). `early`: openWordsEarly's, for this load's rows. Never rejects.
 */
export function attachWords(index: SearchIndex, paths: readonly string[], result: Pick<LoadResult, 'indexIds' | 'fullText'>, finished: () => boolean, attached: (answersLater: boolean) => void, unavailable: () => void, answered: () => void, early: Promise<WordIndex | null> | null = null): void {
  // Not `result` in a closure: the closures below live as long as the word index, and would keep
  // the load's result, its list of every article with it (10 MB at 1M).
  const { indexIds, fullText } = result;
  if (!indexIds) return unavailable();
  const afterLoad = (): Promise<WordIndex | null> =>
    fullText.then((complete) => (complete && !finished() ? WordIndex.forLoad(paths, indexIds, undefined, undefined, threadReadsFromEnv(), keysFirst) : null));
  void (early ? early.then((words) => words ?? afterLoad()) : afterLoad())
    .then((words) => {
      if (!words) return unavailable();
      if (finished()) return words.close();
      // Up to BODY_DEPTH articles the search reads every body itself (read ahead): its counts are exact already.
      const answersLater = words.covered > BODY_DEPTH;
      if (answersLater)
        words.answerLater(() => {
          if (!finished()) answered();
        }, true);
      index.useWords(words);
      process.on('exit', () => words.close());
      attached(answersLater);
    })
    .catch(() => unavailable());
}
