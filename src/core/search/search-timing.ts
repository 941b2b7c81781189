// Keystroke latency measurement shared by the benchmark script: replays a query one character
// at a time, the way the search line calls the index, and times each call.

import { performance } from 'node:perf_hooks';
import type { SearchIndex, SearchOptions } from './search.js';

/** Milliseconds `index.search` took for each prefix of `text` (1..text.length characters); the default limit is the dashboard's first page (use-search.ts listLimit(0)). */
export function replayTyping(index: SearchIndex, text: string, opts: SearchOptions = { limit: 1000 }): number[] {
  const times: number[] = [];
  for (let n = 1; n <= text.length; n++) {
    const start = performance.now();
    try {
      index.search(text.slice(0, n), opts);
    } catch {
      // A prefix such as `tag:` is a malformed query; the UI shows the error, and it still costs time.
    }
    times.push(performance.now() - start);
  }
  return times;
}
