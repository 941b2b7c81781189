// The `[keys]` section of the config file applied to the keymap table: which commands and key
// names exist (for checking the file) and the table with a command's keys replaced. The help
// overlay reads the resulting table, so `?` always shows the keys in force.
import { keymap, prettyKey, type Binding, type Command } from './keymap.js';

const NAMED = new Set(['up', 'down', 'left', 'right', 'pgup', 'pgdn', 'home', 'end', 'enter', 'esc', 'tab', 'shift+tab', 'space', 'backspace']);

/** Every command a `[keys]` entry may remap (the keymap table's commands). */
export const COMMANDS: readonly Command[] = [...new Set(keymap.map((b) => b.command))];

/**
 * True for the key names the input layer produces (keymap.keyNames): one printable character
 * (`j`, `G`, `*`), a named key (`enter`, `pgdn`, `shift+tab`, `space`), `ctrl+` a letter, or
 * `alt+` a printable character.
 */
export function isKeyName(name: string): boolean {
  if (NAMED.has(name)) return true;
  if (/^ctrl\+[a-z]$/.test(name)) return true;
  const single = (s: string) => Array.from(s).length === 1 && !/[\p{C}\s]/u.test(s);
  if (name.startsWith('alt+')) return single(name.slice(4));
  return single(name);
}

// Whether two bindings are read in a common mode (a binding without modes is read in all).
const shareMode = (a: Binding, b: Binding): boolean => !a.modes || !b.modes || a.modes.some((m) => b.modes!.includes(m));

/**
 * The table with each remapped command's keys replaced. A command can have a binding per mode
 * (`down` in browse and in search); the remap replaces the keys of its browse bindings, or of
 * all its bindings when it has none in browse (search-only commands such as `deleteWord`).
 * A key given to a command is taken from every other binding that shares a mode with it (the
 * user's choice wins): without this, `quit = ["j"]` would lose to `down`'s `j`, which comes
 * first in the table, and `?` would list the key under both commands. A binding left with no
 * key is dropped, so `?` does not list it.
 */
export function remapKeymap(remaps: Readonly<Record<string, readonly string[]>>, table: readonly Binding[] = keymap): Binding[] {
  const remapped = new Set<Binding>();
  const replaced = table.map((b) => {
    const keys = Object.hasOwn(remaps, b.command) ? remaps[b.command] : undefined;
    if (!keys) return b;
    const inBrowse = table.some((x) => x.command === b.command && (!x.modes || x.modes.includes('browse')));
    const applies = !inBrowse || !b.modes || b.modes.includes('browse');
    if (!applies) return b;
    const next = { ...b, keys: [...keys] };
    remapped.add(next);
    return next;
  });
  const claimed = (key: string, b: Binding) => [...remapped].some((r) => r.command !== b.command && r.keys.includes(key) && shareMode(r, b));
  return replaced
    .map((b) => (remapped.has(b) ? b : { ...b, keys: b.keys.filter((k) => !claimed(k, b)) }))
    .filter((b) => b.keys.length > 0);
}

/**
 * Two `[keys]` entries that give the same key to commands read in the same mode (`quit = ["j"]`
 * and `down = ["j"]`): which of them the key would run cannot be told, so the config is refused.
 * Returns the first such pair in `remaps` order (`command` the later entry), or null.
 */
export function keysClash(remaps: Readonly<Record<string, readonly string[]>>, table: readonly Binding[] = keymap): { command: string; other: string; key: string } | null {
  const remapped = remapKeymap(remaps, table).filter((b) => Object.hasOwn(remaps, b.command) && b.keys.some((k) => remaps[b.command].includes(k)));
  const order = Object.keys(remaps);
  for (const [i, command] of order.entries()) {
    for (const other of order.slice(0, i)) {
      const key = remaps[command].find((k) => remaps[other].includes(k));
      if (key === undefined) continue;
      const mine = remapped.filter((b) => b.command === command);
      const theirs = remapped.filter((b) => b.command === other);
      if (mine.some((a) => theirs.some((b) => shareMode(a, b)))) return { command, other, key };
    }
  }
  return null;
}

// Ctrl-C cancels from anywhere and is never held (README): the way out that always works. A
// `[keys]` entry giving it to another command took it from `cancel` everywhere (found by a tester:
// `down = ["ctrl+c"]` left a dashboard that could not be cancelled).
const CANCEL_KEY = 'ctrl+c';

// Control keys a terminal sends as the same byte as another key (ASCII's C0 codes: Ctrl-M is CR,
// Ctrl-J LF, Ctrl-I HT, Ctrl-H BS): no program can tell them apart. A tester bound ctrl+m to
// mark all read; pressing it chose the article and quit.
const SAME_BYTE: Readonly<Record<string, string>> = { 'ctrl+m': 'Enter', 'ctrl+j': 'Enter', 'ctrl+i': 'Tab', 'ctrl+h': 'Backspace' };

/**
 * Why a `[keys]` entry cannot be taken as written, as the text after `"keys.down": `, or null:
 * Ctrl-C given to a command other than `cancel`, or a `cancel` entry that leaves it out, or a
 * control key the terminal sends as another (SAME_BYTE).
 */
export function keysRefused(command: string, keys: readonly string[]): string | null {
  const twin = keys.find((k) => Object.hasOwn(SAME_BYTE, k));
  if (twin !== undefined) return `"${twin}" reaches the program as ${SAME_BYTE[twin]} (a terminal sends the same byte for both); use another key`;
  if (command !== 'cancel' && keys.includes(CANCEL_KEY)) return `"${CANCEL_KEY}" cancels from anywhere; it cannot be given to another command`;
  if (command === 'cancel' && !keys.includes(CANCEL_KEY)) return `"${CANCEL_KEY}" cancels from anywhere; keep it among "cancel"'s keys`;
  return null;
}

// Commands the dashboard cannot do without: Enter prints the selection, `q` quits.
const KEPT: readonly Command[] = ['choose', 'quit'];

const inBrowse = (b: Binding): boolean => !b.modes || b.modes.includes('browse');

/**
 * A command of KEPT that `remaps` leave with no key in browse (`startSearch = ["enter"]` takes
 * Enter from `choose`, and nothing would print the selection): `lost`, the entry that took its
 * last key (`command`, the last such in `remaps` order) and that key. Null when each keeps one.
 */
export function keysLockout(remaps: Readonly<Record<string, readonly string[]>>, table: readonly Binding[] = keymap): { command: string; lost: string; key: string } | null {
  const mapped = remapKeymap(remaps, table);
  for (const lost of KEPT) {
    if (mapped.some((b) => b.command === lost && inBrowse(b))) continue;
    const own = table.filter((b) => b.command === lost && inBrowse(b)).flatMap((b) => b.keys);
    const takers = Object.keys(remaps).filter((c) => c !== lost && remaps[c].some((k) => own.includes(k)));
    const command = takers.at(-1);
    if (command !== undefined) return { command, lost, key: remaps[command].find((k) => own.includes(k))! };
  }
  return null;
}

/** What the config reader checks `[keys]` with (config.ts KeyVocabulary; a view's query is the caller's). */
export const KEY_CHECKS = { commands: COMMANDS, isKeyName, keysClash, keysRefused, keysLockout } as const;

/** A command a `[keys]` entry may remap, the keys it has in force (those a remap replaces) and its help line. */
export interface CommandKeys {
  command: string;
  keys: readonly string[];
  help: string;
}

/** Every command of `table` in table order with its keys as remapKeymap would replace them: the browse bindings', else all of them. */
export function commandKeys(table: readonly Binding[] = keymap): CommandKeys[] {
  return COMMANDS.map((command) => {
    const bindings = table.filter((b) => b.command === command);
    const browse = bindings.filter((b) => !b.modes || b.modes.includes('browse'));
    const shown = browse.length ? browse : bindings;
    // A command `[keys]` left with no key still has its help line: the default table's.
    return { command, keys: [...new Set(shown.flatMap((b) => b.keys))], help: shown[0]?.help ?? keymap.find((b) => b.command === command)?.help ?? '' };
  });
}

/**
 * The key a status-line hint names for `command` (`r to show`, `u undoes`, `y copies the URL`):
 * its first key in the list's mode in `table` (the keymap in force, `[keys]` applied), as help
 * writes it; null when nothing is bound to it there, and the hint is then left out. Found by a
 * tester: with `r` remapped the status line still said `r to show`.
 */
export function hintKey(command: Command, table: readonly Binding[] = keymap): string | null {
  const binding = table.find((b) => b.command === command && inBrowse(b) && b.keys.length > 0);
  return binding ? prettyKey(binding.keys[0]) : null;
}

/** The keys the screen's hints name (hintKey of each; null: none bound, the hint left out). */
export interface KeyHints {
  /** `press / to search` */
  search: string | null;
  /** `? help` */
  help: string | null;
  /** `2 warnings — press w` */
  warnings: string | null;
  /** `1 new · r to show` */
  showNew: string | null;
}

const hintsOf = new WeakMap<readonly Binding[], KeyHints>();

/** The hints for `table` (the same object for the same table: the panes that show them are memoised). */
export function keyHints(table: readonly Binding[]): KeyHints {
  let hints = hintsOf.get(table);
  if (!hints) {
    hints = { search: hintKey('startSearch', table), help: hintKey('help', table), warnings: hintKey('warnings', table), showNew: hintKey('showNew', table) };
    hintsOf.set(table, hints);
  }
  return hints;
}

/** `press / to search, ? for help`: the search line's text at rest, naming the keys in force (a part whose command has no key left out). */
export function searchLineHint(h: KeyHints): string {
  const parts = [h.search === null ? null : `press ${h.search} to search`, h.help === null ? null : `${h.search === null ? 'press ' : ''}${h.help} for help`];
  return parts.filter((x) => x !== null).join(', ');
}

/** `? help`: the status line's right end, naming the key in force ('' when none is bound). */
export function statusHelpHint(h: KeyHints): string {
  return h.help === null ? '' : `${h.help} help`;
}

/** The default keymap's hints (no `[keys]`), made from the table rather than written twice. */
export const DEFAULT_HINTS: KeyHints = keyHints(keymap);
