// A whole file read in pieces, for `--print markdown`, which copies a file to stdout however big it
// is: the read cap bounds what is parsed and held, not what is copied. Opened under the same rules
// as the capped read (read-sync.ts): never a FIFO, socket or device, never adopting a terminal.
import fs from 'node:fs';
import { describeFsError } from './fs-errors.js';

const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0);

/** An open regular file read front to back; `close` when done. */
export class FilePieces {
  private position = 0;

  private constructor(private readonly fd: number) {}

  /** Opens a regular file for reading in pieces, or says why it cannot be read. Never throws. */
  static open(filePath: string): FilePieces | { reason: string } {
    let fd: number;
    try {
      fd = fs.openSync(filePath, OPEN_FLAGS);
    } catch (error) {
      return { reason: describeFsError(error) };
    }
    try {
      if (fs.fstatSync(fd).isFile()) return new FilePieces(fd);
      fs.closeSync(fd);
      return { reason: 'not a regular file' };
    } catch (error) {
      fs.closeSync(fd);
      return { reason: describeFsError(error) };
    }
  }

  /** The next at most `length` bytes (fewer only at the end; empty once the file is read). Throws on a read error. */
  next(length: number): Buffer {
    const bytes = Buffer.allocUnsafe(length);
    let offset = 0;
    while (offset < length) {
      const n = fs.readSync(this.fd, bytes, offset, length - offset, this.position + offset);
      if (n === 0) break;
      offset += n;
    }
    this.position += offset;
    return offset < length ? bytes.subarray(0, offset) : bytes;
  }

  /** Closes the file; safe to call once. */
  close(): void {
    fs.closeSync(this.fd);
  }
}
