// `node scripts/bench/cold-floor.mjs DIR`: the least a cold load of DIR can cost in Node with this
// program's parser, to set beside the cold rows (BENCHMARKS.md, the forty-second round). Node starts,
// lists DIR's Markdown files, starts one thread, and this thread and that one each read and parse
// half of them with the parse threads' own code (dist/core/load/parse-worker.bundle.cjs parseFile,
// what a cold load runs per file), keeping nothing and sending nothing back: no list, no articles,
// no index, no reply to decode. Prints one JSON line: ms since the process started when this
// thread's half was done and when both were (`floorMs`), and the CPU of every thread until then.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const { parseFile } = createRequire(import.meta.url)('../../dist/core/load/parse-worker.bundle.cjs');
// The read cap a load uses by default (core/load/limits.ts, 1 MiB); the list needs no body.
const parseAll = (files) => {
  for (const f of files) parseFile({ path: f, relPath: f }, 1 << 20, false);
};

// Every .md file under `dir`, by a plain recursive listing.
function markdownFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...markdownFiles(full));
    else if (entry.name.endsWith('.md')) out.push(full);
  }
  return out;
}

if (isMainThread) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('usage: node scripts/bench/cold-floor.mjs DIR\n');
    process.exit(2);
  }
  const files = markdownFiles(dir);
  const half = files.length >> 1;
  const thread = new Worker(new URL(import.meta.url), { workerData: files.slice(half) });
  const other = new Promise((resolve, reject) => {
    thread.once('message', resolve);
    thread.once('error', reject);
  });
  parseAll(files.slice(0, half));
  const hereMs = performance.now();
  await other;
  const floorMs = performance.now();
  const cpu = process.cpuUsage();
  process.stdout.write(`${JSON.stringify({ files: files.length, hereMs: Math.round(hereMs), floorMs: Math.round(floorMs), cpuMs: Math.round((cpu.user + cpu.system) / 1000) })}\n`);
  await thread.terminate();
} else {
  parseAll(workerData);
  parentPort.postMessage(null);
}
