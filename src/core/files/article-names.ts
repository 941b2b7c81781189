// Which names the walk takes (walk.ts) and the folder watch follows (watch/): the Markdown files
// that are articles, and the folders never descended into.
import { markdownName } from './markdown-extensions.js';
import { isSectionPage } from './site-layout.js';

// Any name with a Markdown extension (markdown-extensions.ts).
const MARKDOWN = markdownName();

const UNDERSCORE = 0x5f;

/**
 * Whether a file name is one the walk loads: a Markdown extension, and not a section page
 * (site-layout.ts). The first character is looked at before the pattern: this runs per file.
 */
export function isArticleName(name: string): boolean {
  return isMarkdownName(name) && !(name.charCodeAt(0) === UNDERSCORE && isSectionPage(name));
}

/** Whether a file name has a Markdown extension the walk collects. */
export function isMarkdownName(name: string): boolean {
  return MARKDOWN.test(name);
}

/** Folders never descended into: hidden ones and dependency trees (the folder watch skips them too). */
export function skippedFolder(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}
