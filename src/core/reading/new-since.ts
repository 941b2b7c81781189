// The notice the dashboard starts with when articles arrived since the last session ended.
import { format } from 'date-fns';
import { countText } from '../text/index.js';

/** `12 new since Nov 28 09:14` (local time), or null when nothing is new. */
export function newSinceMessage(count: number, since: number | null): string | null {
  if (since === null || count === 0) return null;
  const d = new Date(since);
  // date-fns' own English names, not Intl's (whose data stays resident once loaded: text/count-text.ts).
  return `${countText(count)} new since ${format(d, 'MMM d HH:mm')}`;
}
