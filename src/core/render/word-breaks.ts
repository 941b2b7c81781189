// Where wrap.ts may break a piece of text that has no space in it: between the words of a script
// written without spaces, and at the no-break spaces of a run too wide for the line. Apart from
// the line building because these find break points and keep no line state.
import { displayText, eachGrapheme, textWidth } from '../width/index.js';

// A word this long (in UTF-16 units) is wider than any pane; it is not measured whole, only cut.
export const LONG_WORD = 2048;

// Thai, Lao, Khmer and Myanmar put no spaces between words: a run in those scripts is cut at the
// word boundaries ICU's dictionaries find (Intl.Segmenter), each then a break point as a
// zero-width space is, so a line breaks between words, not inside one. Runs longer than LONG_WORD
// are not: the segmenter's iterator is slow on long strings.
const DICTIONARY_SCRIPT = /[\u0e01-\u0e5b\u0e81-\u0edf\u1780-\u17f9\u19e0-\u19ff\u1000-\u109f\ua9e0-\ua9fe\uaa60-\uaa7f]/;
// Where a dictionary's word end is inside a syllable all the same: before a mark (Myanmar's vowel
// signs and visarga are clusters of their own to ICU: မ|ာ), and before a Myanmar consonant killed
// by asat (U+103A), which closes the syllable before it (ICU splits ဒစ်ဂျစ်တယ် as ဒ|စ်ဂျစ်|တယ်).
const SYLLABLE_TAIL = /^(?:\p{M}|[\u1000-\u1021\u1075-\u1081\uaa60-\uaa7a]\u1037?\u103a)/u;
let segmenter: Intl.Segmenter | null = null;

/** `piece` cut into its words when it is in one of those scripts (and no longer than LONG_WORD), else `[piece]`. */
export function dictionaryWords(piece: string): string[] {
  if (piece.length > LONG_WORD || !DICTIONARY_SCRIPT.test(piece)) return [piece];
  segmenter ??= new Intl.Segmenter('th', { granularity: 'word' });
  // A word end inside a grapheme cluster (the dictionary splits a string that is no word, such as
  // `กิน้|ำ`, before the vowel AM) is no place to break: the cluster stays whole.
  const clusterEnds = new Set<number>();
  let at = 0;
  for (const g of eachGrapheme(piece)) clusterEnds.add((at += g.length));
  const words: string[] = [];
  let word = '';
  at = 0;
  for (const { segment } of segmenter.segment(piece)) {
    word += segment;
    at += segment.length;
    if (clusterEnds.has(at) && !SYLLABLE_TAIL.test(piece.slice(at, at + 3))) {
      words.push(word);
      word = '';
    }
  }
  if (word) words.push(word);
  return words;
}

// Words joined by no-break spaces (Medium's and Substack's exports put `&nbsp;` between many
// words) are kept together while they fit; a run wider than the whole line breaks at its no-break
// spaces, not inside a word (`Ex|change`), each one ending the part before it. Null: no such run.
export function nbspParts(piece: string, width: number): string[] | null {
  if (!piece.includes('\u00a0') || textWidth(displayText(piece), width) <= width) return null;
  return piece.split(/(?<=\u00a0)/);
}
