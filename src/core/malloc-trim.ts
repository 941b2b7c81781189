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

type Trim = (pad: number) => number;
let trim: Trim | null | undefined;

function trimmer(): Trim | null {
  if (trim !== undefined) return trim;
  trim = null;
  // glibc's file name; musl, macOS and Windows name theirs otherwise (and have no such call).
  if (process.platform !== 'linux') return trim;
  try {
    const koffi = require('koffi') as typeof import('koffi');
    trim = koffi.load('libc.so.6').func('int malloc_trim(size_t pad)') as Trim;
  } catch {
    // No prebuilt FFI for this machine, no such library or no such call: memory is kept as before.
    trim = null;
  }
  return trim;
}

/**
 * Gives the C heap's free pages back to the system (glibc's `malloc_trim(0)`): ~1-5 ms, on the
 * calling thread, for every thread's arena. Call it after work that freed much (a full collection
 * after a load). Returns false where the C library has no such call. Never throws.
 */
export function returnFreeMemory(): boolean {
  const t = trimmer();
  if (t === null) return false;
  try {
    t(0);
    return true;
  } catch {
    return false;
  }
}
