// Synchronous twin of the loader's capped read, for the places that must not yield: a parse
// worker (its own thread, so blocking is free) and an article's body read back on first view
// (a 3 KB read is faster than scheduling an async one). Same rules as load.ts: never block on a
// FIFO, never adopt a terminal, never read more than the cap, never read a non-regular file.

import fs from 'node:fs';
import { describeFsError } from './fs-errors.js';
import { bindingFunction, fstatNumbers } from './stat-numbers.js';

// O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
// O_NOCTTY: opening a terminal device must not make it our controlling terminal.
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0);

// Node 20's fs.openSync and fs.readSync check their arguments in JavaScript before they call the
// fs binding (path, flags and mode; descriptor, buffer, offset, length and position): ~1 us a file
// of a cold load's parse thread, most of it before the JIT has warmed those checks. The arguments
// here are made here (numbers in range, a buffer of ours), so the binding's open, read and close
// are called directly where allowed (stat-numbers.ts's bindingFunction), with the same results and
// errors; a path holding a NUL, which the C++ side would cut short, still goes to fs.openSync.
interface FileIo {
  open(path: string, flags: number, mode: number): number;
  read(fd: number, buffer: Buffer, offset: number, length: number, position: number): number;
  close(fd: number): void;
}
const FS_IO: FileIo = { open: fs.openSync, read: fs.readSync, close: fs.closeSync };
let bindingIo: FileIo | null | undefined;

// The binding's three calls, or null where they are not to be used; decided on first use.
function fileIo(): FileIo | null {
  if (bindingIo !== undefined) return bindingIo;
  const open = bindingFunction('open');
  const read = bindingFunction('read');
  const close = bindingFunction('close');
  bindingIo = open && read && close ? ({ open, read, close } as unknown as FileIo) : null;
  return bindingIo;
}

// Where fstatNumbers puts size, mtimeMs, dev and ino; read out at once, before the next call.
const STAT = new Float64Array(4);

/** A file's first `cap` bytes with what fstat said about it, or why it was not read. */
export type SyncRead =
  | { kind: 'read'; bytes: Buffer; size: number; mtimeMs: number; inode: string }
  | { kind: 'skip'; reason: string };

/**
 * Reads at most `cap` bytes of a regular file; anything else is reported, never read. Never throws.
 * With `into`, a file that fits in it is read there and its bytes are a view of it, good only
 * until the next read into it (a parse thread reads every file of a cold load into one buffer:
 * a Buffer a file, half of them past Node's pool, was allocation and garbage for nothing).
 */
export function readCappedSync(filePath: string, cap: number, into?: Buffer): SyncRead {
  const io = (filePath.includes('\0') ? null : fileIo()) ?? FS_IO;
  let fd: number;
  try {
    fd = io.open(filePath, OPEN_FLAGS, 0o666);
  } catch (error) {
    return { kind: 'skip', reason: describeFsError(error) };
  }
  try {
    if (!fstatNumbers(fd, STAT)) return { kind: 'skip', reason: 'not a regular file' };
    // By index, not destructured: a typed array's iterator is slow code until the JIT is warm.
    const size = STAT[0];
    const mtimeMs = STAT[1];
    const inode = `${STAT[2]}:${STAT[3]}`;
    const length = Math.min(size, cap);
    const bytes = into !== undefined && length <= into.length ? into : Buffer.allocUnsafe(length);
    let offset = 0;
    while (offset < length) {
      const n = io.read(fd, bytes, offset, length - offset, offset);
      if (n === 0) break; // the file shrank since fstat: keep only what was really read
      offset += n;
    }
    return { kind: 'read', bytes: offset < bytes.length ? bytes.subarray(0, offset) : bytes, size: offset < length ? offset : size, mtimeMs, inode };
  } catch (error) {
    return { kind: 'skip', reason: describeFsError(error) };
  } finally {
    io.close(fd);
  }
}
