// Where the full-text build (index/text-build.ts) gets its bodies: the files of a batch of rows
// read again and folded, on a parse worker thread of its own when one can be started, so that
// reading and folding the next batch overlaps the FTS5 insert of this one (two threads where the
// build used to be one), else on the calling thread. A worker that dies costs nothing but speed:
// its batches are read here.

import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BodyReader } from '../index/text-build.js';
import { foldedBodyOf, unpackBodies, WORKER_ROLE, type BodiesReply, type BodyJob } from './parse-worker.js';

/** A BodyReader that also owns a thread: `close()` ends it. */
export interface BodySource {
  read: BodyReader;
  close(): void;
}

const jobsOf = (rows: readonly BodyJob[]): BodyJob[] => rows.map(({ path, size, mtime, dev, ino }) => ({ path, size, mtime, dev, ino }));

/** Bodies read on the calling thread, with the read cap `cap`. */
export function localBodies(cap: number): BodySource {
  return {
    read: async (rows) => rows.map((row) => foldedBodyOf(row, cap)),
    close: () => {},
  };
}

/**
 * Bodies read on a parse worker thread (the built parse-worker.js next to this module); the
 * local reader when there is no built worker or it cannot be started.
 */
export function threadBodies(cap: number): BodySource {
  const url = new URL('./parse-worker.js', import.meta.url);
  if (!fs.existsSync(fileURLToPath(url))) return localBodies(cap);
  let worker: Worker | null;
  try {
    worker = new Worker(url, { workerData: { role: WORKER_ROLE } });
  } catch {
    return localBodies(cap);
  }
  const waiting = new Map<number, { rows: BodyJob[]; resolve: (bodies: Array<string | null>) => void }>();
  let next = 0;
  // Every batch the thread had not answered is read here; later ones are read here too.
  const lost = (): void => {
    worker = null;
    for (const { rows, resolve } of waiting.values()) resolve(rows.map((row) => foldedBodyOf(row, cap)));
    waiting.clear();
  };
  worker.on('message', (reply: BodiesReply) => {
    const entry = waiting.get(reply.batch);
    waiting.delete(reply.batch);
    entry?.resolve(unpackBodies(reply));
  });
  worker.on('error', lost);
  worker.on('exit', lost);
  return {
    read: (rows) =>
      new Promise((resolve) => {
        const jobs = jobsOf(rows);
        if (worker === null) {
          resolve(jobs.map((job) => foldedBodyOf(job, cap)));
          return;
        }
        const batch = next++;
        waiting.set(batch, { rows: jobs, resolve });
        worker.postMessage({ batch, bodies: jobs, cap });
      }),
    close: () => {
      const w = worker;
      worker = null;
      // Nobody waits for these any more (the build has ended); settle them all the same.
      for (const { rows, resolve } of waiting.values()) resolve(rows.map(() => null));
      waiting.clear();
      void w?.terminate();
    },
  };
}
