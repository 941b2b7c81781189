// Text from article files is untrusted: a title could carry an OSC 52 clipboard write, a
// window-title change or cursor moves. Everything that can reach the terminal passes through
// here. Whole escape sequences are removed (showing their payload would be noise); any control
// character left over is made visible as a Unicode "control picture" rather than dropped, so a
// reader can tell something odd was there. Because the replacements are not control characters
// themselves, sanitising twice gives the same result (tested as a property).

// OSC, DCS, SOS, PM and APC carry a string payload up to BEL or ST; bounded so a missing
// terminator cannot make the match scan a whole 1 MiB body. 7-bit (ESC x) and 8-bit (C1) forms.
const STRING_SEQUENCE =
  '(?:\\x1b[\\]PX^_]|[\\x90\\x98\\x9d\\x9e\\x9f])[^\\x07\\x1b\\x9c]{0,8192}(?:\\x07|\\x1b\\\\|\\x9c)';
// CSI: parameters, intermediates, one final byte (colours, cursor moves, mode switches).
const CSI_SEQUENCE = '(?:\\x1b\\[|\\x9b)[\\x30-\\x3f]*[\\x20-\\x2f]*[\\x40-\\x7e]';
// Any other escape: ESC, optional intermediates, one final byte (ESC c resets the terminal).
const OTHER_ESCAPE = '\\x1b[\\x20-\\x2f]*[\\x30-\\x7e]';

const ESCAPE_SEQUENCES = new RegExp(`${STRING_SEQUENCE}|${CSI_SEQUENCE}|${OTHER_ESCAPE}`, 'g');

// Bidirectional embeddings, overrides and isolates can make text display in a different order
// than it is stored (the "Trojan Source" trick); they are removed outright.
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

// Characters that need any work at all; the common case (clean text) returns early.
const NEEDS_WORK = /[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const LINE_BREAKS = /\r\n|[\n\r\u2028\u2029\t]/g;
const TEXT_BREAKS = /\r\n|[\r\u2028\u2029]/g;
const CONTROL_CHARS = /[\x00-\x08\x0a-\x1f\x7f-\x9f]/g;
const CONTROL_CHARS_KEEP_NEWLINE = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

/** Visible stand-in for a control character: ␀..␟ for C0, ␡ for DEL, � for C1. */
function visible(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return '\ufffd';
}

function stripSequences(s: string): string {
  return s.replace(ESCAPE_SEQUENCES, '').replace(BIDI_CONTROLS, '');
}

/** Makes any string safe to print on one terminal line: no escapes, no controls, no line breaks. */
export function sanitizeLine(s: string): string {
  if (!NEEDS_WORK.test(s)) return s;
  return stripSequences(s).replace(LINE_BREAKS, ' ').replace(CONTROL_CHARS, visible);
}

// Every control character, line breaks and tabs included, and the bidi controls.
const SHOWN_AS_PICTURES = /[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * A name (a file's path) made safe for one terminal line without hiding any of it, as `ls` does on
 * a terminal: nothing is removed, each control character (tab, newline and ESC included) shows as
 * its control picture (`␉`, `␊`, `␛`) and a line separator or bidi control as U+FFFD, so the reader
 * sees where every odd byte sits.
 */
export function visibleName(s: string): string {
  if (!NEEDS_WORK.test(s)) return s;
  return s.replace(SHOWN_AS_PICTURES, (ch) => (ch.charCodeAt(0) > 0x9f ? '\ufffd' : visible(ch)));
}

/** Like sanitizeLine but keeps line breaks (as `\n`) and expands tabs to 4-column stops. */
export function sanitizeText(s: string): string {
  if (!NEEDS_WORK.test(s)) return s;
  const cleaned = stripSequences(s).replace(TEXT_BREAKS, '\n');
  return expandTabs(cleaned).replace(CONTROL_CHARS_KEEP_NEWLINE, visible);
}

/** Replaces each tab with spaces up to the next multiple of 4 columns within its line. */
export function expandTabs(s: string): string {
  if (!s.includes('\t')) return s;
  return s
    .split('\n')
    .map((line) => {
      let out = '';
      for (const ch of line) {
        if (ch === '\t') out += ' '.repeat(4 - (out.length % 4));
        else out += ch;
      }
      return out;
    })
    .join('\n');
}

/** True when a string holds nothing that could drive a terminal (used by tests and assertions). */
export function isTerminalSafe(s: string, allowNewlines = false): boolean {
  const pattern = allowNewlines
    ? /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/
    : /[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;
  return !pattern.test(s);
}
