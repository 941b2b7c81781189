import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type tty from 'node:tty';
import { describe, expect, it } from 'vitest';
import { FrameWriter, frameUpdate } from '../../../src/ui/frame/frame-writer.js';
import { screenVersion } from '../../../src/ui/frame/screen-version.js';

const SYNC = /^\x1b\[\?2026h([\s\S]*)\x1b\[\?2026l$/;
// Rows the update writes, as [row (1-based), text] pairs.
function written(update: string): Array<[number, string]> {
  const body = SYNC.exec(update)?.[1] ?? '';
  return [...body.matchAll(/\x1b\[(\d+);1H\x1b\[2K([^\x1b]*)/g)].map((m) => [Number(m[1]), m[2]]);
}

describe('frameUpdate', () => {
  it('draws every row, then clears below, when nothing is known of the screen', () => {
    const out = frameUpdate(null, ['a', 'b']);
    expect(written(out)).toEqual([[1, 'a'], [2, 'b']]);
    expect(out).toContain('\x1b[3;1H\x1b[J');
  });

  it('writes only the rows that changed, at their own position', () => {
    const out = frameUpdate(['top', '▶ one', '  two', 'status'], ['top', '  one', '▶ two', 'status']);
    expect(written(out)).toEqual([[2, '  one'], [3, '▶ two']]);
    expect(out).not.toContain('top');
    expect(out).not.toContain('status');
  });

  it('writes nothing for an unchanged frame', () => {
    expect(frameUpdate(['a', 'b'], ['a', 'b'])).toBe('');
  });

  it('erases rows a shorter frame no longer covers', () => {
    const out = frameUpdate(['a', 'b', 'c'], ['a']);
    expect(out).toContain('\x1b[2;1H\x1b[2K');
    expect(out).toContain('\x1b[3;1H\x1b[2K');
  });

  it('never writes a newline (the last row must not scroll the screen)', () => {
    expect(frameUpdate(null, ['x'.repeat(80), 'y'.repeat(80)])).not.toContain('\n');
  });
});

class FakeTty extends EventEmitter {
  columns = 80;
  rows = 24;
  chunks: string[] = [];
  write(s: string, cb?: () => void) {
    if (s) this.chunks.push(s);
    cb?.();
    return true;
  }
}

describe('FrameWriter', () => {
  it('turns whole frames into changed rows, counts bytes, and redraws whole after a resize', async () => {
    const tty = new FakeTty();
    const w = new FrameWriter(tty as unknown as tty.WriteStream);
    let resized = 0;
    w.on('resize', () => resized++);
    w.write('a\nb\nc');
    w.write('a\nB\nc');
    expect(written(tty.chunks[1])).toEqual([[2, 'B']]);
    w.write('a\nB\nc');
    expect(tty.chunks).toHaveLength(2);
    expect(w.bytesWritten).toBe(tty.chunks.reduce((n, c) => n + Buffer.byteLength(c), 0));
    tty.columns = 60;
    tty.emit('resize');
    expect(resized).toBe(1);
    expect(w.columns).toBe(60);
    w.write('a\nB\nc');
    expect(written(tty.chunks[2]).map(([r]) => r)).toEqual([1, 2, 3]);
    // ink's write barrier: an empty write calls back once earlier writes are out.
    await new Promise<void>((resolve) => w.write('', () => resolve()));
  });
});

describe('FrameWriter.patch', () => {
  it('draws rows ahead of the frame that holds them, which then writes nothing for them', () => {
    const tty = new FakeTty();
    const w = new FrameWriter(tty as unknown as tty.WriteStream);
    // Nothing on screen yet: nothing to draw over.
    expect(w.patch(new Map([[0, 'x']]))).toBe(false);
    expect(tty.chunks).toHaveLength(0);
    w.write('top\n▶ one\n  two\nstatus');
    expect(w.patch(new Map([[1, '  one'], [2, '▶ two']]))).toBe(true);
    expect(written(tty.chunks[1])).toEqual([[2, '  one'], [3, '▶ two']]);
    // The frame that follows holds the same rows and one more change: only that one is written.
    w.write('top\n  one\n▶ two\nstatus 2');
    expect(tty.chunks[2]).toContain('\x1b[4;');
    expect(tty.chunks[2]).not.toMatch(/one|two|\x1b\[[23];/);
    expect(w.bytesWritten).toBe(tty.chunks.reduce((n, c) => n + Buffer.byteLength(c), 0));
  });

  it('draws nothing for a row the screen does not have, or after a resize', () => {
    const tty = new FakeTty();
    const w = new FrameWriter(tty as unknown as tty.WriteStream);
    w.write('a\nb');
    expect(w.patch(new Map([[1, 'B'], [2, 'c']]))).toBe(false);
    tty.emit('resize');
    expect(w.patch(new Map([[1, 'B']]))).toBe(false);
    expect(tty.chunks).toHaveLength(1);
  });
});

describe('FrameWriter.planPatch', () => {
  it('works out what patch would write without writing it; keep() writes it and makes it the screen', () => {
    const tty = new FakeTty();
    const w = new FrameWriter(tty as unknown as tty.WriteStream);
    expect(w.planPatch(new Map([[0, 'x']]))).toBeNull();
    w.write('top\n▶ one\n  two\nstatus');
    const planned = w.planPatch(new Map([[1, '  one'], [2, '▶ two']]))!;
    expect(tty.chunks).toHaveLength(1);
    expect(written(planned.bytes)).toEqual([[2, '  one'], [3, '▶ two']]);
    planned.keep();
    expect(tty.chunks).toEqual([expect.any(String), planned.bytes]);
    expect(w.bytesWritten).toBe(tty.chunks.reduce((n, c) => n + Buffer.byteLength(c), 0));
    // The screen is now the planned one: the frame holding the same rows writes nothing.
    w.write('top\n  one\n▶ two\nstatus');
    expect(tty.chunks).toHaveLength(2);
  });
});

describe('FrameWriter.planPatch with the terminal’s file descriptor', () => {
  // A file stands in for the terminal's descriptor: what is written to it is read back.
  function withFd() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-frame-fd-'));
    const file = path.join(dir, 'tty');
    const fd = fs.openSync(file, 'w');
    return { fd, read: () => fs.readFileSync(file, 'utf8'), close: () => (fs.closeSync(fd), fs.rmSync(dir, { recursive: true, force: true })) };
  }

  /** A writer on a stream holding `pending` bytes not yet written and on `fd`, a frame drawn, and a cursor move planned over it. */
  function planned(pending: number, fd: number) {
    const tty = Object.assign(new FakeTty(), { writableLength: pending, writableCorked: 0 });
    const w = new FrameWriter(tty as unknown as tty.WriteStream, fd);
    w.write('top\n▶ one\n  two\nstatus');
    return { tty, w, version: screenVersion(), plan: w.planPatch(new Map([[1, '  one'], [2, '▶ two']]))! };
  }

  it('writes a planned patch to the descriptor, then calls `then`, then makes it the screen', () => {
    const t = withFd();
    try {
      const { tty, w, version, plan } = planned(0, t.fd);
      const seen: Array<{ file: string; bytesWritten: number; version: number }> = [];
      plan.keep(() => void seen.push({ file: t.read(), bytesWritten: w.bytesWritten, version: screenVersion() }));
      // The bytes were on the descriptor when `then` ran, before the writer's own bookkeeping.
      expect(seen).toEqual([{ file: plan.bytes, bytesWritten: Buffer.byteLength(tty.chunks[0]!), version }]);
      expect(written(t.read())).toEqual([[2, '  one'], [3, '▶ two']]);
      // Nothing went through the stream but the first frame; the count and the screen follow.
      expect(tty.chunks).toHaveLength(1);
      expect(w.bytesWritten).toBe(Buffer.byteLength(tty.chunks[0]!) + Buffer.byteLength(plan.bytes));
      expect(screenVersion()).toBeGreaterThan(version);
      w.write('top\n  one\n▶ two\nstatus');
      expect(tty.chunks).toHaveLength(1);
    } finally {
      t.close();
    }
  });

  it('goes through the stream while the stream still holds bytes to write, so they stay in order', () => {
    const t = withFd();
    try {
      const { tty, plan } = planned(12, t.fd);
      let then = 0;
      plan.keep(() => void (then += 1));
      expect(then).toBe(1);
      expect(t.read()).toBe('');
      expect(tty.chunks).toEqual([expect.any(String), plan.bytes]);
    } finally {
      t.close();
    }
  });

  it('goes through the stream when the descriptor refuses the write', () => {
    // A descriptor that is not open: the write throws (EBADF), as EAGAIN would on a full terminal.
    const { tty, w, plan } = planned(0, 1_000_000);
    plan.keep();
    expect(tty.chunks).toEqual([expect.any(String), plan.bytes]);
    expect(w.bytesWritten).toBe(tty.chunks.reduce((n, c) => n + Buffer.byteLength(c), 0));
  });
});
