// Path arguments -> the sorted list of Markdown files to read, plus warnings. Only directory
// entries and stat results are looked at here; no file is opened, so a FIFO named `x.md` can
// never block the walk (load.ts opens files non-blocking and checks them again).

import { constants, promises as fs, readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import type { LoadWarning } from '../article.js';
import { isArticleName, skippedFolder } from './article-names.js';
import { describeFsError } from './fs-errors.js';
import { keepsSiteEntry, siteKind } from './site-layout.js';
import type { ListedFolder } from './walk-listing.js';

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
  /** Symbolic links to folders the walk followed, as paths under the arguments (a folder watch follows them too). */
  links: string[];
  /** Every folder listed, with its stat taken before it was listed (a walk kept by walk-listing.ts). */
  folders: ListedFolder[];
  /** Whether any entry met was a symbolic link (followed or not). */
  linked: boolean;
}

const inodeKey = (st: Stats): string => `${st.dev}:${st.ino}`;

// One directory being listed: its entries and how far the walk has got through them. The walk
// keeps these on an explicit stack rather than recursing, so a deep tree costs heap, not stack.
interface Frame {
  entries: Dirent[];
  next: number;
  dirPrefix: string;
  relPrefix: string;
  folderName: string;
  // Inodes of this directory and its ancestors: a link back into one of them is a loop.
  chain: Set<string>;
}

// Entries looked at between two reports of the count found so far (and two turns of the event
// loop): a folder of a million files is one listing, walked here in about a second, during which a
// UI would otherwise show nothing move.
const REPORT_EVERY = 8_192;
// The first report comes sooner: a cold load starts its parse thread on it (load.ts), whose start
// then overlaps the rest of the walk; at 8,192 a 10k corpus's walk was nearly done before it.
const FIRST_REPORT = 2_048;

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

class Walker {
  readonly warnings: LoadWarning[] = [];
  readonly links: string[] = [];
  readonly folders: ListedFolder[] = [];
  linked = false;
  private seen = 0;
  private readonly seenDirs = new Set<string>();
  // Paths already listed. One directory argument cannot list a path twice (each directory is
  // walked once), so the set is only kept for several arguments: hashing 100k paths cost ~0.1 s.
  private readonly seenFiles: Set<string> | null;

  constructor(dedupe: boolean, private readonly onFound?: (found: number) => void) {
    this.seenFiles = dedupe ? new Set() : null;
  }

  /**
   * Appends the Markdown files under one directory argument to `out`, sorted by relative path.
   * Files are appended one by one (never spread into a call: a million arguments overflow the stack).
   */
  async walkRoot(root: string, st: Stats, label: string, out: WalkEntry[]): Promise<void> {
    const from = out.length;
    try {
      await this.walkTree(root, st, out);
    } catch (error) {
      if (!(error as NodeJS.ErrnoException | null)?.code) throw error;
      // An unreadable argument is a usage error (exit 2), named as the user typed it.
      throw new PathError(`${label}: ${describeFsError(error)}`);
    }
    sortTail(out, from);
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

  // (rootAncestors, below, seeds the chain: a link to a folder above the root is a loop too.)
  // Depth first, each directory's entries in listing order, a subdirectory walked where it is met
  // (the order warnings come out in). Paths are built by concatenation from the directory's own
  // path and relative prefix, and the folder name is taken once per directory:
  // path.join/relative/basename per file cost ~0.2 s at 100k.
  private async walkTree(root: string, st: Stats, out: WalkEntry[]): Promise<void> {
    const stack: Frame[] = [];
    // The argument itself must be listable: its error propagates (walkRoot makes it a PathError).
    const first = this.open(root, '', st, rootAncestors(root), true);
    if (first) stack.push(first);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      if (frame.next >= frame.entries.length) {
        stack.pop();
        continue;
      }
      const entry = frame.entries[frame.next++];
      if (++this.seen % REPORT_EVERY === 0 || this.seen === FIRST_REPORT) {
        this.onFound?.(out.length);
        await yieldToLoop();
      }
      const name = entry.name;
      const full = frame.dirPrefix + name;
      const rel = frame.relPrefix + name;
      if (entry.isDirectory()) {
        if (skippedFolder(name)) continue;
        const childStat = await this.statOrWarn(full, false);
        const child = childStat && this.open(full, rel, childStat, frame.chain, false);
        if (child) stack.push(child);
      } else if (entry.isSymbolicLink()) {
        this.linked = true;
        const target = await this.statOrWarn(full, true);
        if (!target) continue;
        if (target.isDirectory()) {
          if (skippedFolder(name)) continue;
          if (frame.chain.has(inodeKey(target))) this.warnings.push({ path: full, reason: 'symlink loop' });
          else {
            const child = this.open(full, rel, target, frame.chain, false);
            if (child) {
              this.links.push(full);
              stack.push(child);
            }
          }
        } else if (isArticleName(name)) {
          if (target.isFile()) this.addFile(full, rel, out, frame.folderName);
          else this.warnings.push({ path: full, reason: 'not a regular file' });
        }
      } else if (isArticleName(name)) {
        if (entry.isFile()) this.addFile(full, rel, out, frame.folderName);
        else this.warnings.push({ path: full, reason: 'not a regular file' });
      }
    }
  }

  // Lists a directory not seen before; null when it was seen (through a link) or cannot be read.
  private open(dir: string, relDir: string, st: Stats, ancestors: Set<string>, isRoot: boolean): Frame | null {
    const key = inodeKey(st);
    if (this.seenDirs.has(key)) return null;
    this.seenDirs.add(key);
    let entries: Dirent[];
    try {
      // Synchronous: a directory listing is ~1 ms, while a round trip through the thread pool per
      // directory doubled the walk; the await on each child directory's stat still yields.
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      if (isRoot) throw error;
      this.warnings.push({ path: dir, reason: describeFsError(error) });
      return null;
    }
    entries = siteContent(entries);
    this.folders.push({ path: dir, stat: st });
    return {
      entries,
      next: 0,
      dirPrefix: dir.endsWith(path.sep) ? dir : dir + path.sep,
      relPrefix: relDir === '' ? '' : relDir + path.sep,
      folderName: path.basename(dir),
      chain: new Set(ancestors).add(key),
    };
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

// A static-site root's listing cut to the entries that hold articles (site-layout.ts); an
// ordinary folder's listing is returned as it is, without a copy.
function siteContent(entries: Dirent[]): Dirent[] {
  const kind = siteKind(entries);
  return kind === null ? entries : entries.filter((entry) => keepsSiteEntry(kind, entry));
}

const byRelPath = (a: WalkEntry, b: WalkEntry): number => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0);

// Sorts out[from..] in place. The common case (one argument) sorts the whole array without a copy.
function sortTail(out: WalkEntry[], from: number): void {
  if (from === 0) {
    out.sort(byRelPath);
    return;
  }
  const tail = out.slice(from).sort(byRelPath);
  for (let i = 0; i < tail.length; i++) out[from + i] = tail[i];
}

/**
 * Resolves path arguments to Markdown files; throws PathError for an argument that is missing.
 * `onFound` hears how many files were found so far, every few thousand directory entries, with the
 * event loop turning in between (a UI can show the count while a big tree is walked), and the
 * whole count once the walk is done (the last few thousand were otherwise never told: a warm
 * million's status line showed a count short of the folder's while its files were checked).
 */
export async function walkPaths(args: readonly string[], onFound?: (found: number) => void): Promise<WalkResult> {
  const walker = new Walker(args.length > 1, onFound);
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
    if (st.isDirectory()) await walker.walkRoot(abs, st, arg, files);
    else if (st.isFile()) walker.addFile(abs, path.basename(abs), files);
    else walker.warnings.push({ path: abs, reason: 'not a regular file' });
  }
  onFound?.(files.length);
  return { files, warnings: walker.warnings, links: walker.links, folders: walker.folders, linked: walker.linked };
}

// Inodes of the folders above `root` (its real path's parents, up to /): a link under the root to
// one of them leads back into the root, as the live watch's check says (watch-filter.ts,
// leadsIntoItself: `ln -s ../.. loop`). Empty when the path cannot be resolved.
function rootAncestors(root: string): Set<string> {
  const keys = new Set<string>();
  let dir: string;
  try {
    dir = realpathSync(root);
  } catch {
    return keys;
  }
  for (let up = path.dirname(dir); ; up = path.dirname(up)) {
    try {
      keys.add(inodeKey(statSync(up)));
    } catch {
      // An unreadable parent: the links to it are followed as before.
    }
    if (path.dirname(up) === up) break;
  }
  return keys;
}
