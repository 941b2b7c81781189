// Found by a tester: with another program holding state.db's write lock (`sqlite3 state.db`, then
// `BEGIN IMMEDIATE;` left open), `m` froze the whole dashboard for ~5 s, the keys typed meanwhile
// applied afterwards, and the mark was lost. At 80x24: the mark shows at once, keys go on, the
// status line says the marks wait, and they are written once the lock is free (a restart shows
// them); a lock still held at `q` gets a last try, then one line on stderr names the file and how
// many articles' marks were not saved, the exit status unchanged.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dailyHarness, type DailyArticle } from './daily-home.js';

const daily = dailyHarness('cnt-locked-');
const ARTICLES: DailyArticle[] = [
  { name: 'alpha', day: 13, title: 'Alpha Bitcoin Rally', extra: '', body: 'Body of alpha.\n' },
  { name: 'beta', day: 14, title: 'Beta Ether Upgrade', extra: '', body: 'Body of beta.\n' },
];
const statusLine = (screen: string): string => screen.trimEnd().split('\n').at(-1) ?? '';
const rowOf = (screen: string, title: string): string => screen.split('\n').find((l) => l.includes(title)) ?? '';
const repo = path.resolve(import.meta.dirname, '..', '..');

// Another program holding the write lock until told to let go (a line on its stdin).
let locker: ChildProcess | null = null;
afterEach(() => {
  locker?.kill();
  locker = null;
});
async function holdLock(file: string): Promise<() => Promise<void>> {
  const code = `
    const db = new (require('better-sqlite3'))(${JSON.stringify(file)});
    db.exec('BEGIN IMMEDIATE');
    process.stdout.write('locked\\n');
    process.stdin.once('data', () => { db.exec('ROLLBACK'); db.close(); process.exit(0); });`;
  const child = spawn(process.execPath, ['-e', code], { cwd: repo, stdio: ['pipe', 'pipe', 'inherit'] });
  locker = child;
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once('data', () => resolve());
    child.once('exit', (c) => reject(new Error(`locker exited ${c}`)));
  });
  return () =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.stdin!.write('go\n');
    });
}

describe('marks while another program holds state.db locked', () => {
  it('show at once, keys go on, and they are written once the lock is free', async () => {
    const { env, news } = daily.makeHome(null, ARTICLES);
    const started = daily.start(env, { args: news, width: 80, height: 24 });
    await started.s.waitFor((t) => /▶.*Beta Ether/.test(t) && t.includes('2/2') && t.includes('? help'), 'the list');
    const release = await holdLock(path.join(env.XDG_STATE_HOME, 'crypto-news-tui', 'state.db'));
    const began = Date.now();
    started.s.send('m');
    started.s.send('j');
    // Both keys applied well before the old 5 s wait: the row read, the cursor moved on.
    // The status notice follows the failed write (its busy timeout), so it may come a frame after
    // the mark and the move: waited for together, all within the bound.
    const marked = await started.s.waitFor(
      (t) => !rowOf(t, 'Beta Ether').includes('◆') && /▶.*Alpha Bitcoin/.test(t) && statusLine(t).includes('marks not saved yet'),
      'the mark, the move and the notice',
      4000,
    );
    expect(Date.now() - began).toBeLessThan(4000);
    expect(statusLine(marked)).toContain('marks not saved yet: state.db is locked');
    await release();
    await started.s.waitFor((t) => statusLine(t).includes('marks saved to state.db'), 'the marks written');
    await daily.quit(started);

    const again = daily.start(env, { args: news, width: 80, height: 24 });
    const shown = await again.s.waitFor((t) => t.includes('Beta Ether') && t.includes('2/2') && t.includes('? help'), 'the list again');
    expect(rowOf(shown, 'Beta Ether')).not.toContain('◆');
    expect(rowOf(shown, 'Alpha Bitcoin')).toContain('◆');
    await daily.quit(again);
  });

  it('still locked at q: a last try, then stderr names the file and the count; the exit status stays', async () => {
    const { env, news } = daily.makeHome(null, ARTICLES);
    const started = daily.start(env, { args: news, width: 80, height: 24 });
    await started.s.waitFor((t) => /▶.*Beta Ether/.test(t) && t.includes('2/2') && t.includes('? help'), 'the list');
    const file = path.join(env.XDG_STATE_HOME, 'crypto-news-tui', 'state.db');
    const release = await holdLock(file);
    started.s.send('m');
    await started.s.waitFor((t) => statusLine(t).includes('marks not saved yet'), 'the marks waiting');
    await daily.quit(started);
    const screen = await started.s.waitFor((t) => t.includes('not saved:'), 'the exit message');
    expect(screen.replace(/\n/g, '')).toContain(`crypto-news-tui: marks of 1 article not saved: ${file} is locked by another program`);
    await release();
  });
});
