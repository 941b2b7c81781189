// The pulse subsystem's public face: counting a result and drawing the counts.
export { MAX_DAYS, pulseOf, TOP_N, type FacetCount, type Pulse } from './count.js';
export { barWidths, pulseJson, pulseText, sparkline } from './draw.js';
export { pulseOfFacts } from './facts-count.js';
