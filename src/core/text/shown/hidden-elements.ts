// An element whose content is never shown (a `<script>`, a player's fallback text) hides only
// what its author closed it around. A browser reads everything after an unclosed `<iframe>` or
// `<script>` as that element's; in a Markdown article the words after it are the author's prose
// (often the tag is named in the text: "attackers injected a <script> tag into the page"), so an
// element left open hides nothing: it is read as a lone tag and the text after it stays. The
// renderer (render/html/html-spans.ts) and the text search reads (html-text.ts) both ask this.
import { htmlParser } from './html-parser.js';
import { HIDDEN, RAW_TEXT } from './html-elements.js';

interface Scan {
  /** Offsets of the open tags of `hidden` (and raw-text) elements with no end tag of their own. */
  open: Set<number>;
  /** The first such tag of a raw-text element: [start, end) in the source. */
  raw: [number, number] | null;
}

function scan(html: string): Scan {
  const open = new Set<number>();
  let raw: [number, number] | null = null;
  const starts: Array<{ name: string; start: number; end: number }> = [];
  const Parser = htmlParser();
  const parser = new Parser(
    {
      onopentag: (name) => starts.push({ name, start: parser.startIndex, end: parser.endIndex + 1 }),
      onclosetag: (name, implied) => {
        const opened = starts.pop();
        if (!opened || !(HIDDEN.has(name) || RAW_TEXT.has(name))) return;
        // Raw text holding its own open tag again (`a <script> tag ... <script>x</script>`): the
        // first was named in prose, and the end tag belongs to the second.
        const named = !implied && RAW_TEXT.has(name) && new RegExp(`<${name}\\b`, 'i').test(html.slice(opened.end, parser.startIndex));
        // A self-closed `<iframe ... />` is also an implied end, around nothing: read alike.
        if (!implied && !named) return;
        open.add(opened.start);
        if (!raw && RAW_TEXT.has(name)) raw = [opened.start, opened.end];
      },
    },
    { lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  return { open, raw };
}

// An open tag of a hidden or raw-text element: only HTML holding one needs the scan.
const HIDDEN_TAG = new RegExp(`<(?:${[...HIDDEN, ...RAW_TEXT].join('|')})\\b`, 'i');

/**
 * HTML made ready for reading: the open tags of raw-text elements (`<script>`, `<style>`,
 * `<textarea>`, ...) left unclosed cut from `html`, so what follows them is read as HTML, and the
 * source offsets (in the returned text) of the other hidden elements' open tags (HIDDEN) that have no
 * end tag, to be read as lone tags. HTML with no such element comes back as it is.
 */
export function unclosedHiddenElements(html: string): { html: string; open: ReadonlySet<number> } {
  if (!HIDDEN_TAG.test(html)) return { html, open: new Set<number>() };
  let text = html;
  // Each cut may uncover tags the raw text held, and is read again from the start: past MAX_CUTS
  // (a body naming `<script>` in prose hundreds of times) the rest is read as a browser reads it,
  // rather than the whole text again for each.
  for (let cuts = 0; ; cuts++) {
    const { open, raw } = scan(text);
    if (!raw || cuts === MAX_CUTS) return { html: text, open };
    text = text.slice(0, raw[0]) + text.slice(raw[1]);
  }
}
const MAX_CUTS = 32;
