// The walk thread (walk-thread.ts): walks the path arguments as walkPaths does on any thread,
// posts the files and warnings, then stats the files in chunks shared with the thread that asked
// (stat-thread.ts statClaimed). It loads the walk and the stat loop and nothing else: no parser,
// no index.

import { parentPort, workerData } from 'node:worker_threads';
import { statBuffers, statClaimed } from './stat-thread.js';
import { walkPaths } from './walk.js';
import { WALK_ROLE, type WalkReply } from './walk-thread.js';

async function walkAndStat(args: string[]): Promise<void> {
  const port = parentPort!;
  let paths: string[];
  let reply: WalkReply;
  try {
    const walked = await walkPaths(args);
    paths = walked.files.map((f) => f.path);
    reply = { kind: 'walked', joined: paths.join('\0'), warnings: walked.warnings, buffers: statBuffers(paths.length) };
  } catch {
    // A bad argument (PathError) or anything else: the asking thread walks again and reports it.
    port.postMessage({ kind: 'failed' } satisfies WalkReply);
    return;
  }
  port.postMessage(reply);
  statClaimed(paths, reply.buffers);
}

const data = workerData as { role?: unknown; args?: unknown } | null;
if (parentPort && data?.role === WALK_ROLE && Array.isArray(data.args)) void walkAndStat(data.args.map(String));
