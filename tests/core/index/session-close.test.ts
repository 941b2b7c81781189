// IndexSession.finish(keepUnseen, closeAfter): the load's connection stays open until closeAfter
// settles, so that when the text build's thread has opened the index meanwhile, this close is not
// the file's last one (which would checkpoint the WAL into the file and sync it on the list's path).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IndexSession } from '../../../src/core/index/session/session.js';

let root: string;
beforeEach(() => void (root = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-session-close-'))));
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

// This process's open descriptors on `file` (one per SQLite connection).
const descriptorsOn = (file: string): number =>
  fs.readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return fs.readlinkSync(`/proc/self/fd/${fd}`) === file;
    } catch {
      return false;
    }
  }).length;

describe('IndexSession.finish', () => {
  it('closes the connection at once without closeAfter', async () => {
    const file = path.join(root, 'index.sqlite');
    const session = await IndexSession.open(file, 'stamp');
    expect(descriptorsOn(file)).toBe(1);
    session.finish();
    expect(descriptorsOn(file)).toBe(0);
  });

  it('keeps the connection open until closeAfter settles, then closes it', async () => {
    const file = path.join(root, 'index.sqlite');
    const session = await IndexSession.open(file, 'stamp');
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    session.finish(false, gate);
    await new Promise((resolve) => setImmediate(resolve));
    expect(descriptorsOn(file)).toBe(1);
    release();
    await gate;
    await new Promise((resolve) => setImmediate(resolve));
    expect(descriptorsOn(file)).toBe(0);
  });
});
