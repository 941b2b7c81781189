// Counts as the status line, list title and pulse show them: digits in groups of three with
// commas, as `Intl.NumberFormat('en-US')` writes an integer ("99,015"). Written out rather than
// asked of Intl: the first NumberFormat loads ICU's number data, ~6 MB of node's own file pages
// resident for the rest of the session (the dashboard otherwise only asks ICU for graphemes),
// measured with /proc/self/smaps: node's mapped binary 32 -> 38 MB on the first format.

/** `n` with its integer digits grouped by three with commas (`1234567.5` -> `1,234,567.5`); NaN and infinities as String gives them. */
export function countText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const sign = n < 0 ? '-' : '';
  const [whole, fraction] = String(Math.abs(n)).split('.');
  // String() writes 1e21 and up in exponent form: no digits to group.
  if (whole.includes('e')) return String(n);
  let out = whole.slice(0, ((whole.length - 1) % 3) + 1);
  for (let i = out.length; i < whole.length; i += 3) out += `,${whole.slice(i, i + 3)}`;
  return sign + out + (fraction === undefined ? '' : `.${fraction}`);
}

/**
 * Label order of equal counts: case-insensitive, then by code unit, so `bitcoin` comes before
 * `Ethereum` as it would by locale. Not String#localeCompare, whose first call loads ICU's
 * collation data (~2-3 MB of node's file pages resident in every thread's process).
 */
export function compareLabels(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x !== y) return x < y ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
