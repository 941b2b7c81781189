// The folder watch's own process (subscriber.ts says why it has one): @parcel/watcher subscribes
// here to the folders it is sent and forwards their events over the IPC channel. Nothing here
// is ever closed: the parent kills this process when it closes the watch or ends, and this
// process kills itself the moment the channel closes (its parent gone without a word), where
// process.exit() would wait for a crawl still running on libuv's thread pool.
import parcel from '@parcel/watcher';
import { errorMessage } from '../error-message.js';
import { WATCH_PROCESS_ROLE, type FromWatchProcess, type ToWatchProcess } from './watch-messages.js';

const send = (message: FromWatchProcess): void => {
  // The channel closed meanwhile: 'disconnect' below ends the process.
  if (process.connected) process.send!(message);
};

function subscribe({ id, dir, ignore }: ToWatchProcess): void {
  parcel
    .subscribe(
      dir,
      (error, events) => {
        if (error) send({ kind: 'error', id, message: error.message });
        else send({ kind: 'events', id, events: events.map((e) => ({ type: e.type, path: e.path })) });
      },
      { ignore },
    )
    .then(
      () => send({ kind: 'subscribed', id }),
      (error: unknown) => {
        const code = (error as NodeJS.ErrnoException | null)?.code;
        send({ kind: 'failed', id, message: errorMessage(error), ...(typeof code === 'string' ? { code } : {}) });
      },
    );
}

if (process.argv[2] === WATCH_PROCESS_ROLE && process.send) {
  process.on('message', (message: ToWatchProcess) => {
    if (message?.kind === 'subscribe') subscribe(message);
  });
  process.on('disconnect', () => process.kill(process.pid, 'SIGKILL'));
  // Ctrl-C or a hang-up reach the whole process group: the parent decides when this one ends.
  process.on('SIGINT', () => {});
  process.on('SIGHUP', () => {});
}
