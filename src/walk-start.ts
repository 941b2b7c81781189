// Whether a warm `--filter` walks and stats its folders on a thread of its own (files/ WalkThread)
// or on the main thread from the walk kept beside their index (load/refresh.ts), decided before
// the filter's modules load so that a thread, when there is one, boots while they do (cli.ts).
import { smallKeptWalk, WalkThread } from './core/files/index.js';

/**
 * The walk thread for a warm check of the folders `paths` (WalkThread.start), or null when the
 * walk kept beside their index is small enough to be stat-ed on this thread (files/walk-listing.ts
 * SMALL_WALK_BYTES: at 10k files the thread's own start-up costs more CPU than the stat calls it
 * takes over) or no thread can start. The index's name is a hash of `paths` (node:crypto), so its
 * face loads here, only for a --filter (whose warm run loads it anyway).
 */
export async function startWalk(paths: readonly string[]): Promise<WalkThread | null> {
  const { cacheDirectory, indexFile, walkListingFile } = await import('./core/index/index.js');
  return smallKeptWalk(walkListingFile(indexFile(cacheDirectory(), paths))) ? null : WalkThread.start(paths);
}
