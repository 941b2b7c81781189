// A watch process (watch-process.ts's messages) that freezes as @parcel/watcher 2.6.0 froze one
// when inotify_init1 failed: it says `subscribing`, then its JS thread waits for good.
process.on('message', (message) => {
  if (message?.kind !== 'subscribe') return;
  process.send({ kind: 'subscribing', id: message.id });
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
});
