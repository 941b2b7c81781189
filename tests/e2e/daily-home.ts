// The daily-driver terminal tests' shared set-up: a private home (config, state and cache folders,
// a news folder of a few articles) and the built dashboard started in tmux on it, with its stdout
// and exit status kept in files. A test file calls dailyHarness once at its top; the harness closes
// the session and removes the home after every test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect } from 'vitest';
import { cli, startCli, type Started, type TmuxSession } from './tmux.js';

export { cli };

/** A config opening the news folder (NEWS) with two saved views: Bitcoin (tag:btc) and Gloom (negative). */
export const CONFIG = `paths = ["NEWS"]
[[views]]
name = "Bitcoin"
query = "tag:btc"
[[views]]
name = "Gloom"
query = "sentiment:negative"
`;

/** One article of the news folder, published on day `day` of November 2025 at 10:00 UTC. */
export interface DailyArticle {
  name: string;
  day: number;
  title: string;
  /** Front-matter lines after the title and date, each ending in a newline. */
  extra: string;
  body: string;
}

/** A private home: its folder, the environment that points the program at it, and its news folder. */
export interface DailyHome {
  home: string;
  env: Record<string, string>;
  news: string;
}

/** The harness of one test file (see the top of this file). */
export function dailyHarness(prefix: string) {
  let session: TmuxSession | undefined;
  let home: string | undefined;
  afterEach(() => {
    session?.close();
    session = undefined;
    // The killed program may still be finishing a cache write.
    if (home) fs.rmSync(home, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    home = undefined;
  });
  return {
    /** Makes the home with `articles` in news/ and, unless null, `config` (NEWS: the news folder's path) as its config file. */
    makeHome(config: string | null, articles: readonly DailyArticle[]): DailyHome {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
      home = dir;
      const news = path.join(dir, 'news');
      fs.mkdirSync(news);
      for (const a of articles) {
        fs.writeFileSync(path.join(news, `${a.name}.md`), `---\ntitle: ${a.title}\npublishedAt: '2025-11-${a.day}T10:00:00Z'\n${a.extra}---\n\n${a.body}`);
      }
      const env = {
        HOME: dir,
        // The shell must not write its history into the home being removed.
        HISTFILE: '/dev/null',
        XDG_CONFIG_HOME: path.join(dir, 'config'),
        XDG_STATE_HOME: path.join(dir, 'state'),
        XDG_CACHE_HOME: path.join(dir, 'cache'),
      };
      if (config !== null) {
        fs.mkdirSync(path.join(env.XDG_CONFIG_HOME, 'crypto-news-tui'), { recursive: true });
        fs.writeFileSync(path.join(env.XDG_CONFIG_HOME, 'crypto-news-tui', 'config.toml'), config.replaceAll('NEWS', news));
      }
      return { home: dir, env, news };
    },

    /** Starts the dashboard in a new session (closing the previous one) as a person would type it. */
    start(env: Record<string, string>, { args = '', width = 120, height = 30 }: { args?: string; width?: number; height?: number } = {}): Started {
      session?.close();
      const started = startCli(width, height, args, env);
      session = started.s;
      return started;
    },

    /** Quits with `q` and checks the cancelled exit code. */
    async quit({ s, status }: Pick<Started, 's' | 'status'>): Promise<void> {
      s.send('q');
      expect(await s.waitForFile(status)).toBe('exit=130\n');
    },
  };
}
