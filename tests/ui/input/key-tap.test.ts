import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import parseKeypress, { nonAlphanumericKeys } from '../../../node_modules/ink/build/parse-keypress.js';
import { plainKey, tapKeys } from '../../../src/ui/input/key-tap.js';
import { afterTyping, KEYS_FIRST_MS } from '../../../src/ui/input/after-input.js';

/** A stream as Node makes the terminal's: bytes pushed into it, ink reading it on 'readable'. */
function terminalStream(reading = true) {
  const stream = new Readable({ read() {} });
  if (reading) stream.on('readable', () => {});
  const keys: string[] = [];
  const off = tapKeys(stream, (input, key) => keys.push(key.shift ? `shift+${input}` : input));
  return { stream, keys, off };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('tapKeys', () => {
  it('hands a lone printable key to the handler as it is pushed, never into the stream', () => {
    const { stream, keys } = terminalStream();
    stream.push(Buffer.from('j'));
    // Synchronously: the handler has it, and nothing waits in the stream for ink's next tick.
    expect(keys).toEqual(['j']);
    expect(stream.readableLength).toBe(0);
    stream.push(Buffer.from('G'));
    expect(keys).toEqual(['j', 'shift+G']);
  });

  it('notes every read, tapped or not, so background work in turns holds off while keys come (afterTyping)', async () => {
    for (const chunk of ['j', '\x1b[A']) {
      const { stream } = terminalStream();
      const startedAt = performance.now();
      stream.push(Buffer.from(chunk));
      const ran = await new Promise<number>((resolve) => afterTyping(() => resolve(performance.now())));
      expect(ran - startedAt).toBeGreaterThanOrEqual(KEYS_FIRST_MS - 2);
    }
    // Cancelled before its time, it never runs.
    let called = false;
    const cancel = afterTyping(() => (called = true));
    cancel();
    await new Promise((resolve) => setTimeout(resolve, KEYS_FIRST_MS + 20));
    expect(called).toBe(false);
  });

  it('makes the Key ink makes for every printable ASCII character', () => {
    for (let c = 0x21; c < 0x7f; c++) {
      const ch = String.fromCharCode(c);
      const ink = parseKeypress(ch);
      // ink hands the sequence over as typed unless it names the key (space, return...) instead.
      expect(nonAlphanumericKeys).not.toContain(ink.name);
      expect(ink.sequence).toBe(ch);
      const key = plainKey(ch);
      expect(key.shift).toBe(ink.shift || /[A-Z]/.test(ch));
      expect(key.ctrl || key.meta).toBe(false);
      const set = Object.entries(key).filter(([, v]) => v === true).map(([k]) => k);
      expect(set).toEqual(key.shift ? ['shift'] : []);
    }
  });

  it('leaves to ink what it names or parses: a space, control bytes, several keys, a non-ASCII character', () => {
    const { stream, keys } = terminalStream();
    for (const text of [' ', '\r', '\x03', '\x7f', 'jj', '/bitcoin', 'é']) stream.push(Buffer.from(text));
    expect(keys).toEqual([]);
    expect(stream.read()?.toString()).toBe(' \r\x03\x7fjj/bitcoiné');
  });

  it('leaves a key to ink while an escape read before it may still begin a sequence there, until the next check phase', async () => {
    const { stream, keys } = terminalStream();
    stream.push(Buffer.from('\x1b'));
    stream.push(Buffer.from('j'));
    expect(keys).toEqual([]);
    expect(stream.read()?.toString()).toBe('\x1bj');
    await turn();
    stream.push(Buffer.from('j'));
    expect(keys).toEqual(['j']);
  });

  it('leaves a key to ink after a read that may have ended inside a UTF-8 character (the decoder holds its first bytes)', () => {
    const { stream, keys } = terminalStream();
    stream.push(Buffer.from([0xc3]));
    stream.push(Buffer.from('j'));
    expect(keys).toEqual([]);
    // ink reads both; the next read starts clean.
    expect(stream.read()).toHaveLength(2);
    stream.push(Buffer.from('k'));
    expect(keys).toEqual(['k']);
  });

  it('keeps the order: a key read while earlier input still waits in the stream goes after it', () => {
    const { stream, keys } = terminalStream();
    stream.push(Buffer.from('/b'));
    stream.push(Buffer.from('j'));
    expect(keys).toEqual([]);
    expect(stream.read()?.toString()).toBe('/bj');
  });

  it('takes nothing while ink is not reading (no readable listener)', () => {
    const { stream, keys } = terminalStream(false);
    stream.push(Buffer.from('j'));
    expect(keys).toEqual([]);
    expect(stream.readableLength).toBe(1);
  });

  it('comes off: the stream pushes as before', () => {
    const { stream, keys, off } = terminalStream();
    off();
    expect(Object.prototype.hasOwnProperty.call(stream, 'push')).toBe(false);
    stream.push(Buffer.from('j'));
    expect(keys).toEqual([]);
    expect(stream.readableLength).toBe(1);
  });

  it('leaves a stream without push alone (ink-testing-library’s stdin)', () => {
    const stdin = { readableLength: 0, listenerCount: () => 1 } as unknown as Parameters<typeof tapKeys>[0];
    const off = tapKeys(stdin, () => {
      throw new Error('never');
    });
    expect('push' in stdin).toBe(false);
    off();
  });

  it('runs `first` for a key it takes before the handler, and never for what it leaves to ink', () => {
    const stream = new Readable({ read() {} });
    stream.on('readable', () => {});
    const order: string[] = [];
    tapKeys(stream, (input) => order.push(`handle ${input}`), (input) => order.push(`first ${input}`));
    stream.push(Buffer.from('j'));
    expect(order).toEqual(['first j', 'handle j']);
    stream.push(Buffer.from('jk'));
    stream.push(Buffer.from(' '));
    expect(order).toEqual(['first j', 'handle j']);
  });
});
