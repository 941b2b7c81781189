// What the words around a name or ticker say of it (detect.ts): a company's or a school's word
// after it, an everyday noun after it, its project's word after it, an owner before it, a clock
// time or an offset around a time zone. Each reads the text's tokens (prose-words.ts) only.
import type { Token } from './prose-words.js';
import { COMPANY_WORDS, INSTITUTION_WORDS, NOUN_WORDS, PROJECT_WORDS } from './words.js';

// The word at `next` when it follows the word before across spaces only ('' when none does).
function wordAfter(text: string, tokens: readonly Token[], next: number): string {
  const t = tokens[next];
  return t !== undefined && /^ +$/.test(text.slice(tokens[next - 1].end, t.start)) ? t.text : '';
}

/**
 * A name or ticker that is a word, followed by a company word, names the company ("Cortex Labs
 * Fined $72M", "ARK Invest Buys", "Quant Funds Lose"): `next` is the token after it, which must
 * be capitalised and follow it across a space only (README "Coins and stories").
 */
export function namesCompany(text: string, tokens: readonly Token[], next: number): boolean {
  return COMPANY_WORDS.has(wordAfter(text, tokens, next));
}

/**
 * A name or ticker that is a word, followed by an everyday noun, is part of that noun's phrase
 * ("Gas fees spike 40%", "Data centers", "Safe haven"): `next` is the token after it, in any
 * case, across a space only (words.ts NOUN_WORDS).
 */
export function opensNounPhrase(text: string, tokens: readonly Token[], next: number): boolean {
  return NOUN_WORDS.has(wordAfter(text, tokens, next).toLowerCase());
}

/** A ticker that is no word, followed by a word that names only a firm or a school (`ETH Zurich`, `BTC Labs`), across a space only. */
export function namesInstitution(text: string, tokens: readonly Token[], next: number): boolean {
  return INSTITUTION_WORDS.has(wordAfter(text, tokens, next));
}

/**
 * A word after its owner is the owner's thing, not a coin: `Cathie Wood's ARK sells 5%`.
 */
export const owned = (text: string, start: number): boolean => /['\u2019]s\s+$/.test(text.slice(Math.max(0, start - 4), start));

/**
 * The token at `next` is a project's word (words.ts PROJECT_WORDS), in any case; `Development` may come first (`Stellar Development Foundation`).
 */
export const namesProject = (tokens: readonly Token[], next: number): boolean => {
  const word = (k: number): string => tokens[k]?.text.toLowerCase() ?? '';
  return PROJECT_WORDS.has(word(next)) || (word(next) === 'development' && word(next + 1) === 'foundation');
};

// Time-zone abbreviations: three of them are tickers too (GMT is STEPN's, CDT and AST others'),
// and "10:30 GMT" is a time, not a coin. A zone word counts as no coin after a clock time
// (`10:30`, `09:00:00`, `3pm`, `3 p.m.`) or before an offset (`GMT+8`, `GMT-05:00`); elsewhere
// ("GMT jumps 12%") the ticker rules decide as for any ticker.
const ZONES: ReadonlySet<string> = new Set(
  ('UTC GMT UT EST EDT CST CDT MST MDT PST PDT AKST AKDT HST AST ADT NST NDT WET WEST CET CEST EET EEST MSK BST IST ' +
    'GST PKT ICT WIB HKT SGT PHT JST KST AEST AEDT ACST AWST NZST NZDT SAST CAT EAT WAT BRT ART CLT').split(' '),
);
const CLOCK_BEFORE = /(?:\b\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[ap]\.?m\b\.?)?|\b\d{1,2}\s*[ap]\.?m\b\.?)\s*\(?$/i;
const OFFSET_AFTER = /^[+\u2212-]\d/;
export function isZone(text: string, tok: Token): boolean {
  return ZONES.has(tok.text) && (CLOCK_BEFORE.test(text.slice(Math.max(0, tok.start - 24), tok.start)) || OFFSET_AFTER.test(text.slice(tok.end, tok.end + 2)));
}
