// `--filter QUERY`: the matches printed without the UI, in the --print format, under the fzf
// contract's exit codes (output.ts). Answered from the on-disk index when it can (reading only the
// matching rows; for `--print path` without loading the loader or its parsers), else by a full
// load and the same search the dashboard runs. Imported by the CLI only for --filter.
import { indexMayAnswer, type Options } from './args.js';
import type { Article } from './core/article.js';
import type { WalkThread } from './core/files/index.js';
import { compileWithoutInliningOnce } from './core/jit-flags.js';
import { queryErrorOf } from './core/search/index.js';
import { limitHeapGrowth } from './heap-growth.js';
import { drained, EXIT, fail, importFormat, NAME, printArticles, printPaths, reportWarnings } from './output.js';
import { startWalk } from './walk-start.js';

/** Opens the reading state for --filter when the query or the output needs it; null otherwise or when it cannot be opened. */
async function filterReading(options: Options, stateDir: string): Promise<import('./core/reading/index.js').Reading | null> {
  const { splitReadingTerms, Reading, readingUnavailableMessage } = await import('./core/reading/index.js');
  if (options.print !== 'json' && splitReadingTerms(options.filter ?? '').terms.length === 0) return null;
  try {
    return Reading.open(stateDir);
  } catch (error) {
    reportWarnings([{ path: stateDir, reason: readingUnavailableMessage(error) }]);
    return null;
  }
}

/** `--stats`: the pulse of the matches as text, or as one JSON object with `--print json`. */
async function printStats(articles: readonly Article[], options: Options): Promise<void> {
  const [{ pulseOf, pulseText, pulseJson }, { safeJson }] = await Promise.all([import('./core/pulse/index.js'), importFormat()]);
  const pulse = pulseOf(articles);
  process.stdout.write(options.print === 'json' ? `${safeJson(pulseJson(pulse))}\n` : pulseText(pulse));
}

// `--filter` from the on-disk index, reading only the matching rows (search/index-filter.ts):
// for the outputs that need no other article (not hot's story sizes, not JSON's story ids) and
// no reading state; false when the index cannot answer, and the caller loads as before.
async function filterFromIndex(options: Options, paths: string[], started: Promise<WalkThread | null> | null): Promise<boolean> {
  const query = options.filter ?? '';
  if (!indexMayAnswer(options)) return false;
  const { importIndexFilter } = await import('./core/search/index.js');
  // A reading term (is:unread, is:read, is:saved, is:new) needs the reading state: a full load.
  // Every one is written `is:`, so a query without it does not load the reading module to ask.
  const readingTerms = /is:/i.test(query) ? (await import('./core/reading/index.js')).splitReadingTerms(query).terms.length : 0;
  if (readingTerms > 0) return false;
  // The walk and the files' stat calls run on a thread of their own, beside the loading of the
  // index's and the search's modules (~40 ms at 10k files, a third of the warm run): started by
  // the CLI's first lines for folders named on the command line (cli.ts), else now; none when
  // the walk kept beside the index is small (walk-start.ts): the stat calls are made here then.
  const walk = await (started ?? startWalk(paths));
  // The paths' printer loads beside the index's modules, not after the answer (see cli.ts).
  importFormat().catch(() => {});
  const { filterFromIndex: fromIndex } = await importIndexFilter();
  // `--print path` needs nothing of the matches but their paths: the index ranks its rows without loading the loader.
  const pathsOnly = options.print === 'path' && !options.stats;
  // The answer is ~0.1 s of code run once, yet V8 optimises its hot loops (the stat calls, the
  // rows, the ranking) on background threads, inlining every callee into each: without inlining
  // ~25% fewer instructions on those threads at 10k files, which on two cores run beside the walk
  // thread's stat calls. Not before the walk thread runs (a thread starting meanwhile would
  // compile Node's own modules from source), nor for a full load (its threads start with V8's defaults).
  // Without a walk thread (walk-start.ts) the stat calls are made here, and inlining is off at once.
  const inliningBack = compileWithoutInliningOnce(walk ? walk.online() : Promise.resolve());
  let found;
  try {
    found = await fromIndex(paths, query, { sort: options.sort === 'hot' ? 'date' : options.sort, includeDrafts: options.drafts, maxFileSize: options.maxFileSize, pathsOnly, walk });
  } catch (error) {
    walk?.cancel();
    inliningBack();
    throw error;
  }
  if (!found) {
    walk?.cancel();
    // A full load follows, whose threads must start with V8's default flags.
    inliningBack();
    return false;
  }
  reportWarnings(found.warnings);
  if (options.stats && found.articles) {
    await printStats(found.articles, options);
  } else if (found.articles) {
    if (found.articles.length > 0) await printArticles(found.articles, options);
  } else {
    await printPaths(found.paths);
  }
  process.exitCode = found.paths.length === 0 ? EXIT.noMatch : EXIT.ok;
  await drained();
  process.exit();
}

/**
 * `--filter`: prints the matches of the query over `paths` in the --print format and ends the
 * process with the contract's exit code (from the index when it can answer, else a full load).
 * `walk`: the walk of `paths` the CLI started on its thread (WalkThread; null in it when the stat calls
 * are made here: walk-start.ts), taken or ended here.
 */
export async function runFilter(options: Options, paths: string[], stateDir: string, walk: Promise<WalkThread | null> | null = null): Promise<void> {
  // Every QueryError the search could throw is found here, before the walk's and the index's work.
  const refused = queryErrorOf(options.filter ?? '');
  if (refused !== null) {
    (await walk?.catch(() => null))?.cancel();
    return fail(`bad query: ${refused}`);
  }
  if (await filterFromIndex(options, paths, walk)) return;
  (await walk?.catch(() => null))?.cancel();
  // A full load: its heap's growth bounded as the dashboard's is (the CLI leaves it to --filter, cli.ts).
  limitHeapGrowth();
  // Imported here, not at the top: the dashboard path must reach the terminal without them.
  const { importBodyPreload, importSearchEngine } = await import('./core/search/index.js');
  const [{ loadCorpus }, { SearchIndex, readsBodies, indexAnswers, BODY_DEPTH }, { searchWithReading }, { preloadBodies, answerBodiesFromIndex }, { WordIndex, startVocabulary, cacheDirectory, indexFile }] = await Promise.all([
    import('./core/load/index.js').then((face) => face.importLoader()),
    importSearchEngine(),
    import('./core/reading/index.js'),
    importBodyPreload(),
    import('./core/index/index.js'),
  ]);
  const reading = await filterReading(options, stateDir);
  const hot = options.sort === 'hot';
  // Hot orders every match (then --limit cuts), so it searches like a run without a limit.
  const limit = hot ? undefined : options.limit;
  // Free words answered by the index: its vocabulary is read on a thread while the load runs.
  const byIndex = options.cache && indexAnswers(options.filter ?? '');
  const early = byIndex && !options.clearCache ? startVocabulary(indexFile(cacheDirectory(), paths)) : undefined;
  const { articles, warnings, indexIds, fullText, textReady } = await loadCorpus(paths, { maxFileSize: options.maxFileSize, cache: options.cache, clearCache: options.clearCache });
  reportWarnings(warnings);
  const index = new SearchIndex(articles);
  // One search, printed once: every word answered now, none read on a thread meanwhile.
  const words = byIndex && indexIds ? await WordIndex.forLoad(paths, indexIds, early, undefined, { from: Infinity }) : null;
  index.useWords(words);
  // Bodies stay in their files until searched: the ones this search reads (all of them, or the
  // newest BODY_DEPTH with --limit) are read on the parse threads first, not one by one here.
  // Which bodies hold plain words the index can say without reading them; other terms read them.
  if (!words && readsBodies(options.filter ?? '')) {
    const pool = limit === undefined ? articles : index.newest(BODY_DEPTH);
    if (!options.cache || !answerBodiesFromIndex(pool, options.filter ?? '', paths, articles.length)) await preloadBodies(pool);
  }
  let result;
  try {
    result = searchWithReading(index, options.filter ?? '', { sort: options.sort === 'hot' ? 'date' : options.sort, includeDrafts: options.drafts, limit }, reading);
  } catch (error) {
    if (error instanceof Error && /need the reading state/.test(error.message)) return fail(error.message);
    throw error;
  }
  let ids = result.hits.map((h) => h.id);
  // Stories are grouped only when something shows them: hot's story sizes, JSON's story ids.
  const needStories = hot || (options.print === 'json' && !options.stats);
  const stories = needStories && ids.length ? await import('./core/stories/index.js') : null;
  const map = stories ? stories.storyMap(articles) : null;
  if (stories && map && hot) {
    ids = stories.hotOrder(ids, (id) => articles[id], map.size, Date.now());
    if (options.limit !== undefined) ids = ids.slice(0, options.limit);
  }
  if (options.stats) {
    await printStats(ids.map((id) => index.article(id)), options);
    process.exitCode = ids.length === 0 ? EXIT.noMatch : EXIT.ok;
  } else if (ids.length === 0) {
    process.exitCode = EXIT.noMatch;
  } else {
    const marks = reading ? (a: Article) => ({ read: reading.isRead(a), saved: reading.isSaved(a), new: reading.isNew(a) }) : undefined;
    await printArticles(ids.map((id) => index.article(id)), options, marks, stories && map ? stories.storyInfoOf(map, articles) : undefined);
    process.exitCode = EXIT.ok;
  }
  // --filter reads the state and never ends a session.
  reading?.close();
  // Ends once the output has drained: waiting for the event loop to empty cost up to ~0.1 s
  // more while the stat thread and its port were torn down.
  await drained();
  // A cold run's index gets its full text after the list, on a thread of its own. Ending before
  // it is done left the index without its text, and so every later --filter loaded every file
  // again, never warm: the output is out already, so the run finishes the index for the next one.
  if (!textReady) {
    if (process.stderr.isTTY) process.stderr.write(`${NAME}: indexing the full text for the next run (Ctrl-C skips it)...\n`);
    await fullText;
  }
  process.exit();
}
