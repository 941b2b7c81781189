// What an HTML block's links and embedded players add to its lines (html-spans.ts reads the tags):
// a link note `[n]` after a link's last words, as a Markdown link gets, numbered in the article's
// Links list; Joplin's links by id (`:/` and 32 hex digits) named `[Joplin note]` as its Markdown
// ones are (site-syntax/exports/joplin-links.ts), never listed; a player named `[video: title]`
// with its address as a link note.
import type { LinkNotes } from '../link-notes.js';
import { isRefusedLink, sanitizeLine } from '../../text/index.js';
import { HtmlLines } from './html-lines.js';
import { isJoplinLink, JOPLIN_LINK_NOTE } from '../site-syntax/index.js';
import type { SpanStyle } from '../spans.js';

/** HtmlLines that also note links and players, their addresses numbered in `notes`. */
export class HtmlNotes extends HtmlLines {
  // Each open `<a>`: its address (null: none, a fragment or a Joplin id), the span count at its start, any image, and whether it is Joplin's.
  private readonly links: Array<{ href: string | null; at: number; image: boolean; joplin: boolean }> = [];

  constructor(
    private readonly notes: LinkNotes,
    base: SpanStyle,
  ) {
    super(base);
  }

  /** An `<a>` opens: its text is styled as a link to its address, unless that is a fragment, a Joplin id or leads nowhere (url-policy.ts: then it is plain text). */
  protected openLink(attribs: Record<string, string>): void {
    const raw = sanitizeLine(attribs.href ?? '').trim();
    const href = isRefusedLink(raw) ? '' : raw;
    const joplin = isJoplinLink(href);
    this.links.push({ href: href && !href.startsWith('#') && !joplin ? href : null, at: this.spans.length, image: false, joplin });
    this.styles.push(href && !joplin ? { ...this.style, role: 'link', underline: true, href } : this.style);
  }

  /** An image stands inside the open link (if any): a link showing nothing else is named `[image]`. */
  protected linkHoldsImage(): void {
    if (this.links.length > 0) this.links[this.links.length - 1].image = true;
  }

  // An `</a>`: the link's note after its last words. Substack wraps an image and its empty `<div>`s in the link:
  // the note goes on the image's line, not on a line of its own after the divs' breaks; a link
  // showing only a decorative image (`alt=""`, as Substack's mostly are) is named `[image]`.
  protected closeLink(): void {
    this.styles.pop();
    const link = this.links.pop();
    if (link?.joplin) {
      this.push(' ');
      this.push(JOPLIN_LINK_NOTE, { role: 'dim' });
    }
    const n = link?.href ? this.notes.number(link.href) : null;
    if (!link || n === null) return;
    let breaks = 0;
    while (this.spans.length > link.at && this.spans[this.spans.length - 1].text === '\n') {
      this.spans.pop();
      breaks++;
    }
    const shown = this.spans.slice(link.at).some((s) => s.text.trim() !== '');
    if (!shown && link.image) {
      this.push('[image]', { ...this.style, role: 'dim' });
      this.imageAt = this.spans.length;
    }
    this.push(`[${n}]`, { role: 'dim' });
    if (breaks > 0) this.breakLine(breaks > 1);
  }

  // `[video: title]` and the player's address as a link note; a `<video>` or `<audio>` may name
  // its address in a `<source>` inside it, so the note waits for the element's end.
  protected pendingEmbed: { src: string } | null = null;

  protected embed(note: { text: string; src: string }): void {
    this.breakLine(false);
    this.push(note.text, { ...this.style, role: 'dim' });
    this.pendingEmbed = { src: note.src };
  }

  protected embedSource(attribs: Record<string, string>): void {
    if (this.pendingEmbed && !this.pendingEmbed.src) this.pendingEmbed.src = sanitizeLine(attribs.src ?? '').trim();
  }

  protected endEmbed(): void {
    const src = this.pendingEmbed?.src ?? '';
    this.pendingEmbed = null;
    const n = src && !src.startsWith('#') ? this.notes.number(src) : null;
    if (n !== null) this.push(`[${n}]`, { role: 'dim' });
    this.breakLine(false);
  }

}
