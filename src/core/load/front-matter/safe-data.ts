// Parsed front matter is copied into fresh, null-prototype objects before anything reads it.
// The copy is where the structural limits are enforced: a YAML alias is a shared reference, so a
// "billion laughs" document parses cheaply but explodes as soon as something walks it (the
// inspector, JSON output). Walking it here once, counting every alias use as a full copy and
// stopping at a fixed budget, turns that into a refusal. Keys that could reach a prototype
// (`__proto__`, `constructor`, `prototype`) are dropped, so no later `Object.assign` or spread
// can pollute anything.

import { LIMITS, formatBytes } from '../limits.js';
import { countText } from '../../text/index.js';

/** Thrown when front matter exceeds a limit; its message is the warning reason. */
export class FrontMatterLimitError extends Error {}

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

interface Budget {
  nodes: number;
  keys: number;
  aliases: number;
  seen: Set<object>;
  ancestors: Set<object>;
  dropped: Set<string>;
}

/** Result of a safe copy: the copied data and the unsafe keys that were dropped. */
export interface SafeCopy {
  data: Record<string, unknown>;
  droppedKeys: string[];
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function copyValue(value: unknown, depth: number, budget: Budget): unknown {
  budget.nodes += 1;
  if (budget.nodes > LIMITS.maxFrontMatterNodes) {
    throw new FrontMatterLimitError(
      `front matter expands to too many values (over ${countText(LIMITS.maxFrontMatterNodes)})`,
    );
  }
  if (value === null || typeof value !== 'object') {
    return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
  }
  if (value instanceof Date) {
    // TomlDate is a Date subclass with its own toISOString; a plain Date keeps output uniform.
    const ms = value.getTime();
    return Number.isFinite(ms) ? new Date(ms) : null;
  }
  if (value instanceof Uint8Array) return `<binary, ${formatBytes(value.length)}>`;
  if (depth >= LIMITS.maxDepth) {
    throw new FrontMatterLimitError(`front matter nested too deeply (over ${LIMITS.maxDepth} levels)`);
  }
  if (budget.ancestors.has(value)) throw new FrontMatterLimitError('front matter has a recursive alias');
  if (budget.seen.has(value)) {
    budget.aliases += 1;
    if (budget.aliases > LIMITS.maxAliases) {
      throw new FrontMatterLimitError(`front matter has too many aliases (over ${LIMITS.maxAliases})`);
    }
  }
  budget.seen.add(value);
  budget.ancestors.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => copyValue(item, depth + 1, budget));
    if (!isPlainObject(value)) return null;
    return copyObject(value as Record<string, unknown>, depth, budget);
  } finally {
    budget.ancestors.delete(value);
  }
}

function copyObject(source: Record<string, unknown>, depth: number, budget: Budget): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(source)) {
    budget.keys += 1;
    if (budget.keys > LIMITS.maxKeys) {
      throw new FrontMatterLimitError(`front matter has too many keys (over ${countText(LIMITS.maxKeys)})`);
    }
    if (UNSAFE_KEYS.has(key)) {
      budget.dropped.add(key);
      continue;
    }
    out[key] = copyValue(source[key], depth + 1, budget);
  }
  return out;
}

/**
 * Copies a parsed front-matter mapping into null-prototype objects, dropping prototype keys,
 * turning non-JSON values into plain ones, and throwing FrontMatterLimitError past a limit.
 */
export function safeCopy(mapping: Record<string, unknown>): SafeCopy {
  const budget: Budget = {
    nodes: 0,
    keys: 0,
    aliases: 0,
    seen: new Set(),
    ancestors: new Set(),
    dropped: new Set(),
  };
  const data = copyValue(mapping, 0, budget) as Record<string, unknown>;
  return { data, droppedKeys: [...budget.dropped] };
}
