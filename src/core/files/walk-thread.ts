// The walk of a warm check and the stat calls of the files it finds, on a thread of their own
// (walk-worker.ts) that can start before the modules that will use them are loaded: a warm
// `--filter` spends ~40 ms at 10k files and ~0.1 s at 100k loading the search engine and the
// index, opening the index and reading its stamps, and the walk (~25 ms / 0.2 s) and most of the
// stats (~30 ms / 0.35 s of CPU) fit beside that on the second core. The thread posts the walk as
// soon as it is done, then stats the files in chunks this thread can join (stat-thread.ts
// joinStat), so neither thread idles while the other works.

import { Worker } from 'node:worker_threads';
import type { LoadWarning } from '../article.js';
import { joinStat, type SharedStat, type StatBuffers } from './stat-thread.js';
import { threadScript } from './thread-script.js';

/** workerData.role of the walk thread (walk-worker.ts runs only under it). */
export const WALK_ROLE = 'crypto-news-tui:walk';

/** The walk thread's first message: where the walk is kept between runs (walk-listing.ts), or null to walk and keep nothing. */
export interface WalkRequest {
  listing: string | null;
}

/** What the walk thread posts: the walk, as joined paths and warnings, and the stat buffers it then fills; or that the walk failed. */
export type WalkReply = { kind: 'walked'; joined: string; warnings: LoadWarning[]; buffers: StatBuffers } | { kind: 'failed' };

/** A walk done on the walk thread: walkPaths' files and warnings, and their stats under way. */
export interface WalkedFiles {
  /** The files' absolute paths, in the walk's order (walkPaths' `files[i].path`); made from `joined` when first read. */
  readonly paths: string[];
  /** The same paths joined by NUL (what a stamp snapshot is compared with as one string). */
  joined: string;
  warnings: LoadWarning[];
  /** The stat calls of `paths`, shared with the thread (finish() them, or cancel()). */
  stats: SharedStat;
}

/** A walk of path arguments, and the stat calls of its files, under way on a thread of their own. */
export class WalkThread {
  private asked = false;

  private constructor(
    private readonly worker: Worker,
    private readonly reply: Promise<WalkedFiles | null>,
    private readonly up: Promise<void>,
  ) {}

  /**
   * Starts walking `args` (as walkPaths) on a new thread; null when threads cannot be started or
   * the thread's module is not built (the program run from its TypeScript sources): walk here then.
   */
  static start(args: readonly string[]): WalkThread | null {
    const url = threadScript(new URL('./walk-worker.js', import.meta.url));
    let worker: Worker;
    try {
      if (!url) return null;
      worker = new Worker(url, { workerData: { role: WALK_ROLE, args: [...args] } });
    } catch {
      return null;
    }
    const reply = new Promise<WalkedFiles | null>((resolve) => {
      worker.once('message', (m: WalkReply) => {
        if (m.kind !== 'walked') {
          void worker.terminate();
          resolve(null);
          return;
        }
        // Waited for until here; the stats never are (joinStat), so the thread no longer keeps the process alive.
        worker.unref();
        // Split only when asked: a warm check whose walk is its snapshot's, byte for byte, compares
        // `joined` alone, and at 1M files the split is ~40 MB of heap and its garbage.
        let paths: string[] | null = null;
        const split = (): string[] => (paths ??= m.joined === '' ? [] : m.joined.split('\0'));
        resolve({
          get paths() {
            return split();
          },
          joined: m.joined,
          warnings: m.warnings,
          stats: joinStat(split, m.buffers, () => void worker.terminate()),
        });
      });
      worker.once('error', () => resolve(null));
      worker.once('exit', () => resolve(null));
    });
    const up = new Promise<void>((resolve) => {
      worker.once('online', resolve);
      void reply.then(() => resolve());
    });
    return new WalkThread(worker, reply, up);
  }

  /**
   * Lets the thread begin: it waits for this, booting meanwhile, so a caller that learns where the
   * walk is kept (`listing`, a file beside the index: walk-listing.ts) only once it has loaded the
   * index's modules can still say so. With a listing, a kept walk whose folders are unchanged
   * stands for the walk, and a walk done is kept there. Only the first call counts.
   */
  begin(listing: string | null): void {
    if (this.asked) return;
    this.asked = true;
    try {
      this.worker.postMessage({ listing } satisfies WalkRequest);
    } catch {
      // The thread is gone: walked() settles as null.
    }
  }

  /**
   * Settles once the thread runs its script (Worker's 'online': Node's own modules of a thread are
   * loaded by then, which a V8 flag set while they load would make it compile from source instead
   * of taking their code cache: heap-flags.ts), or has ended. Does not begin the walk. Never rejects.
   */
  online(): Promise<void> {
    return this.up;
  }

  /**
   * The walk, once the thread has done it (begun without a listing if begin() was not called);
   * null when it failed there (an argument that cannot be read, a thread that died): the caller
   * walks here, which reports a bad argument as walkPaths does.
   */
  walked(): Promise<WalkedFiles | null> {
    this.begin(null);
    return this.reply;
  }

  /** Ends the thread; its walk and stats are no longer wanted. */
  cancel(): void {
    void this.worker.terminate();
  }
}
