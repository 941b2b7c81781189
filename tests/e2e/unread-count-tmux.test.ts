// The status line's unread count in a real terminal, on a folder bigger than the list's first
// fetch (1,000 hits): exact over every match, never the `N+` count over the hits in hand, for the
// empty query and a word; fewer by the articles `m` marked; and Ctrl-C still exits at once.
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runNode } from '../helpers/run-child.js';
import { cli, startCli, type Started } from './tmux.js';
import { generatedCorpus, removeCorpus } from '../helpers/generated-corpus.js';

const FILES = 4_000;

let root: string;
let corpus: string;
let env: Record<string, string>;
let started: Started | undefined;

beforeAll(async () => {
  ({ root, corpus } = await generatedCorpus('cnt-unread-count-', FILES));
  env = { XDG_CACHE_HOME: path.join(root, 'cache'), XDG_CONFIG_HOME: path.join(root, 'config') };
}, 300_000);

afterAll(() => removeCorpus(root), 300_000);
afterEach(() => started?.s.close());

const fmt = (n: number): string => new Intl.NumberFormat('en-US').format(n);
/** How many articles --filter finds for `query` (every body searched): the exact match count. */
async function filterCount(query: string): Promise<number> {
  const r = await runNode([cli, '--filter', query, '--print', 'path', corpus], { env: { ...process.env, ...env } });
  return r.stdout.split('\n').filter(Boolean).length;
}
const plain = (drawn: string): string => drawn.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');

describe('the unread count on a folder bigger than the list', () => {
  it('is exact over every match (never N+), follows a mark, and Ctrl-C exits at once', async () => {
    const word = 'bitcoin';
    const matches = await filterCount(word);
    // More matches than the list fetches: the count cannot come from the hits in hand.
    expect(matches).toBeGreaterThan(1_000);
    started = startCli(120, 35, corpus, env);
    const { s, status } = started;
    const stream = s.record();
    // Every listed article (drafts and articles outside their publication window are not) unread.
    const everyListed = new RegExp(`([\\d,]{5,})/${fmt(FILES)} · \\1 unread`);
    await s.waitFor((t) => everyListed.test(t), 'every listed article unread', 60_000);
    s.send('/');
    s.type(word);
    await s.waitFor((t) => t.includes(`${fmt(matches)} unread`) && t.includes(`query: ${word}`), `the ${word} matches unread`);
    // No count over part of the matches was ever drawn.
    expect(plain(stream())).not.toMatch(/\d\+ unread/);
    // The mark of the selected row (a folded story's row marks each of its articles): that many fewer.
    s.send('Enter');
    s.send('m');
    const said = await s.waitFor((t) => /\d+ articles read|marked read/.test(t), 'the mark');
    const marked = Number(/(\d+) articles read/.exec(said)?.[1] ?? 1);
    await s.waitFor((t) => t.includes(`${fmt(matches - marked)} unread`), `${marked} fewer unread`);
    expect(plain(stream())).not.toMatch(/\d\+ unread/);
    s.send('C-c');
    expect(await s.waitForFile(status, 3_000)).toBe('exit=130\n');
  }, 240_000);
});
