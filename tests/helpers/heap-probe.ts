// A probe of the old generation's growth, as module source for a child process: it keeps 1,000
// strings a round (~18 MB after 300 rounds) while the last 8 rounds of 8,000 strings of garbage
// each stay reachable, then collects once. It leaves `peak` (the old space's largest committed
// size) and `old()` (the old space now: `old().space_used_size` is what is live) defined, and
// needs `v8` (node:v8) imported. Held at a fixed growth (heap-growth.ts) the peak stays within
// 2.5x what is live; V8's own dynamic factor lets it reach about 4x.
export const OLD_GENERATION_PEAK = `
const old = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'old_space');
const live = [], ring = [];
let peak = 0;
for (let round = 0; round < 300; round++) {
  live.push(Array.from({ length: 1000 }, (_, i) => ('kept ' + round + ' ' + i).padEnd(48, '.')));
  ring.push(Array.from({ length: 8000 }, (_, i) => ('junk ' + round + ' ' + i).padEnd(48, '.')));
  if (ring.length > 8) ring.shift();
  peak = Math.max(peak, old().space_size);
}
ring.length = 0;
v8.setFlagsFromString('--expose-gc');
(await import('node:vm')).runInNewContext('gc')();
`;
