// Colour roles for the whole UI. Components name a role, never a raw colour, so the `mono` scheme
// (chosen, or forced by NO_COLOR: terminal.ts colourChoice) and a terminal without styling (chalk
// level 0) still read: every role that carries meaning also has a glyph, weight or position that
// survives without colour.

/** Ink colour names per role (the dark scheme, the default). */
const DARK = {
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
  unread: 'cyanBright',
  saved: 'yellow',
};

/** A colour role name. */
export type ThemeRole = keyof typeof DARK;

// For light backgrounds: no bright or pale yellows and greys that vanish on white.
const LIGHT: Record<ThemeRole, string> = {
  ...DARK,
  accent: 'blue',
  focusBorder: 'blue',
  heading: 'magenta',
  code: 'red',
  match: 'magenta',
  marked: 'green',
  unread: 'blue',
  saved: 'red',
  warning: 'red',
};

/** The roles in force; components read it at render time, so applyTheme before the first render. */
export const theme: Record<ThemeRole, string | undefined> = { ...DARK };

// Whether the scheme in force draws colour at all (`mono` does not): the data's own colours follow it.
let coloured = true;

/** Switches every role to a scheme: `dark`, `light`, or `mono` (no colour; glyphs and weight carry the meaning). */
export function applyTheme(name: 'dark' | 'light' | 'mono'): void {
  const scheme: Record<ThemeRole, string | undefined> = name === 'light' ? LIGHT : name === 'mono' ? (Object.fromEntries(Object.keys(DARK).map((k) => [k, undefined])) as Record<ThemeRole, undefined>) : DARK;
  Object.assign(theme, scheme);
  coloured = name !== 'mono';
}

/** A colour the data brings (a coin's own, core/coins/assets.ts), or none under the `mono` scheme, which draws no colour at all. */
export function dataColour(color: string | null | undefined): string | undefined {
  return coloured && color ? color : undefined;
}
