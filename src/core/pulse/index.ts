// The pulse subsystem's public face: counting a result and drawing the counts. (Counting the
// stories subsystem's precomputed facts is stories/'s pulseOfFacts, in the same Pulse shape.)
export { dayCounts, MAX_DAYS, pulseOf, TOP_N, type FacetCount, type Pulse } from './count.js';
export { barWidths, pulseJson, pulseText, sparkline } from './draw.js';
