// The pulse strip's counts for the current result. A count over articles whose coins are known
// already is a pass over at most the list's 1,000 hits (~1-5 ms) and is made in the result's own
// frame, so the strip changes with the list it describes. Finding the coins of articles seen for
// the first time costs far more (~0.4 s for the first 1,000 at startup): then the list is drawn
// first and the count follows once keys already waiting have been read; a count for a result
// that is no longer current is cancelled, or dropped by the reducer.
import { type Dispatch, useEffect, useMemo } from 'react';
import type { Article } from '../core/article.js';
import { coinsKnown } from '../core/coins/index.js';
import { pulseOf } from '../core/pulse/index.js';
import type { Action, AppState } from '../state/reducer.js';
import { afterPendingInput } from './input/after-input.js';

/** Keeps `state.pulse` counting `state.rawHits` (articles from `article`). Call during App's render. */
export function usePulse(state: Pick<AppState, 'rawHits' | 'resultsSeq' | 'pulse'>, article: (id: number) => Article, dispatch: Dispatch<Action>): void {
  const { rawHits, resultsSeq } = state;
  const now = useMemo(() => {
    const articles = rawHits.map((h) => article(h.id));
    return articles.every(coinsKnown) ? pulseOf(articles) : null;
  }, [rawHits, article]);
  // Updating the reducer while rendering: React renders again before the frame is committed.
  if (now && state.pulse !== now) dispatch({ type: 'pulse', pulse: now, seq: resultsSeq });
  useEffect(() => {
    if (now) return undefined;
    return afterPendingInput(() => dispatch({ type: 'pulse', pulse: pulseOf(rawHits.map((h) => article(h.id))), seq: resultsSeq }));
  }, [now, resultsSeq, rawHits, article, dispatch]);
}
