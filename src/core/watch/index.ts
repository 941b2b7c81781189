// The folder watcher's public face: live updates of the opened folders, in settled batches.
export { watchFolders, type FolderWatch, type WatchBatch, type WatchWarning } from './watcher.js';
export { prestartWatchProcess } from './subscriber.js';
