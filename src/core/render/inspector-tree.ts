// The inspector's rows: the whole front matter flattened into a foldable tree, then the facts
// about the file (path, size, format, modification time), the cover image read, and the loader's notes.
//
// Folding: a node is open by default when it sits at the top level or one below and has at most
// three children (`source: {name, key, type}` reads best open; `coverImage` with six URLs does
// not). The `expanded` set holds the keys whose state the user flipped from that default, so
// toggling a row is "add its key if absent, delete it if present" (toggleExpanded).
import type { Article } from '../article.js';
import { formatStamp } from './article-header.js';
import { articleCoinsWithBody, assetOf } from '../coins/index.js';
import { countText, sanitizeLine, visibleName } from '../text/index.js';

/** One inspector row; `key` is a stable path such as `source.name` or `tags[1]`. */
export interface InspectorRow {
  key: string;
  depth: number;
  label: string;
  value: string;
  foldable: boolean;
  expanded: boolean;
}

/** Key of the row that separates the front matter from the file facts. */
export const FILE_SECTION_KEY = '@file';
/** Most rows produced for one article; a final row says how many were left out. */
export const MAX_ROWS = 5000;
/** Deepest nesting shown; deeper values are summarised on one row. */
export const MAX_DEPTH = 16;
// Values are cut to the pane width when drawn; this only bounds the work for a 1 MiB string.
const MAX_VALUE = 1000;
const DEFAULT_OPEN_CHILDREN = 3;
const SAFE_KEY = /^[A-Za-z0-9_$-]+$/;

/** The expanded set with `key` toggled: the reducer's way to fold or unfold a row. */
export function toggleExpanded(expanded: ReadonlySet<string>, key: string): Set<string> {
  const next = new Set(expanded);
  if (next.has(key)) next.delete(key);
  else next.add(key);
  return next;
}

/** `3.1 KB`-style size in 1024-byte units. */
export function formatSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 1024) return `${Math.max(0, Math.round(bytes || 0))} B`;
  const units = ['KB', 'MB', 'GB'];
  let n = bytes / 1024;
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return `${n.toFixed(1)} ${units[i]}`;
}

function isoDate(d: Date): string {
  return Number.isNaN(d.getTime()) ? 'Invalid Date' : d.toISOString();
}

// `1 item`, `3 items`: a branch's size as its summary reads.
const counted = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** A leaf value as shown: strings bare unless empty or space-padded, dates as ISO. */
export function leafText(value: unknown): string {
  let text: string;
  if (typeof value === 'string') {
    const s = value.length > MAX_VALUE ? value.slice(0, MAX_VALUE) : value;
    text = s === '' || s.trim() !== s ? JSON.stringify(s) : s;
    // Cut where it is shown, said so (found by a tester: a 1,079-character value ended mid-word, unmarked); the whole is in the file (`e`).
    if (s !== value) text += `… (${countText(value.length - MAX_VALUE)} more characters)`;
  } else if (value instanceof Date) text = isoDate(value);
  else if (value === null) text = 'null';
  else if (value === undefined) text = 'undefined';
  else if (typeof value === 'object') text = Array.isArray(value) ? `[${counted(value.length, 'item')}]` : `{${counted(Object.keys(value).length, 'key')}}`;
  else if (typeof value === 'function') text = '[function]';
  else text = String(value);
  return sanitizeLine(text);
}

function isBranch(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null && !(value instanceof Date);
}

function childKey(parent: string, name: string | number): string {
  if (typeof name === 'number') return `${parent}[${name}]`;
  const part = SAFE_KEY.test(name) ? name : `[${JSON.stringify(name)}]`;
  if (!parent) return part;
  return part.startsWith('[') ? parent + part : `${parent}.${part}`;
}

class RowBuilder {
  readonly rows: InspectorRow[] = [];
  omitted = false;

  constructor(private readonly expanded: ReadonlySet<string>) {}

  get full(): boolean {
    return this.rows.length >= MAX_ROWS - 1;
  }

  walk(key: string, label: string, value: unknown, depth: number): void {
    if (this.full) {
      this.omitted = true;
      return;
    }
    if (!isBranch(value) || depth >= MAX_DEPTH) {
      this.rows.push({ key, depth, label, value: leafText(value), foldable: false, expanded: false });
      return;
    }
    const names = Array.isArray(value) ? null : Object.keys(value);
    const count = names ? names.length : (value as unknown[]).length;
    const byDefault = depth <= 1 && count <= DEFAULT_OPEN_CHILDREN;
    const open = count > 0 && byDefault !== this.expanded.has(key);
    const summary = names ? `{${counted(count, 'key')}}` : `[${counted(count, 'item')}]`;
    this.rows.push({ key, depth, label, value: summary, foldable: count > 0, expanded: open });
    if (!open) return;
    // Children are visited lazily so a folded or capped 1M-item array costs nothing extra.
    for (let i = 0; i < count && !this.omitted; i++) {
      if (names) {
        const name = names[i];
        this.walk(childKey(key, name), sanitizeLine(name), (value as Record<string, unknown>)[name], depth + 1);
      } else {
        this.walk(childKey(key, i), `[${i}]`, (value as unknown[])[i], depth + 1);
      }
    }
  }
}

/** Key of the row that heads the coins the article is about. */
export const COINS_SECTION_KEY = '@coins';

// The coins and where each was found ("Solana · cashtag, title"), so a reader can see why a
// `coin:` filter matched; nothing when the article names no coin.
function coinRows(article: Article): InspectorRow[] {
  const coins = articleCoinsWithBody(article);
  if (coins.length === 0) return [];
  const row = (key: string, label: string, value: string): InspectorRow => ({ key, depth: 0, label, value, foldable: false, expanded: false });
  return [
    row(COINS_SECTION_KEY, 'coins', ''),
    ...coins.map((c) => row(`${COINS_SECTION_KEY}.${c.symbol}`, c.symbol, `${assetOf(c.symbol)?.name ?? c.symbol} · ${c.where.join(', ')}`)),
  ];
}

function fileRows(article: Article): InspectorRow[] {
  // The path with its control bytes shown as pictures (`␛`), as `--print path` shows it on a
  // terminal: sanitizeLine would drop `ESC[31m` and name a file that does not exist.
  const row = (key: string, label: string, value: string, show = sanitizeLine): InspectorRow => ({
    key,
    depth: 0,
    label,
    value: show(value),
    foldable: false,
    expanded: false,
  });
  const modified = formatStamp(article.mtimeMs) ?? 'unknown';
  return [
    row(FILE_SECTION_KEY, 'file', ''),
    row('@file.path', 'path', article.path, visibleName),
    row('@file.size', 'size', formatSize(article.size)),
    row('@file.format', 'format', article.format),
    row('@file.modified', 'modified', modified),
    // The cover image as the loader read it, whichever key the theme gave it (load/fields/cover-image.ts).
    ...(article.coverImage ? [row('@file.cover', 'cover image', article.coverImage)] : []),
    ...article.notes.map((note, i) => row(`@note[${i}]`, 'note', note)),
  ];
}

// Rows are recomputed on every render of the dashboard; remember the last answer per article.
const memo = new WeakMap<Article, { expanded: ReadonlySet<string>; size: number; rows: InspectorRow[] }>();

/** The front matter and file facts of an article as inspector rows, at most MAX_ROWS of them. */
export function inspectorRows(article: Article, expanded: ReadonlySet<string>): InspectorRow[] {
  const known = memo.get(article);
  if (known && known.expanded === expanded && known.size === expanded.size) return known.rows;
  const builder = new RowBuilder(expanded);
  for (const [name, value] of Object.entries(article.frontMatter ?? {})) {
    if (builder.omitted) break;
    builder.walk(childKey('', name), sanitizeLine(name), value, 0);
  }
  const rows = builder.rows;
  if (builder.omitted) {
    rows.push({ key: '@omitted', depth: 0, label: '…', value: `more rows not shown (limit ${MAX_ROWS})`, foldable: false, expanded: false });
  }
  rows.push(...coinRows(article), ...fileRows(article));
  memo.set(article, { expanded, size: expanded.size, rows });
  return rows;
}
