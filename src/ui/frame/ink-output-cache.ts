// ink 6.8 makes a new Output for every frame, and with it new caches of each written line's
// styled cells and width: every frame tokenises every line on screen again, though between two
// keystrokes almost all of them are the same. This keeps one set of those caches across frames
// (bounded), by wrapping Output.prototype.get. It reaches into ink's build, so it checks the
// shape it expects and does nothing when a different ink does not match (a test pins it).

import { inkOutputPrototype } from './ink-output-class.js';

interface OutputCaches {
  widths: Map<string, number>;
  blockWidths: Map<string, number>;
  styledChars: Map<string, unknown[]>;
}
interface OutputLike {
  caches?: unknown;
}

/** Lines whose styled cells are kept (~120 cells each); beyond it the caches start again. */
export const KEPT_LINES = 2_000;

function isCaches(c: unknown): c is OutputCaches {
  const o = c as Partial<OutputCaches> | null;
  return !!o && o.widths instanceof Map && o.blockWidths instanceof Map && o.styledChars instanceof Map;
}

/**
 * Makes ink's frames share their line caches; resolves true when ink's Output had the expected
 * shape and is now wrapped (idempotent), false when it was left alone.
 */
export async function shareInkOutputCaches(): Promise<boolean> {
  const proto = await inkOutputPrototype<{ get?: unknown; sharedCaches?: true }>();
  if (!proto) return false;
  if (proto.sharedCaches) return true;
  const get = proto.get as (this: OutputLike) => unknown;
  let shared: OutputCaches | null = null;
  proto.get = function (this: OutputLike) {
    if (isCaches(this.caches)) {
      if (shared && shared.styledChars.size + shared.blockWidths.size > KEPT_LINES) shared = null;
      if (shared) this.caches = shared;
      else shared = this.caches;
    }
    return get.call(this);
  };
  proto.sharedCaches = true;
  return true;
}
