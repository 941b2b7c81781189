// Joplin links its notes and attachments to one another by id, `[text](:/0123...cdef)` (32 hex
// digits, maybe `#heading` after them): Joplin resolves the id in its own database, so outside
// it the address leads nowhere. Such a link keeps its text and is named for what it is, with no
// link note: listed under Links, `:/id` was an address nothing could open.

const JOPLIN_ID = /^:\/[0-9a-f]{32}(?:#\S*)?$/i;

/** What stands after a Joplin link's text, in place of its link note. */
export const JOPLIN_LINK_NOTE = '[Joplin note]';

/** Whether a link's target is a Joplin note or attachment id (`:/` and 32 hex digits). */
export function isJoplinLink(href: string): boolean {
  return JOPLIN_ID.test(href);
}
