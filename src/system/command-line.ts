// Commands named by environment variables ($BROWSER, $EDITOR, $PAGER) split into a program and
// its arguments without a shell, so nothing in an article's URL or path is ever interpreted: the
// target is always one argument of its own.

/** Splits a command such as `firefox --new-tab` or `"my editor" -w` into words (POSIX-style quotes, no expansion). */
export function splitCommand(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = null;
      else if (ch === '\\' && quote === '"' && i + 1 < text.length && '"\\$`'.includes(text[i + 1])) word += text[++i];
      else word += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < text.length) {
      word += text[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

/**
 * The argv to run for `target` with a command as Python's webbrowser and git read $BROWSER:
 * `%s` in a word is replaced by the target (`%%` is a literal `%`), else the target is appended.
 */
export function commandFor(command: string, target: string): string[] {
  const words = splitCommand(command);
  if (words.length === 0) return [];
  let substituted = false;
  const argv = words.map((w) =>
    w.replace(/%[%s]/g, (m) => {
      if (m === '%%') return '%';
      substituted = true;
      return target;
    }),
  );
  return substituted ? argv : [...argv, target];
}
