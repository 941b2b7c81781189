// The dashboard's read-ahead of article bodies. A dashboard search reads the bodies of the newest
// BODY_DEPTH articles (search-settings.ts); a body not in memory is read from its file on first
// use, on the UI thread (a parse per file). Without the index's full text every word query reads
// them, so they are read ahead on the parse threads as soon as the list is loaded, as before.
// When the index already holds the full text (a warm start), it answers free words and only
// phrases, coins, negated or non-ASCII words read bodies: then nothing is read until a search
// needs a body. Such a search leaves the unread ones out instead of reading files on the UI
// thread (SearchIndex.deferBodies: its count shows as a lower bound), which starts the read-ahead,
// and runs again, complete, once it is done. A free-word search made before the index's words
// are attached (a fraction of a second) waits for them rather than starting it; so does one made
// after, when the words answer later what they cannot on a key (WordIndex.answerLater, past
// BODY_DEPTH articles): such a search misses bodies only in the answer it gives meanwhile (words
// whose tokens are still being read on a thread), and the index's answer replaces it within a
// fraction of a second. At a million articles typing `bit` started the read-ahead all the same: a
// parse thread for ~1.4 s, the dashboard's peak RSS ~90 MB higher (BENCHMARKS.md, the thirty-first
// round), and 10k bodies kept for nothing. The search is
// warmed (SearchIndex.prepare) a step per turn of the event loop, keys read between the steps:
// at 100k articles the whole warming is 0.7-2 s of this thread, which in one piece held every
// key typed just after the list appeared.
import type { Article } from './core/article.js';
import { BODY_DEPTH, type SearchIndex } from './core/search/index.js';
import { afterTyping } from './ui/input/after-input.js';

/**
 * Parse threads the read-ahead uses: one. Each thread is a V8 isolate of its own: reading the
 * newest 10k bodies at 100k articles raised RSS by ~114 MB on two threads (2.2 s) and ~65 MB on
 * one (2.9 s, loaded machine), and in the dashboard that was the peak after typing. It is
 * background work, and on two cores a second thread competes with the UI thread anyway.
 */
export const READ_AHEAD_THREADS = 1;

/** What the read-ahead needs from the dashboard (the search engine's functions come from its module). */
export interface ReadAheadSetup {
  index: SearchIndex;
  /** The index's full text was complete at load: its words will answer free words. */
  wordsComing: boolean;
  /** body-preload.ts's preloadBodies (on `workers` parse threads). */
  preload: (articles: readonly Article[], shouldStop: () => boolean, workers: number) => Promise<number>;
  /** query-reads.ts's indexAnswers: the index's words are all this query needs of bodies. */
  indexAnswers: (query: string) => boolean;
  finished: () => boolean;
  /** Runs the live search again (the bodies it left out are read now). */
  searchAgain: () => void;
}

/** The read-ahead under way: tell it of the index's words (`attached`) or their absence (`start`). */
export interface ReadAhead {
  start: () => void;
  attached: (answersLater: boolean) => void;
  /**
   * Settles once the search is warmed (every prepareSteps step done; with no full text, after the
   * newest bodies are read), or the dashboard finished first. Never rejects. Work that can wait
   * (the reading state's first sight) starts then: run between the steps, a first sight of a
   * million articles not seen before (~30 s of this thread in slices) held the steps for as long,
   * and with them a one-letter query's count (`counting…` for 23-28 s at 1M, 0.25-0.5 s without).
   */
  prepared: Promise<void>;
}

/**
 * Starts the read-ahead now or on demand (see above). Tell it when the index's words are attached
 * (`attached`: searches again with them; `answersLater`: they answer later what they cannot on a
 * key, WordIndex.answerLater) or will not come (`start`: reads ahead at once).
 */
export function readBodiesAhead(s: ReadAheadSetup): ReadAhead {
  let started = false;
  let preparedNow = (): void => {};
  const prepared = new Promise<void>((resolve) => (preparedNow = resolve));
  // Whether a search the index's words can answer leaves its missed bodies to them (see above):
  // while they are coming, and once attached if they answer later what they cannot on a key.
  let wordsAnswer = s.wordsComing;
  const start = (): void => {
    if (s.finished()) preparedNow();
    if (started || s.finished()) return;
    started = true;
    void s.preload(s.index.newest(BODY_DEPTH), s.finished, READ_AHEAD_THREADS).then(() => {
      if (s.finished()) return preparedNow();
      if (s.wordsComing) {
        s.index.deferBodies(null);
        s.searchAgain();
      } else {
        void prepareInTurns(s.index, s.finished, s.searchAgain).then(preparedNow); // the JIT warmed with the bodies in memory, as the first keystrokes will find them
      }
    }, () => preparedNow()); // a read-ahead that failed leaves each search to read the bodies it needs
  };
  const attached = (answersLater: boolean): void => {
    // Without answersLater a body a search misses from now on is one the words do not answer.
    wordsAnswer = answersLater;
    s.searchAgain();
  };
  if (!s.wordsComing) {
    setTimeout(start, 0); // once idle: the list is drawn first
    return { start, attached, prepared };
  }
  s.index.deferBodies((query) => {
    if (!(wordsAnswer && s.indexAnswers(query))) start();
  });
  // The JIT warmed now, without reading bodies (prepare's searches never ask for them).
  setTimeout(() => void prepareInTurns(s.index, s.finished, s.searchAgain).then(preparedNow), 0);
  return { start, attached, prepared };
}

/**
 * Runs `index.prepareSteps()` one per turn, input read between (two turns: after-input.ts's rule)
 * and none while keys are typed (afterTyping: KEYS_FIRST_MS after the last); stops once
 * `finished`; resolves when the steps are done or stopped. Meanwhile a one- or
 * two-letter key is answered without waiting for the steps, its count coming, and `searchAgain`
 * once the steps have made it (SearchIndex.deferShortCounts).
 */
export function prepareInTurns(index: SearchIndex, finished: () => boolean, searchAgain: () => void): Promise<void> {
  if (finished()) return Promise.resolve();
  index.deferShortCounts(searchAgain);
  const steps = index.prepareSteps();
  return new Promise((resolve) => {
    const next = (): void => {
      const step = steps.shift();
      if (!step || finished()) return resolve();
      step();
      afterTyping(next);
    };
    next();
  });
}
