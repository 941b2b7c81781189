// The list pane's title, as the frame shows it.

/** The list pane's title: `Articles 1/9,889` (`+` when the total is a lower bound). */
export function listTitle(position: number, total: number, approximate: boolean): string {
  return `Articles ${position.toLocaleString('en-US')}/${total.toLocaleString('en-US')}${approximate ? '+' : ''}`;
}
