// Generates the benchmark corpora once (via `npm run gen-corpus`'s script) and reuses them.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// From a million articles on, a corpus is 100 folders (the scale issue's 1M is 100 folders of
// 10k); below, the generator's default 1,000 files per folder.
const perFolder = (n) => (n >= 1_000_000 ? Math.ceil(n / 100) : 1000);

/** A size as the corpora are named: 1m, 100k, 10k, else the number. */
export const labelOf = (n) => (n >= 1_000_000 && n % 1_000_000 === 0 ? `${n / 1_000_000}m` : n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n));

/** Folder of a corpus of `n` articles under `.bench/`, generated when missing or incomplete. */
export function ensureCorpus(repo, n) {
  const dir = path.join(repo, '.bench', `corpus-${labelOf(n)}`);
  const marker = `${dir}.complete`;
  if (!fs.existsSync(marker)) {
    process.stderr.write(`generating ${n.toLocaleString('en-US')} articles into ${path.relative(repo, dir)} ...\n`);
    fs.rmSync(dir, { recursive: true, force: true });
    const args = [path.join(repo, 'scripts/gen-corpus.mjs'), String(n), dir, '--per-folder', String(perFolder(n))];
    execFileSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
    fs.writeFileSync(marker, `${n}\n`);
  }
  return dir;
}

/**
 * A folder holding every file of the corpus `dir` directly (no subfolders), as hard links, made
 * once: the "one folder of 1M files" case costs no second copy of the bytes.
 */
export function ensureFlat(dir) {
  const flat = `${dir}-flat`;
  const marker = `${flat}.complete`;
  if (!fs.existsSync(marker)) {
    process.stderr.write(`linking every file of ${path.basename(dir)} into one folder ...\n`);
    fs.rmSync(flat, { recursive: true, force: true });
    fs.mkdirSync(flat, { recursive: true });
    const real = fs.realpathSync(dir);
    for (const shard of fs.readdirSync(real).sort()) {
      const from = path.join(real, shard);
      if (!fs.statSync(from).isDirectory()) continue;
      for (const name of fs.readdirSync(from)) fs.linkSync(path.join(from, name), path.join(flat, name));
    }
    fs.writeFileSync(marker, 'done\n');
  }
  return flat;
}

/** Total bytes of the Markdown files under `dir`. */
export function corpusBytes(dir) {
  return du(dir, (name) => name.endsWith('.md'));
}

/** Total bytes of the files under `dir` (all of them, or those whose name passes `keep`); 0 when it is missing. */
export function du(dir, keep = () => true) {
  if (!fs.existsSync(dir)) return 0;
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && keep(entry.name)) total += fs.statSync(path.join(entry.parentPath ?? entry.path, entry.name)).size;
  }
  return total;
}
