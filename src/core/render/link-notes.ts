// The numbered notes that stand in for link targets: link text keeps its place in the prose, gets
// `[n]`, and the URLs are listed at the end of the article where each can be copied whole. A target
// that leads nowhere from here (`javascript:`, `data:`: text/url-policy.ts) gets no number, so the
// numbers stay consecutive and `[n]` is the nth entry the link key opens.
import { isRefusedLink } from '../text/index.js';

/** Most footnotes collected for one article; later links show their text only. */
const MAX_LINKS = 999;

/** Footnote URLs gathered while rendering one article; [1] is urls[0]. */
export class LinkNotes {
  readonly urls: string[] = [];
  private readonly numbers = new Map<string, number>();

  /** The footnote number for a URL, reusing the number of an identical URL; null past the cap or for a refused scheme. */
  number(url: string): number | null {
    const known = this.numbers.get(url);
    if (known !== undefined) return known;
    if (this.urls.length >= MAX_LINKS || isRefusedLink(url)) return null;
    this.urls.push(url);
    this.numbers.set(url, this.urls.length);
    return this.urls.length;
  }
}
