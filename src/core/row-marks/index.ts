// row-marks' public face: what a list row shows of an article besides its title and source, its
// date as an age and its sentiment glyph. A subsystem of its own, apart from render/, because the
// warm start draws list rows before the UI loads (warm-rows.ts): render's face loads the Markdown
// renderer (marked, htmlparser2 and their modules), which the first rows must not wait for.
export { relativeDate } from './relative-time.js';
export { sentimentMark } from './sentiment-mark.js';
