// width's public face: the one place that decides how many terminal columns text takes (the
// product's rule, and ink's own count where code must mirror ink's layout) and cuts or pads text
// to a width. A subsystem of its own, apart from text/, because its rule needs string-width and
// Unicode tables: what only sanitises or folds text (the CLI's start, --filter) does not load them.
export { displayText, eachGrapheme, graphemeWidth, holdsPlacedCluster, inkWidth, isPlacedCluster, prefixWithin, textWidth, WIDE_PAD, type Prefix } from './width.js';
// The steady-text rule is steady/'s (no Unicode tables: the warm start's rows use it before width/ loads).
export { isOneColumnText, steadyWidth } from '../steady/index.js';
export { columns, fitPrefix, fitTail, fitWidth, padWidth } from './fit.js';
