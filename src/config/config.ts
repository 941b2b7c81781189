// The configuration file's meaning: its shape, its defaults, and the checks that turn a parsed
// TOML table into a Config or one ConfigError naming the file, the line and the key. Which
// commands and key names exist is the keymap's business: the caller passes them in (KeyVocabulary)
// so this folder depends on nothing above it.
import { didYouMean, lineOf, type KeyPath } from './locate.js';

/** Colour schemes: `dark` (the default), `light` (for light backgrounds), `mono` (no colour at all). */
export type ThemeName = 'dark' | 'light' | 'mono';
/** Sort orders a view may ask for: the list's sorts (the search engine's SortKey, and `hot`). */
export type ViewSort = 'relevance' | 'date' | 'title' | 'score' | 'hot';

/** A saved view: a tab above the list whose query is ANDed with the typed one. */
export interface View {
  name: string;
  query: string;
  sort?: ViewSort;
}

/** The query a search runs in `view`: the view's query AND the typed one (the README's `[[views]]`: "ANDed with what you type"). */
export function viewQuery(view: View | undefined, typed: string): string {
  if (!view) return typed;
  return typed.trim() ? `${view.query} ${typed}` : view.query;
}

/** The configuration in force. */
export interface Config {
  /** Folders opened when no PATH is given, `~` already expanded; empty means the bundled data. */
  paths: string[];
  views: View[];
  /** Remaps: command -> the keys that replace its default ones. */
  keys: Record<string, string[]>;
  theme: ThemeName;
}

/** The configuration when there is no file. */
export const DEFAULT_CONFIG: Config = Object.freeze({ paths: [], views: [], keys: {}, theme: 'dark' }) as Config;

/** Commands and key names the keymap knows, for checking `[keys]`; and the query language, for views. */
export interface KeyVocabulary {
  commands: readonly string[];
  isKeyName(name: string): boolean;
  /** Two `[keys]` entries giving one key to commands of the same mode (state/keymap-remap.ts keysClash), or null. */
  keysClash?(remaps: Readonly<Record<string, readonly string[]>>): { command: string; other: string; key: string } | null;
  /** Why one `[keys]` entry cannot be taken (Ctrl-C given to another command: keymap-remap.ts keysRefused), or null. */
  keysRefused?(command: string, keys: readonly string[]): string | null;
  /** A command (`lost`: choose, quit) the remaps leave with no key, the entry that took it and the key (keymap-remap.ts keysLockout), or null. */
  keysLockout?(remaps: Readonly<Record<string, readonly string[]>>): { command: string; lost: string; key: string } | null;
  /** Why a view's query is malformed (the query parser's message), or null when it parses. */
  queryError?(query: string): string | null;
}

/** A config file that cannot be used: the message names the file, the line where known, and the key. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly detail: string,
  ) {
    super(`${file}${line === null ? '' : `:${line}`}: ${detail}`);
    this.name = 'ConfigError';
  }
}

const TOP_KEYS = ['paths', 'views', 'keys', 'theme'];
const VIEW_KEYS = ['name', 'query', 'sort'];
const THEMES: readonly ThemeName[] = ['dark', 'light', 'mono'];
const SORTS: readonly ViewSort[] = ['relevance', 'date', 'title', 'score', 'hot'];

const isTable = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
const typeName = (v: unknown): string => (Array.isArray(v) ? 'an array' : v instanceof Date ? 'a date' : isTable(v) ? 'a table' : typeof v === 'string' ? 'a string' : `a ${typeof v}`);
const keyName = (path: KeyPath): string => path.filter((p) => typeof p === 'string').join('.');

/**
 * Checks a parsed TOML document and returns the Config it asks for (paths not yet expanded).
 * Throws ConfigError at the first problem: an unknown key (with a suggestion), a value of the
 * wrong type, an unknown theme, sort, command or key name, a view without a name or query,
 * two views with one name.
 */
export function validateConfig(doc: Record<string, unknown>, file: string, source: string, vocabulary: KeyVocabulary): Config {
  const fail = (path: KeyPath, detail: string): never => {
    throw new ConfigError(file, lineOf(source, path), detail);
  };
  const unknown = (path: KeyPath, key: string, known: readonly string[]): never => {
    const guess = didYouMean(key, known);
    return fail(path, `unknown key "${keyName(path)}"${guess ? ` (did you mean "${guess}"?)` : ''}`);
  };
  const wrongType = (path: KeyPath, want: string, got: unknown): never => fail(path, `"${keyName(path)}" should be ${want}, not ${typeName(got)}`);
  const stringList = (path: KeyPath, v: unknown): string[] => {
    if (!Array.isArray(v)) return wrongType(path, 'a list of strings', v);
    // The element that is not a string, by its place (a tester read "not an array" for `down = [1]`).
    const bad = v.findIndex((x) => typeof x !== 'string');
    if (bad >= 0) fail(path, `"${keyName(path)}" should be a list of strings; item ${bad + 1} is ${typeName(v[bad])}`);
    return v as string[];
  };

  for (const key of Object.keys(doc)) if (!TOP_KEYS.includes(key)) unknown([key], key, TOP_KEYS);
  const config: Config = { paths: [], views: [], keys: {}, theme: 'dark' };

  if (doc.paths !== undefined) config.paths = stringList(['paths'], doc.paths);
  if (doc.theme !== undefined) {
    if (typeof doc.theme !== 'string') wrongType(['theme'], 'a string', doc.theme);
    if (!THEMES.includes(doc.theme as ThemeName)) fail(['theme'], `"theme" should be one of ${THEMES.join(', ')}, not ${JSON.stringify(doc.theme)}`);
    config.theme = doc.theme as ThemeName;
  }
  if (doc.views !== undefined) {
    if (!Array.isArray(doc.views) || doc.views.some((v) => !isTable(v))) wrongType(['views'], 'an array of tables ([[views]])', doc.views);
    (doc.views as Array<Record<string, unknown>>).forEach((v, i) => {
      for (const key of Object.keys(v)) if (!VIEW_KEYS.includes(key)) unknown(['views', i, key], key, VIEW_KEYS);
      for (const key of ['name', 'query'] as const) {
        if (v[key] === undefined) fail(['views', i, key], `view ${i + 1} has no "${key}"`);
        if (typeof v[key] !== 'string') wrongType(['views', i, key], 'a string', v[key]);
      }
      const name = (v.name as string).trim();
      if (!name) fail(['views', i, 'name'], `view ${i + 1} has an empty "name"`);
      if (config.views.some((x) => x.name.toLowerCase() === name.toLowerCase())) fail(['views', i, 'name'], `two views are named "${name}"`);
      const bad = vocabulary.queryError?.(v.query as string) ?? null;
      if (bad !== null) fail(['views', i, 'query'], `view "${name}" has a bad query: ${bad}`);
      const view: View = { name, query: v.query as string };
      if (v.sort !== undefined) {
        if (typeof v.sort !== 'string' || !SORTS.includes(v.sort as ViewSort)) fail(['views', i, 'sort'], `view "${name}": "sort" should be one of ${SORTS.join(', ')}, not ${JSON.stringify(v.sort)}`);
        view.sort = v.sort as ViewSort;
      }
      config.views.push(view);
    });
  }
  if (doc.keys !== undefined) {
    if (!isTable(doc.keys)) wrongType(['keys'], 'a table ([keys])', doc.keys);
    for (const [command, value] of Object.entries(doc.keys as Record<string, unknown>)) {
      // A [keys] name is a command, not a key: saying "unknown key" there read as a keyboard key.
      if (!vocabulary.commands.includes(command)) {
        const guess = didYouMean(command, vocabulary.commands);
        fail(['keys', command], `unknown command "${command}" in [keys] (${guess ? `did you mean "${guess}"? ` : ''}--print-config lists the commands with their keys)`);
      }
      const keys = typeof value === 'string' ? [value] : stringList(['keys', command], value);
      if (keys.length === 0) fail(['keys', command], `"keys.${command}" needs at least one key`);
      for (const k of keys) if (!vocabulary.isKeyName(k)) fail(['keys', command], `"keys.${command}": unknown key name ${JSON.stringify(k)} (use a character, or e.g. ctrl+x, alt+x, enter, esc, tab, space, up, pgdn)`);
      const refused = vocabulary.keysRefused?.(command, keys) ?? null;
      if (refused !== null) fail(['keys', command], `"keys.${command}": ${refused}`);
      config.keys[command] = keys;
    }
    const clash = vocabulary.keysClash?.(config.keys);
    // The other entry's line where it can be told (not in an inline table).
    const other = clash ? lineOf(source, ['keys', clash.other]) : null;
    if (clash) fail(['keys', clash.command], `"keys.${clash.command}": ${JSON.stringify(clash.key)} is also given to "${clash.other}"${other === null ? '' : ` (line ${other})`}; one key runs one command`);
    const lockout = vocabulary.keysLockout?.(config.keys);
    if (lockout) fail(['keys', lockout.command], `"keys.${lockout.command}": takes ${JSON.stringify(lockout.key)} from "${lockout.lost}", which is left with no key; give "${lockout.lost}" another key in [keys]`);
  }
  return config;
}
