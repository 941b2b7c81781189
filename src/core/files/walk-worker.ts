// The walk thread (walk-thread.ts): walks the path arguments as walkPaths does on any thread,
// posts the files and warnings, then stats the files in chunks shared with the thread that asked
// (stat-thread.ts statClaimed). It loads the walk and the stat loop and nothing else: no parser,
// no index. Its first message names where the walk is kept (walk-listing.ts): a kept walk whose
// folders all stat as they did stands for the walk; a walk done here is kept for the next run.

import { parentPort, workerData } from 'node:worker_threads';
import { statBuffers, statClaimed } from './stat-thread.js';
import { walkPaths } from './walk.js';
import { listingText, readListing, writeListing } from './walk-listing.js';
import { WALK_ROLE, type WalkReply, type WalkRequest } from './walk-thread.js';

async function walkAndStat(args: string[], listing: string | null): Promise<void> {
  const port = parentPort!;
  const kept = listing === null ? null : readListing(listing, args);
  let paths: string[];
  let keep: string | null = null;
  let reply: WalkReply;
  try {
    if (kept !== null) {
      paths = kept === '' ? [] : kept.split('\0');
      reply = { kind: 'walked', joined: kept, warnings: [], buffers: statBuffers(paths.length) };
    } else {
      const walkedAt = Date.now();
      const walked = await walkPaths(args);
      paths = walked.files.map((f) => f.path);
      const joined = paths.join('\0');
      reply = { kind: 'walked', joined, warnings: walked.warnings, buffers: statBuffers(paths.length) };
      // Only a walk that met no link and reported nothing is kept (walk-listing.ts).
      if (listing !== null && walked.warnings.length === 0 && !walked.linked) keep = listingText(args, walked.folders, joined, walkedAt);
    }
  } catch {
    // A bad argument (PathError) or anything else: the asking thread walks again and reports it.
    port.postMessage({ kind: 'failed' } satisfies WalkReply);
    return;
  }
  port.postMessage(reply);
  // Written once the walk is posted: the asking thread is still loading or reading the index.
  if (keep !== null && listing !== null) writeListing(listing, keep);
  statClaimed(paths, reply.buffers);
}

const data = workerData as { role?: unknown; args?: unknown } | null;
if (parentPort && data?.role === WALK_ROLE && Array.isArray(data.args)) {
  const args = data.args.map(String);
  parentPort.once('message', (m: WalkRequest) => void walkAndStat(args, typeof m?.listing === 'string' ? m.listing : null));
}
