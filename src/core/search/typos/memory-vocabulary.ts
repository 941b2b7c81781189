// The typo rule's vocabulary where no on-disk index answers (`--no-cache`, a dashboard before the
// index's words are attached), read from the articles in memory: the same answers as the index's
// vocabulary (index/vocabulary.ts) for the words the rule reads (plain ASCII letters and digits).
// Listing every token of every body cost ~1.5 s at 10k articles (5M tokens into a Set); the rule
// needs far less: whether some article holds the word (a substring search, as the search's own),
// and, for a word none holds, the tokens sharing its first letter (nearestTokens reads no others):
// one regular-expression pass, ~60 ms over 10k bodies, kept per letter while no article is added.
// Token edges as FTS5's unicode61 (remove_diacritics 2) draws them over folded text: at any
// character that is not a letter, a digit, a private-use character or a combining mark.

import { bodyInMemory, type Article } from '../../article.js';
import { bodyOf, containsAll, type Hay } from '../haystack.js';

// A token's characters (unicode61's, above).
const TOKEN_CHAR = '[\\p{L}\\p{N}\\p{Mn}\\p{Co}]';

/** The articles' own vocabulary, as the typo rule asks it (typos/typo-rule.ts TypoVocabulary). */
export class MemoryVocabulary {
  // Per first letter, the sorted tokens found, for the articles there were then.
  private readonly stretches = new Map<string, string>();
  private size = 0;

  constructor(
    private readonly docs: readonly Article[],
    private readonly hayOf: (id: number) => Hay,
  ) {}

  /**
   * Whether an article from `from` on holds `word` where the search finds words: its short
   * fields, or its body when in memory (`--filter` reads every body first; the dashboard's
   * newest, read ahead: no file is read here).
   */
  holds(word: string, from = 0): boolean {
    for (let id = from; id < this.docs.length; id++) if (containsAll(this.hayOf(id), [word], bodyInMemory(this.docs[id]))) return true;
    return false;
  }

  /**
   * The plain ASCII tokens (letters and digits) of the articles that start with `first` (one
   * letter or digit) and are three characters or more, sorted by code unit and joined by
   * newlines: a stretch of a vocabulary in its own form, for nearestTokens.
   */
  stretch(first: string): string {
    if (this.size !== this.docs.length) {
      this.stretches.clear();
      this.size = this.docs.length;
    }
    const known = this.stretches.get(first);
    if (known !== undefined) return known;
    const pattern = new RegExp(`(?<!${TOKEN_CHAR})${first}[a-z0-9]{2,}(?!${TOKEN_CHAR})`, 'gu');
    const found = new Set<string>();
    const take = (text: string): void => {
      for (const m of text.matchAll(pattern)) found.add(m[0]);
    };
    for (let id = 0; id < this.docs.length; id++) {
      const hay = this.hayOf(id);
      take(hay.foldedShort);
      take(hay.hayLists.text);
      take(hay.hayMeta.text);
      if (bodyInMemory(this.docs[id])) take(bodyOf(hay).toString('utf8'));
    }
    const text = [...found].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join('\n');
    this.stretches.set(first, text);
    return text;
  }
}
