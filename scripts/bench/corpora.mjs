// Generates the benchmark corpora once (via `npm run gen-corpus`'s script) and reuses them.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Folder of a corpus of `n` articles under `.bench/`, generated when missing or incomplete. */
export function ensureCorpus(repo, n) {
  const label = n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n);
  const dir = path.join(repo, '.bench', `corpus-${label}`);
  const marker = `${dir}.complete`;
  if (!fs.existsSync(marker)) {
    process.stderr.write(`generating ${n.toLocaleString('en-US')} articles into ${path.relative(repo, dir)} ...\n`);
    fs.rmSync(dir, { recursive: true, force: true });
    execFileSync(process.execPath, [path.join(repo, 'scripts/gen-corpus.mjs'), String(n), dir], { stdio: ['ignore', 'ignore', 'inherit'] });
    fs.writeFileSync(marker, `${n}\n`);
  }
  return dir;
}

/** Total bytes of the Markdown files under `dir`. */
export function corpusBytes(dir) {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.md')) total += fs.statSync(path.join(entry.parentPath ?? entry.path, entry.name)).size;
  }
  return total;
}
