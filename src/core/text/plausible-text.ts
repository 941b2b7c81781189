// How plausible a text is as writing in some language, for choosing between readings of the same
// bytes (core/load's legacy encodings): words in one script, capitals only at a word's start,
// vowels in Cyrillic and Greek words, the accented letters of one language, the letters a language
// uses most, no symbols glued to letters. Cheap tests a misreading fails, not a language model.

// Non-letters that sit next to letters in real text: quotes, dashes, ellipsis, bullets, marks.
const BESIDE_LETTERS = /[\u00a0\u00a9\u00ae\u00b0\u00b7\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2022\u2026\u2039\u203a\u2122\u00ab\u00bb]/;
const LETTER = /[\p{L}\p{M}]/u;
const WORD_OR_SYMBOL = /[\p{L}\p{M}]+|[^\p{L}\p{M}\s\x00-\x7f]/gu;
const CYRILLIC_VOWEL = /[аеёиоуыэюяіїєАЕЁИОУЫЭЮЯІЇЄ]/;
const GREEK_VOWEL = /[αεηιουωάέήίόύώϊϋΐΰΑΕΗΙΟΥΩΆΈΉΊΌΎΏ]/;


/** Judges one word that holds a non-ASCII letter: +1 reads as a word, -1 cannot be one, 0 cannot tell. */
function judgeWord(word: string): number {
  let latin = 0;
  let cyrillic = 0;
  let greek = 0;
  let run = 0;
  let longestRun = 0;
  let lowerSeen = false;
  let upper = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0x400 && c <= 0x4ff) cyrillic += 1;
    else if (c >= 0x370 && c <= 0x3ff) greek += 1;
    else if (c < 0x250) latin += 1;
    run = c >= 0x80 && c < 0x250 ? run + 1 : 0;
    if (run > longestRun) longestRun = run;
    const ch = word[i];
    const isUpper = ch !== ch.toLowerCase();
    // A capital after a small letter: KOI8-R read as cp1251 (and back), Greek tonos read as Cyrillic.
    if (isUpper && lowerSeen) return -1;
    if (isUpper) upper += 1;
    else if (ch !== ch.toUpperCase()) lowerSeen = true;
  }
  // Capitals past the first before small letters (`НЭб`, Greek `Νέα` read as cp1251).
  if (lowerSeen && upper > 1) return -1;
  const scripts = (latin > 0 ? 1 : 0) + (cyrillic > 0 ? 1 : 0) + (greek > 0 ? 1 : 0);
  if (scripts > 1) return -1;
  // Cyrillic or Greek read as Latin: every letter accented. No Latin-script language runs five.
  if (latin > 0 && longestRun >= 5) return -1;
  if (cyrillic > 0 && word.length >= 3 && !CYRILLIC_VOWEL.test(word)) return -1;
  if (greek > 0) {
    if (word.length >= 3 && !GREEK_VOWEL.test(word)) return -1;
    // Greek writes ς only at a word's end and σ never there.
    const sigma = word.indexOf('ς');
    if ((sigma !== -1 && sigma < word.length - 1) || (word.length > 1 && word.endsWith('σ'))) return -1;
  }
  // One letter says nothing (a stray byte reads as one in most encodings), nor do Latin capitals or a run of 3-4 accents (`ÍÎÂ` is Cyrillic capitals read as cp1252).
  if (word.length === 1 || (latin > 0 && (upper === word.length || longestRun >= 3))) return 0;
  return 1;
}

/** How a reading reads: words that read as words, and words or symbols that cannot be text. */
function tally(text: string): { good: number; bad: number } {
  const t = { good: 0, bad: 0 };
  for (const m of text.matchAll(WORD_OR_SYMBOL)) {
    const s = m[0];
    const at = m.index ?? 0;
    if (LETTER.test(s[0])) {
      if (!/[^\x00-\x7f]/.test(s)) continue;
      const v = judgeWord(s);
      if (v > 0) t.good += 1;
      else if (v < 0) t.bad += 1;
      continue;
    }
    // A symbol glued to a letter: `£odzi`, `mo¿e`, `¯ó³æ` are Polish read as cp1252.
    const before = at > 0 && LETTER.test(text[at - 1]);
    const after = at + 1 < text.length && LETTER.test(text[at + 1]);
    if (!before && !after) continue;
    if (BESIDE_LETTERS.test(s) || ((s === '\u00bf' || s === '\u00a1') && !before)) continue;
    t.bad += 1;
  }
  return t;
}

// The accented letters each language written in Latin script uses (Windows-1252's and
// Windows-1250's): a reading whose letters no one language has is a misreading, Czech read as
// cp1252 (`výraznì`, `øíkají`) or Portuguese read as cp1250 (`cotaçăo`).
const LANGUAGES = [
  'àâæçéèêëîïôœùûüÿ', // French
  'äöüßéàè', // German
  'áéíñóúü', // Spanish
  'áâãàçéêíóôõúü', // Portuguese
  'àèéìíòóùîï', // Italian
  'æøåéèóòôü', // Danish, Norwegian
  'åäöéü', // Swedish, Finnish
  'éëïèöüáóú', // Dutch
  'áéíóúýþæöð', // Icelandic
  'àèéíïòóúç', // Catalan
  'äöõüšž', // Estonian
  'ąćęłńóśźż', // Polish
  'áčďéěíňóřšťúůýž', // Czech
  'áäčďéíĺľňóôŕšťúýž', // Slovak
  'áéíóöőúüű', // Hungarian
  'čćđšž', // Slovene, Croatian, Bosnian
  'ăâîșşțţ', // Romanian
  'çë', // Albanian
  'äöüß', // German in Windows-1250
];

/** Distinct accented Latin letters of `text` that the language fitting it best lacks (0: one language has them all). */
export function lettersNoLanguageHas(text: string): number {
  const seen = new Set<string>();
  for (const m of text.matchAll(/[\u00c0-\u024f]/g)) {
    const c = m[0].toLowerCase();
    if (c !== '\u00d7' && c !== '\u00f7') seen.add(c);
  }
  if (seen.size === 0) return 0;
  let fewest = seen.size;
  for (const letters of LANGUAGES) {
    let missing = 0;
    for (const c of seen) if (!letters.includes(c)) missing += 1;
    if (missing < fewest) fewest = missing;
  }
  // One stray letter (a name, a loan word) is forgiven in a text with several.
  return seen.size >= 4 && fewest === 1 ? 0 : fewest;
}

// The ten or so letters Russian, Ukrainian and Bulgarian text is mostly made of (about 60%): KOI8-R
// read as cp1251 swaps case, and all-capital text then reads as small letters that are mostly rare ones.
const COMMON_CYRILLIC = /[оеаинтсрвліОЕАИНТСРВЛІ]/g;
const CYRILLIC_LETTER = /[\u0400-\u04ff]/g;

/** Whether a text's Cyrillic letters are the common ones real text is made of (true when too few to tell). */
function commonCyrillic(text: string): boolean {
  const n = text.match(CYRILLIC_LETTER)?.length ?? 0;
  if (n < 8) return true;
  return (text.match(COMMON_CYRILLIC)?.length ?? 0) >= n * 0.45;
}

/**
 * How well `text` reads as writing: words that read as words, less twice those and the symbols
 * that cannot be (and twice the accented letters no one language has). Only non-ASCII words count.
 */
export function plausibility(text: string): number {
  const t = tally(text);
  const score = t.good - 2 * t.bad - 2 * lettersNoLanguageHas(text);
  return commonCyrillic(text) ? score : Math.min(score, 0);
}
