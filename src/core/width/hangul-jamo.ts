// Hangul jamo that stand alone, put in a form every terminal draws alike. Conjoining jamo build a
// syllable: a leading consonant (L, U+1100-115F), a vowel (V, U+1160-11A7) and a final (T,
// U+11A8-11FF), each V and T joining the letter before it. Standing alone they split the terminals:
// tmux 3.3a (wcwidth) draws the choseong filler U+115F 2 columns wide and a lone vowel or final in
// no column of its own, merged into the cell before it (`[ᆨ]` is 2 columns), where string-width,
// and so ink's layout, counts 0 and 1: a row holding one lost or gained a column and the pane's
// right border left its place (`A: [ᅟ] end.` pushed it onto the next row).
// - A cluster of fillers alone (U+115F, U+115F U+1160) shows as the blank it is, 2 columns as tmux
//   draws it; a lone jungseong filler U+1160 (no column in tmux, none in string-width) as nothing.
// - A lone vowel or final gets the fillers before it, U+115F (and U+1160 before a final), the way
//   Unicode writes a jamo alone (The Unicode Standard, 3.12): one syllable cluster, which width.ts
//   measures at tmux's 2 columns and pads for ink.

// A run of fillers making a cluster of their own: no leading consonant before it, nothing after it
// that would join it (a vowel, a final or a syllable after U+115F; a vowel or final after U+1160).
const FILLERS = /(?<![\u1100-\u115f\ua960-\ua97c])\u115f+(?:\u1160+(?![\u1160-\u11ff\ud7b0-\ud7ff])|(?![\u1100-\u11a7\ua960-\ua97c\ud7b0-\ud7c6\uac00-\ud7a3]))/g;
// Vowels then finals, or finals: the conjoining jamo a cluster may start with after its L or syllable.
const VOWELS_FINALS = /[\u1160-\u11a7\ud7b0-\ud7c6]+[\u11a8-\u11ff\ud7cb-\ud7fb]*|[\u11a8-\u11ff\ud7cb-\ud7fb]+/g;
const LEADING = /[\u1100-\u115f\ua960-\ua97c]/;
const VOWEL = /^[\u1160-\u11a7\ud7b0-\ud7c6]/;

/** Whether `s` may hold a lone jamo (a cheap test before the reading below). */
export function mayHoldLoneJamo(s: string): boolean {
  return /[\u115f-\u11ff\ud7b0-\ud7ff]/.test(s);
}

// Whether a run of vowels or finals joins the character before it into one syllable: a vowel
// after a leading consonant or a syllable with no final; a final after any syllable.
function joins(before: string, run: string): boolean {
  if (VOWEL.test(run) && LEADING.test(before)) return true;
  const syllable = before.charCodeAt(0) - 0xac00;
  if (syllable < 0 || syllable > 0xd7a3 - 0xac00) return false;
  return !VOWEL.test(run) || syllable % 28 === 0;
}

/** `s` with its lone jamo in the form above; applying it twice changes nothing. */
export function loneJamoShown(s: string): string {
  return s
    .replace(FILLERS, (run) => '  '.repeat(run.replace(/\u1160/g, '').length))
    .replace(VOWELS_FINALS, (run, at: number, whole: string) => {
      if (at > 0 && joins(whole[at - 1], run)) return run;
      if (/^\u1160+$/.test(run)) return '';
      return (VOWEL.test(run) ? '\u115f' : '\u115f\u1160') + run;
    });
}
