// A thread starts from its entry's bundle when the build made one, from the emitted module when
// only that is there, and not at all (null: the caller works on its own thread) from sources.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { threadScript } from '../../../src/core/files/index.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-thread-script-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const url = (name: string): URL => pathToFileURL(path.join(root, name));

describe('threadScript', () => {
  it('prefers the bundle beside the emitted module', () => {
    fs.writeFileSync(path.join(root, 'both.js'), '');
    fs.writeFileSync(path.join(root, 'both.bundle.js'), '');
    expect(threadScript(url('both.js'))?.href).toBe(url('both.bundle.js').href);
  });

  it('prefers a CommonJS bundle, which a thread starts sooner', () => {
    for (const name of ['three.js', 'three.bundle.js', 'three.bundle.cjs']) fs.writeFileSync(path.join(root, name), '');
    expect(threadScript(url('three.js'))?.href).toBe(url('three.bundle.cjs').href);
    fs.writeFileSync(path.join(root, 'cjs.js'), '');
    fs.writeFileSync(path.join(root, 'cjs.bundle.cjs'), '');
    expect(threadScript(url('cjs.js'))?.href).toBe(url('cjs.bundle.cjs').href);
  });

  it('takes the emitted module when there is no bundle', () => {
    fs.writeFileSync(path.join(root, 'plain.js'), '');
    expect(threadScript(url('plain.js'))?.href).toBe(url('plain.js').href);
  });

  it('gives null when neither is there (run from the sources)', () => {
    expect(threadScript(url('worker.js'))).toBeNull();
    fs.writeFileSync(path.join(root, 'worker.ts'), '');
    expect(threadScript(url('worker.js'))).toBeNull();
  });
});
