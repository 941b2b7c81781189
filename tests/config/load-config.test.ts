import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/load-config.js';
import { didYouMean, lineOf } from '../../src/config/locate.js';
import { COMMANDS, isKeyName, KEY_CHECKS, keysClash, keysLockout, keysRefused, remapKeymap } from '../../src/state/keymap-remap.js';
import { keymap, lookup } from '../../src/state/keymap.js';
import { parseQuery } from '../../src/core/search/query.js';

const vocabulary = {
  commands: COMMANDS,
  isKeyName,
  queryError: (q: string): string | null => {
    try {
      parseQuery(q);
      return null;
    } catch (e) {
      return (e as Error).message;
    }
  },
};
const dirs: string[] = [];
function write(text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-config-'));
  dirs.push(dir);
  const file = path.join(dir, 'config.toml');
  fs.writeFileSync(file, text);
  return file;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function errorOf(text: string, words: Parameters<typeof loadConfig>[1] = vocabulary): ConfigError {
  try {
    loadConfig({ file: write(text) }, words);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('reads paths (with ~ expanded), views, keys and theme', () => {
    const file = write('paths = ["~/news", "/srv/feeds"]\ntheme = "light"\n[[views]]\nname = "BTC"\nquery = "tag:btc"\nsort = "date"\n[[views]]\nname = "Bad news"\nquery = "sentiment:negative"\n[keys]\ndown = ["n"]\n');
    const { config, source } = loadConfig({ file, home: '/home/ann' }, vocabulary);
    expect(source).toEqual({ kind: 'file', file, pathsLine: 1 });
    expect(config.paths).toEqual(['/home/ann/news', '/srv/feeds']);
    // A relative entry, from the config file's folder.
    const relative = loadConfig({ file: write('paths = ["feeds", "../sibling/x", "./y"]\n') }, KEY_CHECKS);
    const folder = path.dirname((relative.source as { file: string }).file);
    expect(relative.config.paths).toEqual([path.join(folder, 'feeds'), path.resolve(folder, '../sibling/x'), path.join(folder, 'y')]);
    expect(relative.source).toMatchObject({ kind: 'file', pathsLine: 1 });
    expect(config.theme).toBe('light');
    expect(config.views).toEqual([{ name: 'BTC', query: 'tag:btc', sort: 'date' }, { name: 'Bad news', query: 'sentiment:negative' }]);
    expect(config.keys).toEqual({ down: ['n'] });
  });

  it('finds the default file under XDG_CONFIG_HOME, and a missing one is not an error', () => {
    const file = write('theme = "mono"\n');
    const env = { XDG_CONFIG_HOME: path.dirname(path.dirname(file)) };
    fs.mkdirSync(path.join(path.dirname(file), 'crypto-news-tui'));
    fs.renameSync(file, path.join(path.dirname(file), 'crypto-news-tui', 'config.toml'));
    expect(loadConfig({ env: { XDG_CONFIG_HOME: path.dirname(file) } }, vocabulary).config.theme).toBe('mono');
    const missing = loadConfig({ env: { XDG_CONFIG_HOME: '/nonexistent-cnt' } }, vocabulary);
    expect(missing.source.kind).toBe('missing');
    expect(missing.config.paths).toEqual([]);
    expect(env.XDG_CONFIG_HOME).toBeTruthy();
  });

  it('--no-config ignores even a broken file; --config naming a missing file is an error', () => {
    expect(loadConfig({ disabled: true, file: write('nonsense = = =') }, vocabulary).source.kind).toBe('disabled');
    expect(() => loadConfig({ file: '/nonexistent-cnt/config.toml' }, vocabulary)).toThrow(/no such file/);
  });

  it('an unknown key names file, line and key with a suggestion', () => {
    const e = errorOf('theme = "dark"\npahts = ["~/news"]\n');
    expect(e.line).toBe(2);
    expect(e.message).toMatch(/config\.toml:2: unknown key "pahts" \(did you mean "paths"\?\)$/);
  });

  it('a TOML syntax error names its line and the key whose value it is in', () => {
    const e = errorOf('theme = "dark"\n\npaths = ["a"\n');
    expect(e.message).toMatch(/config\.toml:3: "paths": value not closed \(TOML syntax: .*, line 4\)$/);
  });

  it('a value left open is reported at its key, with the line where parsing stopped', () => {
    expect(errorOf('paths = [').message).toMatch(/config\.toml:1: "paths": TOML syntax: unfinished array$/);
    const eof = errorOf('theme = "dark"\npaths = [\n');
    expect([eof.line, eof.detail]).toEqual([2, '"paths": value not closed (TOML syntax: invalid value, line 3)']);
    // The next key's line is where smol-toml stops; the key to fix is the open array's.
    const next = errorOf('theme = "dark"\npaths = ["a",\n  "b"  # the feeds ]\nsort = 3\n');
    expect(next.line).toBe(2);
    expect(next.detail).toMatch(/^"paths": value not closed \(TOML syntax: .*, line 4\)$/);
    const table = errorOf('[keys]\n"j" = ["down"\n');
    expect([table.line, table.detail.startsWith('"keys.j": value not closed')]).toEqual([2, true]);
    const views = errorOf('[[views]]\nname = "x"\nquery = """tag:btc\n');
    expect(views.message).toMatch(/:3: "views\.query": value not closed \(a multi-line string with no closing triple quote\)$/);
  });

  it('a one-line string whose closing quote is missing is a value not closed, at its key, whatever follows it', () => {
    // smol-toml reads the line break into the string and reports a control character.
    expect(errorOf('theme = "dark\npaths = []\n').message).toMatch(/config\.toml:1: "theme": value not closed \(a string with no closing quote\)$/);
    expect(errorOf('[[views]]\nname = "a"\nquery = "tag:btc\nsort = "date"\n').message).toMatch(/:3: "views\.query": value not closed \(a string with no closing quote\)$/);
    expect(errorOf('paths = ["~/news", "~/more\n').detail).toBe('"paths": value not closed (a string with no closing quote)');
    expect(errorOf("theme = 'dark\n").detail).toBe('"theme": value not closed (a string with no closing quote)');
    // Inside an array still open on later lines: at the string's own line, not TOML's "control characters".
    expect(errorOf('paths = [\n  "a",\n  "b\n]\n').message).toMatch(/config\.toml:3: "paths": value not closed \(a string with no closing quote\)$/);
    expect(errorOf('views = [\n  { name = "a", query = "b },\n]\n').message).toMatch(/config\.toml:2: "views": value not closed \(a string with no closing quote\)$/);
    expect(errorOf('views = [\n  { name = "a", query = "b" },\n  { name = "c", query = """d\n]\n').message).toMatch(/config\.toml:3: "views": value not closed \(a multi-line string with no closing triple quote\)$/);
    // A multi-line string never closed runs to the end of the file: told at its key, not as TOML's "unfinished string".
    expect(errorOf('theme = """dark\n\n[keys]\nquit = "q"\n').message).toMatch(/config\.toml:1: "theme": value not closed \(a multi-line string with no closing triple quote\)$/);
    expect(errorOf("paths = ['a']\ntheme = '''dark\n").message).toMatch(/config\.toml:2: "theme": value not closed \(a multi-line string/);
    // A closed string with an escaped quote in it is not open.
    expect(errorOf('theme = "da\\"rk"\n').detail).toMatch(/should be one of/);
  });

  it('a syntax error on a line with no key names only the line; a bracket inside a string opens nothing', () => {
    const e = errorOf('theme = "dark"\ngarbage here\n');
    expect([e.line, e.detail]).toEqual([2, 'TOML syntax: illegal character in key']);
    const s = errorOf('paths = ["a[b", "c{"]\ntheme = "dark" x\n');
    expect(s.line).toBe(2);
    expect(s.detail).toMatch(/^"theme": TOML syntax/);
  });

  it('a view whose query would be refused is an error with its line; hot is a sort a view may use', () => {
    const e = errorOf('[[views]]\nname = "Bitcoin"\nquery = "tag:btc since:yesterday"\n');
    expect(e.message).toMatch(/:3: view "Bitcoin" has a bad query: .*since:yesterday/);
    const file = write('[[views]]\nname = "Hot"\nquery = ""\nsort = "hot"\n');
    expect(loadConfig({ file }, vocabulary).config.views).toEqual([{ name: 'Hot', query: '', sort: 'hot' }]);
  });

  it("the README's example config loads as written, its is:unread view included", () => {
    const readme = fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    const example = /```toml\n([\s\S]*?)```/.exec(readme)![1];
    const { views, keys } = loadConfig({ file: write(example) }, { ...vocabulary, ...KEY_CHECKS }).config;
    // An entry replaces a command's keys: the example lists the arrow it keeps (found by a tester:
    // its `down = ["j", "n"]` silently dropped ↓).
    const table = remapKeymap(keys);
    for (const command of Object.keys(keys)) {
      const arrows = keymap.filter((b) => b.command === command && b.modes?.includes('browse')).flatMap((b) => b.keys.filter((k) => ['up', 'down', 'left', 'right'].includes(k)));
      for (const arrow of arrows) expect(lookup(arrow, 'browse', 'list', false, table), `${command} keeps ${arrow}`).toBe(command);
    }
    expect(lookup('down', 'browse', 'list', false, table)).toBe('down');
    expect(views).toEqual([
      { name: 'Bitcoin', query: 'tag:btc' },
      { name: 'Unread gloom', query: 'is:unread sentiment:negative', sort: 'date' },
    ]);
  });

  it('wrong types, unknown themes, sorts, commands and key names are errors with their line', () => {
    expect(errorOf('paths = "~/news"\n').message).toMatch(/:1: "paths" should be a list of strings, not a string/);
    // The item that is wrong, not "not an array" (a tester's `down = [1]`).
    expect(errorOf('paths = ["~/news", 1]\n').message).toMatch(/:1: "paths" should be a list of strings; item 2 is a number$/);
    expect(errorOf('[keys]\ndown = [1]\n', KEY_CHECKS).message).toMatch(/:2: "keys\.down" should be a list of strings; item 1 is a number$/);
    expect(errorOf('theme = "solarized"\n').message).toMatch(/:1: "theme" should be one of dark, light, mono/);
    expect(errorOf('[[views]]\nname = "a"\nquery = "b"\n[[views]]\nname = "c"\nquery = "d"\nsort = "random"\n').message).toMatch(/:7: view "c": "sort" should be one of relevance, date, title, score, hot, not "random"$/);
    // In an array of inline tables: which view, at its entry's line.
    expect(errorOf('views = [\n  { name = "a", query = "b" },\n  { name = "c", query = "d", sort = "x" },\n]\n').message).toMatch(/:3: view "c": "sort" should be one of/);
    expect(errorOf('[[views]]\nname = "a"\nqeury = "b"\n').message).toMatch(/:3: unknown key "views.qeury" \(did you mean "query"\?\)/);
    expect(errorOf('[keys]\ndwon = ["j"]\n').message).toMatch(/:2: unknown command "dwon" in \[keys\] \(did you mean "down"\? /);
    expect(errorOf('[keys]\nfrobnicate = ["j"]\n').message).toMatch(/:2: unknown command "frobnicate" in \[keys\] \(--print-config lists the commands with their keys\)/);
    expect(errorOf('[keys]\ndown = ["ctrl+shift+meta+x"]\n').message).toMatch(/:2: "keys.down": unknown key name "ctrl\+shift\+meta\+x"/);
    expect(errorOf('[[views]]\nname = "a"\n').message).toMatch(/view 1 has no "query"/);
  });

  it('a view missing its name or query is told at its [[views]] header', () => {
    expect(errorOf('theme = "dark"\n[[views]]\nquery = "tag:btc"\n').message).toMatch(/config\.toml:2: view 1 has no "name"$/);
    expect(errorOf('[[views]]\nname = "a"\nquery = "b"\n\n[[views]]\nname = "c"\n').message).toMatch(/config\.toml:5: view 2 has no "query"$/);
    // Views written as an array of inline tables: the entry's own line (TOML keeps an inline table on one line).
    expect(errorOf('theme = "dark"\nviews = [\n  { name = "BTC", query = "coin:btc" },\n  { query = "coin:eth" },\n]\n').message).toMatch(/config\.toml:4: view 2 has no "name"$/);
    expect(errorOf('views = [ { name = "x", query = "{[" }, { name = "y" } ]\n').message).toMatch(/config\.toml:1: view 2 has no "query"$/);
    expect(errorOf('views = [\n  { name = "a", query = "b", sort = "nope" },\n]\n').message).toMatch(/config\.toml:2: /);
  });

  it('two [keys] entries giving one key to commands of the same mode are refused, at the later entry, naming the other', () => {
    const clash = errorOf('[keys]\nquit = ["j"]\ndown = ["j", "n"]\n', { ...vocabulary, keysClash });
    expect(clash.message).toMatch(/config\.toml:3: "keys\.down": "j" is also given to "quit" \(line 2\); one key runs one command$/);
    // A search-only command and a browse command may share a key: one mode reads it each.
    expect(() => loadConfig({ file: write('[keys]\ndeleteWord = ["ctrl+x"]\nquit = ["ctrl+x"]\n') }, { ...vocabulary, keysClash })).not.toThrow();
    // In an inline table no line can be told: none is made up.
    expect(errorOf('keys = { quit = ["j"], down = ["j"] }\n', { ...vocabulary, keysClash }).detail).toBe('"keys.down": "j" is also given to "quit"; one key runs one command');
    // A key taken from a command that was not remapped is no clash (the user's choice wins).
    expect(() => loadConfig({ file: write('[keys]\nquit = ["j"]\n') }, { ...vocabulary, keysClash })).not.toThrow();
  });

  it('Ctrl-C cannot be given to another command nor taken from cancel: it cancels from anywhere', () => {
    // Found by a tester: with `down = ["ctrl+c"]` Ctrl-C moved the cursor and nothing cancelled.
    const given = errorOf('theme = "dark"\n[keys]\ndown = ["j", "ctrl+c"]\n', KEY_CHECKS);
    expect(given.message).toMatch(/config\.toml:3: "keys\.down": "ctrl\+c" cancels from anywhere; it cannot be given to another command$/);
    expect(errorOf('[keys]\nquit = "ctrl+c"\n', KEY_CHECKS).message).toMatch(/config\.toml:2: "keys\.quit": "ctrl\+c" cancels/);
    expect(errorOf('[keys]\ncancel = ["ctrl+g"]\n', KEY_CHECKS).message).toMatch(/config\.toml:2: "keys\.cancel": "ctrl\+c" cancels from anywhere; keep it among "cancel"'s keys$/);
    expect(loadConfig({ file: write('[keys]\ncancel = ["ctrl+c", "ctrl+g"]\n') }, KEY_CHECKS).config.keys).toEqual({ cancel: ['ctrl+c', 'ctrl+g'] });
  });

  it('an entry that takes the only key of choose or quit is refused, naming the key and the command left without one', () => {
    // Found by a tester: `startSearch = ["enter"]` left no key that prints the selection.
    const chose = errorOf('[keys]\ntoggleSaved = ["S"]\nstartSearch = ["/", "enter"]\n', KEY_CHECKS);
    expect(chose.message).toMatch(/config\.toml:3: "keys\.startSearch": takes "enter" from "choose", which is left with no key; give "choose" another key in \[keys\]$/);
    expect(errorOf('[keys]\ntoggleSaved = ["q"]\n', KEY_CHECKS).message).toMatch(/config\.toml:2: "keys\.toggleSaved": takes "q" from "quit", which is left with no key/);
    // Given a key of their own, both may lose their defaults.
    const fine = '[keys]\nstartSearch = ["enter"]\nchoose = ["ctrl+o"]\ntoggleSaved = ["q"]\nquit = ["Q"]\n';
    expect(Object.keys(loadConfig({ file: write(fine) }, KEY_CHECKS).config.keys)).toEqual(['startSearch', 'choose', 'toggleSaved', 'quit']);
    // A key read in another mode takes nothing from them.
    expect(() => loadConfig({ file: write('[keys]\nendSearch = ["enter", "esc"]\n') }, KEY_CHECKS)).not.toThrow();
  });

  it('a key name or theme holding control characters is shown escaped, not blanked by the sanitiser', () => {
    expect(errorOf('[keys]\ndown = ["\\u001b[2J"]\n').message).toContain('"keys.down": unknown key name "\\u001b[2J"');
    expect(errorOf('theme = "da\\u0007rk"\n').message).toContain('not "da\\u0007rk"');
  });
});

describe('locate', () => {
  it('finds keys in tables and arrays of tables', () => {
    const src = 'a = 1\n[[views]]\nname = "x"\n[[views]]\n  name = "y"\n[keys]\n"down" = ["j"]\n';
    expect(lineOf(src, ['a'])).toBe(1);
    expect(lineOf(src, ['views', 1, 'name'])).toBe(5);
    expect(lineOf(src, ['keys', 'down'])).toBe(7);
    expect(lineOf(src, ['nope'])).toBeNull();
  });
  it('suggests close names only', () => {
    expect(didYouMean('thme', ['paths', 'theme'])).toBe('theme');
    expect(didYouMean('zzzzzz', ['paths', 'theme'])).toBeNull();
  });
});

describe('remapKeymap', () => {
  it('replaces a command browse keys and leaves its search binding alone', () => {
    const table = remapKeymap({ down: ['n'], toggleSaved: ['S'] });
    expect(lookup('n', 'browse', 'list', false, table)).toBe('down');
    expect(lookup('j', 'browse', 'list', false, table)).toBeUndefined();
    expect(lookup('ctrl+n', 'search', 'list', false, table)).toBe('down');
    expect(lookup('S', 'browse', 'list', false, table)).toBe('toggleSaved');
  });
  it('takes a remapped key from the command that had it, so the user choice wins and ? lists it once', () => {
    const table = remapKeymap({ quit: ['j'] });
    expect(lookup('j', 'browse', 'list', false, table)).toBe('quit');
    expect(lookup('down', 'browse', 'list', false, table)).toBe('down');
    expect(table.filter((b) => b.keys.includes('j')).map((b) => b.command)).toEqual(['quit']);
    expect(lookup('q', 'browse', 'list', false, table)).toBeUndefined();
  });
  it('refuses control keys a terminal sends as Enter, Tab or Backspace, naming file, line and key', () => {
    // Found by a tester: `markAllRead = ["ctrl+m"]` was taken, and Ctrl-M chose the article and quit.
    expect(keysRefused('markAllRead', ['ctrl+m'])).toBe('"ctrl+m" reaches the program as Enter (a terminal sends the same byte for both); use another key');
    expect(keysRefused('toggleRead', ['x', 'ctrl+j'])).toMatch(/"ctrl\+j" reaches the program as Enter/);
    expect(keysRefused('toggleSaved', ['ctrl+i'])).toMatch(/as Tab/);
    expect(keysRefused('down', ['ctrl+h'])).toMatch(/as Backspace/);
    expect(errorOf('theme = "dark"\n[keys]\nmarkAllRead = ["ctrl+m"]\n', KEY_CHECKS).message).toMatch(/config\.toml:3: "keys\.markAllRead": "ctrl\+m" reaches the program as Enter/);
  });
  it('keysRefused: Ctrl-C belongs to cancel', () => {
    expect(keysRefused('down', ['ctrl+c'])).toMatch(/cannot be given to another command/);
    expect(keysRefused('cancel', ['esc'])).toMatch(/keep it among "cancel"'s keys/);
    expect(keysRefused('cancel', ['ctrl+c', 'ctrl+g'])).toBeNull();
    expect(keysRefused('down', ['ctrl+n'])).toBeNull();
  });
  it.each([
    [{ startSearch: ['enter'] }, { command: 'startSearch', lost: 'choose', key: 'enter' }],
    [{ focusNext: ['tab', 'enter'] }, { command: 'focusNext', lost: 'choose', key: 'enter' }],
    [{ toggleSaved: ['q'] }, { command: 'toggleSaved', lost: 'quit', key: 'q' }],
    [{ startSearch: ['enter'], choose: ['ctrl+o'] }, null],
    [{ quit: ['x'], toggleSaved: ['q'] }, null],
    [{ endSearch: ['enter'] }, null],
  ])('keysLockout %j -> %j', (remaps, expected) => expect(keysLockout(remaps)).toEqual(expected));
  it('knows key names', () => {
    for (const k of ['j', 'G', '*', 'enter', 'ctrl+x', 'alt+p', 'shift+tab', 'pgdn']) expect(isKeyName(k)).toBe(true);
    for (const k of ['', 'jj', 'ctrl+', 'hyper+x', 'ctrl+1']) expect(isKeyName(k)).toBe(false);
  });
});
