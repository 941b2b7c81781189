// Finding the front-matter block by the delimiter rules: which delimiter and language a file opens
// with, where the block closes (a whole delimiter line, within the size limit), and the body after.
//
// Accepted forms: `---` (YAML, or `---yaml`/`---yml`/`---toml`/`---json`) closed by `---` (or
// `...` for YAML); `+++` TOML (Hugo); `;;;` JSON; and Hugo's bare JSON object (`{` ... `}` lines).

import type { FrontMatterFormat } from '../../article.js';
import { CODE_LANGUAGES } from './engines.js';
import { LIMITS, formatBytes } from '../limits.js';

/** A located block: its format, its source (between the delimiters) and the body after it. */
export interface Block {
  format: FrontMatterFormat;
  source: string;
  body: string;
  /** Hugo's bare `{` form has no delimiter saying "this is front matter", so a parse failure means it was body text. */
  guessed?: boolean;
}

/** What a file's first line says: the delimiter, the language tag as written, and the line's length with its newline. */
interface Opening {
  delimiter: '---' | '+++' | ';;;';
  rawLanguage: string;
  length: number;
}

const LANGUAGE_FORMAT: Record<string, FrontMatterFormat> = { '': 'yaml', yaml: 'yaml', yml: 'yaml', toml: 'toml', json: 'json' };

// A language tag must start with a letter, so a `----` thematic break is not taken for one.
const OPENING = /^(---|\+\+\+|;;;)[ \t]*([A-Za-z][A-Za-z0-9_.+-]*)?[ \t]*(?:\n|$)/;
const CLOSING: Record<string, RegExp> = {
  yaml: /^(?:---|\.\.\.)[ \t]*$/gm,
  dashes: /^---[ \t]*$/gm,
  '+++': /^\+\+\+[ \t]*$/gm,
  ';;;': /^;;;[ \t]*$/gm,
  '{': /^\}[ \t]*$/gm,
};

/** The delimiter line a file opens with, or null when it has none. */
function openingOf(text: string): Opening | null {
  const m = OPENING.exec(text);
  return m ? { delimiter: m[1] as Opening['delimiter'], rawLanguage: m[2] ?? '', length: m[0].length } : null;
}

/** The format a `---` block's language tag names, or the reason it is refused. */
function languageFormat(rawLanguage: string): { ok: true; format: FrontMatterFormat } | { ok: false; reason: string } {
  const lang = rawLanguage.toLowerCase();
  if (CODE_LANGUAGES.has(lang)) return { ok: false, reason: `front matter in ${lang === 'js' ? 'javascript' : lang} refused (code execution)` };
  const format = LANGUAGE_FORMAT[lang];
  return format ? { ok: true, format } : { ok: false, reason: `front matter in ${rawLanguage} refused (unsupported language)` };
}

/**
 * Finds the closing line from `start` (`closing` one of CLOSING's global patterns, searched from
 * there and left as it was); the block must end within the size limit.
 */
function closeBlock(text: string, start: number, closing: RegExp, keepDelimiters: boolean, format: FrontMatterFormat): Block | string {
  // The pattern itself, not a copy made per file: its lastIndex is set here and put back before
  // anything else can run, so no other search sees it moved.
  closing.lastIndex = start;
  const m = closing.exec(text);
  closing.lastIndex = 0;
  if (!m) return 'front matter not closed';
  if (m.index - start > LIMITS.maxFrontMatterChars) {
    return `front matter too large (over ${formatBytes(LIMITS.maxFrontMatterChars)})`;
  }
  const lineEnd = m.index + m[0].length;
  const bodyStart = text[lineEnd] === '\n' ? lineEnd + 1 : lineEnd;
  const source = keepDelimiters ? text.slice(start, lineEnd) : text.slice(start, m.index);
  return { format, source, body: text.slice(bodyStart) };
}

/** Locates the front-matter block, if any; a string result is a refusal reason. */
export function findBlock(text: string): Block | string | null {
  if (/^\{[ \t]*\n/.test(text)) {
    // Hugo JSON: only when a lone `}` line closes it, so `{% include %}` bodies are never taken.
    const block = closeBlock(text, 0, CLOSING['{'], true, 'json');
    return typeof block === 'string' ? null : ((block.guessed = true), block);
  }
  const open = openingOf(text);
  if (!open) return null;
  if (open.delimiter === '+++') return closeBlock(text, open.length, CLOSING['+++'], false, 'toml');
  if (open.delimiter === ';;;') return closeBlock(text, open.length, CLOSING[';;;'], false, 'json');
  const lang = languageFormat(open.rawLanguage);
  if (!lang.ok) return lang.reason;
  return closeBlock(text, open.length, lang.format === 'yaml' ? CLOSING.yaml : CLOSING.dashes, false, lang.format);
}
