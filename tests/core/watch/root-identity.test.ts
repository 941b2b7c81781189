// A root's identity, looked at on a timer: a folder moved away and another moved in under its
// name, a link pointed at another folder, a root heard deleted (an inode number can come back at
// once) are each told; an unchanged root is not.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { identityNow, pollRoots, type Identity, type RootPoll } from '../../../src/core/watch/root-identity.js';
import { eventually } from '../../helpers/eventually.js';

let dir: string;
let poll: RootPoll | undefined;
afterEach(() => {
  poll?.close();
  poll = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

const EVERY = 20;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

function polled(roots: string[]): Array<[string, Identity]> {
  const told: Array<[string, Identity]> = [];
  poll = pollRoots(roots, (root, now) => void told.push([root, now]), EVERY);
  return told;
}

describe('pollRoots', () => {
  it('tells a root gone, then the other folder moved in under its name; nothing while it stays', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-root-id-'));
    const root = path.join(dir, 'news');
    fs.mkdirSync(root);
    fs.mkdirSync(path.join(dir, 'next'));
    const told = polled([root]);
    // Written to, it is the same folder.
    fs.writeFileSync(path.join(root, 'a.md'), 'x');
    await pause(5 * EVERY);
    expect(told).toEqual([]);
    fs.renameSync(root, path.join(dir, 'old'));
    await eventually(() => expect(told).toEqual([[root, null]]));
    fs.renameSync(path.join(dir, 'next'), root);
    await eventually(() => expect(told).toEqual([[root, null], [root, identityNow(root)]]));
    expect(identityNow(root)).not.toBeNull();
  });

  it('tells a link pointed at another folder, and one that leads nowhere as gone', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-root-id-'));
    for (const n of ['1', '2']) fs.mkdirSync(path.join(dir, n));
    const current = path.join(dir, 'current');
    fs.symlinkSync('1', current);
    const told = polled([current]);
    const relink = (to: string) => {
      fs.symlinkSync(to, path.join(dir, 'tmp'));
      fs.renameSync(path.join(dir, 'tmp'), current);
    };
    relink('2');
    await eventually(() => expect(told).toEqual([[current, identityNow(path.join(dir, '2'))]]));
    relink('9');
    await eventually(() => expect(told.at(-1)).toEqual([current, null]));
  });

  it('tells a root heard deleted even when what is there next looks the same (an inode number reused)', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-root-id-'));
    const root = path.join(dir, 'news');
    fs.mkdirSync(root);
    const told = polled([root]);
    poll!.lost(root);
    await eventually(() => expect(told).toEqual([[root, identityNow(root)]]));
    // A path not polled is no root of its.
    poll!.lost(path.join(dir, 'other'));
    await pause(5 * EVERY);
    expect(told).toHaveLength(1);
  });
});
