// A file's UTF-8 bytes arriving in pieces (`--print markdown` on a terminal, however big the file),
// made safe as sanitizeText makes a whole text. Each piece is cut after its last line break, so an
// escape sequence, a CRLF or a tab stop within a line is seen whole; only a line longer than
// HELD_LINE is cut where its piece ends (what is shown stays safe, the cut only changes how).
import { StringDecoder } from 'node:string_decoder';
import { sanitizeText } from './sanitize.js';

// Characters of one unfinished line held back for the next piece before it is let go as it is.
const HELD_LINE = 1 << 20;

/** Sanitises a UTF-8 text given in pieces: `push` each piece's bytes, then `end`; write what each returns. */
export class SanitizedPieces {
  private readonly decoder = new StringDecoder('utf8');
  private pending = '';

  /** The safe text of every complete line so far (more when a line runs past HELD_LINE). */
  push(bytes: Uint8Array): string {
    const text = this.pending + this.decoder.write(bytes);
    let cut = text.lastIndexOf('\n') + 1;
    // A CR at the end may be the first half of a CRLF: kept for the next piece.
    if (text.length - cut > HELD_LINE) cut = text.endsWith('\r') ? text.length - 1 : text.length;
    this.pending = text.slice(cut);
    return sanitizeText(text.slice(0, cut));
  }

  /** The safe text of whatever is left. */
  end(): string {
    const rest = this.pending + this.decoder.end();
    this.pending = '';
    return sanitizeText(rest);
  }
}
