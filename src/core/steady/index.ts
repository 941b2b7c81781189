// steady's public face: the width of steady text (one or two columns a UTF-16 unit, the same in
// every terminal, string-width and tmux), known by counting. A subsystem of its own, below width/
// (which takes this rule from here and measures everything else), because it needs no Unicode
// tables, string-width nor Intl: the warm start's first rows (warm-rows.ts) are fitted with it
// before width/ loads. Not in text/: the parser's build stamp covers text/ (postbuild.mjs), and a
// change to how the list measures must not have every index re-parsed.
export { isOneColumnText, isSteadyText, isSteadyWide, padSteady, steadyWidth } from './steady-width.js';
