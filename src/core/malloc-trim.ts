// Memory the C heap keeps after it is freed, given back to the system.
//
// Typed arrays, SQLite's pages and Node's buffers live in the C library's malloc heap, and glibc
// gives each thread that allocates an arena of its own. Freed memory in the middle of an arena
// stays resident: glibc returns only an arena's free top on its own. Worker threads (the load's,
// the facts') allocate and free large arrays beside ones that live on (the facts' shared columns),
// so their arenas end up mostly holes. Measured at 1M articles (the warm dashboard at rest, RSS
// 964 MB): glibc's `malloc_trim(0)`, which releases the free pages inside every arena
// (madvise(MADV_DONTNEED)), brought it to 901 MB; the thread arenas went from 271 to 213 MB
// (BENCHMARKS.md, the forty-fifth round). Node exposes no call for it, so it is reached through an
// FFI (koffi), on glibc only: other C libraries (musl, macOS, Windows) have no `malloc_trim` and
// this does nothing there.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

// The call as it is made: run on libuv's thread pool (koffi's `async`: its callback comes back here).
type Trim = { async: (pad: number, done: (error: unknown, result: number) => void) => void };
let trim: Trim | null | undefined;

function trimmer(): Trim | null {
  if (trim !== undefined) return trim;
  trim = null;
  // glibc's file name; musl, macOS and Windows name theirs otherwise (and have no such call).
  if (process.platform !== 'linux') return trim;
  try {
    const koffi = require('koffi') as typeof import('koffi');
    trim = koffi.load('libc.so.6').func('int malloc_trim(size_t pad)') as unknown as Trim;
  } catch {
    // No prebuilt FFI for this machine, no such library or no such call: memory is kept as before.
    trim = null;
  }
  return trim;
}

/**
 * Gives the C heap's free pages back to the system (glibc's `malloc_trim(0)`, for every thread's
 * arena) on a thread of libuv's pool, so this thread goes on meanwhile: ~1-5 ms at 100k articles,
 * 25-50 ms at a million (the dashboard's ~1 GB: every arena walked), and the trim after the load's
 * collection came just as the list filled, where the first key typed waited for it on this thread.
 * Call it after work that freed much (a full collection after a load). `done` is called here once
 * the pages are back. Returns false (and never calls `done`) where the C library has no such call.
 * Never throws.
 */
export function returnFreeMemory(done: () => void = () => {}): boolean {
  const t = trimmer();
  if (t === null) return false;
  try {
    t.async(0, () => done());
    return true;
  } catch {
    return false;
  }
}
