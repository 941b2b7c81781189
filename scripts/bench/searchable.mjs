// Child process of the benchmark: loads a corpus the way the CLI does (cache on unless
// --no-cache), builds the search index, runs the empty query the dashboard starts with, and
// reports when that was done (ms since the process started: the list and field filters usable)
// and when the index's full text, built after the list, was done. Then, like the dashboard once
// loaded, it calls index.prepare(), and replays typed queries through replayTyping, the function
// that drives the same SearchIndex.search the UI calls, with the UI's limit.
// Prints one JSON line.
import { performance } from 'node:perf_hooks';

const [dir, mode = 'warm', queriesJson = '[]'] = process.argv.slice(2);
const dist = new URL(process.env.BENCH_DIST ?? '../../dist/core/', import.meta.url);
// The CLI's own chunks of these modules where its bundle holds them (cli-modules.mjs): what a user runs.
const { importAsCli } = await import('./cli-modules.mjs');
const root = new URL('../', dist);
const { loadCorpus } = await importAsCli(root, 'core/load/load.js', ['loadCorpus']);
const { SearchIndex } = await importAsCli(root, 'core/search/search.js', ['SearchIndex']);
const { replayTyping } = await importAsCli(root, 'core/search/search-timing.js', ['replayTyping']);
const { WordIndex } = await importAsCli(root, 'core/index/word-index.js', ['WordIndex']);
const { BODY_DEPTH } = await importAsCli(root, 'core/search/search-settings.js', ['BODY_DEPTH']);
// The heap growth the CLI sets as it starts (src/heap-growth.ts), so the RSS measured here is the
// program's; a build without it (BENCH_DIST at an older one) runs with V8's default. The CLI's own
// copy: the loader loosens the flags it holds during a cold load (core/heap-flags.ts).
const growth = await importAsCli(root, 'heap-growth.js', ['limitHeapGrowth']).catch((error) => {
  if (error.code === 'ERR_MODULE_NOT_FOUND') return null;
  throw error;
});
growth?.limitHeapGrowth();

const t0 = performance.now();
// The list comes first: loadCorpus resolves once every article's row is written; the index's
// full text follows on its own thread (`fullText`), and the process lives until it is done.
const { articles, fullText, indexIds } = await loadCorpus([dir], { cache: mode !== 'no-cache' });
const loaded = performance.now();
const index = new SearchIndex(articles);
// The dashboard's first query, with the limit its search hook passes for the first page.
index.search('', { limit: 1000 });
const searchable = performance.now();
// CPU time of every thread of the process until then: on a busy machine the wall times above
// stretch with the other work; this moves far less, and says what a change took away.
const listCpu = process.cpuUsage();
const fullTextOk = await fullText;
const fullTextAt = performance.now();
// What the dashboard does once loading is done, before anyone types (see SearchIndex.prepare).
index.prepare();
const prepareMs = performance.now() - searchable;
// And, as the dashboard does once the load is done, free words answered by the on-disk index.
const queries = JSON.parse(queriesJson);
const words = indexIds && queries.length && fullTextOk ? await WordIndex.forLoad([dir], indexIds) : null;
const wordsMs = performance.now() - searchable - prepareMs;
// Attached as the dashboard attaches them (src/index-words.ts attachWords): past BODY_DEPTH articles
// the words too wide for a key are read on a thread, and the token thread starts now, not on the
// first word typed. The dashboard starts it as its load ends, seconds before anyone can type (at 1M
// the list fills ~30 s after launch); started by the replay, its start (~0.1 s) fell on `bit`.
if (words && words.covered > BODY_DEPTH) {
  words.answerLater(() => {}, true);
  await new Promise((resolve) => setTimeout(resolve, 1000));
}
index.useWords(words);

const keystrokes = {};
for (const q of queries) keystrokes[q] = replayTyping(index, q, { limit: 1000 });
const out = {
  articles: articles.length,
  startupMs: t0,
  loadMs: loaded - t0,
  indexMs: searchable - loaded,
  searchableAtMs: searchable,
  listCpuMs: (listCpu.user + listCpu.system) / 1000,
  fullTextAtMs: Math.max(fullTextAt, searchable),
  fullTextOk,
  prepareMs,
  wordsMs,
  indexWords: words !== null,
  keystrokes,
  maxRssBytes: process.resourceUsage().maxRSS * 1024,
};
process.stdout.write(`${JSON.stringify(out)}\n`);
