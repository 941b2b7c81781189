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
// The binding's fstat(fd, bigint, request, shouldNotThrow), as fs.fstatSync calls it: the same
// array for an open descriptor; throws what fs.fstatSync throws.
type BindingFstat = (fd: number, bigint: false, request: undefined, shouldNotThrow: false) => Float64Array;

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

/** Node's fs binding's function `name`, bound, when this process may use it (bindingAllowed), else null. */
export function bindingFunction(name: 'stat' | 'fstat' | 'open' | 'read' | 'close'): ((...args: never[]) => unknown) | null {
  if (!bindingAllowed()) return null;
  try {
    const binding = (process as unknown as { binding?: (name: string) => Record<string, unknown> }).binding?.('fs');
    const f = binding?.[name];
    return typeof f === 'function' ? (f.bind(binding) as (...args: never[]) => unknown) : null;
  } catch {
    return null;
  }
}

// Whether the binding's stat array `got` says what fs.Stats `want` says (the numbers and whether it is a regular file).
function agrees(got: unknown, want: fs.Stats): boolean {
  if (!(got instanceof Float64Array) || got.length < 14) return false;
  return got[8] === want.size && mtimeMs(got) === want.mtimeMs && got[0] === want.dev && got[7] === want.ino && ((got[1] & S_IFMT) === S_IFREG) === want.isFile();
}

// The binding's stat when allowed and it agrees with fs.statSync on `probe` (a regular file), else null.
function bindingStat(probe: string): BindingStat | null {
  const stat = bindingFunction('stat') as BindingStat | null;
  try {
    if (stat === null) return null;
    const want = fs.statSync(probe);
    return want.isFile() && agrees(stat(probe, false, undefined, false), want) ? stat : null;
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
    if (!s || (s[1] & S_IFMT) !== S_IFREG) out[o] = -1;
    else putBinding(s, out, o);
    return;
  }
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(path, { throwIfNoEntry: false });
  } catch {
    st = undefined;
  }
  if (!st || !st.isFile()) out[o] = -1;
  else putStats(st, out, o);
}

// The four numbers at out[o..o+3] (size, mtimeMs, dev, ino) from the binding's stat array, and from fs.Stats.
function putBinding(s: Float64Array, out: Float64Array, o: number): void {
  out[o] = s[8];
  out[o + 1] = mtimeMs(s);
  out[o + 2] = s[0];
  out[o + 3] = s[7];
}

function putStats(st: fs.Stats, out: Float64Array, o: number): void {
  out[o] = st.size;
  out[o + 1] = st.mtimeMs;
  out[o + 2] = st.dev;
  out[o + 3] = st.ino;
}

// fstat's way for this thread: Node's binding once it has agreed with fs.fstatSync on a descriptor
// (the first one asked about), else fs.fstatSync; undefined until then.
let fstatWay: BindingFstat | null | undefined;

function bindingFstat(fd: number): BindingFstat | null {
  const fstat = bindingFunction('fstat') as BindingFstat | null;
  try {
    return fstat !== null && agrees(fstat(fd, false, undefined, false), fs.fstatSync(fd)) ? fstat : null;
  } catch {
    return null;
  }
}

/**
 * fstat() of an open descriptor into `out` at 0..3: size, mtimeMs, dev, ino, as fs.fstatSync gives
 * them; returns whether it is a regular file (`out` is then filled). For a parse thread's read of
 * each file (files/read-sync.ts): fs.fstatSync's fs.Stats and its four Dates were ~2-3 us of a
 * ~8 us read. Throws what fs.fstatSync throws (a closed descriptor). `method` forces a way (tests).
 */
export function fstatNumbers(fd: number, out: Float64Array, method?: StatMethod): boolean {
  if (fstatWay === undefined && method !== 'statSync') fstatWay = bindingFstat(fd);
  const fstat = method === 'statSync' ? null : fstatWay;
  if (fstat) {
    const s = fstat(fd, false, undefined, false);
    if ((s[1] & S_IFMT) !== S_IFREG) return false;
    putBinding(s, out, 0);
    return true;
  }
  const st = fs.fstatSync(fd);
  if (!st.isFile()) return false;
  putStats(st, out, 0);
  return true;
}
