// What a browser draws in a run of text beyond its words (html-spans.ts reads the tags): a `<ruby>`
// annotation in parentheses after its base, as `<rp>` asks a browser without ruby to show it,
// 仮想通貨(かそうつうか), the author's own `<rp>` text dropped so the parentheses never double (they
// ran together: 仮想通貨かそうつうか); a `<wbr>` a break opportunity, as a zero-width space is
// (wrap.ts), so `super<wbr>cali<wbr>fragilistic` breaks there at the pane's edge, not mid-word.
import { HtmlFootnotes } from './html-footnotes.js';

/** HtmlFootnotes that also read ruby annotations and word-break opportunities. */
export class HtmlRuby extends HtmlFootnotes {
  // How many `<rp>`s are open: their text is not shown.
  private parentheses = 0;

  /** An `<rt>`, `<rp>` or `<wbr>` opens: true when read here. */
  protected openRuby(name: string): boolean {
    if (name === 'rt') this.push('(');
    else if (name === 'rp') this.parentheses++;
    else if (name === 'wbr') this.push('\u200b');
    else return false;
    return true;
  }

  /** An `</rt>` or `</rp>`. */
  protected closeRuby(name: string): void {
    if (name === 'rt') this.push(')');
    else if (name === 'rp') this.parentheses = Math.max(0, this.parentheses - 1);
  }

  /** Whether text now is an `<rp>`'s, not shown. */
  protected inRubyParenthesis(): boolean {
    return this.parentheses > 0;
  }
}
