// What is said when the reading state cannot be used (a read-only home, a database another
// program holds locked): reading state is a convenience, so the dashboard shows this in its status
// line and --filter prints it as a warning, and both go on without marks. One wording for every
// place that reports it, so a user (or a script reading stderr) meets the same words. Marks that
// wait for a lock another program holds (mark-writer.ts) are said here too: while they wait, and
// at the exit when even its last try could not write them.
import { errorMessage } from '../error-message.js';
import { visibleName } from '../text/index.js';
import { isBusy, type SaveState } from './mark-writer.js';
import { STATE_FILE } from './store.js';

/** `reading state unavailable: <the error's message>`, for any thrown value. */
export function readingUnavailableMessage(error: unknown): string {
  return `reading state unavailable: ${errorMessage(error)}`;
}

/** What the exit says of marks it could not write: `marks of 3 articles not saved: <file> is locked by another program` (`error`: what the last write threw). */
export function unsavedMessage(articles: number, error: unknown, file: string): string {
  const name = visibleName(file);
  const why = isBusy(error) ? `${name} is locked by another program` : `${name}: ${errorMessage(error)}`;
  return `marks of ${articles} article${articles === 1 ? '' : 's'} not saved: ${why}`;
}

/**
 * What the status line says of the marks waiting (SaveState): `marks not saved yet: state.db is
 * locked by another program` while they wait, null once none do.
 */
export function unsavedNotice({ unsaved, reason }: SaveState): string | null {
  return unsaved > 0 ? `marks not saved yet: ${reason ?? 'not written'}` : null;
}

/** The status line's word when marks that waited are written: `marks saved to state.db`. */
export const SAVED_NOTICE = `marks saved to ${STATE_FILE}`;
