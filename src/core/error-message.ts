// What a caught value says, for a warning or a report: an Error's message, anything else as text
// (a rejection can carry any value).

/** The message of `error` (an Error's `message`, else `String(error)`). */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
