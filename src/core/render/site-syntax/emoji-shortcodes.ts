// Emoji shortcodes as GitHub, Slack, Jekyll (jemoji) and Hugo (`enableEmoji`) write them:
// `:rocket:`, `:+1:`, `:warning:`. Shown as written, a post read `Launch day :rocket:`. The names
// are GitHub's (gemoji, the table jemoji reads); a name it does not know (`:notacode:`) stays as
// written. A marked inline extension, so code spans, autolinks and link targets keep their colons
// (marked takes those first), and only where a colon stands apart from the word before it: the
// `:30:` of `10:30:00` and `a:b:c` are not shortcodes. The emoji is text like any other, so it goes
// through the renderer's width rules (spans.ts, wrap.ts).
//
// gemoji's table is a 350 kB module (~50 ms of CPU to load): it is imported only when a body that
// may hold a shortcode is first shown (loadEmojiShortcodes), never at start-up. Until it is in,
// shortcodes show as written; the caller redraws once it is (markdown.ts shortcodesPending).
import type { TokenizerExtension, Tokens } from 'marked';

let names: Readonly<Record<string, string>> | null = null;
let loading: Promise<void> | null = null;

// A name as gemoji writes them (`+1`, `t-rex`, `flag_us`, `100`), its colons standing apart.
const CANDIDATE = /:([a-z0-9_+-]{1,60}):(?![A-Za-z0-9_])/g;
const WORD_END = /[A-Za-z0-9_]$/;
// The cheap test: a colon after no letter or digit, a name, a colon (`10:30:00` does not pass).
const MAY_HOLD = /(?:^|[^A-Za-z0-9_]):[a-z0-9_+-]{1,60}:(?![A-Za-z0-9_])/m;

/** Imports gemoji's table once; resolves when shortcodes can be read (rejects only if the package is missing). */
export function loadEmojiShortcodes(): Promise<void> {
  loading ??= import('gemoji').then((m) => {
    names = m.nameToEmoji;
  });
  return loading;
}

/** Whether gemoji's table is loaded, so the extension can be used. */
export function emojiShortcodesLoaded(): boolean {
  return names !== null;
}

/** Whether `markdown` may hold an emoji shortcode (a cheap test before the table is loaded or the extension used). */
export function mayHoldShortcodes(markdown: string): boolean {
  return markdown.includes(':') && MAY_HOLD.test(markdown);
}

/** The emoji a shortcode's name stands for, or undefined (an unknown name, or the table not loaded). */
export function emojiFor(name: string): string | undefined {
  return names !== null && Object.hasOwn(names, name) ? names[name] : undefined;
}

// Where the first known shortcode of `src` starts, not glued to a word before it; -1 for none.
function firstShortcode(src: string): number {
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(src); m !== null; m = CANDIDATE.exec(src)) {
    if ((m.index === 0 || !WORD_END.test(src[m.index - 1])) && emojiFor(m[1]) !== undefined) return m.index;
    // `:a:b:` has a candidate starting at the second colon too.
    CANDIDATE.lastIndex = m.index + 1;
  }
  return -1;
}

/** The marked extension (with the table loaded): a known `:name:` becomes a text token holding its emoji. */
export const emojiShortcode: TokenizerExtension = {
  name: 'emojiShortcode',
  level: 'inline',
  start: (src: string) => {
    const at = firstShortcode(src);
    return at === -1 ? undefined : at;
  },
  tokenizer(src: string, before: Tokens.Generic[]): Tokens.Text | undefined {
    if (src[0] !== ':') return undefined;
    const end = src.indexOf(':', 1);
    if (end < 2 || end > 61) return undefined;
    const emoji = emojiFor(src.slice(1, end));
    if (emoji === undefined || /^[A-Za-z0-9_]/.test(src.slice(end + 1, end + 2))) return undefined;
    // Glued to the word before it (`a:b:`), the colon is the word's.
    const previous = before[before.length - 1]?.raw ?? '';
    if (WORD_END.test(previous)) return undefined;
    return { type: 'text', raw: src.slice(0, end + 1), text: emoji };
  },
};
