// Front matter: find the block, refuse anything that is not data, parse it safely.
//
// The block is found by the delimiter rules in block.ts and handed to parsers that
// can only build data (engines.ts). Not gray-matter: measured on a cold load of 100k
// files it cost about 22% more CPU time (README, design notes), over the 10% allowed for it;
// and it evaluates `---js` blocks by default (CVE-2022-25863) and caches every file it sees unless
// given options. No code path here can evaluate anything, whatever language tag a file claims.

import type { FrontMatterFormat } from '../../article.js';
import { findBlock } from './block.js';
import { readMetadataLines } from './metadata-lines.js';
import { readNotionProperties } from './notion-properties.js';
import { readPandocTitleBlock } from './pandoc-title-block.js';
import { readOrgKeywords } from './org-keywords.js';
import { readNikolaMetadata } from './nikola-metadata.js';
import { readAsciidocHeader } from './asciidoc-header.js';
import { describeParseError, parseFrontMatterSource } from './engines.js';
import { emptyShape, parseSimpleYaml, type SimpleShape } from './simple-yaml.js';
import { readRecordYaml } from './record-yaml.js';
import { LIMITS } from '../limits.js';
import { FrontMatterLimitError, safeCopy } from './safe-data.js';
import { sanitizeLine, sanitizeText } from '../../text/index.js';

/** Parsed front matter plus the body after it, or why the file was refused. */
export type FrontMatterOutcome =
  | { ok: true; format: FrontMatterFormat; data: Record<string, unknown>; body: string; notes: string[] }
  | { ok: false; reason: string };

function refuse(reason: string): { ok: false; reason: string } {
  return { ok: false, reason: sanitizeLine(reason) };
}

// YAML, TOML and JSON all refuse raw control characters, but feeds copy them into titles (a stray
// ESC, BEL or backspace from a scraped page), and refusing the file would lose the article for a
// byte the screen would never show anyway. On a block that failed and holds one, the parse is
// tried again on its sanitised text (what the screen would show: escape sequences removed, other
// controls as control pictures); a block that still fails is refused with the first error.
const CONTROLS = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/;
function withoutControls(format: FrontMatterFormat, source: string): unknown {
  if (!CONTROLS.test(source)) return undefined;
  try {
    return parseFrontMatterSource(format, sanitizeText(source)) ?? undefined;
  } catch {
    return undefined;
  }
}

// Whether safeCopy would return a simple-yaml document (simple-yaml.ts) as it is: no limit
// reached (its depth test throws at maxDepth for a container) and no key it drops.
const copiesAsIs = (s: SimpleShape): boolean => s.nodes <= LIMITS.maxFrontMatterNodes && s.keys <= LIMITS.maxKeys && s.depth < LIMITS.maxDepth && !s.protoKey;

/**
 * The header of a file with no delimited front matter block: MultiMarkdown's and Pelican's
 * `Key: value` lines (read as YAML's simplest form is), else Pandoc's `%` title block, else Org's
 * `#+KEY: value` lines, else Notion's properties under the page's title, or Nikola's `.. key: value`
 * lines in a comment opening the file; its data and the body after it, or null when it has none. readFrontMatter and the body
 * read back (parse.ts parseBody) both cut here, so the body is the same either way.
 */
export function readUndelimitedHeader(text: string): { data: Record<string, unknown>; body: string } | null {
  // Nikola's comment first: a file opening with `<!--` has no other such header.
  return (text.startsWith('<!--') ? readNikolaMetadata(text) : null) ?? readMetadataLines(text) ?? readPandocTitleBlock(text) ?? readOrgKeywords(text) ?? readNotionProperties(text) ?? readAsciidocHeader(text);
}

// A `---` line and a blank line opening a file: Pandoc's rule is that a metadata block's opening
// delimiter is never followed by a blank line (https://pandoc.org/MANUAL.html#extension-yaml_metadata_block),
// so there it is a thematic break. Jekyll still reads a mapping after one; anything else (prose,
// no closing line) is the body of a file with no front matter, not a broken block.
const RULE_THEN_BLANK = /^---[ \t]*\n[ \t]*(?:\n|$)/;
/** Whether `text` opens with a `---` line and a blank line: its block is front matter only if it reads as a mapping. */
export const opensWithRuleThenBlank = (text: string): boolean => RULE_THEN_BLANK.test(text);

// Blank lines before a `---` or `+++` line opening a file: Hugo skips leading white space before
// front matter (a tester's file began with an empty line and lost its title and date to the body).
const BLANK_THEN_DELIMITER = /^(?:[ \t]*\n)+(?=(?:---|\+\+\+)[^\n]*\n)/;
/** The text after the blank lines opening a file before a front-matter delimiter line, or null (nearly every file: one character's test). */
export function afterLeadingBlankLines(text: string): string | null {
  const c = text.charCodeAt(0);
  if (c !== 10 && c !== 32 && c !== 9) return null;
  const m = BLANK_THEN_DELIMITER.exec(text);
  return m ? text.slice(m[0].length) : null;
}

const noFrontMatter = (text: string): FrontMatterOutcome => ({ ok: true, format: 'none', data: Object.create(null), body: text, notes: [] });

/**
 * Splits text into front matter and body and parses the front matter as data only. With `keep`
 * (top-level keys), a YAML block of the common shape may come back holding only those keys
 * (record-yaml.ts): for a caller that reads no other, with the same values and outcome otherwise.
 */
export function readFrontMatter(text: string, keep?: ReadonlySet<string>): FrontMatterOutcome {
  const after = afterLeadingBlankLines(text);
  if (after !== null) {
    // Only a block that reads as front matter (a `---` line and a blank line need a mapping after
    // them, as below); a refused block, or none, leaves the blank lines and all as the body.
    const inner = readFrontMatter(after, keep);
    if (inner.ok && inner.format !== 'none') return inner;
  }
  const block = findBlock(text);
  if (block === null) {
    const lines = readUndelimitedHeader(text);
    if (lines) return { ok: true, format: 'yaml', data: lines.data, body: lines.body, notes: [] };
    return noFrontMatter(text);
  }
  const ruleThenBlank = opensWithRuleThenBlank(text);
  if (typeof block === 'string') return ruleThenBlank ? noFrontMatter(text) : refuse(block);
  if (block.format === 'yaml') {
    const kept = keep === undefined ? undefined : readRecordYaml(block.source, keep);
    if (kept !== undefined) return { ok: true, format: 'yaml', data: kept, body: block.body, notes: [] };
    // The shapes nearly every feed writes come out of simple-yaml.ts as null-prototype maps of
    // strings, nulls and lists with no alias: safeCopy's copy of them is the same data, and was
    // an eighth of a cold load's parse. Anything else takes the path below.
    const shape = emptyShape();
    const simple = parseSimpleYaml(block.source, shape);
    if (simple !== undefined && copiesAsIs(shape)) return { ok: true, format: 'yaml', data: simple, body: block.body, notes: [] };
  }
  let parsed: unknown;
  const notes: string[] = [];
  try {
    parsed = parseFrontMatterSource(block.format, block.source);
  } catch (error) {
    // Hugo's bare `{` form that does not parse was body text, not front matter; so was a rule and a blank line.
    if (block.guessed || ruleThenBlank) return noFrontMatter(text);
    const retried = withoutControls(block.format, block.source);
    if (retried === undefined) return refuse(describeParseError(block.format, error));
    parsed = retried;
    notes.push('control characters in the front matter: escape sequences removed, the rest shown as pictures');
  }
  if (parsed === null || parsed === undefined) {
    return { ok: true, format: block.format, data: Object.create(null), body: block.body, notes: [] };
  }
  if (typeof parsed !== 'object' || Array.isArray(parsed)) return ruleThenBlank ? noFrontMatter(text) : refuse('front matter is not a key: value mapping');
  try {
    const { data, droppedKeys } = safeCopy(parsed as Record<string, unknown>);
    for (const key of droppedKeys) notes.push(`dropped unsafe front-matter key "${key}"`);
    return { ok: true, format: block.format, data, body: block.body, notes };
  } catch (error) {
    if (error instanceof FrontMatterLimitError) return refuse(error.message);
    if (error instanceof RangeError) return refuse(`front matter nested too deeply (over ${LIMITS.maxDepth} levels)`);
    throw error;
  }
}
