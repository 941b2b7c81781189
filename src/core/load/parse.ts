// One file's bytes -> one Article, with no I/O: the load orchestration (and later a worker pool
// or a cache) calls this per file. It never throws: every failure becomes a reason string.

import type { Article } from '../article.js';
import { errorMessage } from '../error-message.js';
import { decodeArticleBytes } from './decode.js';
import { findBlock } from './front-matter/block.js';
import { afterLeadingBlankLines, opensWithRuleThenBlank, readFrontMatter, readUndelimitedHeader } from './front-matter/index.js';
import { LIMITS, formatBytes } from './limits.js';
import { repairMojibake } from './mojibake.js';
import { ASCII_RECORD_KEYS, normaliseArticle, RECORD_KEYS, type FileInfo } from './normalise.js';
import { countText, sanitizeLine } from '../text/index.js';

export type { FileInfo } from './normalise.js';

/**
 * An article (with warnings worth reporting, e.g. truncation) or the reason a file was skipped.
 * `ascii`: the article's body is all ASCII, so its folded form (text/fold.ts) is its lower case.
 */
export type ParseOutcome = { ok: true; article: Article; warnings: string[]; ascii: boolean } | { ok: false; reason: string };

/** What ends a line cut at LIMITS.maxLineLength: the reader sees the cut where it happens, in the body. */
export const LINE_CUT = '… (line cut)';

/** What ends the body of a file cut at the read cap (`bytes` read): the cut is shown where it happens, last. */
export function readCapCut(bytes: number): string {
  return `\n\n… (truncated to ${formatBytes(bytes)})`;
}

/** Cuts body lines longer than the limit, without splitting a surrogate pair; each cut line ends with LINE_CUT. */
export function cutLongLines(body: string, max: number = LIMITS.maxLineLength): { body: string; cut: boolean } {
  // No line of a body shorter than the limit can be over it (most bodies: no scan at all).
  if (body.length <= max) return { body, cut: false };
  // Cheap scan first: most bodies have no long line and are returned untouched.
  let start = 0;
  let found = false;
  while (start <= body.length) {
    const nl = body.indexOf('\n', start);
    const end = nl === -1 ? body.length : nl;
    if (end - start > max) {
      found = true;
      break;
    }
    if (nl === -1) break;
    start = nl + 1;
  }
  if (!found) return { body, cut: false };
  const lines = body.split('\n').map((line) => {
    if (line.length <= max) return line;
    const high = line.charCodeAt(max - 1);
    const end = high >= 0xd800 && high <= 0xdbff ? max - 1 : max;
    return `${line.slice(0, end)}${LINE_CUT}`;
  });
  return { body: lines.join('\n'), cut: true };
}

/**
 * Parses one file. `raw` may be shorter than `info.size` when the loader capped the read; the
 * article then loads truncated with a warning. With `forRecord`, the article is made for its index
 * record and body alone (article-record.ts's toRecord): its front matter may hold only the keys
 * the record is made from (normalise.ts's RECORD_KEYS, ASCII_RECORD_KEYS). Never throws.
 */
export function parseArticle(raw: Buffer, info: FileInfo, id: number, forRecord = false): ParseOutcome {
  try {
    const truncated = info.size > raw.length;
    const decoded = decodeArticleBytes(raw, truncated);
    if (!decoded.ok) return decoded;
    const front = readFrontMatter(decoded.text, forRecord ? (decoded.ascii ? ASCII_RECORD_KEYS : RECORD_KEYS) : undefined);
    if (!front.ok) return front;
    const notes = [...decoded.notes, ...front.notes];
    const warnings: string[] = decoded.warning ? [decoded.warning] : [];
    if (truncated) {
      const reason = `truncated to ${formatBytes(raw.length)}`;
      warnings.push(reason);
      notes.push(reason);
    }
    const lines = cutLongLines(front.body);
    const { cut } = lines;
    const body = truncated ? lines.body + readCapCut(raw.length) : lines.body;
    if (cut) notes.push(`lines over ${countText(LIMITS.maxLineLength)} characters cut`);
    const article = normaliseArticle({ data: front.data, format: front.format, body, info, id, notes, warnings, ascii: decoded.ascii });
    // An ASCII file's body is ASCII unless a cut got its `…`.
    return { ok: true, article, warnings, ascii: decoded.ascii && !cut && !truncated };
  } catch (error) {
    // A parser bug must cost one file, not the whole load.
    return { ok: false, reason: sanitizeLine(`could not parse: ${errorMessage(error)}`).slice(0, 200) };
  }
}

/**
 * The body parseArticle gives for the same bytes (`size`: the file's size, as for FileInfo),
 * without parsing the front matter: the block's end is found by its closing delimiter alone,
 * then the body gets the same treatment (long lines cut, mojibake repaired). For re-reading a
 * file whose front matter the index already holds (the full-text build): about a quarter of a
 * full parse's work. Null when only a full parse can tell: Hugo's bare `{` form or a `---` line
 * and a blank line, or blank lines before a delimiter (its body depends on whether the block parses), or a file parseArticle refuses. Never throws.
 */
export function parseBody(raw: Buffer, size: number): string | null {
  try {
    const decoded = decodeArticleBytes(raw, size > raw.length);
    if (!decoded.ok) return null;
    const block = findBlock(decoded.text);
    // A rule and a blank line first: whether the block is front matter depends on its parse.
    // Blank lines before a delimiter too: whether the block is front matter depends on its parse.
    if (typeof block === 'string' || block?.guessed || opensWithRuleThenBlank(decoded.text) || afterLeadingBlankLines(decoded.text) !== null) return null;
    // With no delimited block, metadata lines (MultiMarkdown, Pelican, Notion's) end where readFrontMatter says.
    const lines = cutLongLines(block === null ? (readUndelimitedHeader(decoded.text)?.body ?? decoded.text) : block.body).body;
    const body = size > raw.length ? lines + readCapCut(raw.length) : lines;
    // As normaliseArticle does: a repaired body is normalised again, an intact one is kept as is.
    const repaired = decoded.ascii ? body : repairMojibake(body);
    return repaired === body ? body : repaired.normalize('NFC');
  } catch {
    return null;
  }
}
