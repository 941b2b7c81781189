// The words a reader is shown of a body holding HTML, for search (shown-text.ts): the renderer
// draws tags' content, never their markup (render/html/html-spans.ts), so a tag's name and its
// attributes (`class="kg-image"`, `loading="lazy"`, `placeholder="Type your email…"`) are not
// text; an element whose content is hidden (`<script>`, `<style>`) gives none; a block or a line
// element (`<p>`, `<li>`, `<br>`) breaks the words around it while an inline one (`<sub>`, `<kbd>`)
// does not: `H<sub>2</sub>O` reads `H2O`. What the reader is shown of attributes stays: an image's
// alt text and title (`[image: alt — title]`), a link's and a player's address (their link notes),
// written as a Markdown link so that the fold reads it as it reads one (a phrase runs across the
// address, a word of it is found: fold.ts, link-tail.ts). Entities are decoded as CommonMark
// decodes them (entities.ts: each with its `;`), in text and attributes, once.
import { decodeEntities } from '../entities.js';
import { BLOCK, EMBED_LABEL, HIDDEN, imageWords, LINE, RAW_TEXT } from './html-elements.js';
import { htmlParser } from './html-parser.js';
import { unclosedHiddenElements } from './hidden-elements.js';

// What a link's address may not hold to stay one destination (`<...>`) for the fold (link-tail.ts).
const NOT_IN_DESTINATION = /[\s<>]/g;
const destination = (href: string): string => `(<${href.replace(NOT_IN_DESTINATION, encodeURIComponent)}>)`;
const attribute = (attribs: Record<string, string>, name: string): string => decodeEntities(attribs[name] ?? '').trim();

// Collects the shown text from the parser's events.
class TextWriter {
  private out = '';
  // Text as written since the last tag: decoded when a tag ends it.
  private text = '';
  /** Whether an element that may hide what follows it was opened (see htmlText). */
  sawHidden = false;
  private hidden = 0;
  // One entry per open hidden element: whether it counts in `hidden` (its author closed it).
  private readonly hiddenOpen: boolean[] = [];
  // One entry per open `<a>`: its address, or '' when it has none.
  private readonly links: string[] = [];

  open(name: string, attribs: Record<string, string>, closed: boolean): void {
    if (RAW_TEXT.has(name)) this.sawHidden = true;
    if (HIDDEN.has(name)) {
      this.sawHidden = true;
      if (this.hidden === 0 && Object.hasOwn(EMBED_LABEL, name)) this.embed(name, attribs);
      this.hiddenOpen.push(closed);
      if (closed) this.hidden++;
      return;
    }
    if (this.hidden > 0) return;
    if (BLOCK.has(name) || LINE.has(name)) return this.put('\n');
    switch (name) {
      case 'br':
        return this.put('\n');
      case 'img':
        return this.image(attribs);
      case 'a': {
        const href = attribute(attribs, 'href');
        this.links.push(href);
        if (href !== '') this.put('[');
        return;
      }
      // Cells apart as a Markdown table's are (`a | b`); a `<q>` between the quotation marks it is drawn with.
      case 'td':
      case 'th':
        return this.put(' | ');
      case 'q':
        return this.put('"');
    }
  }

  close(name: string): void {
    if (HIDDEN.has(name)) {
      if (this.hiddenOpen.pop() ?? true) this.hidden = Math.max(0, this.hidden - 1);
      return;
    }
    if (this.hidden > 0) return;
    if (BLOCK.has(name) || LINE.has(name)) return this.put('\n');
    if (name === 'q') return this.put('"');
    if (name !== 'a') return;
    const href = this.links.pop();
    if (href) this.put(`]${destination(href)}`);
  }

  addText(raw: string): void {
    if (this.hidden === 0) this.text += raw;
  }

  finish(): string {
    this.put('');
    return this.out;
  }

  private put(s: string): void {
    if (this.text !== '') this.out += decodeEntities(this.text);
    this.text = '';
    this.out += s;
  }

  // As the renderer labels it (render/spans.ts imageLabel): alt text, and a title unlike it.
  private image(attribs: Record<string, string>): void {
    const words = imageWords(attribute(attribs, 'alt'), attribute(attribs, 'title'));
    if (words !== '') this.put(`[${words}]`);
  }

  // `[video: title]` and the player's address, as its link note shows it.
  private embed(name: string, attribs: Record<string, string>): void {
    const title = attribute(attribs, 'title') || attribute(attribs, 'aria-label');
    const src = attribute(attribs, 'src');
    this.put(`[${EMBED_LABEL[name]}${title === '' ? '' : `: ${title}`}]${src === '' ? '' : destination(src)}`);
  }
}

// The shown text of `html`, each open tag at an offset of `open` read as a lone tag (hidden-elements.ts).
function read(html: string, open: ReadonlySet<number> | null): TextWriter {
  const writer = new TextWriter();
  const Parser = htmlParser();
  const parser = new Parser(
    {
      onopentag: (name, attribs) => writer.open(name, attribs, open === null || !open.has(parser.startIndex)),
      onclosetag: (name) => writer.close(name),
      ontext: (text) => writer.addText(text),
    },
    // Entities are left to decodeEntities (CommonMark's rule: `&copy 2025` stays as written).
    { decodeEntities: false, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  return writer;
}

/**
 * The text a reader is shown of `html` (Markdown and HTML mixed, its code and escaped characters
 * already written as HTML's text: shown-text.ts), with the line breaks of its text kept as written.
 */
export function htmlText(html: string): string {
  // Read again, with what its author left open found first, only when a hidden or raw-text
  // element was met: looking for their tags first (a pattern of their names) cost more than the
  // read itself on bodies that hold none.
  const first = read(html, null);
  if (!first.sawHidden) return first.finish();
  const ready = unclosedHiddenElements(html);
  return read(ready.html, ready.open).finish();
}
