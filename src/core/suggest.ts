import { distance } from 'fastest-levenshtein';

/**
 * The candidate nearest to `value` by edit distance, for "did you mean" hints; undefined when
 * nothing is close enough to be a plausible typo (distance above a third of the length, min 2).
 * Ties go to the candidate that sorts first, so hints are deterministic.
 */
export function nearest(value: string, candidates: Iterable<string>): string | undefined {
  const target = value.toLowerCase();
  const limit = Math.max(2, Math.floor(target.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(target, candidate.toLowerCase());
    if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : undefined;
}
