// files' public face: finding the Markdown files under path arguments (a streaming walk that
// reports unreadable entries and follows no link twice; PathError for an argument that is
// missing), reading one capped or whole in pieces, never blocking on a FIFO, and stat-ing many (on a thread of
// their own too, or walked and stat-ed there: WalkThread) for the index's freshness check.
// Apart from load/ so that what only walks or reads (the folder watch's worker, the CLI's
// --print markdown) does not load the parsers and the index with it.
export { PathError, walkPaths, type WalkEntry, type WalkResult } from './walk.js';
export { isArticleName, isMarkdownName, skippedFolder } from './article-names.js';
export { describeFsError } from './fs-errors.js';
export { inDraftsFolder, isJekyllDocument, isJekyllPost, isSectionPage, keepsSiteEntry, siteKind, siteKindOfFolder, sourceFolder, type ListedEntry, type SiteKind, type SitePlace } from './site-layout.js';
export { readCappedSync, type SyncRead } from './read-sync.js';
export { FilePieces } from './read-pieces.js';
export { STAT_FIELDS, statInto, statPaths, StatWorker, type SharedStat } from './stat-thread.js';
export { WalkThread, type WalkedFiles } from './walk-thread.js';
export { listingText, readListing, smallKeptWalk, writeListing } from './walk-listing.js';
export { keptHere, walkHere, type Found } from './walk-here.js';
export { threadRole, threadScript, type ThreadRole } from './thread-script.js';
export { FileIdentities } from './file-identities.js';
export { relativeToRoots, releaseEntries, TAKEN } from './walk-entries.js';
