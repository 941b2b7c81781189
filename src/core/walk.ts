// Path arguments -> the sorted list of Markdown files to read, plus warnings. Only directory
// entries and stat results are looked at here; no file is opened, so a FIFO named `x.md` can
// never block the walk (load.ts opens files non-blocking and checks them again).

import { constants, promises as fs, readdirSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { LoadWarning } from './article.js';

/** A path argument that does not exist or cannot be read; the CLI exits with status 2. */
export class PathError extends Error {
  override name = 'PathError';
}

/** One file to load: absolute path, path for display, and the name of its folder. */
export interface WalkEntry {
  path: string;
  relPath: string;
  folderName: string;
}

/** Files found under the arguments (arguments in order, each one's files sorted) and warnings. */
export interface WalkResult {
  files: WalkEntry[];
  warnings: LoadWarning[];
}

const MARKDOWN = /\.(?:md|markdown|mdx)$/i;

/** Whether a file name has a Markdown extension the walk collects. */
export function isMarkdownName(name: string): boolean {
  return MARKDOWN.test(name);
}

/** Folders never descended into: hidden ones and dependency trees. */
function skippedFolder(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/** Short reason for a filesystem error code. */
export function describeFsError(error: unknown, dangling = false): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return dangling ? 'dangling symlink' : 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'symlink loop';
    case 'ENAMETOOLONG':
      return 'name too long';
    case 'EISDIR':
      return 'is a directory';
    default:
      return code ? `cannot read (${code})` : 'cannot read';
  }
}

const inodeKey = (st: Stats): string => `${st.dev}:${st.ino}`;

class Walker {
  readonly warnings: LoadWarning[] = [];
  private readonly seenDirs = new Set<string>();
  // Paths already listed. One directory argument cannot list a path twice (each directory is
  // walked once), so the set is only kept for several arguments: hashing 100k paths cost ~0.1 s.
  private readonly seenFiles: Set<string> | null;

  constructor(dedupe: boolean) {
    this.seenFiles = dedupe ? new Set() : null;
  }

  async walkRoot(root: string, st: Stats, label: string): Promise<WalkEntry[]> {
    const found: WalkEntry[] = [];
    try {
      await this.walkDir(root, '', st, new Set(), found);
    } catch (error) {
      if (!(error as NodeJS.ErrnoException | null)?.code) throw error;
      // An unreadable argument is a usage error (exit 2), named as the user typed it.
      throw new PathError(`${label}: ${describeFsError(error)}`);
    }
    return found.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
  }

  // Duplicates by path only; the same file under two names (links) is dropped by load.ts, which
  // learns each file's inode from the fstat it needs anyway, saving a stat per file here.
  addFile(filePath: string, relPath: string, out: WalkEntry[], folderName = path.basename(path.dirname(filePath))): void {
    if (this.seenFiles) {
      if (this.seenFiles.has(filePath)) return;
      this.seenFiles.add(filePath);
    }
    out.push({ path: filePath, relPath, folderName });
  }

  // Paths are built by concatenation from the directory's own path and relative prefix, and the
  // folder name is taken once per directory: path.join/relative/basename per file cost ~0.2 s at 100k.
  private async walkDir(dir: string, relDir: string, st: Stats, ancestors: Set<string>, out: WalkEntry[]): Promise<void> {
    const key = inodeKey(st);
    if (this.seenDirs.has(key)) return;
    this.seenDirs.add(key);
    let entries;
    try {
      // Synchronous: a directory listing is ~1 ms, while a round trip through the thread pool per
      // directory doubled the walk; the await on each child directory's stat still yields.
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      if (relDir === '') throw error; // the argument itself: walkRoot turns this into a PathError
      this.warnings.push({ path: dir, reason: describeFsError(error) });
      return;
    }
    const chain = new Set(ancestors).add(key);
    const dirPrefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
    const relPrefix = relDir === '' ? '' : relDir + path.sep;
    const folderName = path.basename(dir);
    for (const entry of entries) {
      const name = entry.name;
      const full = dirPrefix + name;
      if (entry.isDirectory()) {
        if (skippedFolder(name)) continue;
        const childStat = await this.statOrWarn(full, false);
        if (childStat) await this.walkDir(full, relPrefix + name, childStat, chain, out);
      } else if (entry.isSymbolicLink()) {
        await this.followLink(full, relPrefix + name, name, folderName, chain, out);
      } else if (isMarkdownName(name)) {
        if (entry.isFile()) this.addFile(full, relPrefix + name, out, folderName);
        else this.warnings.push({ path: full, reason: 'not a regular file' });
      }
    }
  }

  private async followLink(
    full: string,
    rel: string,
    name: string,
    folderName: string,
    chain: Set<string>,
    out: WalkEntry[],
  ): Promise<void> {
    const target = await this.statOrWarn(full, true);
    if (!target) return;
    if (target.isDirectory()) {
      if (skippedFolder(name)) return;
      if (chain.has(inodeKey(target))) this.warnings.push({ path: full, reason: 'symlink loop' });
      else await this.walkDir(full, rel, target, chain, out);
      return;
    }
    if (!isMarkdownName(name)) return;
    if (target.isFile()) this.addFile(full, rel, out, folderName);
    else this.warnings.push({ path: full, reason: 'not a regular file' });
  }

  private async statOrWarn(full: string, isLink: boolean): Promise<Stats | null> {
    try {
      return await fs.stat(full);
    } catch (error) {
      this.warnings.push({ path: full, reason: describeFsError(error, isLink) });
      return null;
    }
  }
}

/** Resolves path arguments to Markdown files; throws PathError for an argument that is missing. */
export async function walkPaths(args: readonly string[]): Promise<WalkResult> {
  const walker = new Walker(args.length > 1);
  const files: WalkEntry[] = [];
  for (const arg of args) {
    const abs = path.resolve(arg);
    let st: Stats;
    try {
      st = await fs.stat(abs);
      await fs.access(abs, constants.R_OK);
    } catch (error) {
      throw new PathError(`${arg}: ${describeFsError(error)}`);
    }
    if (st.isDirectory()) files.push(...(await walker.walkRoot(abs, st, arg)));
    else if (st.isFile()) walker.addFile(abs, path.basename(abs), files);
    else walker.warnings.push({ path: abs, reason: 'not a regular file' });
  }
  return { files, warnings: walker.warnings };
}
