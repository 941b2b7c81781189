// Styled text as ink's <Text> draws it, made once as a string: the same chalk calls in the same
// order (ink's Text transform: colour, bold, italic, underline, strikethrough, inverse), so a row
// painted here looks exactly like the nested <Text> elements it replaces. A pane drawn from
// painted rows is one ink text node instead of one per span, which is what makes a frame cheap
// (ink squashes, measures and lays out every text node on every frame).
import chalk from 'chalk';

/** The style props of ink's <Text> that the panes use. */
export interface Paint {
  color?: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  inverse?: boolean;
}

type Styler = (text: string) => string;

// The colour forms ink's colorize accepts for a foreground (named, #hex, ansi256(n), rgb(r,g,b)).
function colourer(color: string): Styler | null {
  if (color in chalk) return (chalk as unknown as Record<string, Styler>)[color];
  if (color.startsWith('#')) return chalk.hex(color);
  const n = /^ansi256\(\s?(\d+)\s?\)$/.exec(color);
  if (n) return chalk.ansi256(Number(n[1]));
  const rgb = /^rgb\(\s?(\d+),\s?(\d+),\s?(\d+)\s?\)$/.exec(color);
  if (rgb) return chalk.rgb(Number(rgb[1]), Number(rgb[2]), Number(rgb[3]));
  return null;
}

/** `text` styled as `<Text {...style}>{text}</Text>` would draw it; '' stays ''. */
export function paint(text: string, style: Paint): string {
  if (text === '') return '';
  let out = text;
  if (style.color) out = colourer(style.color)?.(out) ?? out;
  if (style.bold) out = chalk.bold(out);
  if (style.italic) out = chalk.italic(out);
  if (style.underline) out = chalk.underline(out);
  if (style.strikethrough) out = chalk.strikethrough(out);
  if (style.inverse) out = chalk.inverse(out);
  return out;
}
