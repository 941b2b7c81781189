#!/usr/bin/env node
// Entry point: parse arguments, load the corpus, then either print the matches (--filter) or run
// the dashboard and print what the user chose. The fzf contract: only results reach stdout,
// messages go to stderr, and the exit code says what happened (0 printed, 1 no match,
// 2 usage error / bad query / unreadable path, 130 cancelled).
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HELP, parseCommandLine, UsageError, type Options } from './args.js';
import { ConfigError, loadConfig, stateDirectory, type Config } from './config/load-config.js';
import { printConfig } from './config/print-config.js';
import { COMMANDS, isKeyName, remapKeymap } from './state/keymap-remap.js';
import type { Article, LoadWarning } from './core/article.js';
import { formatArticle, safeJson, type PrintContext } from './core/format.js';
import { PathError, readCappedSync } from './core/files/index.js';
import { parseQuery, QueryError } from './core/search/index.js';
import { sanitizeLine } from './core/text/index.js';
import { reportFatal } from './fatal.js';

const NAME = 'crypto-news-tui';

/** Exit codes of the CLI contract. */
export const EXIT = { ok: 0, noMatch: 1, error: 2, cancelled: 130 } as const;

function fail(message: string, hint?: string): void {
  process.stderr.write(`${NAME}: ${sanitizeLine(message)}\n${hint ? `${hint}\n` : ''}`);
  process.exitCode = EXIT.error;
}

function packageFile(relative: string): string {
  return fileURLToPath(new URL(`../${relative}`, import.meta.url));
}

function reportWarnings(warnings: readonly LoadWarning[]): void {
  if (warnings.length === 0) return;
  process.stderr.write(warnings.map((w) => `${sanitizeLine(w.path)}: ${sanitizeLine(w.reason)}\n`).join(''));
}

/**
 * The file's own text for `--print markdown`, read under the same rules as the loader: capped,
 * and never blocking on a file that was swapped for a FIFO since it was loaded. If it can no
 * longer be read, say so and fall back to the body that was loaded.
 */
function readRawText(article: Article, cap: number): string {
  const read = readCappedSync(article.path, cap);
  if (read.kind === 'read') return read.bytes.toString('utf8');
  reportWarnings([{ path: article.path, reason: read.reason }]);
  return article.body;
}

// The loader's face, imported once a corpus is loaded (the CLI's own start never waits for it).
type Loader = typeof import('./core/load/index.js');
const importLoader = (): Promise<Loader> => import('./core/load/index.js');

/** Writes articles to stdout in the chosen format, then lets the process end naturally so a pipe drains. */
async function printArticles(articles: readonly Article[], options: Options, marks?: PrintContext['marks'], storyOf?: PrintContext['storyOf']): Promise<void> {
  const { LIMITS } = await importLoader();
  const ctx: PrintContext = {
    marks,
    storyOf,
    cwd: process.cwd(),
    readRaw: (a) => readRawText(a, options.maxFileSize ?? LIMITS.maxFileSize),
    stdoutIsTerminal: Boolean(process.stdout.isTTY),
  };
  const text = articles.map((a) => formatArticle(a, options.print, ctx)).join('');
  process.stdout.write(text);
}

// `origin` says where the paths came from when the user did not type them (the config's `paths`).
function checkPaths(paths: readonly string[], origin: string | null): boolean {
  for (const p of paths) {
    try {
      fs.statSync(p);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      fail(`${p}: ${code === 'ENOENT' ? 'no such file or directory' : code === 'EACCES' ? 'permission denied' : String(code)}${origin === null ? '' : ` (${origin})`}`);
      return false;
    }
  }
  return true;
}

/** Opens the reading state for --filter when the query or the output needs it; null otherwise or when it cannot be opened. */
/** Why a view's query would be refused (checked when the config loads, so a bad view stops the program). */
function viewQueryError(query: string): string | null {
  try {
    parseQuery(query);
    return null;
  } catch (error) {
    if (error instanceof QueryError) return error.message;
    throw error;
  }
}

async function filterReading(options: Options): Promise<import('./core/reading/index.js').Reading | null> {
  const { splitReadingTerms, Reading } = await import('./core/reading/index.js');
  if (options.print !== 'json' && splitReadingTerms(options.filter ?? '').terms.length === 0) return null;
  try {
    return Reading.open(stateDirectory());
  } catch (error) {
    reportWarnings([{ path: stateDirectory(), reason: `reading state unavailable: ${error instanceof Error ? error.message : String(error)}` }]);
    return null;
  }
}

// `--filter` from the on-disk index, reading only the matching rows (search/index-filter.ts):
// for the outputs that need no other article (not hot's story sizes, not JSON's story ids) and
// no reading state; false when the index cannot answer, and the caller loads as before.
async function filterFromIndex(options: Options, paths: string[]): Promise<boolean> {
  const query = options.filter ?? '';
  const needsAll = options.sort === 'hot' || (options.print === 'json' && !options.stats);
  if (!options.cache || options.clearCache || options.limit !== undefined || needsAll) return false;
  const { importIndexFilter } = await import('./core/search/index.js');
  const [{ filterFromIndex: fromIndex }, { splitReadingTerms }] = await Promise.all([importIndexFilter(), import('./core/reading/index.js')]);
  if (splitReadingTerms(query).terms.length > 0) return false;
  let found;
  try {
    found = await fromIndex(paths, query, { sort: options.sort === 'hot' ? 'date' : options.sort, includeDrafts: options.drafts, maxFileSize: options.maxFileSize });
  } catch (error) {
    if (error instanceof QueryError) {
      fail(`bad query: ${error.message}`);
      return true;
    }
    throw error;
  }
  if (!found) return false;
  reportWarnings(found.warnings);
  if (options.stats) {
    const { pulseOf, pulseText, pulseJson } = await import('./core/pulse/index.js');
    const pulse = pulseOf(found.articles);
    process.stdout.write(options.print === 'json' ? `${safeJson(pulseJson(pulse))}\n` : pulseText(pulse));
  } else if (found.articles.length > 0) {
    await printArticles(found.articles, options);
  }
  process.exitCode = found.articles.length === 0 ? EXIT.noMatch : EXIT.ok;
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
  process.exit();
}

async function runFilter(options: Options, paths: string[]): Promise<void> {
  if (await filterFromIndex(options, paths)) return;
  // Imported here, not at the top: the dashboard path must reach the terminal without them.
  const { importBodyPreload, importSearchEngine } = await import('./core/search/index.js');
  const [{ loadCorpus }, { SearchIndex, readsBodies, indexAnswers, BODY_DEPTH }, { searchWithReading }, { preloadBodies, answerBodiesFromIndex }, { WordIndex, startVocabulary, cacheDirectory, indexFile }] = await Promise.all([
    importLoader(),
    importSearchEngine(),
    import('./core/reading/index.js'),
    importBodyPreload(),
    import('./core/index/index.js'),
  ]);
  const reading = await filterReading(options);
  const hot = options.sort === 'hot';
  // Hot orders every match (then --limit cuts), so it searches like a run without a limit.
  const limit = hot ? undefined : options.limit;
  // Free words answered by the index: its vocabulary is read on a thread while the load runs.
  const byIndex = options.cache && indexAnswers(options.filter ?? '');
  const early = byIndex && !options.clearCache ? startVocabulary(indexFile(cacheDirectory(), paths)) : undefined;
  const { articles, warnings, indexIds } = await loadCorpus(paths, { maxFileSize: options.maxFileSize, cache: options.cache, clearCache: options.clearCache });
  reportWarnings(warnings);
  const index = new SearchIndex(articles);
  const words = byIndex && indexIds ? await WordIndex.forLoad(paths, indexIds, early) : null;
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
    if (error instanceof QueryError) return fail(`bad query: ${error.message}`);
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
    const { pulseOf, pulseText, pulseJson } = await import('./core/pulse/index.js');
    const pulse = pulseOf(ids.map((id) => index.article(id)));
    process.stdout.write(options.print === 'json' ? `${safeJson(pulseJson(pulse))}\n` : pulseText(pulse));
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
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
  process.exit();
}

async function main(argv: string[]): Promise<void> {
  // A reader that goes away (`| head -1`) is not an error: stop quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
    throw error;
  });

  let command;
  try {
    command = parseCommandLine(argv);
  } catch (error) {
    if (error instanceof UsageError) return fail(error.message, `Try '${NAME} --help'.`);
    throw error;
  }
  if (command.kind === 'help') {
    process.stdout.write(HELP);
    return;
  }
  if (command.kind === 'version') {
    const pkg = JSON.parse(fs.readFileSync(packageFile('package.json'), 'utf8')) as { version: string };
    process.stdout.write(`${pkg.version}\n`);
    return;
  }

  const options = command.options;
  let config: Config;
  let configFile: string | null = null;
  let keymap;
  let view = 0;
  try {
    const loaded = loadConfig({ file: options.configFile, disabled: options.noConfig }, { commands: COMMANDS, isKeyName, queryError: viewQueryError });
    config = loaded.config;
    if (loaded.source.kind === 'file') configFile = loaded.source.file;
    if (command.kind === 'print-config') {
      const { cacheDirectory } = await import('./core/index/index.js');
      process.stdout.write(printConfig(config, loaded.source, { state: stateDirectory(), cache: cacheDirectory() }));
      return;
    }
    keymap = remapKeymap(config.keys);
  } catch (error) {
    if (error instanceof ConfigError) return fail(error.message);
    throw error;
  }
  if (options.view !== undefined) {
    view = config.views.findIndex((v) => v.name.toLowerCase() === options.view!.toLowerCase()) + 1;
    if (view === 0) {
      const names = config.views.map((v) => `"${v.name}"`).join(', ');
      return fail(`--view: no view named "${options.view}"`, names ? `Views in the config: ${names}` : 'The config has no [[views]].');
    }
  }
  // The config's paths, else the bundled corpus, found from the package, never from the current directory.
  const fromConfig = options.paths.length === 0 && config.paths.length > 0;
  const paths = options.paths.length > 0 ? options.paths : fromConfig ? config.paths : [packageFile('data')];
  if (!checkPaths(paths, fromConfig ? `in paths of ${configFile ?? 'the config'}` : null)) return;

  try {
    if (options.filter !== null) {
      await runFilter(options, paths);
      return;
    }
    // Loaded on demand: --filter never pays for React and ink.
    const { runDashboard } = await import('./dashboard.js');
    const outcome = await runDashboard(options, paths, { config, keymap, view, stateDir: stateDirectory() });
    if (outcome.kind === 'no-terminal') {
      return fail(
        'no terminal to draw the dashboard on',
        `Use --filter QUERY to print matches without the UI, e.g. ${NAME} --filter bitcoin`,
      );
    }
    if (outcome.kind === 'path-error') return fail(outcome.message);
    reportWarnings(outcome.warnings);
    if (outcome.kind === 'cancelled') {
      process.exitCode = EXIT.cancelled;
    } else if (outcome.articles.length === 0) {
      process.exitCode = EXIT.noMatch;
    } else {
      await printArticles(outcome.articles, options, undefined, outcome.storyOf);
      process.exitCode = EXIT.ok;
    }
    // A load, a text build or a facts worker may still be under way: the user is done, so the
    // process ends once the output has drained instead of when they would.
    await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
    process.exit();
  } catch (error) {
    if (error instanceof PathError) return fail(error.message);
    throw error;
  }
}

const debug = process.argv.includes('--debug');
main(process.argv.slice(2)).catch((error: unknown) => {
  // The dashboard has already restored the terminal (its 'exit' and error paths do) by the time
  // this prints: one short line, the stack only when asked for.
  process.exitCode = reportFatal(error, { restore: () => {}, write: (text) => process.stderr.write(text), debug }, NAME);
});
