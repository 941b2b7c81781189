// Short texts the frame shows about the list: the list pane's title and the status line's prompt.
import type { Prompt } from '../state/effects.js';

/** The list pane's title: `Articles 1/9,889` (`+` when the total is a lower bound). */
export function listTitle(position: number, total: number, approximate: boolean): string {
  return `Articles ${position.toLocaleString('en-US')}/${total.toLocaleString('en-US')}${approximate ? '+' : ''}`;
}

/** The status line's question or link-number entry for a prompt, or null. */
export function promptText(p: Prompt | null): string | null {
  if (!p) return null;
  if (p.kind === 'open') return `open ${p.url} ? y/n`;
  if (p.kind === 'markAll') return `mark ${p.count.toLocaleString('en-US')} articles read? y/n`;
  return `open link #${p.digits}_  (Enter opens, Esc cancels)`;
}
