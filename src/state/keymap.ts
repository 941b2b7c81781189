// The one keymap: a table of command -> keys -> help text. Input handling (App) and the `?` help
// overlay are both generated from it, so what the help says is what the keys do.

/**
 * What a key means: navigate (browse), edit the search line (search), answer the status line's
 * y/n question (confirm: `y`/Enter says yes, any other key no), type a link number (link), or
 * move over the pulse strip's entries (pulse).
 */
export type Mode = 'browse' | 'search' | 'confirm' | 'link' | 'pulse';
/** The three panes that can hold focus. */
export type PaneId = 'list' | 'body' | 'inspector';

/** Everything a key can ask for; the reducer handles each one. */
export type Command =
  | 'down'
  | 'up'
  | 'top'
  | 'bottom'
  | 'pageDown'
  | 'pageUp'
  | 'halfDown'
  | 'halfUp'
  | 'focusNext'
  | 'focusPrev'
  | 'foldToggle'
  | 'unfold'
  | 'fold'
  | 'mark'
  | 'startSearch'
  | 'deleteChar'
  | 'deleteWord'
  | 'clearQuery'
  | 'endSearch'
  | 'cycleSort'
  | 'toggleInspector'
  | 'toggleListAlone'
  | 'choose'
  | 'quit'
  | 'cancel'
  | 'back'
  | 'help'
  | 'warnings'
  | 'toggleRead'
  | 'markAllRead'
  | 'undoMarkAll'
  | 'toggleSaved'
  | 'open'
  | 'openLink'
  | 'confirmYes'
  | 'copyUrl'
  | 'copyLink'
  | 'edit'
  | 'showNew'
  | 'historyPrev'
  | 'historyNext'
  | 'viewAll'
  | 'viewPrev'
  | 'viewNext'
  | 'focusPulse'
  | 'pulseNext'
  | 'pulsePrev'
  | 'pulseAdd'
  | 'pulseExclude'
  | 'leavePulse'
  | ViewCommand;

/** `view1` .. `view9`: switch to the Nth saved view. */
export type ViewCommand = 'view1' | 'view2' | 'view3' | 'view4' | 'view5' | 'view6' | 'view7' | 'view8' | 'view9';

/** One row of the keymap: a command, the key names that trigger it, where, and its help line. */
export interface Binding {
  command: Command;
  keys: readonly string[];
  help: string;
  /** Modes the binding applies in; all modes when absent. */
  modes?: readonly Mode[];
  /** Focused panes the binding applies in; all panes when absent. */
  panes?: readonly PaneId[];
  /** Only with --multi, where it takes precedence over the same key's ordinary meaning (fzf's Tab). */
  multiOnly?: boolean;
}

const BROWSE: readonly Mode[] = ['browse'];
const SEARCH: readonly Mode[] = ['search'];
const PULSE: readonly Mode[] = ['pulse'];
const VIEW_KEYS: Binding[] = Array.from({ length: 9 }, (_, i) => ({
  command: `view${i + 1}` as ViewCommand,
  keys: [String(i + 1)],
  help: `switch to saved view ${i + 1}`,
  modes: BROWSE,
}));

/** The keymap table. Key names are those produced by `keyNames` below. */
export const keymap: readonly Binding[] = [
  { command: 'down', keys: ['j', 'down'], help: 'next row / scroll down', modes: BROWSE },
  { command: 'down', keys: ['down', 'ctrl+n'], help: 'next result', modes: SEARCH },
  { command: 'up', keys: ['k', 'up'], help: 'previous row / scroll up', modes: BROWSE },
  { command: 'up', keys: ['up', 'ctrl+p'], help: 'previous result', modes: SEARCH },
  { command: 'top', keys: ['g', 'home'], help: 'first row / top', modes: BROWSE },
  { command: 'bottom', keys: ['G', 'end'], help: 'last row / bottom', modes: BROWSE },
  { command: 'pageDown', keys: ['pgdn'], help: 'page down' },
  { command: 'pageUp', keys: ['pgup'], help: 'page up' },
  { command: 'halfDown', keys: ['ctrl+d'], help: 'half page down', modes: BROWSE },
  { command: 'halfUp', keys: ['ctrl+u'], help: 'half page up', modes: BROWSE },
  // fzf marks with Tab in multi-select mode; there the list keeps Shift-Tab for moving focus.
  { command: 'mark', keys: ['tab'], help: 'mark / unmark row and move down (--multi)', modes: BROWSE, panes: ['list'], multiOnly: true },
  { command: 'focusNext', keys: ['tab'], help: 'focus next pane (list, body, inspector)', modes: BROWSE },
  { command: 'focusPrev', keys: ['shift+tab'], help: 'focus previous pane', modes: BROWSE },
  { command: 'foldToggle', keys: ['enter', 'space'], help: 'inspector: fold / unfold', modes: BROWSE, panes: ['inspector'] },
  { command: 'unfold', keys: ['right', 'l'], help: 'unfold: list story, inspector node', modes: BROWSE, panes: ['inspector', 'list'] },
  { command: 'fold', keys: ['left', 'h'], help: 'fold: list story, inspector node', modes: BROWSE, panes: ['inspector', 'list'] },
  { command: 'mark', keys: ['space'], help: 'mark / unmark row (--multi)', modes: BROWSE, panes: ['list', 'body'] },
  { command: 'startSearch', keys: ['/'], help: 'search (type to narrow live)', modes: BROWSE },
  { command: 'deleteChar', keys: ['backspace'], help: 'delete a character', modes: SEARCH },
  { command: 'deleteWord', keys: ['ctrl+w'], help: 'delete a word', modes: SEARCH },
  { command: 'clearQuery', keys: ['ctrl+u'], help: 'clear the query', modes: SEARCH },
  { command: 'endSearch', keys: ['enter', 'esc'], help: 'leave search, keep the query', modes: SEARCH },
  { command: 'cycleSort', keys: ['s'], help: 'cycle sort: relevance, date, title, score, hot', modes: BROWSE },
  { command: 'focusPulse', keys: ['f'], help: 'focus the pulse strip (counts above the list)', modes: BROWSE },
  { command: 'pulseNext', keys: ['right', 'l'], help: 'pulse: next entry', modes: PULSE },
  { command: 'pulsePrev', keys: ['left', 'h'], help: 'pulse: previous entry', modes: PULSE },
  { command: 'pulseAdd', keys: ['enter'], help: 'pulse: add entry to the query', modes: PULSE },
  { command: 'pulseExclude', keys: ['-'], help: 'pulse: add entry negated', modes: PULSE },
  { command: 'leavePulse', keys: ['esc', 'f'], help: 'pulse: back to the list', modes: PULSE },
  { command: 'toggleInspector', keys: ['i'], help: 'show / hide the inspector', modes: BROWSE },
  { command: 'toggleListAlone', keys: ['z'], help: 'zoom: the list alone (again: panes back)', modes: BROWSE },
  { command: 'choose', keys: ['enter'], help: 'choose: print the article (marked ones in --multi)', modes: BROWSE, panes: ['list', 'body'] },
  { command: 'quit', keys: ['q'], help: 'quit without choosing', modes: ['browse', 'pulse'] },
  // Esc backs out one step: right after a pulse entry was added, back to the strip; else cancel.
  { command: 'back', keys: ['esc'], help: 'cancel (zoomed: panes back; after a pulse entry: strip)', modes: BROWSE },
  { command: 'cancel', keys: ['ctrl+c'], help: 'cancel (anywhere)' },
  { command: 'help', keys: ['?'], help: 'toggle this help (any key closes it)', modes: BROWSE },
  { command: 'warnings', keys: ['w'], help: 'show load warnings', modes: BROWSE },
  { command: 'toggleRead', keys: ['m'], help: 'toggle read (every marked one with --multi)', modes: BROWSE },
  { command: 'markAllRead', keys: ['M'], help: 'mark the whole result read (asks above 100)', modes: BROWSE },
  { command: 'undoMarkAll', keys: ['u'], help: 'undo the last m, * or M', modes: BROWSE },
  { command: 'toggleSaved', keys: ['*'], help: 'save / unsave (★)', modes: BROWSE },
  { command: 'openLink', keys: ['o'], help: 'body: open link N (o, digits, Enter)', modes: BROWSE, panes: ['body'] },
  { command: 'open', keys: ['o'], help: 'open the article URL in the browser (asks first)', modes: BROWSE, panes: ['list', 'inspector'] },
  { command: 'confirmYes', keys: ['y', 'enter'], help: 'yes (any other key: no)', modes: ['confirm'] },
  { command: 'openLink', keys: ['enter'], help: 'open the link numbered', modes: ['link'] },
  { command: 'deleteChar', keys: ['backspace'], help: 'delete a digit', modes: ['link'] },
  { command: 'cancel', keys: ['esc'], help: 'cancel', modes: ['link'] },
  { command: 'copyUrl', keys: ['y'], help: 'copy the URL (path when none)', modes: BROWSE },
  { command: 'copyLink', keys: ['Y'], help: 'copy [title](url)', modes: BROWSE },
  { command: 'edit', keys: ['e'], help: 'open the file in $EDITOR ($PAGER, less)', modes: BROWSE },
  { command: 'showNew', keys: ['r'], help: 'show new articles (jump to the newest)', modes: BROWSE },
  { command: 'historyPrev', keys: ['alt+p', 'ctrl+r'], help: 'previous query from history', modes: SEARCH },
  { command: 'historyNext', keys: ['alt+n'], help: 'next query from history', modes: SEARCH },
  { command: 'viewAll', keys: ['0'], help: 'all articles (no saved view)', modes: BROWSE },
  ...VIEW_KEYS,
  // Digits reach nine views; `[` `]` step through every one (lazygit's keys for its tabs), All among them.
  { command: 'viewPrev', keys: ['['], help: 'previous saved view (round the end)', modes: BROWSE },
  { command: 'viewNext', keys: [']'], help: 'next saved view (reaches views past 9)', modes: BROWSE },
];

/** Whether a command switches the saved view (a digit, `0`, `[`, `]`): it changes the query in force, not the rows it acts on. */
export function switchesView(command: Command): boolean {
  return /^view(All|Prev|Next|[1-9])$/.test(command);
}

/** The command bound to a key name in a mode with a pane focused (and --multi or not), if any. */
export function lookup(name: string, mode: Mode, pane: PaneId, multi = false, table: readonly Binding[] = keymap): Command | undefined {
  for (const b of table) {
    if (b.multiOnly && !multi) continue;
    if (b.modes && !b.modes.includes(mode)) continue;
    if (b.panes && !b.panes.includes(pane)) continue;
    if (b.keys.includes(name)) return b.command;
  }
  return undefined;
}

/** The subset of Ink's `Key` that keyNames reads. */
export interface InkKey {
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  home?: boolean;
  end?: boolean;
  return?: boolean;
  escape?: boolean;
  tab?: boolean;
  backspace?: boolean;
  delete?: boolean;
  ctrl?: boolean;
  shift?: boolean;
  meta?: boolean;
}

/** One step of input: a named key, or printable text (kept whole so a pasted chunk inserts at once). */
export type KeyToken = { name: string } | { text: string };

const SPECIAL: ReadonlyArray<[keyof InkKey, string]> = [
  ['upArrow', 'up'],
  ['downArrow', 'down'],
  ['leftArrow', 'left'],
  ['rightArrow', 'right'],
  ['pageUp', 'pgup'],
  ['pageDown', 'pgdn'],
  ['home', 'home'],
  ['end', 'end'],
  ['return', 'enter'],
  ['escape', 'esc'],
  // Most terminals send DEL (0x7f) for Backspace, which Ink reports as `delete`.
  ['backspace', 'backspace'],
  ['delete', 'backspace'],
];

function controlName(ch: string): string | null {
  const code = ch.codePointAt(0) ?? 0;
  if (ch === '\r' || ch === '\n') return 'enter';
  if (ch === '\t') return 'tab';
  if (ch === '\x7f' || ch === '\b') return 'backspace';
  if (ch === '\x1b') return 'esc';
  if (code > 0 && code < 0x20) return `ctrl+${String.fromCharCode(code + 0x60)}`;
  if (code === 0 || (code >= 0x80 && code < 0xa0)) return '';
  return null;
}

/**
 * Turns one Ink input event into key tokens. Ink may hand over several keys as one string
 * (a paste, `tmux send-keys bitfarms`): printable runs become one text token and embedded
 * control characters (a trailing Enter) become their own named keys.
 */
export function keyNames(input: string, key: InkKey): KeyToken[] {
  if (key.tab) return [{ name: key.shift ? 'shift+tab' : 'tab' }];
  for (const [flag, name] of SPECIAL) if (key[flag]) return [{ name }];
  if (key.ctrl && input.length === 1) return [{ name: `ctrl+${input.toLowerCase()}` }];
  if (key.meta) return input ? [{ name: `alt+${input}` }] : [];
  const tokens: KeyToken[] = [];
  let text = '';
  for (const ch of input) {
    const control = controlName(ch);
    if (control === null) {
      text += ch;
      continue;
    }
    if (text) tokens.push({ text });
    text = '';
    if (control) tokens.push({ name: control });
  }
  if (text) tokens.push({ text });
  return tokens;
}

const PRETTY: Record<string, string> = {
  up: '↑',
  down: '↓',
  left: '←',
  right: '→',
  pgup: 'PgUp',
  pgdn: 'PgDn',
  home: 'Home',
  end: 'End',
  enter: 'Enter',
  esc: 'Esc',
  tab: 'Tab',
  'shift+tab': 'Shift-Tab',
  space: 'Space',
  backspace: 'Backspace',
};

/** A key name as the help overlay shows it ("ctrl+d" -> "Ctrl-d", "alt+p" -> "Alt-p", "down" -> "↓"). */
export function prettyKey(name: string): string {
  if (PRETTY[name]) return PRETTY[name];
  if (name.startsWith('ctrl+')) return `Ctrl-${name.slice(5)}`;
  // As the README writes it (Alt-p), beside Ctrl-r on the same help row.
  if (name.startsWith('alt+')) return `Alt-${name.slice(4)}`;
  return name;
}
