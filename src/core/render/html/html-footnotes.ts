// What an HTML block's footnotes add to its parts (html-spans.ts reads the tags; footnote-anchors.ts
// says which are footnotes'): a reference reads `[^1]` as a Markdown footnote's does, its `<sup>`'s
// `^` not shown; a note is a run of its own after its marker, `[^1] The note.`, its wrapped rows
// under its first word as a Markdown footnote's are (footnotes.ts); a note's back-link is hidden.
import { HtmlParts } from './html-parts.js';
import { SUPERSCRIPT_MARK } from '../spans.js';
import { isBackArrow, isNoteBlock, isNoteSup, noteAnchor, noteLabel, type NoteAnchor } from './footnote-anchors.js';

type Attribs = Readonly<Record<string, string>>;

/** HtmlParts that read footnotes' anchors, `<sup>`s and Substack's note blocks (a footnotes list's items: html-parts.ts). */
export class HtmlFootnotes extends HtmlParts {
  // Each open `<a>`: a footnote's (its kind, and the span count at its start), or null for a link.
  private readonly anchors: Array<{ kind: NoteAnchor; at: number } | null> = [];
  // Each open `<sup>`: whether it wraps a footnote reference.
  private readonly sups: boolean[] = [];
  // Each open `<div>`: whether it is Substack's note, and whether its marker opened a run.
  private readonly divs: Array<{ note: boolean; open: boolean }> = [];
  // Each open list item: whether it is a note.
  private readonly itemNotes: boolean[] = [];

  private inNote(): boolean {
    return this.itemNotes.includes(true) || this.divs.some((d) => d.note);
  }

  /**
   * A `<sup>`, `<div>` or `<a>` opens: true when read here. A `<sup>` shows its `^` unless it wraps
   * a footnote reference, which reads `[^1]`; a `<div>` may be Substack's note; an `<a>` may be a
   * footnote's (a link otherwise: false).
   */
  protected openNoteElement(name: string, attribs: Attribs): boolean {
    if (name === 'sup') {
      // Pandoc writes the `<sup>` inside the reference's `<a>`.
      const note = isNoteSup(attribs) || this.anchors[this.anchors.length - 1]?.kind === 'reference';
      this.sups.push(note);
      if (!note) this.push(SUPERSCRIPT_MARK);
      return true;
    }
    if (name === 'div') {
      this.divs.push({ note: isNoteBlock(attribs), open: false });
      return true;
    }
    return name === 'a' && this.openNoteAnchor(attribs);
  }

  /** A `</sup>` or `</div>`: the end of Substack's note ends its run. */
  protected closeNoteElement(name: string): void {
    if (name === 'sup') this.sups.pop();
    else if (name === 'div' && this.divs.pop()?.open) this.closeItem();
  }

  protected override openItem(marker: string): void {
    super.openItem(marker);
    this.itemNotes.push(marker.startsWith('[^'));
  }

  protected override closeItem(): void {
    if (!this.inItem()) return;
    super.closeItem();
    this.itemNotes.pop();
  }

  // An `<a>` opens: true when it is a footnote's, read here rather than as a link.
  private openNoteAnchor(attribs: Attribs): boolean {
    const kind = noteAnchor(attribs, this.sups.includes(true), this.inNote());
    this.anchors.push(kind ? { kind, at: this.spans.length } : null);
    return kind !== null;
  }

  /** An `</a>`: true when it ends a footnote's anchor. Its text becomes the reference's `[^1]` or the note's marker; a back-link's arrow goes. */
  protected closeNoteAnchor(): boolean {
    const anchor = this.anchors.pop();
    if (!anchor) return false;
    const text = this.spans.slice(anchor.at).map((s) => s.text).join('');
    if (anchor.kind === 'backlink') {
      if (isBackArrow(text)) this.spans.splice(anchor.at);
      return true;
    }
    const label = noteLabel(text);
    if (label === null) return true;
    this.spans.splice(anchor.at);
    if (anchor.kind === 'reference') {
      this.push(`[^${label}]`, { role: 'dim' });
      return true;
    }
    // Substack's number heads its note: the note's text follows it as an item's follows its marker.
    const div = [...this.divs].reverse().find((d) => d.note && !d.open);
    if (!div) {
      this.push(`[^${label}] `, { role: 'dim' });
      return true;
    }
    div.open = true;
    this.openItem(`[^${label}] `);
    return true;
  }
}
