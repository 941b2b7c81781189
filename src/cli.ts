#!/usr/bin/env node
// Entry point: parse arguments, load the corpus, then either print the matches (--filter) or run
// the dashboard and print what the user chose. The fzf contract: only results reach stdout,
// messages go to stderr, and the exit code says what happened (0 printed, 1 no match,
// 2 usage error / bad query / unreadable path, 130 cancelled).
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HELP, indexMayAnswer, parseCommandLine, UsageError, type Command } from './args.js';
import type { Config } from './config/load-config.js';
import { viewQuery } from './config/config.js';
import { asError } from './core/error-message.js';
import { restoreEarlyTerminal } from './early-frame.js';
import { PathError, type WalkThread } from './core/files/index.js';
import { reportFatal } from './fatal.js';
import { drained, EXIT, fail as report, NAME, printArticles, reportWarnings } from './output.js';
import { limitHeapGrowth } from './heap-growth.js';
import { startWalk } from './walk-start.js';

/**
 * The walk of the folders a `--filter` names on the command line, started on its thread before
 * the rest of the CLI loads (the config, the keymap, the query language, then the filter's own
 * modules: ~60-80 ms of a warm run at 10k files, during which the thread boots and walks), unless
 * the walk kept beside their index is small enough to stat without a thread (walk-start.ts).
 * Null for any other run; runFilter takes it, and it is ended when nothing does.
 */
function walkFirst(command: Command | Error): Promise<WalkThread | null> | null {
  if (command instanceof Error || command.kind !== 'run' || command.options.paths.length === 0 || !indexMayAnswer(command.options)) return null;
  // A reading term (`is:`) needs a full load (filter.ts).
  if (/is:/i.test(command.options.filter ?? '')) return null;
  const started = startWalk(command.options.paths);
  started.catch(() => {});
  return started;
}

/** The command line, parsed once for walkFirst and main; what it threw stands in for it (main reports it). */
function parseOnce(argv: string[]): Command | Error {
  try {
    return parseCommandLine(argv);
  } catch (error) {
    return asError(error);
  }
}

/**
 * Prints a usage or setup error (output.ts's fail): on the main screen, the terminal the CLI's entry
 * took for the dashboard's first frame (early-frame.ts) given back first.
 */
function fail(message: string, hint?: string): void {
  restoreEarlyTerminal();
  report(message, hint);
}

function packageFile(relative: string): string {
  return fileURLToPath(new URL(`../${relative}`, import.meta.url));
}

// `origin` says where the paths came from when the user did not type them (the config's `paths`).
// `origin`: the config file and line the paths come from (a message about one names them as every config error does: `config.toml:2: "paths": …`), null for the command line's.
function checkPaths(paths: readonly string[], origin: { file: string; line: number | null } | null): boolean {
  const refuse = (reason: string): false => {
    fail(origin === null ? reason : `${origin.file}${origin.line === null ? '' : `:${origin.line}`}: "paths": ${reason}`);
    return false;
  };
  for (const p of paths) {
    // An empty argument (`"$DIR"` with DIR unset) names nothing; told so, not as `: no such file`.
    if (p === '') return refuse(origin === null ? 'an empty path argument names no file or folder' : 'an empty path names no file or folder');
    try {
      fs.statSync(p);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return refuse(`${p}: ${code === 'ENOENT' ? 'no such file or directory' : code === 'EACCES' ? 'permission denied' : String(code)}`);
    }
  }
  return true;
}

async function main(command: Command | Error, walk: Promise<WalkThread | null> | null): Promise<void> {
  // A reader that goes away (`| head -1`) is not an error: stop quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
    throw error;
  });

  if (command instanceof UsageError) return fail(command.message, `Try '${NAME} --help'.`);
  if (command instanceof Error) throw command;
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
  // Imported here, after walkFirst started the walk (see there). A --filter's own modules load
  // beside these: each import() started later, once the one before it is done, cost more than
  // the module's own loading (~10 ms of a ~0.2 s warm run at 10k files, measured in the same
  // minutes). Nothing awaits them on a way out before runFilter (a usage or config error).
  const filterModule = options.filter !== null ? import('./filter.js') : null;
  filterModule?.catch(() => {});
  const [{ ConfigError, loadConfig, stateDirectory }, { commandKeys, KEY_CHECKS, keyHints, remapKeymap, searchLineHint, statusHelpHint }] = await Promise.all([import('./config/load-config.js'), import('./state/keymap-remap.js')]);
  let config: Config;
  let configFile: string | null = null;
  let pathsLine: number | null = null;
  let keymap;
  let view = 0;
  try {
    const source = { file: options.configFile, disabled: options.noConfig };
    let loaded = loadConfig(source, KEY_CHECKS);
    // The query language (the search face, the coins) loads only to check views' queries: read
    // again with it when the config has views. Without views the dashboard's first frames do not
    // wait for it (~30 KB of modules before the skeleton).
    if (loaded.config.views.length > 0) {
      const search = await import('./core/search/index.js');
      loaded = loadConfig(source, { ...KEY_CHECKS, queryError: search.queryErrorOf });
    }
    config = loaded.config;
    if (loaded.source.kind === 'file') ({ file: configFile, pathsLine = null } = loaded.source);
    if (command.kind === 'print-config') {
      const [{ cacheDirectory }, { printConfig }] = await Promise.all([import('./core/index/index.js'), import('./config/print-config.js')]);
      process.stdout.write(printConfig(config, loaded.source, { state: stateDirectory(), cache: cacheDirectory() }, commandKeys(remapKeymap(config.keys))));
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
  if (!checkPaths(paths, fromConfig ? { file: configFile ?? 'the config', line: pathsLine } : null)) return;
  // `-q` with a query that does not parse stops here as `-f` does (filter.ts), before the dashboard:
  // found by a tester, `-q 'foo:bar'` opened on `Articles 0/0` and `no matches for "foo:bar"`.
  // The message is --filter's (filter.ts `bad query: `), so both say it alike.
  if (options.filter === null && options.query.trim() !== '') {
    const bad = (await import('./core/search/index.js')).queryErrorOf(options.query);
    if (bad !== null) return fail(`bad query: ${bad}`);
  }

  try {
    if (options.filter !== null) {
      // Loaded on demand: the dashboard never pays for the filter's modules, nor --filter for the dashboard's.
      const { runFilter } = await (filterModule ?? import('./filter.js'));
      // `--view NAME` filters as the view's tab does: its query AND the filter's, its sort unless -s says.
      const inView = view > 0 ? config.views[view - 1] : undefined;
      const viewed = inView ? { ...options, filter: viewQuery(inView, options.filter), sort: options.sort ?? inView.sort } : options;
      await runFilter(viewed, paths, stateDirectory(), walk);
      return;
    }
    // Loaded on demand: --filter never pays for React and ink. The first frames (the skeleton,
    // a warm start's first page) are drawn before the dashboard's own modules load.
    const { startDashboard } = await import('./dashboard-start.js');
    const hints = keyHints(keymap);
    const start = await startDashboard(options, paths, { config, view, hints: { searchLine: searchLineHint(hints), help: statusHelpHint(hints) } });
    if (start === null) {
      return fail(
        'no terminal to draw the dashboard on',
        `Use --filter QUERY to print matches without the UI, e.g. ${NAME} --filter bitcoin`,
      );
    }
    // The heap's growth between collections sets the peak RSS: limited before the dashboard loads
    // anything or starts a thread, but not before its first frames. Setting a V8 flag makes Node's
    // built-in code cache stale (heap-growth.ts): each of Node's own modules loaded after it is
    // compiled from source, and the first frames load several (tty, vm, os, crypto, worker_threads:
    // ~15-20 ms of CPU more at load 16). A --filter sets it only when it loads the corpus (filter.ts).
    limitHeapGrowth();
    const { runDashboard } = await import('./dashboard.js');
    const outcome = await runDashboard(options, paths, { config, keymap, view, stateDir: stateDirectory() }, start);
    if (outcome.kind === 'path-error') return fail(outcome.message);
    reportWarnings(outcome.warnings);
    if (outcome.kind === 'cancelled') {
      process.exitCode = EXIT.cancelled;
    } else if (outcome.articles.length === 0) {
      process.exitCode = EXIT.noMatch;
    } else {
      // `-n` caps what is printed here too: the first N chosen, in marking order (found by a tester: ignored with --multi).
      await printArticles(options.limit === undefined ? outcome.articles : outcome.articles.slice(0, options.limit), options, outcome.marks, outcome.storyOf);
      process.exitCode = EXIT.ok;
    }
    // A load, a text build or a facts worker may still be under way: the user is done, so the
    // process ends once the output has drained instead of when they would.
    await drained();
    process.exit();
  } catch (error) {
    if (error instanceof PathError) return fail(error.message);
    throw error;
  }
}

const debug = process.argv.includes('--debug');
const command = parseOnce(process.argv.slice(2));
const walk = walkFirst(command);
// The walk, when --filter did not take it (a usage or config error, a path that is not there),
// must not keep the process alive.
main(command, walk).finally(() => void walk?.then((w) => w?.cancel(), () => {})).catch((error: unknown) => {
  // The dashboard has already restored the terminal (its 'exit' and error paths do) by the time
  // this prints: one short line, the stack only when asked for.
  process.exitCode = reportFatal(error, { restore: restoreEarlyTerminal, write: (text) => process.stderr.write(text), debug }, NAME);
});
