// What a headline is about, beside how alike two articles read: its names and its figures. News
// headlines follow templates ("X Drained of $65M in Bridge Exploit", "X Cuts 8% of Staff"), and two
// of one template share enough words for their TF-IDF cosine to pass while they report different
// events at different firms. So a link also needs (the rule in README's "Coins and stories"):
// - one subject: when both titles name someone (a word written with a capital where a capital is
//   not just the start of a sentence or of a Title Case headline), one's name appears in the other;
// - two subjects when each title has one word the other's lacks and both are likely names (PROPER:
//   capitalised, never written in lower case by their article), as in a template's firm opening a
//   Title Case headline, where no capital tells a name;
// - two subjects when the titles open with different likely names (OPENER) neither article shares;
// - a shared coin when both titles name coins;
// - figures that agree: when both titles state amounts, percentages or counts of one kind, at
//   least one pair of them agrees (`$63M` = `$62.8 million` at the coarser one's precision);
// - a shared title word that is neither a coin, a figure nor a day or month: "Bitcoin ETFs take
//   in $500M on Tuesday" and "Bitcoin miners sell $500M on Tuesday" share only those.
// Pure; the flags ride along with each term of an article's vector (group.ts, group-stream.ts).
import { isCoinTerm, storyWords, type StoryWord } from './terms.js';

/** Term flag: the title names someone by this term. */
export const NAME = 1;
/** Term flag: a figure (amount, percentage, count) stated in the title. */
export const FIGURE = 2;
/** Term flag: the term is in the title. */
export const TITLE = 4;
/** Term flag: a coin, a figure or a day or month: shared, it does not make two titles one subject. */
export const GENERIC = 8;
/**
 * Term flag: a capitalised title word that the article never writes in lower case (in its title,
 * description or lead): likely a name, where the rules for NAME cannot read its capital (the
 * first word, or any word of a Title Case headline: `Ripple Lays Off 15% of Staff`).
 */
export const PROPER = 16;
/** Term flag: the title's first word, PROPER: the subject a template's headline opens with. */
export const OPENER = 32;
/** Term flag: a coin named in the title (with GENERIC): two titles naming coins must share one. */
export const COIN = 64;
/** Bits the flags take. */
export const FLAG_BITS = 7;

const CALENDAR = new Set(
  'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december q1 q2 q3 q4 h1 h2'.split(' '),
);

const AMOUNT_TERM = /^(\d+(?:\.\d+)?)([mbk])$/;
const PERCENT_TERM = /^(\d+(?:\.\d+)?)pct$/;
const COUNT_TERM = /^\d+(?:\.\d+)?$/;

/** A figure term's kind ('amount', 'percent', 'count') or null when the term is no figure. */
export function figureKind(term: string): string | null {
  if (AMOUNT_TERM.test(term)) return 'amount';
  if (PERCENT_TERM.test(term)) return 'percent';
  // A year is a date, not a count ("2026 outlook").
  if (COUNT_TERM.test(term) && !/^(19|20)\d\d$/.test(term)) return 'count';
  return null;
}

const SCALE: Readonly<Record<string, number>> = { k: 1e3, m: 1e6, b: 1e9 };

// A figure term's value and half its last digit's step (what rounding to it may have moved).
function valueOf(term: string): [value: number, slack: number] {
  const m = /^(\d+)(?:\.(\d+))?([mbk]|pct)?$/.exec(term);
  if (!m) return [Number.NaN, 0];
  const scale = SCALE[m[3] ?? ''] ?? 1;
  const decimals = m[2]?.length ?? 0;
  return [Number(`${m[1]}.${m[2] ?? 0}`) * scale, (0.5 * scale) / 10 ** decimals];
}

/** True when two figure terms of one kind can be the same figure (one rounds to the other). */
export function figuresAgree(a: string, b: string): boolean {
  if (a === b) return true;
  const [x, sx] = valueOf(a);
  const [y, sy] = valueOf(b);
  return Math.abs(x - y) <= Math.max(sx, sy) + 1e-9 * Math.max(x, y);
}

// Title Case: three in four of the words after the first of four letters or more start with a
// capital (coins/prose-words.ts isTitleCase reads headlines the same way).
function titleCase(words: readonly StoryWord[]): boolean {
  const long = words.slice(1).filter((w) => w.word.length >= 4 && /^\p{L}/u.test(w.word));
  return long.length >= 2 && long.filter((w) => /^\p{Lu}/u.test(w.word)).length * 4 >= long.length * 3;
}

const capital = (w: StoryWord): boolean => /^\p{Lu}/u.test(w.word);
// Written in capitals (`SEC`, `CZ`, `ETFs`): a name whatever the headline's case.
const capitals = (w: StoryWord): boolean => w.word.length >= 2 && /^[\p{Lu}\p{N}]+s?$/u.test(w.word) && /^\p{Lu}.*\p{Lu}/u.test(w.word);

/**
 * Each term of an article's title, description and lead with its flags (NAME | FIGURE | TITLE |
 * GENERIC). A title word is a name when written in capitals (`SEC`, `CZ`), when capitalised
 * inside a headline not in Title Case (the first word too when the second is: `Ostrava Markets
 * loses`), or when the description or lead capitalises it inside a sentence.
 */
export function termFlags(title: string, rest: readonly string[]): Map<string, number> {
  const flags = new Map<string, number>();
  const set = (term: string, f: number): void => void flags.set(term, (flags.get(term) ?? 0) | f);
  const restWords = rest.flatMap((text) => storyWords(text));
  const namedElsewhere = new Set(restWords.filter((w) => capital(w) && !w.opens).map((w) => w.term));
  const words = storyWords(title);
  const cased = !titleCase(words) && !words.every(capitals);
  const lower = new Set([...words, ...restWords].filter((w) => !capital(w)).map((w) => w.term));
  for (let k = 0; k < words.length; k++) {
    const w = words[k];
    let name = capitals(w) || namedElsewhere.has(w.term);
    if (cased && capital(w)) name ||= !w.opens || (k + 1 < words.length && capital(words[k + 1]) && !words[k + 1].opens);
    const coin = isCoinTerm(w.term);
    const generic = CALENDAR.has(w.term) || figureKind(w.term) !== null || coin;
    const proper = capital(w) && !generic && !lower.has(w.term);
    const kinds = (generic ? GENERIC : 0) | (coin ? COIN : 0) | (figureKind(w.term) ? FIGURE : 0);
    set(w.term, TITLE | kinds | (name && !generic ? NAME : 0) | (proper ? PROPER : 0) | (proper && k === 0 ? OPENER : 0));
  }
  for (const w of restWords) {
    const generic = CALENDAR.has(w.term) || figureKind(w.term) !== null || isCoinTerm(w.term);
    set(w.term, generic ? GENERIC : 0);
  }
  return flags;
}

/** An article's terms as grouping holds them: ids ascending in `term[from .. to)`, each with its flags. */
export interface FlaggedTerms {
  term: Int32Array;
  flags: Uint8Array;
  from: number;
  to: number;
}

/**
 * True when two articles may report one event by the file comment's rules (names, figures, a
 * shared title word); `word(id)` is a term's text. Linear in their terms.
 */
export function sameSubject(a: FlaggedTerms, b: FlaggedTerms, word: (id: number) => string): boolean {
  return judge(a, b, word, true);
}

/**
 * True when two articles' titles say they are about different things by the file comment's rules
 * (names, one differing likely name each, openers, coins, figures), whatever else they share. Two
 * articles of one story need not share a title word, but none may clash with another: group.ts
 * checks this between every member of two groups before merging them, so that a third outlet
 * alike to both cannot weld two look-alike stories into one.
 */
export function subjectsClash(a: FlaggedTerms, b: FlaggedTerms, word: (id: number) => string): boolean {
  return !judge(a, b, word, false);
}

function judge(a: FlaggedTerms, b: FlaggedTerms, word: (id: number) => string, needSharedWord: boolean): boolean {
  let x = a.from;
  let y = b.from;
  let namesA = false;
  let namesB = false;
  let nameMet = false;
  let titleShared = false;
  // Title words of one not in the other's title (coins, figures and days aside), and whether they
  // are PROPER: one each, both proper, is one template about two subjects (`Ripple Lays Off 15% of
  // Staff`, `Kraken Lays Off 15% of Staff`). And the coins each title names: none shared, two
  // subjects (`BlackRock files for spot XRP ETF`, `... spot Solana ETF`).
  let [onlyA, onlyB, properA, properB] = [0, 0, true, true];
  let [coinsA, coinsB, coinMet] = [false, false, false];
  // Each title's OPENER, and whether the other article writes it anywhere: two openers that neither
  // article shares are two subjects (`Kraken Lays Off 15% of Staff`, `Ripple cuts 15% of staff`).
  let [openerA, openerB, openerShared] = [false, false, false];
  // Whether each title has a likely name (PROPER) the other article never writes: both, in titles
  // of one template (at most two words of each not in the other), two subjects (`SEC Sues Kraken
  // Over Staking Program`, `SEC Sues Gemini Over Earn Program`).
  let [strangerA, strangerB] = [false, false];
  const figuresA: string[] = [];
  const figuresB: string[] = [];
  while (x < a.to || y < b.to) {
    const tx = x < a.to ? a.term[x] : Infinity;
    const ty = y < b.to ? b.term[y] : Infinity;
    const fa = tx <= ty ? a.flags[x] : 0;
    const fb = ty <= tx ? b.flags[y] : 0;
    if (fa & NAME) namesA = true;
    if (fb & NAME) namesB = true;
    if (fa & FIGURE) figuresA.push(word(tx));
    if (fb & FIGURE) figuresB.push(word(ty));
    if (fa & TITLE && !(fa & GENERIC) && !(fb & TITLE)) [onlyA, properA] = [onlyA + 1, properA && (fa & PROPER) !== 0];
    if (fb & TITLE && !(fb & GENERIC) && !(fa & TITLE)) [onlyB, properB] = [onlyB + 1, properB && (fb & PROPER) !== 0];
    [coinsA, coinsB] = [coinsA || (fa & COIN) !== 0, coinsB || (fb & COIN) !== 0];
    if (tx === ty && fa & fb & COIN) coinMet = true;
    if (fa & OPENER) [openerA, openerShared] = [true, openerShared || tx === ty];
    if (fb & OPENER) [openerB, openerShared] = [true, openerShared || tx === ty];
    if (tx < ty && (fa & (PROPER | TITLE | GENERIC)) === (PROPER | TITLE)) strangerA = true;
    if (ty < tx && (fb & (PROPER | TITLE | GENERIC)) === (PROPER | TITLE)) strangerB = true;
    if (tx === ty) {
      if ((fa | fb) & NAME) nameMet = true;
      if (fa & fb & TITLE && !((fa | fb) & GENERIC)) titleShared = true;
      x++;
      y++;
    } else if (tx < ty) x++;
    else y++;
  }
  if (namesA && namesB && !nameMet) return false;
  if (onlyA === 1 && onlyB === 1 && properA && properB) return false;
  if (strangerA && strangerB && onlyA <= 2 && onlyB <= 2) return false;
  if (coinsA && coinsB && !coinMet) return false;
  if (openerA && openerB && !openerShared) return false;
  if (needSharedWord && !titleShared) return false;
  if (figuresA.length > 0 && figuresB.length > 0) {
    for (const kind of new Set(figuresA.map(figureKind))) {
      const theirs = figuresB.filter((f) => figureKind(f) === kind);
      if (theirs.length > 0 && !figuresA.some((f) => figureKind(f) === kind && theirs.some((g) => figuresAgree(f, g)))) return false;
    }
  }
  return true;
}
