// Run by watch-limits-process.test.ts under `ulimit -n`: takes every open file but argv[3], then
// subscribes in this process (the built subscribeHere) to the folder argv[2], and says what came
// of it. @parcel/watcher 2.6.0 alone froze here for good with one or two files left.
import fs from 'node:fs';

const { subscribeHere } = await import(new URL('../../../../dist/core/watch/subscriber.js', import.meta.url).href);
await import('@parcel/watcher'); // loaded first: its own files are not what runs short
const limit = Number(/^Max open files\s+(\d+)/m.exec(fs.readFileSync('/proc/self/limits', 'utf8'))[1]);
const held = [];
while (fs.readdirSync('/proc/self/fd').length < limit - Number(process.argv[3])) held.push(fs.openSync('/dev/null', 'r'));
const subscriber = subscribeHere();
try {
  await subscriber.subscribe(process.argv[2], [], () => {});
  console.log('subscribed');
} catch (error) {
  console.log(`rejected ${error.constructor.name}: ${error.message}`);
}
for (const fd of held) fs.closeSync(fd);
await subscriber.close();
console.log('closed');
