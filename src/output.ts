// What the CLI writes, shared by `--filter` (filter.ts) and the dashboard's exit (cli.ts): the exit
// codes of the fzf contract, messages and load warnings on stderr, and the chosen or matched
// articles on stdout in the --print format. Kept light: the formats (and the coin list --print
// json carries) and the loader's limits are imported only when articles are printed.
import { isUtf8 } from 'node:buffer';
import type { Options } from './args.js';
import type { Article, LoadWarning } from './core/article.js';
import type { PrintContext } from './core/format.js';
import { describeFsError, FilePieces } from './core/files/index.js';
import { SanitizedPieces, sanitizeLine, sanitizeText, visibleName } from './core/text/index.js';

export const NAME = 'crypto-news-tui';

/** Exit codes of the CLI contract. */
export const EXIT = { ok: 0, noMatch: 1, error: 2, cancelled: 130 } as const;

/** Reports a usage error or a bad query on stderr (sanitised), with an optional hint line; exit code 2. */
export function fail(message: string, hint?: string): void {
  process.stderr.write(`${NAME}: ${sanitizeLine(message)}\n${hint ? `${hint}\n` : ''}`);
  process.exitCode = EXIT.error;
}

/** Writes load warnings to stderr, one `path: reason` line each (the path's control bytes as pictures, core/text visibleName; the reason sanitised). */
export function reportWarnings(warnings: readonly LoadWarning[]): void {
  if (warnings.length === 0) return;
  process.stderr.write(warnings.map((w) => `${visibleName(w.path)}: ${sanitizeLine(w.reason)}\n`).join(''));
}

type Load = typeof import('./core/load/index.js');

// Bytes read and written at a time by `--print markdown`.
const PIECE = 1 << 20;

/** Writes to stdout, waiting while a slow reader's pipe is full so a big file is never held whole. */
async function write(chunk: string | Uint8Array): Promise<void> {
  if (chunk.length > 0 && !process.stdout.write(chunk)) await new Promise((resolve) => process.stdout.once('drain', resolve));
}

/**
 * `--print markdown`: the file's own text, whole (the read cap bounds what is parsed and held, not
 * what is copied), read in pieces under the loader's rules (never blocking on a file swapped for a
 * FIFO since it was loaded). Its encoding is told from the bytes the loader decided on (its first
 * `cap`): UTF-8 (nearly every file) is copied as it is; other bytes (UTF-16, Windows-1252) cannot
 * pass through a string unchanged, so they come out as the text the loader reads (UTF-8, LF line
 * ends), not with U+FFFD in place of every accent. On a terminal it is sanitised like everything
 * else shown there. If the file can no longer be read, say so and print the body that was loaded.
 */
async function printMarkdown(article: Article, cap: number, terminal: boolean, load: Load): Promise<void> {
  const file = FilePieces.open(article.path);
  let last = '';
  const put = async (text: string | Uint8Array): Promise<void> => {
    if (text.length === 0) return;
    last = typeof text === 'string' ? text.slice(-1) : String.fromCharCode(text[text.length - 1]);
    await write(text);
  };
  try {
    if (!(file instanceof FilePieces)) {
      reportWarnings([{ path: article.path, reason: file.reason }]);
      await put(terminal ? sanitizeText(article.body) : article.body);
    } else {
      const head = file.next(Math.max(1, cap));
      const cut = head.length === cap ? load.completeUtf8Length(head) : head.length;
      if (isUtf8(head.subarray(0, cut))) {
        const pieces = terminal ? new SanitizedPieces() : null;
        for (let bytes = head; bytes.length > 0; bytes = file.next(PIECE)) await put(pieces ? pieces.push(bytes) : bytes);
        if (pieces) await put(pieces.end());
      } else {
        const rest: Buffer[] = [head];
        for (let bytes = file.next(PIECE); bytes.length > 0; bytes = file.next(PIECE)) rest.push(bytes);
        const whole = Buffer.concat(rest);
        const decoded = load.decodeArticleBytes(whole, false);
        const text = decoded.ok ? decoded.text : whole.toString('utf8');
        await put(terminal ? sanitizeText(text) : text);
      }
    }
  } catch (error) {
    reportWarnings([{ path: article.path, reason: describeFsError(error) }]);
  } finally {
    if (file instanceof FilePieces) file.close();
  }
  if (last !== '\n') await write('\n');
}

/** What goes to stdout (and the coin list --print json carries), imported when something is printed. */
export const importFormat = (): Promise<typeof import('./core/format.js')> => import('./core/format.js');

/** Writes articles to stdout in the chosen format, then lets the process end naturally so a pipe drains. */
export async function printArticles(articles: readonly Article[], options: Options, marks?: PrintContext['marks'], storyOf?: PrintContext['storyOf']): Promise<void> {
  const [load, { formatArticle }] = await Promise.all([import('./core/load/index.js'), importFormat()]);
  const terminal = Boolean(process.stdout.isTTY);
  if (options.print === 'markdown') {
    for (const a of articles) await printMarkdown(a, options.maxFileSize ?? load.LIMITS.maxFileSize, terminal, load);
    return;
  }
  const format = options.print;
  const ctx: PrintContext = { marks, storyOf, cwd: process.cwd(), stdoutIsTerminal: terminal };
  const text = articles.map((a) => formatArticle(a, format, ctx)).join('');
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
