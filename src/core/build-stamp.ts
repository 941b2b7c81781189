// What names the code that computed stored data (the index's rows, the stored facts), so data
// computed by other code is not used: the build (scripts/postbuild.mjs) writes
// dist/build-stamps.json with a hash of each part's modules. A built file's modification time
// served before and was both too much and too little: every reinstall or rebuild of the same code
// changed it (dropping an index of a million rows), and it was one file's time, not that of the
// modules the part uses.

import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The parts of the program whose output is stored: the article parser, the per-article facts. */
export type StampedPart = 'parser' | 'facts';

let stamps: Partial<Record<StampedPart, string>> | null = null;

function readStamps(): Partial<Record<StampedPart, string>> {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(new URL('../build-stamps.json', import.meta.url), 'utf8'));
    return parsed && typeof parsed === 'object' ? (parsed as Partial<Record<StampedPart, string>>) : {};
  } catch {
    return {};
  }
}

/**
 * The build stamp of `part` (16 hex digits) from build-stamps.json beside the built modules; when
 * there is none (the program run from its sources, as the tests do), `fallback`'s modification
 * time in ms, or `'unknown'` when that cannot be read either.
 */
export function buildStamp(part: StampedPart, fallback: URL): string {
  stamps ??= readStamps();
  const stamp = stamps[part];
  if (typeof stamp === 'string' && /^[0-9a-f]{16}$/.test(stamp)) return stamp;
  try {
    return String(fs.statSync(fileURLToPath(fallback)).mtimeMs);
  } catch {
    return 'unknown';
  }
}
