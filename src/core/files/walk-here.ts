// The walk of a warm check done on the calling thread (load/refresh.ts), when no walk thread does it
// (files/ WalkThread): taken from the walk kept beside the index while it holds (a small one:
// walk-start.ts), else walked, with a stat thread for many files, and kept for the next check.
import type { LoadWarning } from '../article.js';
import { StatWorker, type SharedStat } from './stat-thread.js';
import { walkPaths } from './walk.js';
import { listingText, readListing, writeListing } from './walk-listing.js';

// Below this many files, stat-ing on this thread beats starting a thread (as load.ts).
const MIN_FILES_FOR_STAT_WORKER = 2_000;

/** The walk's files, their paths joined by NUL, its warnings, their stat calls (null: stat them here). */
export interface Found {
  readonly paths: string[];
  joined: string;
  warnings: LoadWarning[];
  stats: SharedStat | null;
}

/** The walk of `paths` kept in `listing` (files/walk-listing.ts), its files to be stat-ed here; null when none holds. Never throws. */
export function keptHere(paths: readonly string[], listing: string): Found | null {
  const kept = readListing(listing, paths);
  return kept === null ? null : { paths: kept === '' ? [] : kept.split('\0'), joined: kept, warnings: [], stats: null };
}

/**
 * The walk done here, with the stat thread started before it (so its start-up overlaps the walk)
 * when there are enough files to pay for it; kept in `listing` for the next check as the walk
 * thread keeps its own (files/walk-worker.ts), when there is one. Throws PathError for a bad argument.
 */
export async function walkHere(paths: readonly string[], listing: string | null = null): Promise<Found> {
  let statWorker = StatWorker.start();
  const walkedAt = Date.now();
  const walked = await walkPaths(paths).catch((error: unknown) => {
    statWorker?.close();
    throw error;
  });
  const filePaths = walked.files.map((f) => f.path);
  if (statWorker && filePaths.length < MIN_FILES_FOR_STAT_WORKER) {
    statWorker.close();
    statWorker = null;
  }
  // Joined once: the stat thread takes the paths as one string, and a current snapshot compares as one.
  const joined = filePaths.join('\0');
  // Only a walk that met no link and reported nothing is kept (walk-listing.ts).
  const keep = listing !== null && walked.warnings.length === 0 && !walked.linked ? listingText(paths, walked.folders, joined, walkedAt) : null;
  if (keep !== null && listing !== null) writeListing(listing, keep);
  return { paths: filePaths, joined, warnings: walked.warnings, stats: statWorker?.share(filePaths, joined) ?? null };
}
