// The escape sequences a frame's rows carry besides their text, as ECMA-48 spells them: CSI
// (`ESC [` parameters, intermediates, a final byte: SGR colours, cursor moves), OSC strings ended
// by BEL or ST (OSC 8 hyperlinks, placed-row references) and two-byte escapes (`ESC` + 0x40-0x5F).
// One pattern for every module that skips or copies them, so they all agree on where a sequence
// ends.
const SOURCE = String.raw`\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])`;

/** Every escape in a text (global: for `replace` and `match`, which reset `lastIndex` themselves). */
export const ESCAPES = new RegExp(SOURCE, 'g');

/** The escape starting exactly at `lastIndex` (sticky: set `lastIndex`, then `exec`). */
export const ESCAPE_AT = new RegExp(SOURCE, 'y');

/** `text` without its escapes: what a terminal draws as cells. */
export function withoutEscapes(text: string): string {
  return text.includes('\x1b') ? text.replace(ESCAPES, '') : text;
}
