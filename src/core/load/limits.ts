// Every bound the loader puts on untrusted files, in one place. A news folder can hold anything
// (a 4 GiB log renamed .md, a YAML "billion laughs", 100k nested brackets); each limit below keeps
// one file's cost small and predictable so no file can hang the load or exhaust memory.

import { buildStamp } from '../build-stamp.js';

/** The loader's resource limits and their defaults. */
export const LIMITS = {
  /** Bytes read per file; larger files load truncated with a warning. `LoadOptions.maxFileSize` raises it. */
  maxFileSize: 1024 * 1024,
  /** Characters of front matter (between the delimiters); bigger blocks are refused. */
  maxFrontMatterChars: 64 * 1024,
  /** Values reachable in parsed front matter, counting each alias use as a full copy. */
  maxFrontMatterNodes: 10_000,
  /** Times a YAML anchor may be re-used (alias references) in one document. */
  maxAliases: 100,
  /** Nesting depth of front-matter maps and lists. */
  maxDepth: 32,
  /** Keys across all maps of one front-matter block. */
  maxKeys: 2_000,
  /** Body lines longer than this (UTF-16 units) are cut, with a note. */
  maxLineLength: 16_384,
  /** How far into a file to look for NUL bytes when deciding it is binary. */
  binarySniffBytes: 8 * 1024,
  /** Files being read at once: callback readFile with ~64 in flight was fastest cold (perf-notes). */
  readsInFlight: 64,
} as const;

/** Human size for warnings: `1 MiB`, `64 KiB`, `1.5 MiB`, `300 B`. */
export function formatBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const text = Number.isInteger(value) ? String(value) : value.toFixed(1).replace(/\.0$/, '');
  return `${text} ${units[unit]}`;
}

const MAX_CAP = 1024 * 1024 * 1024;

/** The read cap in force for `maxFileSize` (LIMITS.maxFileSize when unset or not a positive number). */
export function effectiveCap(maxFileSize: number | undefined): number {
  if (maxFileSize === undefined || !Number.isFinite(maxFileSize) || maxFileSize < 1) return LIMITS.maxFileSize;
  return Math.min(Math.floor(maxFileSize), MAX_CAP);
}

/**
 * What built the index's rows: the parser's build (core/build-stamp.ts) and the read cap (an
 * upgraded parser may read the same bytes differently). Here, not beside the parser, so that a
 * run that only checks the index (a warm `--filter`) does not load the parser to name it.
 */
export function parserStamp(cap: number): string {
  return `${buildStamp('parser', new URL('./parse-worker.js', import.meta.url))}:${cap}`;
}
