// The reading state's own costs against a big state.db, in one process, by CPU time
// (process.cpuUsage: the main thread's work is all of it): Reading.open; first sight of N articles
// the state holds, as the dashboard does (Reading.seeInSlices: the total and the dearest turn,
// what a key waits for at most); the unread count over them; heap and RSS after. The state folder is
// copied first. `BUILD` is a dist folder (this branch's or another's, for A/B).
//   node scripts/bench/state-open.mjs BUILD STATE_HOME [--articles 10000]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const at = args.indexOf('--articles');
const count = at >= 0 ? Number(args.splice(at, 2)[1]) : 10_000;
const [build, stateHome] = args;
const { Reading } = await import(pathToFileURL(path.resolve(build, 'core/reading/reading.js')).href);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'state-open-'));
fs.cpSync(path.join(stateHome, 'crypto-news-tui'), work, { recursive: true });
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
// Articles whose keys make-state.mjs wrote: `path:/x/N.md` (even N) and `id:big-N` (odd N).
const articles = Array.from({ length: count }, (_, i) => (i % 2 ? { externalId: `big-${i}`, url: null, path: `/y/${i}.md` } : { externalId: null, url: null, path: `/x/${i}.md` }));

let t = cpu();
const reading = Reading.open(work);
const open = cpu() - t;
t = cpu();
// The dashboard's way (Reading.seeInSlices, a turn between slices): the dearest turn is what a key waits for at most.
let dearest = 0;
let turn = cpu();
const fresh = await reading.seeInSlices(articles, async () => {
  dearest = Math.max(dearest, cpu() - turn);
  await new Promise((r) => setImmediate(r));
  turn = cpu();
});
dearest = Math.max(dearest, cpu() - turn);
const see = cpu() - t;
t = cpu();
const ids = articles.map((_, i) => i);
const read = reading.countRead(ids, (id) => articles[id]);
const countMs = cpu() - t;
const mem = process.memoryUsage();
reading.close();
fs.rmSync(work, { recursive: true, force: true });
console.log(
  JSON.stringify({ build, state: stateHome, articles: count, load: os.loadavg()[0].toFixed(1), openMs: Math.round(open), seeMs: Math.round(see), dearestSliceMs: Math.round(dearest), fresh, countMs: Math.round(countMs), read, heapMB: Math.round(mem.heapUsed / 2 ** 20), rssMB: Math.round(mem.rss / 2 ** 20) }),
);
