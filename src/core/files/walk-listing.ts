// A walk kept for the next warm check: the files a walk of some folder arguments found, with the
// stat of every folder it listed, taken before the folder was listed. Adding, removing or renaming
// an entry changes its folder's mtime and ctime, a folder mounted over or replaced changes its
// device or inode, and a chmod changes its ctime, so while every listed folder stats as it did the
// walk would list the same files in the same order, and its readdir calls (~20 ms at 10k files,
// ~0.2 s at 100k, most of a warm `--filter`'s walk thread before its stat calls) can be skipped.
// Each file is still stat-ed afterwards (its size and mtime against the index's stamps). Kept only
// for a walk that met no link and reported nothing (a link's target can change where no listed
// folder sees it), and only when every folder's last change is RACY_MS older than the walk: a
// change in the same clock tick as the one before it may leave the times as they were (git's
// "racily clean" entries). Any doubt (no file, a damaged one, other arguments, a folder that
// stats otherwise) and the folders are walked again.
import fs from 'node:fs';
import path from 'node:path';

/** How much older than the walk a folder's last change must be for the walk to be kept, in ms. */
export const RACY_MS = 2_000;

const VERSION = 1;

/** A folder the walk listed: its path and the stat taken before it was listed. */
export interface ListedFolder {
  path: string;
  stat: fs.Stats;
}

// What is compared of a folder's stat.
type FolderStamp = [path: string, dev: number, ino: number, mode: number, size: number, mtimeMs: number, ctimeMs: number];

const stampOf = (p: string, st: fs.Stats): FolderStamp => [p, st.dev, st.ino, st.mode, st.size, st.mtimeMs, st.ctimeMs];

/**
 * The text kept for a walk of `args` (resolved) that found the files `joined` (their paths joined
 * by NUL) by listing `folders`, started at `walkedAt` (ms since the epoch); null when it may not
 * be kept (see the header). One line of JSON, then the paths.
 */
export function listingText(args: readonly string[], folders: readonly ListedFolder[], joined: string, walkedAt: number): string | null {
  const resolved = args.map((a) => path.resolve(a));
  // Every argument a folder the walk listed (a file argument is not a folder whose stat tells).
  const listed = new Set(folders.map((f) => f.path));
  if (resolved.length === 0 || resolved.some((a) => !listed.has(a))) return null;
  for (const f of folders) if (!f.stat.isDirectory() || Math.max(f.stat.mtimeMs, f.stat.ctimeMs) > walkedAt - RACY_MS) return null;
  const header = { v: VERSION, args: resolved, folders: folders.map((f) => stampOf(f.path, f.stat)) };
  return `${JSON.stringify(header)}\n${joined}`;
}

/**
 * The files (paths joined by NUL) a walk of `args` would find now, read from the text listingText
 * made, when its arguments are `args` and every folder it names stats as it did; else null.
 * Never throws.
 */
export function listedFiles(text: string, args: readonly string[]): string | null {
  const end = text.indexOf('\n');
  if (end < 0) return null;
  let header: unknown;
  try {
    header = JSON.parse(text.slice(0, end));
  } catch {
    return null;
  }
  const h = header as { v?: unknown; args?: unknown; folders?: unknown };
  if (h === null || typeof h !== 'object' || h.v !== VERSION || !Array.isArray(h.args) || !Array.isArray(h.folders)) return null;
  const resolved = args.map((a) => path.resolve(a));
  if (h.args.length !== resolved.length || h.args.some((a, i) => a !== resolved[i])) return null;
  for (const folder of h.folders as unknown[]) if (!unchanged(folder)) return null;
  // The walk also checks each argument can be read (walkPaths).
  try {
    for (const a of resolved) fs.accessSync(a, fs.constants.R_OK);
  } catch {
    return null;
  }
  return text.slice(end + 1);
}

// Whether a kept folder stamp is the folder's stat now.
function unchanged(stamp: unknown): boolean {
  if (!Array.isArray(stamp) || stamp.length !== 7 || typeof stamp[0] !== 'string') return false;
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(stamp[0], { throwIfNoEntry: false });
  } catch {
    return false;
  }
  if (!st || !st.isDirectory()) return false;
  const now = stampOf(stamp[0], st);
  return now.every((x, i) => x === stamp[i]);
}

/** The kept walk in `file` for `args` (see listedFiles); null when there is none or it no longer holds. Never throws. */
export function readListing(file: string, args: readonly string[]): string | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  return listedFiles(text, args);
}

/**
 * The largest kept walk (its file's bytes: ~100 a path) whose files a warm check stats on its own
 * thread rather than on a walk thread (walk-thread.ts). A thread is a Node environment of its own
 * (~2,600 page faults, ~45 ms of CPU on this project's machine) before its first stat call; at 10k
 * files (a ~1 MB walk) the stat calls done here instead cost ~55 ms of the main thread, and the
 * whole warm `--filter` ~125 ms of CPU and ~3,100 faults less for the same time to its answer
 * (BENCHMARKS.md, `--filter` at 10k, twenty-second round). Past ~15k files the thread wins.
 */
export const SMALL_WALK_BYTES = 1_500_000;

/** Whether `file` holds a kept walk small enough to be stat-ed without a walk thread (SMALL_WALK_BYTES); false when there is none. Never throws. */
export function smallKeptWalk(file: string): boolean {
  try {
    const st = fs.statSync(file, { throwIfNoEntry: false });
    return st !== undefined && st.isFile() && st.size <= SMALL_WALK_BYTES;
  } catch {
    return false;
  }
}

/** Keeps `text` (listingText's) in `file`, replaced whole (written aside, then renamed); a failure only means the next check walks. */
export function writeListing(file: string, text: string): void {
  const aside = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(aside, text, { mode: 0o600 });
    fs.renameSync(aside, file);
  } catch {
    try {
      fs.rmSync(aside, { force: true });
    } catch {
      // Nothing more to do: the next check walks.
    }
  }
}
