// What the built CLI refuses before it opens the dashboard, run as a child with stdout piped (no
// terminal needed: each refusal comes before the dashboard looks for one): a `[keys]` table that
// would leave no way to cancel, choose or quit, and a `-q` query that does not parse. Each stops
// with exit 2 and one message on stderr, nothing on stdout.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-child.js';

const repo = path.resolve(import.meta.dirname, '..', '..');
const homes: string[] = [];
afterEach(() => {
  for (const h of homes.splice(0)) fs.rmSync(h, { recursive: true, force: true });
});

/** A private home whose default config file (XDG_CONFIG_HOME) holds `config`: the file and the environment pointing at it. */
function home(config: string | null): { file: string; env: NodeJS.ProcessEnv } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-refusals-'));
  homes.push(dir);
  const file = path.join(dir, 'config', 'crypto-news-tui', 'config.toml');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (config !== null) fs.writeFileSync(file, config);
  const env = { ...process.env, NO_COLOR: '1', HOME: dir, XDG_CONFIG_HOME: path.join(dir, 'config'), XDG_STATE_HOME: path.join(dir, 'state'), XDG_CACHE_HOME: path.join(dir, 'cache') };
  return { file, env };
}

const news = path.join(repo, 'data', 'news');

describe('a [keys] table that locks the user in or out is refused before the dashboard', () => {
  it('Ctrl-C given to another command: one message naming the file, the line and the key, exit 2', async () => {
    const { file, env } = home('theme = "dark"\n[keys]\ndown = ["j", "ctrl+c"]\n');
    for (const args of [[news], ['-f', 'bitcoin', news]]) {
      const r = await runCli(args, { env, cwd: repo });
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`crypto-news-tui: ${file}:3: "keys.down": "ctrl+c" cancels from anywhere; it cannot be given to another command\n`);
    }
  });

  it('an entry that takes the only key of choose or of quit, naming the key it took', async () => {
    const chose = home('[keys]\nstartSearch = ["enter"]\n');
    const r = await runCli([news], { env: chose.env, cwd: repo });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`crypto-news-tui: ${chose.file}:2: "keys.startSearch": takes "enter" from "choose", which is left with no key; give "choose" another key in [keys]\n`);
    const quit = home('[keys]\ntoggleSaved = ["S"]\ntoggleRead = ["q"]\n');
    const q = await runCli([news], { env: quit.env, cwd: repo });
    expect(q.status).toBe(2);
    expect(q.stderr).toBe(`crypto-news-tui: ${quit.file}:3: "keys.toggleRead": takes "q" from "quit", which is left with no key; give "quit" another key in [keys]\n`);
    // Given keys of their own, the same remaps are taken.
    const fine = home('[keys]\nstartSearch = ["enter"]\nchoose = ["ctrl+o"]\ntoggleRead = ["q"]\nquit = ["Q"]\n');
    const ok = await runCli(['-f', 'bitcoin', '-n', '1', news], { env: fine.env, cwd: repo });
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
  });
});

describe('-q with a query that does not parse', () => {
  it('stops before the dashboard with --filter\'s message and exit 2', async () => {
    // Found by a tester: `-q 'foo:bar'` opened the dashboard on `Articles 0/0` and `no matches for "foo:bar"`.
    const { env } = home(null);
    // Found by a tester: `-f -` listed every article (a lone `-` negated nothing).
    // And `hack OR drained` read OR as a word (no operators in the language).
    for (const query of ['foo:bar', 'bitcoin since:yesterday', 'etf "spot', '-', 'bitcoin -', 'hack OR drained', 'bitcoin | ether', 'NOT etf']) {
      const filtered = await runCli(['-f', query, news], { env, cwd: repo });
      expect(filtered.status).toBe(2);
      expect(filtered.stderr).toMatch(/^crypto-news-tui: bad query: /);
      const dashboard = await runCli(['-q', query, news], { env, cwd: repo });
      expect(dashboard.status).toBe(2);
      expect(dashboard.stdout).toBe('');
      expect(dashboard.stderr).toBe(filtered.stderr);
    }
    expect((await runCli(['-q', 'foo:bar', news], { env, cwd: repo })).stderr).toBe('crypto-news-tui: bad query: unknown field "foo" in "foo:bar" (fields: tag, source, category, sentiment, lang, since, until, is, coin)\n');
    expect((await runCli(['-f', '-', news], { env, cwd: repo })).stderr).toBe('crypto-news-tui: bad query: a lone - negates nothing (write -word to leave out the articles holding a word)\n');
    // A query that parses goes on to the dashboard (here: no terminal to draw it on).
    const fine = await runCli(['-q', 'is:unread bitcoin', news], { env, cwd: repo });
    expect(fine.status).toBe(2);
    expect(fine.stderr).toMatch(/^crypto-news-tui: no terminal to draw the dashboard on\n/);
  });
});
