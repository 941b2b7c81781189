// Terminal column counts the way tmux 3.3 makes them: libc wcwidth() per code point, summed, with
// no grapheme clustering (a ZWJ sequence is its parts, a skin-tone modifier is 2 more columns, a
// soft hyphen is 1). Used to check that no row is wider on screen than the app measured it.
import { eastAsianWidth } from 'get-east-asian-width';

const ZERO = /^[\p{Mn}\p{Me}\p{Cf}\u1160-\u11ff\ud7b0-\ud7ff]$/u;

/** wcwidth of one code point (glibc's rule: 0 for marks and format characters except U+00AD). */
export function wcwidth(ch: string): number {
  if (ch === '\u00ad') return 1;
  if (ZERO.test(ch)) return 0;
  return eastAsianWidth(ch.codePointAt(0) ?? 0);
}

/**
 * Columns a row of the app takes in tmux: the sum of its code points' wcwidth. WIDE_PAD marks
 * (U+FDD0) never reach the terminal: the frame writer turns them into cursor moves past the
 * emoji before them (ui/frame/frame-writer.ts), which tmux draws at the width they stand in for.
 */
export function tmuxWidth(s: string): number {
  let w = 0;
  for (const ch of s) if (ch !== '\ufdd0') w += wcwidth(ch);
  return w;
}
