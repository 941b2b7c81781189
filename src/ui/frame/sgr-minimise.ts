// The colours and attributes of a write, said once. Rows reach the frame writer as chalk and ink
// spell them: every span sets its style and undoes it (`ESC[36m ESC[39m` around an empty span,
// `ESC[1m…ESC[22m ESC[1m…ESC[22m` for two bold spans side by side), every row ends in a reset, and
// a row written from a changed cell replays every escape before the cut (row-diff.ts). A terminal
// (and tmux, whose control client escapes every ESC again) parses each of those bytes for nothing:
// a `j` wrote ~430 bytes, fzf's ~220. Here the SGR sequences of a write are followed as a state
// and said only where a cell is written or erased, as the one shortest sequence (the attributes
// that differ, or a reset and the attributes that are on) that brings the terminal from what it
// has to what the cell needs. Every cell gets the attributes it got before; the terminal ends the
// write in the state it ended in before.
//
// The state at the start of a write is not assumed: an attribute the write has not set yet is
// unknown, and is left as the terminal has it. An SGR this module does not model (a colon form, a
// font, a double underline) and any other escape that may read or change the attributes (a saved
// and restored cursor, a screen switch) is passed on where it was, after what was pending, and
// makes every attribute unknown again.

import { applySgr, COUNT, difference, fromReset, modelled, sgrParams, type State } from './sgr-state.js';

// An OSC sequence (a hyperlink), ended by BEL or ST.
const OSC = /\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/y;
// DEC private modes that touch no attribute: synchronized output, the cursor's visibility.
const QUIET_MODES = new Set(['?2026', '?25']);
// CSI finals that neither read nor change the attributes: cursor moves (A B C D G H d f).
const MOVE_FINALS = new Set([0x41, 0x42, 0x43, 0x44, 0x47, 0x48, 0x64, 0x66]);
// CSI finals that fill cells with the current background: erase, insert/delete, scroll (J K X @ P L M S T).
const FILL_FINALS = new Set([0x4a, 0x4b, 0x58, 0x40, 0x50, 0x4c, 0x4d, 0x53, 0x54]);

/**
 * The attributes and hyperlink in force after `bytes` (a row's text and escapes) drawn from a
 * reset with no link open, as a string equal for equal states; null when it holds an escape this
 * module does not model (row-diff.ts then takes the states for different).
 */
export function styleAfter(bytes: string): string | null {
  const state: State = new Array<string | null>(COUNT).fill('');
  let link = '';
  let i = bytes.indexOf('\x1b');
  while (i >= 0) {
    if (bytes.charCodeAt(i + 1) === 0x5d /* ] */) {
      OSC.lastIndex = i;
      const osc = OSC.exec(bytes);
      if (!osc) return null;
      // OSC 8 ; params ; URI: the link the next cells belong to ('' closes it).
      if (osc[0].startsWith('\x1b]8;')) link = osc[0].slice(osc[0].indexOf(';', 4) + 1).replace(/\x07$|\x1b\\$/, '');
      i = bytes.indexOf('\x1b', i + osc[0].length);
      continue;
    }
    if (bytes.charCodeAt(i + 1) !== 0x5b /* [ */) return null;
    const end = bytes.indexOf('m', i);
    if (end < 0) return null;
    const count = sgrParams(bytes, i + 2, end);
    if (count < 0 || !modelled(count)) return null;
    applySgr(count, state);
    i = bytes.indexOf('\x1b', end + 1);
  }
  return `${state.join(';')}|${link}`;
}

/**
 * `bytes` (text and escape sequences, as the frame writer sends them) with its SGR sequences
 * merged: each run of them between two written or erased cells becomes the one shortest SGR that
 * gives the next cell the same attributes (none when it needs no change), and the write ends with
 * the terminal in the same state. Text, cursor moves, hyperlinks and every other escape pass
 * through unchanged and in order.
 */
export function minimiseSgr(bytes: string): string {
  if (!bytes.includes('m')) return bytes;
  // What the terminal has (as this output leaves it), and what the next cell needs (as the input would leave it).
  const has: State = new Array<string | null>(COUNT).fill(null);
  const wants: State = has.slice();
  // The input's SGR sequences since the last flush: written as they were when no shorter form can be said.
  let pendingFrom = -1;
  let pendingTo = -1;
  let pendingRaw = '';
  let out = '';
  // The input from `kept` to where the scan is goes out as it is (text and escapes other than SGR).
  let kept = 0;
  const flush = (at: number) => {
    if (pendingFrom < 0) return;
    const diff = difference(has, wants);
    // Nothing to say (a style undone and set again, a row's reset before a row in the same style) is the usual case.
    const reset = diff === '' ? null : fromReset(wants);
    const codes = diff === null ? reset : reset === null || diff.length <= reset.length ? diff : reset;
    out += bytes.slice(kept, at);
    kept = at;
    if (codes === null) out += pendingRaw + bytes.slice(pendingFrom, pendingTo);
    else if (codes !== '') out += `\x1b[${codes}m`;
    for (let a = 0; a < COUNT; a++) has[a] = wants[a];
    pendingFrom = -1;
    pendingRaw = '';
  };
  const forget = () => {
    has.fill(null);
    wants.fill(null);
  };
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const esc = bytes.indexOf('\x1b', i);
    const end = esc < 0 ? n : esc;
    if (end > i) {
      flush(i);
      i = end;
      continue;
    }
    // A CSI: parameter bytes, intermediate bytes, a final byte.
    if (bytes.charCodeAt(i + 1) === 0x5b /* [ */) {
      let j = i + 2;
      while (j < n && bytes.charCodeAt(j) >= 0x30 && bytes.charCodeAt(j) <= 0x3f) j++;
      const paramsEnd = j;
      while (j < n && bytes.charCodeAt(j) >= 0x20 && bytes.charCodeAt(j) <= 0x2f) j++;
      const final = j < n ? bytes.charCodeAt(j) : -1;
      if (final >= 0x40 && final <= 0x7e) {
        const next = j + 1;
        const plainCsi = paramsEnd === j;
        const count = final === 0x6d /* m */ && plainCsi ? sgrParams(bytes, i + 2, paramsEnd) : -1;
        if (count > 0 && modelled(count)) {
          applySgr(count, wants);
          out += bytes.slice(kept, i);
          kept = next;
          // Consecutive SGRs are one slice of the input; a run split by a quiet escape is kept in pieces.
          if (pendingFrom >= 0 && pendingTo !== i) {
            pendingRaw += bytes.slice(pendingFrom, pendingTo);
            pendingFrom = i;
          } else if (pendingFrom < 0) pendingFrom = i;
          pendingTo = next;
        } else if (!(plainCsi && (MOVE_FINALS.has(final) || ((final === 0x68 || final === 0x6c) && QUIET_MODES.has(bytes.slice(i + 2, paramsEnd)))))) {
          flush(i);
          const fills = plainCsi && FILL_FINALS.has(final) && bytes.charCodeAt(i + 2) !== 0x3f; /* ? */
          if (!fills) forget();
        }
        i = next;
        continue;
      }
    }
    // An OSC (a hyperlink): touches no attribute.
    if (bytes.charCodeAt(i + 1) === 0x5d /* ] */) {
      OSC.lastIndex = i;
      const osc = OSC.exec(bytes);
      if (osc) {
        i += osc[0].length;
        continue;
      }
    }
    // Anything else (a two-byte escape, a saved or restored cursor, a lone ESC): written after
    // what was pending, and then nothing is assumed of the attributes.
    flush(i);
    forget();
    i += 1;
  }
  flush(n);
  return kept === 0 ? bytes : out + bytes.slice(kept);
}
