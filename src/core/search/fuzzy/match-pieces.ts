// A test that rules a field out before the Bitap matcher runs (bitap.ts): most fields an article
// offers fuse (its description, tags, source, categories) hold nothing like the query, and the
// matcher, run on them all, was most of a warm `--filter`'s ranking (~300 articles, ~2,000 fields
// at 10k files, in code too briefly run to be optimised).
//
// Why it is exact: the matcher finds a field only where some stretch of it is within `k` edits
// (insertions, deletions, substitutions: Bitap's error levels) of the pattern, `k` being the
// highest error level whose score can still pass the threshold. Cut the pattern into k + 1
// pieces: k edits touch at most k of them, so any such stretch holds one piece exactly. A field
// holding none of the pieces matches at no level, wherever the match would lie.

/**
 * The pieces of a pattern of at most 32 code units (one Bitap chunk) under fuse's `threshold`,
 * or null when the test does not apply (a negative `distance`, where a score can fall below its
 * errors' share). At level `i` a score is at least `i / pattern.length` (the errors' share, plus
 * a distance's share that is never negative), so only levels with `i / length <= threshold` can match.
 */
export function matchPieces(pattern: string, threshold: number, distance: number): string[] | null {
  const m = pattern.length;
  if (m === 0 || !(distance >= 0)) return null;
  let k = 0;
  while (k + 1 < m && (k + 1) / m <= threshold) k += 1;
  const pieces: string[] = [];
  for (let p = 0; p <= k; p++) pieces.push(pattern.slice(Math.floor((p * m) / (k + 1)), Math.floor(((p + 1) * m) / (k + 1))));
  return pieces;
}

/** Whether `text` holds one of `pieces` (matchPieces) exactly: false means the pattern matches nowhere in it. */
export function holdsPiece(text: string, pieces: readonly string[]): boolean {
  for (let p = 0; p < pieces.length; p++) if (text.indexOf(pieces[p]) > -1) return true;
  return false;
}
