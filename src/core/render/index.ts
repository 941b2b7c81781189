// render's public face: an article's Markdown body and header as lines for a width, the inspector
// tree, and the span and wrapping tools the panes draw those lines with.
export { renderMarkdown, shortcodesPending } from './markdown.js';
export { headerLines } from './article-header.js';
export { bodyMarkdown } from './page-params.js';
export { COINS_SECTION_KEY, FILE_SECTION_KEY, inspectorRows, toggleExpanded, type InspectorRow } from './inspector-tree.js';
export type { Line, Span } from './spans.js';
export { clipLine, cutRows, cutSpans, padLine, wrapSpans } from './wrap.js';
// The list row's marks live in row-marks/ (the warm start draws rows without the renderer); the list's views take them from here.
export { relativeDate, sentimentMark } from '../row-marks/index.js';
