// The guard against an event @parcel/watcher drops (src/core/watch/missed-events.ts): the drop
// is played here by never delivering a file's event. After the folder's quiet time the file is
// reported as `create`; a file whose event came, another folder's file and a non-Markdown file
// are not; nothing comes after close().
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { guardMissedEvents, RECHECK_MS, type MissedEventsGuard } from '../../../src/core/watch/missed-events.js';
import type { WatchEvent } from '../../../src/core/watch/watch-messages.js';
import { eventually } from '../../helpers/eventually.js';

let dir: string;
let guard: MissedEventsGuard | undefined;
afterEach(() => {
  guard?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

// `setUp` runs before the guard starts (what its first look finds); `rooted`: the guard knows the watched folder.
// What setUp makes is older than the guard by more than the file system's clock tick (else it counts as new).
async function guarded(rooted = false, setUp: (dir: string) => void = () => {}): Promise<{ seen: WatchEvent[]; guard: MissedEventsGuard }> {
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-missed-')));
  setUp(dir);
  await new Promise((r) => setTimeout(r, 100));
  const seen: WatchEvent[] = [];
  guard = guardMissedEvents((error, events) => {
    if (error) throw error;
    seen.push(...events);
  }, rooted ? dir : undefined);
  return { seen, guard };
}

describe('guardMissedEvents', () => {
  it('reports a Markdown file changed in a folder with events, whose own event never came', async () => {
    const { seen, guard } = await guarded();
    const other = fs.mkdtempSync(path.join(dir, 'other-'));
    const [a, b] = [path.join(dir, 'a.md'), path.join(dir, 'b.md')];
    fs.writeFileSync(a, '# A\n');
    guard.onEvents(null, [{ type: 'create', path: a }]);
    expect(seen).toEqual([{ type: 'create', path: a }]);
    // b's event "dropped"; the text file and the other folder's file are not looked for.
    fs.writeFileSync(b, '# B\n');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'x');
    fs.writeFileSync(path.join(other, 'c.md'), '# C\n');
    await eventually(() => expect(seen).toContainEqual({ type: 'create', path: b }), 60_000);
    expect(seen.filter((e) => e.path === a)).toHaveLength(1);
    expect(seen.map((e) => path.basename(e.path)).sort()).toEqual(['a.md', 'b.md']);
  });

  it('never reports a file changed before it began, however close to a delivery (the load read it)', async () => {
    // Written just before the guard (a dashboard started right after another one added files):
    // within BEFORE_MS of the delivery below, but no event of this subscription can have named it.
    const { seen, guard } = await guarded(true, (d) => fs.writeFileSync(path.join(d, 'loaded.md'), '# Loaded\n'));
    const [a, b] = [path.join(dir, 'a.md'), path.join(dir, 'b.md')];
    fs.writeFileSync(a, '# A\n');
    guard.onEvents(null, [{ type: 'create', path: a }]);
    // b's event "dropped": b is reported, the file from before the guard is not.
    fs.writeFileSync(b, '# B\n');
    await eventually(() => expect(seen).toContainEqual({ type: 'create', path: b }), 60_000);
    await new Promise((r) => setTimeout(r, RECHECK_MS + 500));
    expect(seen.map((e) => path.basename(e.path)).sort()).toEqual(['a.md', 'b.md']);
  });

  it('with the root, reads again every folder whose mtime moved, events or not', async () => {
    const { seen, guard } = await guarded(true, (d) => {
      fs.mkdirSync(path.join(d, 'quiet'));
      fs.mkdirSync(path.join(d, 'still'));
      fs.writeFileSync(path.join(d, 'still', 'old.md'), '# Old\n');
    });
    const a = path.join(dir, 'a.md');
    fs.writeFileSync(a, '# A\n');
    // Every event of 'quiet' and of the new folder 'fresh' "dropped": only a's came.
    const [q, f] = [path.join(dir, 'quiet', 'q.md'), path.join(dir, 'fresh', 'f.md')];
    fs.writeFileSync(q, '# Q\n');
    fs.mkdirSync(path.dirname(f));
    fs.writeFileSync(f, '# F\n');
    guard.onEvents(null, [{ type: 'create', path: a }]);
    await eventually(() => expect(seen).toEqual(expect.arrayContaining([{ type: 'create', path: q }, { type: 'create', path: f }])), 60_000);
    // The folder that did not move is not reported; nothing twice.
    expect(seen.map((e) => path.relative(dir, e.path)).sort()).toEqual(['a.md', path.join('fresh', 'f.md'), path.join('quiet', 'q.md')]);
  });

  it('without the root, a folder with no events is not looked at', async () => {
    const { seen, guard } = await guarded(false, (d) => fs.mkdirSync(path.join(d, 'quiet')));
    const a = path.join(dir, 'a.md');
    fs.writeFileSync(a, '# A\n');
    fs.writeFileSync(path.join(dir, 'quiet', 'q.md'), '# Q\n');
    fs.writeFileSync(path.join(dir, 'b.md'), '# B\n');
    guard.onEvents(null, [{ type: 'create', path: a }]);
    // b (a's folder) arriving is the state after the look that would have found q too.
    await eventually(() => expect(seen).toContainEqual({ type: 'create', path: path.join(dir, 'b.md') }), 60_000);
    expect(seen.map((e) => path.basename(e.path)).sort()).toEqual(['a.md', 'b.md']);
  });

  it('reports a Markdown file removed, whose delete never came, in a folder with events or one whose mtime moved', async () => {
    const { seen, guard } = await guarded(true, (d) => {
      fs.mkdirSync(path.join(d, 'quiet'));
      for (const name of ['a.md', 'b.md', 'kept.md', 'told.md', path.join('quiet', 'q.md'), path.join('quiet', 'stays.md')]) fs.writeFileSync(path.join(d, name), '# X\n');
    });
    await guard.looked;
    const [a, b, told, q, heardOnly] = ['a.md', 'b.md', 'told.md', path.join('quiet', 'q.md'), 'new.md'].map((n) => path.join(dir, n));
    // a's write is heard; b's removal and every event of 'quiet' "dropped"; told's removal heard;
    // new.md is heard made and then removed unsaid.
    fs.writeFileSync(a, '# A again\n');
    fs.rmSync(b);
    fs.rmSync(told);
    fs.rmSync(q);
    guard.onEvents(null, [{ type: 'update', path: a }, { type: 'delete', path: told }, { type: 'create', path: heardOnly }]);
    await eventually(() => expect(seen).toEqual(expect.arrayContaining([{ type: 'delete', path: b }, { type: 'delete', path: q }, { type: 'delete', path: heardOnly }])), 60_000);
    // Nothing still there is said to be gone, and a delete heard is not told again.
    const deletes = seen.filter((e) => e.type === 'delete').map((e) => path.relative(dir, e.path)).sort();
    expect(deletes).toEqual(['b.md', 'new.md', path.join('quiet', 'q.md'), 'told.md']);
    expect(seen.filter((e) => e.path === told)).toHaveLength(1);
  });

  it('reports the files of a folder whose delete alone came (moved out), its subfolders\' too, but those already told', async () => {
    const { seen, guard } = await guarded(true, (d) => {
      fs.mkdirSync(path.join(d, 'old', 'deep'), { recursive: true });
      for (const name of ['a.md', 'told.md', path.join('deep', 'c.md')]) fs.writeFileSync(path.join(d, 'old', name), '# X\n');
      fs.writeFileSync(path.join(d, 'kept.md'), '# K\n');
    });
    await guard.looked;
    const old = path.join(dir, 'old');
    const told = path.join(old, 'told.md');
    fs.rmSync(old, { recursive: true });
    guard.onEvents(null, [{ type: 'delete', path: told }, { type: 'delete', path: old }]);
    expect(seen.map((e) => `${e.type} ${path.relative(dir, e.path)}`).sort()).toEqual(['delete old', `delete ${path.join('old', 'a.md')}`, `delete ${path.join('old', 'deep', 'c.md')}`, `delete ${path.join('old', 'told.md')}`]);
  });

  it('reports nothing after close()', async () => {
    const { seen, guard } = await guarded();
    const a = path.join(dir, 'a.md');
    fs.writeFileSync(a, '# A\n');
    guard.onEvents(null, [{ type: 'update', path: a }]);
    fs.writeFileSync(path.join(dir, 'b.md'), '# B\n');
    guard.close();
    // What must not happen is given the time it would take (three quiet times).
    await new Promise((r) => setTimeout(r, 3 * RECHECK_MS));
    expect(seen).toEqual([{ type: 'update', path: a }]);
  });
});
