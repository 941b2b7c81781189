// The folder watch's subscriptions in a process of their own (the built script, dist/): events
// arrive through it, a folder it cannot watch is refused as in-process, close() kills it, it
// kills itself when its parent goes, a killed one is reported, and a script that never answers
// leaves the subscriptions to this process.
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { subscribeHere, subscribeInProcess, WatchProcessEnded, type OnEvents, type Subscriber } from '../../../src/core/watch/subscriber.js';
import { watchHere, type WatchWarning } from '../../../src/core/watch/watch-here.js';
import { WATCH_PROCESS_ROLE, type WatchEvent } from '../../../src/core/watch/watch-messages.js';
import { IGNORED_FOLDERS } from '../../../src/core/watch/watch-filter.js';
import { BACKGROUND_NICENESS } from '../../../src/core/background-priority.js';
import { processGone } from '../../helpers/process-gone.js';

const script = path.resolve(import.meta.dirname, '..', '..', '..', 'dist', 'core', 'watch', 'watch-process.js');
const scriptUrl = pathToFileURL(script);

let dir: string;
let open: Subscriber | undefined;
beforeAll(() => {
  expect(fs.existsSync(script)).toBe(true); // `npm test` builds first
});
afterEach(async () => {
  await open?.close();
  open = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

const folder = (): string => (dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-sub-'))));

/** This process's children started as the watch's process (from /proc). */
function watchProcesses(): number[] {
  const kids = fs.readdirSync(`/proc/${process.pid}/task`).flatMap((t) => fs.readFileSync(`/proc/${process.pid}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean));
  return kids.map(Number).filter((pid) => {
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(WATCH_PROCESS_ROLE);
    } catch {
      return false;
    }
  });
}

// Events until one names `file`.
function eventsUntil(file: string): { onEvents: OnEvents; seen: Promise<WatchEvent[]>; errors: Error[] } {
  const got: WatchEvent[] = [];
  const errors: Error[] = [];
  let done = (_: WatchEvent[]) => {};
  const seen = new Promise<WatchEvent[]>((resolve) => (done = resolve));
  return {
    errors,
    seen,
    onEvents: (error, events) => {
      if (error) errors.push(error);
      got.push(...events);
      if (events.some((e) => e.path === file)) done(got);
    },
  };
}

describe('subscriptions in the watch process', () => {
  it('reports a file written once the subscription is in place, from another process', async () => {
    const root = folder();
    open = subscribeInProcess(scriptUrl);
    const file = path.join(root, 'new.md');
    const e = eventsUntil(file);
    await open.subscribe(root, ['**/.*'], e.onEvents);
    expect(watchProcesses()).toHaveLength(1);
    fs.writeFileSync(file, '---\ntitle: new\n---\n');
    expect(await e.seen).toContainEqual({ type: 'create', path: file });
    expect(e.errors).toEqual([]);
  });

  it('runs at background priority and hears nothing of hidden folders or node_modules (IGNORED_FOLDERS, a RegExp through the channel)', async () => {
    const root = folder();
    for (const sub of ['.git', 'a/.cache', 'node_modules/pkg', 'a/node_modules', 'plain', 'a.b', 'notnode_modules']) fs.mkdirSync(path.join(root, sub), { recursive: true });
    open = subscribeInProcess(scriptUrl);
    const last = path.join(root, 'plain', 'last.md');
    const e = eventsUntil(last);
    await open.subscribe(root, IGNORED_FOLDERS, e.onEvents);
    const [pid] = watchProcesses();
    // Every thread of it (Node's own threads ran before it lowered its priority), the crawl's too.
    const threads = fs.readdirSync(`/proc/${pid}/task`).map(Number);
    expect(threads.length).toBeGreaterThan(1);
    for (const tid of threads) expect(os.getPriority(tid)).toBe(Math.max(BACKGROUND_NICENESS, os.getPriority()));
    const hidden = ['.git/x.md', 'a/.cache/x.md', 'node_modules/pkg/x.md', 'a/node_modules/x.md', '.top.md', 'late/.made/x.md'].map((f) => path.join(root, f));
    const kept = ['a.b/x.md', 'notnode_modules/x.md', 'a/x.md'].map((f) => path.join(root, f));
    for (const file of [...hidden, ...kept]) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, '---\ntitle: t\n---\n');
    }
    // Events come in order: once the last file's is in, every earlier one would be too.
    await new Promise((resolve) => setTimeout(resolve, 200));
    fs.writeFileSync(last, '---\ntitle: last\n---\n');
    const paths = (await e.seen).map((ev) => ev.path);
    for (const file of kept) expect(paths).toContain(file);
    for (const file of hidden) expect(paths).not.toContain(file);
    expect(e.errors).toEqual([]);
  });

  it('refuses a folder that is not there with the message a subscription in this process gets', async () => {
    const missing = path.join(folder(), 'missing');
    const here = subscribeHere();
    const message = await here.subscribe(missing, [], () => {}).then(() => 'subscribed', (error: Error) => error.message);
    await here.close();
    expect(message).not.toBe('subscribed');
    open = subscribeInProcess(scriptUrl);
    await expect(open.subscribe(missing, [], () => {})).rejects.toThrow(message);
  });

  it('close() kills the process at once', async () => {
    const root = folder();
    open = subscribeInProcess(scriptUrl);
    await open.subscribe(root, [], () => {});
    const [pid] = watchProcesses();
    expect(pid).toBeGreaterThan(0);
    await open.close();
    expect(await processGone(pid)).toBe(true);
  });

  it('ends itself, without a signal from anyone, once its parent is gone (its channel closed)', async () => {
    folder();
    const child = fork(script, [WATCH_PROCESS_ROLE], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'], execArgv: [] });
    const ended = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    // Once it listens: a subscription answered.
    const answered = new Promise((resolve) => child.once('message', resolve));
    child.send({ kind: 'subscribe', id: 0, dir, ignore: [] });
    await answered;
    child.disconnect();
    expect(await ended).toBe('SIGKILL');
  });

  it('a watch whose process was killed says its folder is no longer watched', async () => {
    const root = folder();
    const warnings: WatchWarning[] = [];
    const walk = async () => ({ files: [], links: [], loops: [] });
    const watch = watchHere([root], () => {}, () => {}, walk, undefined, (w) => warnings.push(w), subscribeInProcess(scriptUrl));
    await watch.ready;
    const [pid] = watchProcesses();
    process.kill(pid, 'SIGKILL');
    for (const end = Date.now() + 60_000; warnings.length === 0 && Date.now() < end; ) await new Promise((r) => setTimeout(r, 20));
    await watch.close();
    expect(warnings).toEqual([{ path: root, reason: 'not watched (the watch process ended (SIGKILL))' }]);
  });

  it('a script that never answers (it cannot be loaded) leaves the subscriptions to this process', async () => {
    const root = folder();
    open = subscribeInProcess(pathToFileURL(path.join(root, 'no-such-script.js')));
    const file = path.join(root, 'here.md');
    const e = eventsUntil(file);
    await open.subscribe(root, [], e.onEvents);
    fs.writeFileSync(file, 'x');
    expect(await e.seen).toContainEqual({ type: 'create', path: file });
    expect(e.errors.filter((error) => !(error instanceof WatchProcessEnded))).toEqual([]);
  });
});

describe.each([
  ['in this process', () => subscribeHere()],
  ['in the watch process', () => subscribeInProcess(scriptUrl)],
])('one subscription ended %s', (_where, make) => {
  it('hears nothing more of its folder; a new one to the same path, another folder there now, hears that folder', async () => {
    // A root moved away and another moved in (watch-here.ts renews it): @parcel/watcher shares a
    // watch by path, so the new subscription hears the new folder only once the old one has ended.
    const root = path.join(folder(), 'live');
    fs.mkdirSync(root);
    open = make();
    const old: WatchEvent[] = [];
    const end = await open.subscribe(root, [], (_error, events) => void old.push(...events));
    fs.renameSync(root, path.join(dir, 'live.old'));
    fs.mkdirSync(root);
    await end();
    const file = path.join(root, 'new.md');
    const e = eventsUntil(file);
    await open.subscribe(root, [], e.onEvents);
    fs.writeFileSync(path.join(dir, 'live.old', 'ghost.md'), 'x');
    fs.writeFileSync(file, 'x');
    expect(await e.seen).toContainEqual({ type: 'create', path: file });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect([...old, ...(await e.seen)].map((ev) => path.basename(ev.path))).not.toContain('ghost.md');
  });
});
