// Obsidian's own syntax, common in vaults kept as folders of Markdown notes: wiki links
// (`[[Note]]`, `[[Note|shown text]]`, `[[Note#Heading]]`), embeds (`![[chart.png]]`,
// `![[Other note]]`) and comments (`%%hidden%%`, also over several lines). Shown as written, a
// link showed its brackets and target, a comment its text. Links to other notes have no address
// outside the vault, so they read as their text; an embed is named as an image is.

// Not before `(`, `[` or `:` (a Markdown link or reference whose text starts with `[`).
const WIKI = /(!?)\[\[([^[\]|\n]{1,300})(?:\|([^[\]\n]{1,300}))?\]\](?![([:])/g;
const IMAGE = /\.(?:png|jpe?g|gif|webp|svg|bmp|avif)$/i;
const COMMENT = /%%[^\n]{0,2000}?%%/g;

/** Whether `markdown` may hold Obsidian syntax (a cheap test before reading line by line): a wiki link, or a line opening a comment. */
export function hasObsidianSyntax(markdown: string): boolean {
  return markdown.includes('[[') || /^\s*%%/m.test(markdown);
}

function shown(embed: string, target: string, alias: string | undefined): string {
  const name = target.trim();
  if (embed) return IMAGE.test(name) ? `![${alias?.trim() || name}](<${name}>)` : `[embed: ${name.replace(/#/g, ' > ')}]`;
  return alias?.trim() || name.replace(/#\^?/g, ' > ');
}

/** Prose (no code in it) with its wiki links and embeds read and its one-line comments gone. */
export function readObsidian(text: string): string {
  return text.replace(COMMENT, '').replace(WIKI, (_all, embed: string, target: string, alias?: string) => shown(embed, target, alias));
}

/** Where a comment left open on this line starts (`%%` with no closing one after it), or -1. */
export function openComment(text: string): number {
  return text.replace(COMMENT, (c) => ' '.repeat(c.length)).indexOf('%%');
}
