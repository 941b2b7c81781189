// Preloaded by a terminal test (`node --import <this> dist/cli.js …`): appends each V8 flag string
// the program sets to the file CNT_TEST_FLAGS_LOG, as `before-frame FLAGS` or `after-frame FLAGS`:
// whether the terminal had been written a pane border (the skeleton) by then. Each line once: the
// program sets its heap flags again every millisecond while a thread starts (core/heap-flags.ts).
import fs from 'node:fs';
import net from 'node:net';
import v8 from 'node:v8';

const log = process.env.CNT_TEST_FLAGS_LOG;
if (log) {
  let framed = false;
  const write = net.Socket.prototype.write;
  net.Socket.prototype.write = function (chunk, ...rest) {
    if (!framed && String(chunk).includes('╭')) framed = true;
    return write.call(this, chunk, ...rest);
  };
  const set = v8.setFlagsFromString;
  const logged = new Set();
  v8.setFlagsFromString = (flags) => {
    const line = `${framed ? 'after-frame' : 'before-frame'} ${flags}\n`;
    if (!logged.has(line)) fs.appendFileSync(log, line);
    logged.add(line);
    set(flags);
  };
}
