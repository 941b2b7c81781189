// One file's stat() as the four numbers the index's freshness check compares (size, mtime, device,
// inode), for the stat loops of stat-thread.ts. On Node 20, fs.statSync builds an fs.Stats object
// with four Date objects for every call: at 10k files that is ~1 us of JavaScript a file on top of
// the ~1.6 us system call, and ~15 ms of TurboFan compiling it on the other core, in a warm
// `--filter` whose stat calls are its critical path (BENCHMARKS.md, the fifteenth round's warm
// `--filter` section). Node's own fs binding, which fs.statSync calls, gives the same numbers in
// one Float64Array it reuses: used on the Node versions whose binding is known to take
// (path, bigint, request, throwIfNoEntry), and only once it has agreed with fs.statSync on a file.
// Anywhere else (Node 21+, whose fs.Stats makes its dates lazily; an older 20; a runtime warning
// asked for deprecated APIs) the numbers come from fs.statSync as before.
import fs from 'node:fs';

/** How stat numbers are taken in this thread: Node's fs binding, or fs.statSync. */
export type StatMethod = 'binding' | 'statSync';

// The binding's stat(path, bigint, request, throwIfNoEntry): undefined for a missing path (with
// throwIfNoEntry false), else Node's stat array (dev, mode, nlink, uid, gid, rdev, blksize, ino,
// size, blocks, then seconds and nanoseconds of atime, mtime, ctime, birthtime), which the next
// call overwrites. Throws for other errors.
type BindingStat = (path: string, bigint: false, request: undefined, throwIfNoEntry: false) => Float64Array | undefined;

const { S_IFMT, S_IFREG } = fs.constants;

// fs.Stats' mtimeMs from the binding's seconds and nanoseconds, by Node's own formula (msFromTimeSpec).
const mtimeMs = (s: Float64Array): number => s[12] * 1e3 + s[13] / 1e6;

/**
 * Whether this process may use the binding (see the header): Node 20.10 or later 20, and no
 * runtime warning for deprecated APIs asked for (process.binding is deprecated in the
 * documentation only; --pending-deprecation makes it warn on stderr).
 */
export function bindingAllowed(version = process.versions.node, env: NodeJS.ProcessEnv = process.env, execArgv: readonly string[] = process.execArgv): boolean {
  const [major, minor] = version.split('.').map(Number);
  if (major !== 20 || !(minor >= 10)) return false;
  if (env.NODE_PENDING_DEPRECATION === '1') return false;
  return ![...execArgv, ...(env.NODE_OPTIONS ?? '').split(/\s+/)].some((flag) => flag === '--pending-deprecation' || flag === '--pending_deprecation');
}

// The binding's stat when allowed and it agrees with fs.statSync on `probe` (a regular file), else null.
function bindingStat(probe: string): BindingStat | null {
  if (!bindingAllowed()) return null;
  try {
    const binding = (process as unknown as { binding?: (name: string) => { stat?: unknown } }).binding?.('fs');
    if (typeof binding?.stat !== 'function') return null;
    const stat = binding.stat.bind(binding) as BindingStat;
    const want = fs.statSync(probe);
    const got = stat(probe, false, undefined, false);
    if (!(got instanceof Float64Array) || got.length < 14) return null;
    const same = got[8] === want.size && mtimeMs(got) === want.mtimeMs && got[0] === want.dev && got[7] === want.ino && (got[1] & S_IFMT) === S_IFREG && want.isFile();
    return same ? stat : null;
  } catch {
    return null;
  }
}

let chosen: { method: StatMethod; stat: BindingStat | null } | null = null;

// Decided on the first call (the probe is Node's own executable, a regular file every process has).
function choose(): { method: StatMethod; stat: BindingStat | null } {
  if (chosen) return chosen;
  const stat = bindingStat(process.execPath);
  chosen = { method: stat ? 'binding' : 'statSync', stat };
  return chosen;
}

/** How this thread takes stat numbers (decided once, on first use). */
export function statMethod(): StatMethod {
  return choose().method;
}

/**
 * Writes the stat() numbers of `path` into `out` at `o`: size, mtimeMs, dev, ino, as fs.statSync
 * gives them (links followed); out[o] = -1 (the rest untouched) for a path that is missing, not a
 * regular file, or cannot be stat-ed. Never throws. `method` forces a way (tests compare them).
 */
export function statNumbers(path: string, out: Float64Array, o: number, method: StatMethod = choose().method): void {
  const stat = method === 'binding' ? choose().stat : null;
  if (stat) {
    let s: Float64Array | undefined;
    try {
      s = stat(path, false, undefined, false);
    } catch {
      s = undefined;
    }
    if (!s || (s[1] & S_IFMT) !== S_IFREG) {
      out[o] = -1;
      return;
    }
    out[o] = s[8];
    out[o + 1] = mtimeMs(s);
    out[o + 2] = s[0];
    out[o + 3] = s[7];
    return;
  }
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(path, { throwIfNoEntry: false });
  } catch {
    st = undefined;
  }
  if (!st || !st.isFile()) {
    out[o] = -1;
    return;
  }
  out[o] = st.size;
  out[o + 1] = st.mtimeMs;
  out[o + 2] = st.dev;
  out[o + 3] = st.ino;
}
