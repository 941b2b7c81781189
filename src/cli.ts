#!/usr/bin/env node
// Entry point: parse arguments, load the corpus, then either print the matches (--filter) or run
// the dashboard and print what the user chose. The fzf contract: only results reach stdout,
// messages go to stderr, and the exit code says what happened (0 printed, 1 no match,
// 2 usage error / bad query / unreadable path, 130 cancelled).
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HELP, parseCommandLine, UsageError, type Options } from './args.js';
import type { Article, LoadWarning } from './core/article.js';
import { formatArticle, type PrintContext } from './core/format.js';
import { loadCorpus, PathError } from './core/load.js';
import { QueryError } from './core/query.js';
import { sanitizeLine } from './core/sanitize.js';
import { SearchIndex } from './core/search.js';

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

/** Writes articles to stdout in the chosen format, then lets the process end naturally so a pipe drains. */
function printArticles(articles: readonly Article[], options: Options): void {
  const ctx: PrintContext = {
    cwd: process.cwd(),
    readRaw: (a) => fs.readFileSync(a.path, 'utf8'),
    stdoutIsTerminal: Boolean(process.stdout.isTTY),
  };
  const text = articles.map((a) => formatArticle(a, options.print, ctx)).join('');
  process.stdout.write(text);
}

function checkPaths(paths: readonly string[]): boolean {
  for (const p of paths) {
    try {
      fs.statSync(p);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      fail(`${p}: ${code === 'ENOENT' ? 'no such file or directory' : code === 'EACCES' ? 'permission denied' : String(code)}`);
      return false;
    }
  }
  return true;
}

async function runFilter(options: Options, paths: string[]): Promise<void> {
  const { articles, warnings } = await loadCorpus(paths, { maxFileSize: options.maxFileSize, cache: options.cache });
  reportWarnings(warnings);
  const index = new SearchIndex(articles);
  let result;
  try {
    result = index.search(options.filter ?? '', {
      sort: options.sort,
      includeDrafts: options.drafts,
      limit: options.limit,
    });
  } catch (error) {
    if (error instanceof QueryError) return fail(`bad query: ${error.message}`);
    throw error;
  }
  if (result.hits.length === 0) {
    process.exitCode = EXIT.noMatch;
    return;
  }
  printArticles(result.hits.map((h) => index.article(h.id)), options);
  process.exitCode = EXIT.ok;
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
  // The bundled corpus is found from the package, never from the current directory.
  const paths = options.paths.length > 0 ? options.paths : [packageFile('data')];
  if (!checkPaths(paths)) return;

  try {
    if (options.filter !== null) {
      await runFilter(options, paths);
      return;
    }
    // Loaded on demand: --filter never pays for React and ink.
    const { runDashboard } = await import('./dashboard.js');
    const outcome = await runDashboard(options, paths);
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
      printArticles(outcome.articles, options);
      process.exitCode = EXIT.ok;
    }
  } catch (error) {
    if (error instanceof PathError) return fail(error.message);
    throw error;
  }
}

const debug = process.argv.includes('--debug');
main(process.argv.slice(2)).catch((error: unknown) => {
  // The dashboard has already restored the terminal (its 'exit' and error paths do) by the time
  // this prints: one short line, the stack only when asked for.
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${NAME}: internal error: ${sanitizeLine(message)}\n`);
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  else process.stderr.write(`Run with --debug for details.\n`);
  process.exitCode = EXIT.error;
});
