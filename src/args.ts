// argv -> Options, or a UsageError the CLI turns into exit code 2. Node's own util.parseArgs does
// the tokenising (short/long flags, `--opt=value`, `--` to end options); this file only adds the
// product's vocabulary, validation and the help text.
import { parseArgs } from 'node:util';
import type { PrintFormat } from './core/format.js';
import type { SortKey } from './core/search/index.js';

/** Sort orders of the list: the search engine's, plus `hot` (stories/hot.ts), applied over its date order. */
export type ListSort = SortKey | 'hot';

/** Everything the command line can ask for. */
export interface Options {
  paths: string[];
  filter: string | null;
  query: string;
  print: PrintFormat;
  sort: ListSort | undefined;
  /** One row per story in the dashboard (false: `--no-group`, the flat list). */
  group: boolean;
  /** With --filter: print the pulse (counts) instead of the articles. */
  stats: boolean;
  limit: number | undefined;
  drafts: boolean;
  multi: boolean;
  mouse: boolean;
  cache: boolean;
  /** Delete the cache kept for these paths before loading (`--clear-cache`). */
  clearCache: boolean;
  maxFileSize: number | undefined;
  debug: boolean;
  /** `--config FILE`: read this config file instead of the default one. */
  configFile: string | undefined;
  /** `--no-config`: ignore the config file. */
  noConfig: boolean;
  /** `--view NAME`: start on this saved view. */
  view: string | undefined;
}

/** What the command line asked the program to do. */
export type Command = { kind: 'run'; options: Options } | { kind: 'help' } | { kind: 'version' } | { kind: 'print-config'; options: Options };

/** A command line that cannot be understood: printed with a hint, exit code 2. */
export class UsageError extends Error {}

const PRINT_FORMATS: readonly PrintFormat[] = ['path', 'title', 'json', 'markdown'];
const SORT_KEYS: readonly ListSort[] = ['relevance', 'date', 'title', 'score', 'hot'];

/** The text of `--help`. */
export const HELP = `Usage: crypto-news-tui [options] [PATH...]

A terminal dashboard for folders of Markdown news articles. With no PATH it opens
the config file's paths, else the bundled sample corpus. The UI draws on the
terminal; only the chosen article(s) go to stdout, so it composes like fzf:
crypto-news-tui | xargs -r less

Options:
  -f, --filter QUERY     no UI: print every match and exit
  -q, --query QUERY      start the dashboard with this query
  -p, --print FORMAT     path | title | json | markdown        (default: path)
  -s, --sort KEY         relevance | date | title | score | hot
                         (default: relevance with free words, else date;
                         hot: recent stories told by many outlets first)
  -n, --limit N          print at most N results (--filter; with --multi, the first N marked)
  -m, --multi            mark several articles with Space; Enter prints all
      --stats            with --filter: print counts (sentiment, per day, top
                         sources, tags, coins) instead of articles; JSON with
                         --print json
      --no-group         list every article, not one row per story
      --drafts           include drafts (draft: true, status: draft) and
                         articles dated ahead or expired
      --no-mouse         do not capture the mouse
      --no-cache         do not read or write the on-disk index
      --clear-cache      delete the cache kept for these PATHs first (rebuilt
                         by this run unless --no-cache)
      --max-file-size N  read at most N bytes per file (e.g. 4M; default 1M)
      --view NAME        start on this saved view (config [[views]])
      --config FILE      read this config file (default:
                         $XDG_CONFIG_HOME/crypto-news-tui/config.toml)
      --no-config        ignore the config file
      --print-config     print the configuration in force and its folders
      --debug            show stack traces for internal errors
  -h, --help             show this help
  -V, --version          show the version

Query language (terms combine with AND, case-insensitive):
  bitcoin etf            articles holding every word (title, description, tags,
                         source, body), ranked fuzzily; near spellings if none
  "spot etf"             a phrase
  tag:mining  source:decrypt  category:btc  sentiment:negative  lang:en
  since:2025-11-01  until:2025-11-30  since:7d  (min, h, d, w, mo, y)
  is:draft  is:sticky    drafts only / pinned articles only
  coin:btc  coin:solana  articles about a coin (ticker or name)
  is:unread  is:read  is:saved  is:new   reading state (new: first seen
                         since the previous dashboard session ended)
  -term                  negate any term:  -source:decrypt  -"price prediction"

Exit codes: 0 printed something, 1 no match, 2 usage error / bad query /
unreadable path, 130 cancelled.
`;

/** Parses a size such as `4M`, `512k`, `1048576`. */
export function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)i?b?$/i.exec(text.trim());
  if (!m) throw new UsageError(`--max-file-size: not a size: "${text}" (try 4M)`);
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2].toLowerCase() as '' | 'k' | 'm' | 'g'];
  const bytes = Math.floor(Number(m[1]) * unit);
  if (bytes < 1024) throw new UsageError(`--max-file-size: at least 1K, got "${text}"`);
  return bytes;
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  const v = value.toLowerCase() as T;
  if (!allowed.includes(v)) {
    throw new UsageError(`--${name}: "${value}" is not one of ${allowed.join(', ')}`);
  }
  return v;
}

// Options whose value is a query, and the short boolean flags that may be grouped before them (`-mq`).
const QUERY_OPTIONS: ReadonlySet<string> = new Set(['-f', '--filter', '-q', '--query']);
const GROUPED_QUERY = /^-[mhV]*([fq])$/;
// The options whose value is a number, by each spelling, with their long name.
const NUMERIC_OPTIONS: ReadonlyMap<string, string> = new Map([['-n', '--limit'], ['--limit', '--limit'], ['--max-file-size', '--max-file-size']]);

/**
 * `-f '-source:decrypt'` and `-q -bitcoin`: a query may start with `-` (a negated term), so the
 * argument after -f/-q is always its value, as fzf reads it. util.parseArgs would refuse a
 * value that looks like an option, so such pairs are joined into `--filter=VALUE` first; so is a
 * negative number after a numeric option (`-n -1` -> `--limit=-1`), for that option's own message.
 */
export function joinQueryValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const group = GROUPED_QUERY.exec(arg);
    const name = QUERY_OPTIONS.has(arg) ? arg : group ? `-${group[1]}` : null;
    // A negative number after a numeric option (`-n -1`) is its value, refused with the option's
    // own message, not util.parseArgs' "argument is ambiguous".
    const numeric = NUMERIC_OPTIONS.get(arg);
    if (numeric !== undefined && i + 1 < argv.length && /^-\d/.test(argv[i + 1])) {
      out.push(`${numeric}=${argv[i + 1]}`);
      i += 1;
      continue;
    }
    // `-f --` too: as getopt (and fzf) read it, an option that takes a value takes the next argument, whatever it is.
    if (name !== null && i + 1 < argv.length && argv[i + 1].startsWith('-')) {
      if (group && arg.length > 2) out.push(arg.slice(0, -1)); // the grouped boolean flags
      out.push(`${name === '-f' || name === '--filter' ? '--filter' : '--query'}=${argv[i + 1]}`);
      i += 1;
      continue;
    }
    out.push(arg);
  }
  return out;
}

/**
 * Whether a `--filter` run may be answered from the on-disk index (filter.ts) rather than a full
 * load: the cache in use, no --limit, and an output that needs no other article than the matches
 * (not hot's story sizes, not JSON's story ids). A reading term (`is:`) needs a full load too,
 * which the filter tells from the parsed query.
 */
export function indexMayAnswer(o: Options): boolean {
  const needsAll = o.sort === 'hot' || (o.print === 'json' && !o.stats);
  return o.filter !== null && o.cache && !o.clearCache && o.limit === undefined && !needsAll;
}

/** Turns process.argv.slice(2) into a Command; throws UsageError. */
export function parseCommandLine(argv: string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: joinQueryValues(argv),
      allowPositionals: true,
      strict: true,
      options: {
        filter: { type: 'string', short: 'f' },
        query: { type: 'string', short: 'q' },
        print: { type: 'string', short: 'p' },
        sort: { type: 'string', short: 's' },
        limit: { type: 'string', short: 'n' },
        multi: { type: 'boolean', short: 'm' },
        drafts: { type: 'boolean' },
        'no-mouse': { type: 'boolean' },
        'no-group': { type: 'boolean' },
        stats: { type: 'boolean' },
        'no-cache': { type: 'boolean' },
        'clear-cache': { type: 'boolean' },
        'max-file-size': { type: 'string' },
        debug: { type: 'boolean' },
        config: { type: 'string' },
        'no-config': { type: 'boolean' },
        'print-config': { type: 'boolean' },
        view: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'V' },
      },
    });
  } catch (error) {
    // parseArgs messages are clear but long-winded; keep their first sentence.
    const message = error instanceof Error ? error.message.split(/\.\s/)[0] : String(error);
    throw new UsageError(message);
  }
  const v = parsed.values;
  if (v.help) return { kind: 'help' };
  if (v.version) return { kind: 'version' };

  let limit: number | undefined;
  if (v.limit !== undefined) {
    if (!/^\d+$/.test(v.limit) || Number(v.limit) < 1) {
      throw new UsageError(`--limit: expected a positive whole number, got "${v.limit}"`);
    }
    limit = Number(v.limit);
  }
  if (v.stats && v.filter === undefined) {
    throw new UsageError('--stats needs --filter (try --filter \'\' --stats)');
  }
  // --stats prints counts, not articles: a path or title format would be silently dropped.
  if (v.stats && v.print !== undefined && v.print !== 'json') {
    throw new UsageError(`--stats prints counts as text, or as JSON with --print json (not --print ${v.print})`);
  }
  if (v.filter !== undefined && v.query !== undefined) {
    throw new UsageError('--filter and --query cannot be combined (--filter has no UI)');
  }

  if (v.config !== undefined && v['no-config']) throw new UsageError('--config and --no-config cannot be combined');
  const options: Options = {
    paths: parsed.positionals,
    filter: v.filter ?? null,
    query: v.query ?? '',
    print: oneOf('print', v.print, PRINT_FORMATS) ?? 'path',
    sort: oneOf('sort', v.sort, SORT_KEYS),
    limit,
    drafts: v.drafts ?? false,
    multi: v.multi ?? false,
    mouse: !v['no-mouse'],
    group: !v['no-group'],
    stats: v.stats ?? false,
    cache: !v['no-cache'],
    clearCache: v['clear-cache'] ?? false,
    maxFileSize: v['max-file-size'] === undefined ? undefined : parseSize(v['max-file-size']),
    debug: v.debug ?? false,
    configFile: v.config,
    noConfig: v['no-config'] ?? false,
    view: v.view,
  };
  return v['print-config'] ? { kind: 'print-config', options } : { kind: 'run', options };
}
