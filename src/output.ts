// What the CLI writes, shared by `--filter` (filter.ts) and the dashboard's exit (cli.ts): the exit
// codes of the fzf contract, messages and load warnings on stderr, and the chosen or matched
// articles on stdout in the --print format. Kept light: the formats (and the coin list --print
// json carries) and the loader's limits are imported only when articles are printed.
import { isUtf8 } from 'node:buffer';
import type { Options } from './args.js';
import type { Article, LoadWarning } from './core/article.js';
import type { PrintContext } from './core/format.js';
import { readCappedSync } from './core/files/index.js';
import { sanitizeLine } from './core/text/index.js';

export const NAME = 'crypto-news-tui';

/** Exit codes of the CLI contract. */
export const EXIT = { ok: 0, noMatch: 1, error: 2, cancelled: 130 } as const;

/** Reports a usage error or a bad query on stderr (sanitised), with an optional hint line; exit code 2. */
export function fail(message: string, hint?: string): void {
  process.stderr.write(`${NAME}: ${sanitizeLine(message)}\n${hint ? `${hint}\n` : ''}`);
  process.exitCode = EXIT.error;
}

/** Writes load warnings to stderr, one `path: reason` line each (sanitised). */
export function reportWarnings(warnings: readonly LoadWarning[]): void {
  if (warnings.length === 0) return;
  process.stderr.write(warnings.map((w) => `${sanitizeLine(w.path)}: ${sanitizeLine(w.reason)}\n`).join(''));
}

/**
 * The file's own text for `--print markdown`, read under the same rules as the loader: capped,
 * and never blocking on a file that was swapped for a FIFO since it was loaded. If it can no
 * longer be read, say so and fall back to the body that was loaded. UTF-8 (nearly every file)
 * passes through as it is; other bytes (UTF-16, Windows-1252) cannot pass through a string
 * unchanged, so they come out as the text the loader read (`decode`: UTF-8, LF line ends), not
 * with U+FFFD in place of every accent.
 */
function readRawText(article: Article, cap: number, decode: Decode): string {
  const read = readCappedSync(article.path, cap);
  if (read.kind === 'read') {
    if (isUtf8(read.bytes)) return read.bytes.toString('utf8');
    const decoded = decode(read.bytes, read.size > read.bytes.length);
    return decoded.ok ? decoded.text : read.bytes.toString('utf8');
  }
  reportWarnings([{ path: article.path, reason: read.reason }]);
  return article.body;
}

type Decode = typeof import('./core/load/index.js').decodeArticleBytes;

/** What goes to stdout (and the coin list --print json carries), imported when something is printed. */
export const importFormat = (): Promise<typeof import('./core/format.js')> => import('./core/format.js');

/** Writes articles to stdout in the chosen format, then lets the process end naturally so a pipe drains. */
export async function printArticles(articles: readonly Article[], options: Options, marks?: PrintContext['marks'], storyOf?: PrintContext['storyOf']): Promise<void> {
  const [{ LIMITS, decodeArticleBytes }, { formatArticle }] = await Promise.all([import('./core/load/index.js'), importFormat()]);
  const ctx: PrintContext = {
    marks,
    storyOf,
    cwd: process.cwd(),
    readRaw: (a) => readRawText(a, options.maxFileSize ?? LIMITS.maxFileSize, decodeArticleBytes),
    stdoutIsTerminal: Boolean(process.stdout.isTTY),
  };
  const text = articles.map((a) => formatArticle(a, options.print, ctx)).join('');
  process.stdout.write(text);
}

// Paths per write: a pipe's reader gets the first lines while the rest are still being made.
const PATHS_PER_WRITE = 4096;

/** `--print path` for the matches' paths alone (as printArticles prints them), written in pieces. */
export async function printPaths(paths: readonly string[]): Promise<void> {
  const { printedPath } = await importFormat();
  const cwd = process.cwd();
  const terminal = Boolean(process.stdout.isTTY);
  for (let start = 0; start < paths.length; start += PATHS_PER_WRITE) {
    const end = Math.min(paths.length, start + PATHS_PER_WRITE);
    let text = '';
    for (let i = start; i < end; i++) text += `${printedPath(paths[i], cwd, terminal)}\n`;
    process.stdout.write(text);
  }
}

/** Resolves once stdout has taken everything written so far (a pipe drained), so the process can end. */
export function drained(): Promise<void> {
  return new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
}
