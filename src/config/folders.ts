// Where the program keeps its files, by the XDG Base Directory rules: configuration in
// $XDG_CONFIG_HOME, reading state in $XDG_STATE_HOME (never the cache: deleting the cache must
// lose nothing), each falling back to its ~/.config or ~/.local/state default. A relative XDG
// value is ignored, as the specification says.
import os from 'node:os';
import path from 'node:path';

const APP = 'crypto-news-tui';

function xdg(env: NodeJS.ProcessEnv, name: string, home: string, fallback: string): string {
  const value = env[name];
  return path.join(value && path.isAbsolute(value) ? value : path.join(home, fallback), APP);
}

/** The default config file: $XDG_CONFIG_HOME/crypto-news-tui/config.toml, else ~/.config/crypto-news-tui/config.toml. */
export function defaultConfigFile(env: NodeJS.ProcessEnv = process.env, home: string = os.homedir()): string {
  return path.join(xdg(env, 'XDG_CONFIG_HOME', home, '.config'), 'config.toml');
}

/** The state folder (read/saved marks, sessions, search history): $XDG_STATE_HOME/crypto-news-tui, else ~/.local/state/crypto-news-tui. */
export function stateDirectory(env: NodeJS.ProcessEnv = process.env, home: string = os.homedir()): string {
  return xdg(env, 'XDG_STATE_HOME', home, path.join('.local', 'state'));
}

/** `~` and `~/x` made absolute against `home`; other paths unchanged (`~user` is not expanded). */
export function expandHome(p: string, home: string = os.homedir()): string {
  if (p === '~') return home;
  if (p.startsWith('~/')) return path.join(home, p.slice(2));
  return p;
}
