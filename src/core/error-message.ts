// What a caught value says, for a warning or a report: an Error's message, anything else as text
// (a rejection can carry any value); or the value as an Error, for a caller that reports it later.

/** The message of `error` (an Error's `message`, else `String(error)`). */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** `error` itself when it is an Error, else a new Error of `String(error)`: for what is passed on to be reported later. */
export function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
