// A dashboard start against a given reading state, timed from outside as a user sees it: the CLI
// in tmux (120x35) under /usr/bin/time, its screen polled every 25 ms for the list's first row and
// for the status line's unread count; `q` once the count is drawn; then the process's CPU (user +
// system, all threads) and peak RSS. The state folder is copied first (the run writes into it).
//   node scripts/bench/state-start.mjs CLI_JS STATE_HOME [FOLDER] [--runs N] [--prime]
// (issue 10: a state.db of a million rows made by make-state.mjs.)
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 1;
// --prime: run in the state folder itself (to record a folder's first sight once before measuring).
const prime = args.includes('--prime') && !!args.splice(args.indexOf('--prime'), 1);
const [cli, stateHome, folder] = args;
if (!cli || !stateHome) {
  console.error('usage: state-start.mjs CLI_JS STATE_HOME [FOLDER] [--runs N]');
  process.exit(2);
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const screen = (s) => spawnSync('tmux', ['capture-pane', '-p', '-t', s], { encoding: 'utf8' }).stdout ?? '';

async function once(n) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'state-start-'));
  const state = prime ? path.resolve(stateHome) : path.join(work, 'state');
  if (!prime) fs.cpSync(stateHome, state, { recursive: true });
  const timeFile = path.join(work, 'time');
  const session = `state1m-probe-${process.pid}-${n}`;
  const env = `XDG_STATE_HOME=${state} TERM=xterm-256color`;
  const cmd = `${env} /usr/bin/time -f '%e %U %S %M' -o ${timeFile} node ${cli}${folder ? ` ${folder}` : ''}`;
  const start = performance.now();
  execFileSync('tmux', ['new', '-d', '-s', session, '-x', '120', '-y', '35', cmd]);
  let rows = null;
  let unread = null;
  while (performance.now() - start < 120_000) {
    const text = screen(session);
    const now = performance.now() - start;
    if (rows === null && /(?:Articles|Stories) \d/.test(text) && /│▶/.test(text)) rows = now;
    if (/ unread/.test(text.split('\n').filter(Boolean).pop() ?? '')) {
      unread = now;
      break;
    }
    await sleep(25);
  }
  execFileSync('tmux', ['send-keys', '-t', session, 'q']);
  while (!fs.existsSync(timeFile) || fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').length < 4) await sleep(50);
  const [wall, user, sys, rss] = fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  spawnSync('tmux', ['kill-session', '-t', session]);
  fs.rmSync(work, { recursive: true, force: true });
  return { rows: Math.round(rows), unread: Math.round(unread), wall, cpu: +(user + sys).toFixed(2), rssMB: Math.round(rss / 1024) };
}

for (let i = 0; i < runs; i++) console.log(JSON.stringify({ cli, state: stateHome, folder: folder ?? '(bundled)', load: os.loadavg()[0].toFixed(1), ...(await once(i)) }));
