// A warm start of a folder of several thousand files in a real terminal: while the files are
// checked against the index, the status line counts the rows read ("loading 4,096 / 4,500"). At a
// million files that check takes from half a minute to minutes under load, and the status line
// said "finding files… 999,4xx" (a walk count short of the folder's) all along.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { nodeOutput } from '../helpers/run-child.js';
import { hasTmux, TmuxSession } from './tmux.js';

const repo = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(repo, 'dist', 'cli.js');
const COUNT = 4_500;

let root: string;
let session: TmuxSession | undefined;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-warm-progress-e2e-'));
  for (const folder of ['a', 'b']) fs.mkdirSync(path.join(root, 'news', folder), { recursive: true });
  for (let i = 0; i < COUNT; i++) {
    const day = `2025-11-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z`;
    fs.writeFileSync(path.join(root, 'news', i % 2 ? 'a' : 'b', `n${i}.md`), `---\ntitle: Note ${i}\nsource: wire\npublishedAt: '${day}'\nsentiment: POSITIVE\n---\nBody ${i}.\n`);
  }
});
afterEach(() => session?.close());
afterAll(() => fs.rmSync(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }));

describe('a warm start checking its files, in a real terminal', () => {
  it('counts the rows read from the index in the status line, up to the loaded list', async () => {
    if (!hasTmux()) throw new Error('tmux is required for the terminal end-to-end tests (.ci/run installs it)');
    const env = { XDG_CACHE_HOME: path.join(root, 'cache'), XDG_CONFIG_HOME: path.join(root, 'config') };
    const fmt = COUNT.toLocaleString('en-US');
    const loaded = (t: string) => t.includes('? help') && t.includes(`${fmt}/${fmt}`) && !/loading|finding files|indexing text/.test(t);
    // The index built first, its full text included (a --filter run ends once it is in): the
    // dashboard's run is then warm, every row fresh.
    const news = path.join(root, 'news');
    await nodeOutput([cli, '--filter', 'note', '--print', 'path', news], { env: { ...process.env, ...env } });
    const s = new TmuxSession(120, 30, repo, env);
    session = s;
    const status = path.join(s.dir, 'status.txt');
    const stream = s.record();
    s.type(`node ${cli} ${news} > /dev/null; echo "exit=$?" > ${status}`);
    s.send('Enter');
    await s.waitFor(loaded, 'the loaded list', 60_000);
    s.send('q');
    await s.waitForFile(status);
    // Everything the program drew, its escape sequences taken out.
    const drawn = stream().replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
    // The first report of the rows read is drawn at once (the dashboard spaces the later ones).
    expect(drawn).toContain(`loading 4,096 / ${fmt}`);
    // Before the change the status went from the walk's count to the whole load at once.
    expect(drawn.indexOf(`loading 4,096 / ${fmt}`)).toBeGreaterThan(drawn.indexOf('finding files…'));
  }, 300_000);
});
