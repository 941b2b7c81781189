// Reading state's public face: the read, saved and new marks kept in the state folder (Reading),
// the is:unread/is:read/is:saved/is:new query terms, searching with them, the start message, and
// what is said when the state cannot be used.
export { Reading, splitReadingTerms, type ReadingTerm, type Undone } from './reading.js';
export { searchWithReading } from './reading-search.js';
export { newCounted, newSinceMessage } from './new-since.js';
export { readingUnavailableMessage, SAVED_NOTICE, unsavedNotice } from './unavailable.js';
export type { SaveState } from './mark-writer.js';
