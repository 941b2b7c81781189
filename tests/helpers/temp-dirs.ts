// Folders of a test file's own under the system's temporary folder, removed after each test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

/**
 * Registers the clean-up and returns `tmp(name?)`: a new empty folder named `<prefix><name->XXXXXX`
 * under os.tmpdir(), removed (with everything in it) after the test that made it. Call at the top
 * level of a test file.
 */
export function tempDirs(prefix: string): (name?: string) => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });
  return (name) => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), name === undefined ? prefix : `${prefix}${name}-`));
    dirs.push(d);
    return d;
  };
}
