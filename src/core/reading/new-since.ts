// The notice the dashboard starts with when articles arrived since the last session ended.

/** `12 new since Nov 28 09:14` (local time), or null when nothing is new. */
export function newSinceMessage(count: number, since: number | null): string | null {
  if (since === null || count === 0) return null;
  const d = new Date(since);
  const month = d.toLocaleString('en-US', { month: 'short' });
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${count.toLocaleString('en-US')} new since ${month} ${d.getDate()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
