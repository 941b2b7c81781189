// What is said when the reading state cannot be used (a read-only home, a database another
// program holds locked): reading state is a convenience, so the dashboard shows this in its status
// line and --filter prints it as a warning, and both go on without marks. One wording for every
// place that reports it, so a user (or a script reading stderr) meets the same words.
import { errorMessage } from '../error-message.js';

/** `reading state unavailable: <the error's message>`, for any thrown value. */
export function readingUnavailableMessage(error: unknown): string {
  return `reading state unavailable: ${errorMessage(error)}`;
}
