// The program the bench times: package.json's `bin`, the file `npx crypto-news-tui` and an
// installed `crypto-news-tui` run (dist/cli.cjs; `node dist/cli.js` runs it through a shim).
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Absolute path of the built CLI named by `repo`'s package.json `bin` (throws when it names none). */
export function binOf(repo) {
  const { name, bin } = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
  const file = typeof bin === 'string' ? bin : bin?.[name];
  if (typeof file !== 'string') throw new Error(`${repo}/package.json: no bin for ${name}`);
  return path.join(repo, file);
}
