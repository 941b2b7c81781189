// Colour roles for the whole UI. Components name a role, never a raw colour, so a monochrome
// terminal (NO_COLOR, chalk level 0) still reads: every role that carries meaning also has a
// glyph, weight or position that survives without colour.

/** Ink colour names per role. */
export const theme = {
  accent: 'cyan',
  focusBorder: 'cyan',
  border: 'gray',
  dim: 'gray',
  heading: 'magentaBright',
  link: 'blue',
  code: 'yellow',
  quote: 'gray',
  match: 'yellowBright',
  marked: 'greenBright',
  selectedBg: 'blue',
  error: 'red',
  warning: 'yellow',
  positive: 'green',
  negative: 'red',
  neutral: 'gray',
} as const;

/** A colour role name. */
export type ThemeRole = keyof typeof theme;
