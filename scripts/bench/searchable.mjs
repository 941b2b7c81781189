// Child process of the benchmark: loads a corpus the way the CLI does (cache on unless
// --no-cache), builds the search index, runs the empty query the dashboard starts with, and
// reports when that was done (ms since the process started). Then it replays typed queries
// through replayTyping, the function that drives the same SearchIndex.search the UI calls.
// Prints one JSON line.
import { performance } from 'node:perf_hooks';

const [dir, mode = 'warm', queriesJson = '[]'] = process.argv.slice(2);
const dist = new URL('../../dist/core/', import.meta.url);
const { loadCorpus } = await import(new URL('load.js', dist).href);
const { SearchIndex } = await import(new URL('search.js', dist).href);
const { replayTyping } = await import(new URL('search-timing.js', dist).href);

const t0 = performance.now();
// A cold run writes the cache in the background; the process lives until that write is done.
const { articles } = await loadCorpus([dir], { cache: mode !== 'no-cache' });
const loaded = performance.now();
const index = new SearchIndex(articles);
index.search('', { limit: 200 });
const searchable = performance.now();

const keystrokes = {};
for (const q of JSON.parse(queriesJson)) keystrokes[q] = replayTyping(index, q, { limit: 200 });
const out = {
  articles: articles.length,
  startupMs: t0,
  loadMs: loaded - t0,
  indexMs: searchable - loaded,
  searchableAtMs: searchable,
  keystrokes,
  maxRssBytes: process.resourceUsage().maxRSS * 1024,
};
process.stdout.write(`${JSON.stringify(out)}\n`);
