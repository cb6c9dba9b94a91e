// "Did you mean" hints: the known string nearest to an unknown one by edit distance.
//
// A hint is only a hint, but it must never cost more than the check it decorates: 20,000 unknown
// codes against 20,000 known ones, or a 1 MB cell, must stay fast. So the work per query is
// bounded, whatever the number of candidates:
// - length filter: a candidate whose length differs by more than the limit cannot be within it
//   (a 1 MB cell meets no candidate and is answered at once); when few candidates are left, each
//   gets an edit distance and the answer is exact;
// - otherwise the candidates are those that share the most informative pieces with the query:
//   its three-letter pieces (trigrams), else its two-letter ones, counting only pieces that at
//   most MAX_POSTINGS candidates have (a piece every code has, like "NO-", tells nothing), and at
//   most MAX_CHECKED of them get an edit distance. In a crowd of near-identical codes the hint
//   may then not be the very nearest, but it is always within the limit, and always the same.
// Hand-written because the packages that index strings for fuzzy search (fuse.js, flexsearch)
// rank by their own scores, not by edit distance with a fixed limit and a stable tie rule.
import { distance } from 'fastest-levenshtein';

/** How many candidates get an edit distance per query, at most. */
export const MAX_CHECKED = 64;

/** The largest edit distance a hint may have: a third of the length, at least 2; but 1 for a
 * string of three letters or fewer (two edits of "stk" leave one letter of it). */
export function suggestionLimit(length: number): number {
  return length <= 3 ? 1 : Math.max(2, Math.floor(length / 3));
}

/** Pieces of a piece index are looked at only when at most this many candidates have them. */
export const MAX_POSTINGS = 512;

/** The distinct pieces of `size` letters of a string padded with a start and an end mark. */
function pieces(text: string, size: number): Set<string> {
  const grams = new Set<string>();
  const padded = `\u0002${text}\u0003`;
  for (let i = 0; i + size <= padded.length; i++) grams.add(padded.slice(i, i + size));
  return grams;
}

interface Built {
  /** Candidate ids by length (ascending), and their lengths. */
  readonly byLength: Int32Array;
  readonly lengths: Int32Array;
}

/**
 * Known strings, indexed for "did you mean" (see the top of this file). Comparison ignores case;
 * ties go to the candidate that sorts first (code-unit order), so hints are deterministic.
 */
export class SuggestionIndex {
  /** Distinct candidates in code-unit order; an id is a position here. */
  private readonly items: readonly string[];
  private readonly lower: readonly string[];
  private built: Built | undefined;
  /** Piece → ids of the candidates that have it, for trigrams and bigrams; built when a length
   * window is first crowded. */
  private postings: { readonly 3: Map<string, number[]>; readonly 2: Map<string, number[]> } | undefined;
  /** Pieces shared with the current query, per candidate (all zero between queries). */
  private counts: Int32Array | undefined;

  constructor(candidates: Iterable<string>) {
    // The default sort compares strings by UTF-16 code units.
    this.items = [...new Set(candidates)].sort();
    this.lower = this.items.map((c) => c.toLowerCase());
  }

  private build(): Built {
    // Sorting is stable, so ids of one length stay in ascending (code-unit) order.
    const ids = this.lower.map((_, id) => id).sort((a, b) => this.lower[a]!.length - this.lower[b]!.length);
    const byLength = Int32Array.from(ids);
    const lengths = Int32Array.from(ids, (id) => this.lower[id]!.length);
    return { byLength, lengths };
  }

  private buildPostings(): { 3: Map<string, number[]>; 2: Map<string, number[]> } {
    const postings = { 3: new Map<string, number[]>(), 2: new Map<string, number[]>() };
    for (const size of [3, 2] as const) {
      const map = postings[size];
      for (const [id, text] of this.lower.entries()) {
        for (const gram of pieces(text, size)) {
          const list = map.get(gram);
          if (list) list.push(id);
          else map.set(gram, [id]);
        }
      }
    }
    return postings;
  }

  /** The candidate nearest to `value`, or undefined when none is within suggestionLimit. */
  nearest(value: string): string | undefined {
    const target = value.toLowerCase();
    const limit = suggestionLimit(target.length);
    const built = (this.built ??= this.build());
    const { byLength, lengths } = built;
    const first = lowerBound(lengths, target.length - limit);
    const end = lowerBound(lengths, target.length + limit + 1);
    // An empty window (first = end) leaves no ids and so no answer.
    let ids: Iterable<number>;
    if (end - first <= MAX_CHECKED) ids = byLength.subarray(first, end);
    else ids = this.filtered(target, built, first, end);
    // Stryker disable next-line UnaryOperator: the first candidate replaces best (any distance is below Infinity) before best is ever compared
    let best = -1;
    let bestDistance = Infinity;
    for (const id of ids) {
      const d = distance(target, this.lower[id]!);
      // Stryker disable next-line EqualityOperator: each id comes once, so id === best never holds and id <= best reads as id < best
      if (d < bestDistance || (d === bestDistance && id < best)) {
        best = id;
        bestDistance = d;
      }
    }
    return bestDistance <= limit ? this.items[best] : undefined;
  }

  /**
   * The candidate nearest to `value` however far (ties to the first in order): SPEC §2 names "the
   * nearest known alias" of an unmapped service name even when none is near enough to ask "did
   * you mean". Every candidate gets an edit distance: for a few names at a time.
   */
  nearestAtAll(value: string): string | undefined {
    const target = value.toLowerCase();
    let best = -1;
    let bestDistance = Infinity;
    for (let id = 0; id < this.items.length; id++) {
      const d = distance(target, this.lower[id]!);
      if (d < bestDistance) {
        best = id;
        bestDistance = d;
      }
    }
    return best < 0 ? undefined : this.items[best];
  }

  /** At most MAX_CHECKED candidates in the length window [first, end): those sharing the most
   * informative trigrams with the target, else bigrams, else the nearest in length. */
  private filtered(target: string, built: Built, first: number, end: number): Iterable<number> {
    const postings = (this.postings ??= this.buildPostings());
    const counts = (this.counts ??= new Int32Array(this.items.length));
    const minLength = built.lengths[first]!;
    const maxLength = built.lengths[end - 1]!;
    for (const size of [3, 2] as const) {
      const touched: number[] = [];
      let most = 0;
      for (const gram of pieces(target, size)) {
        const ids = postings[size].get(gram);
        if (ids === undefined || ids.length > MAX_POSTINGS) continue;
        for (const id of ids) {
          const n = this.lower[id]!.length;
          if (n < minLength || n > maxLength) continue;
          // Stryker disable next-line ConditionalExpression: pushed again, an id lands in byCount[0] (its count is zeroed at its first entry), which is never read
          if (counts[id] === 0) touched.push(id);
          most = Math.max(most, ++counts[id]!);
        }
      }
      if (touched.length === 0) continue;
      // Most pieces shared first; then the nearest length; then code-unit order.
      const byCount: number[][] = Array.from({ length: most + 1 }, () => []);
      for (const id of touched) {
        byCount[counts[id]!]!.push(id);
        counts[id] = 0;
      }
      const chosen: number[] = [];
      // Stryker disable next-line EqualityOperator,ConditionalExpression: byCount[0] is always empty, and once chosen is full a later bucket adds nothing (its slice is empty); the checks only stop early
      for (let c = most; c > 0 && chosen.length < MAX_CHECKED; c--) {
        // As many as there is room for: the nearest in length, then the first in order (one
        // number per candidate, sorted as numbers: no comparison function). When the whole bucket
        // fits, the order does not matter (nearest() breaks ties by id), but sorting at most
        // MAX_CHECKED numbers costs nothing worth a second path.
        const ids = byCount[c]!;
        const n = this.items.length;
        const keys = Float64Array.from(ids, (id) => Math.abs(this.lower[id]!.length - target.length) * n + id).sort();
        for (const key of keys.subarray(0, MAX_CHECKED - chosen.length)) chosen.push(key % n);
      }
      return chosen;
    }
    // Nothing informative in common: the candidates nearest in length (byLength is sorted).
    const from = Math.max(first, Math.min(lowerBound(built.lengths, target.length) - MAX_CHECKED / 2, end - MAX_CHECKED));
    return built.byLength.subarray(from, Math.min(end, from + MAX_CHECKED));
  }
}

/** The first index whose value is ≥ `value` in an ascending array. */
function lowerBound(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The candidate nearest to `value` by edit distance, for a one-off "did you mean"; undefined
 * when nothing is within suggestionLimit. Ties go to the candidate that sorts first. For many
 * queries against the same candidates, build one SuggestionIndex.
 */
export function nearest(value: string, candidates: Iterable<string>): string | undefined {
  return new SuggestionIndex(candidates).nearest(value);
}
