// A 30-bit hash (FNV-1a) of a string's UTF-8 bytes, computed either from a JS string or from bytes
// a TextColumn (text-column.ts) holds, so a column's value can be looked up in a set of strings'
// hashes without making its string (at a million rows the strings, not the look-ups, were the
// cost: reading/read-probe.ts). Equal strings hash equal; unequal ones may too, so a hit only says
// "maybe": the caller checks it exactly. 30 bits, so that V8 keeps a hash as a small integer (a
// Smi): a Map keyed by wider numbers boxes each one looked up (measured: the look-up then cost
// more than the hash).

/** The state a hash starts from (FNV-1a's offset basis, as a signed 32-bit integer). */
export const HASH_SEED = 0x811c9dc5 | 0;
/** What a null value hashes to: never a hash of bytes (those are 0 to 2^30 - 1). */
export const NO_HASH = -1;
const HASH_MASK = 0x3fffffff;

/** The hash state after `bytes[from..to)`, continuing from `state` (signed 32-bit; hashOf makes it a hash). */
export function hashState(bytes: Uint8Array, from: number, to: number, state = HASH_SEED): number {
  let h = state;
  for (let i = from; i < to; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return h;
}

/** The hash state after `text`'s UTF-8 bytes (a lone surrogate as U+FFFD, as a TextColumn keeps it), continuing from `state`. */
export function textState(text: string, state = HASH_SEED): number {
  const bytes = Buffer.from(text, 'utf8');
  return hashState(bytes, 0, bytes.length, state);
}

/** The hash a state stands for: 0 to 2^30 - 1. */
export function hashOf(state: number): number {
  return state & HASH_MASK;
}

/** The hash of `text`'s UTF-8 bytes. */
export function hashText(text: string): number {
  return hashOf(textState(text));
}
