// "Did you mean" hints: the known string nearest to an unknown one by edit distance.
//
// A hint is only a hint, but it must never cost more than the check it decorates: 20,000 unknown
// codes against 20,000 known ones, or a 1 MB cell, must stay fast. So candidates are indexed once
// (lazily: most runs never ask) by length and by their two-letter pieces (bigrams), and a query
// measures the distance to a bounded number of them:
// - length filter: a candidate whose length differs by more than the limit cannot be within it
//   (a 1 MB cell meets no candidate and is answered at once);
// - bigram filter: a string within edit distance d of another shares at least
//   max(|a|, |b|) + 1 − 2d of its padded bigrams (each edit breaks at most two), so only
//   candidates that share one of the query's rarest bigrams are looked at;
// - cap: at most MAX_CHECKED candidates get an edit distance, those that share the most bigrams.
// Hand-written because the packages that index strings for fuzzy search (fuse.js, flexsearch)
// rank by their own scores, not by edit distance with a fixed limit and a stable tie rule.
import { distance } from 'fastest-levenshtein';

/** How many candidates get an edit distance per query, at most. */
export const MAX_CHECKED = 256;

/** The largest edit distance a hint may have: a third of the length, at least 2. */
export function suggestionLimit(length: number): number {
  return Math.max(2, Math.floor(length / 3));
}

/** Padded bigrams of a string, with how often each occurs. */
function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  const padded = `\u0002${text}\u0003`;
  for (let i = 0; i + 1 < padded.length; i++) {
    const gram = padded.slice(i, i + 2);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
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
  /** Bigram → ids of the candidates that contain it; built when a length window is crowded. */
  private postings: Map<string, number[]> | undefined;

  constructor(candidates: Iterable<string>) {
    this.items = [...new Set(candidates)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    this.lower = this.items.map((c) => c.toLowerCase());
  }

  private build(): Built {
    const ids = this.lower.map((_, id) => id).sort((a, b) => this.lower[a]!.length - this.lower[b]!.length || a - b);
    const byLength = Int32Array.from(ids);
    const lengths = Int32Array.from(ids, (id) => this.lower[id]!.length);
    return { byLength, lengths };
  }

  private buildPostings(): Map<string, number[]> {
    const postings = new Map<string, number[]>();
    for (const [id, text] of this.lower.entries()) {
      for (const gram of bigrams(text).keys()) {
        let list = postings.get(gram);
        if (!list) postings.set(gram, (list = []));
        list.push(id);
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
    if (first >= end) return undefined;
    let ids: Iterable<number>;
    if (end - first <= MAX_CHECKED) ids = byLength.subarray(first, end);
    else ids = this.filtered(target, limit, built, first, end);
    let best = -1;
    let bestDistance = Infinity;
    for (const id of ids) {
      const d = distance(target, this.lower[id]!);
      if (d < bestDistance || (d === bestDistance && id < best)) {
        best = id;
        bestDistance = d;
      }
    }
    return bestDistance <= limit ? this.items[best] : undefined;
  }

  /** Candidates in the length window [first, end) that the bigram filter keeps, at most MAX_CHECKED. */
  private filtered(target: string, limit: number, built: Built, first: number, end: number): number[] {
    const postings = (this.postings ??= this.buildPostings());
    const grams = bigrams(target);
    const total = target.length + 1;
    // Shared occurrences ≥ total − 2·limit; counted over distinct bigrams, repeats may all be lost.
    const needed = total - 2 * limit - (total - grams.size);
    const minLength = built.lengths[first]!;
    const maxLength = built.lengths[end - 1]!;
    const inWindow = (id: number) => {
      const n = this.lower[id]!.length;
      return n >= minLength && n <= maxLength;
    };
    const shared = new Map<number, number>();
    if (needed >= 1) {
      // Every candidate within the limit has one of the (size − needed + 1) rarest bigrams.
      const byRarity = [...grams.keys()].sort((a, b) => (postings.get(a)?.length ?? 0) - (postings.get(b)?.length ?? 0));
      for (const gram of byRarity.slice(0, grams.size - needed + 1)) {
        for (const id of postings.get(gram) ?? []) if (inWindow(id)) shared.set(id, 0);
      }
    } else {
      for (let i = first; i < end; i++) shared.set(built.byLength[i]!, 0);
    }
    if (shared.size <= MAX_CHECKED) return [...shared.keys()];
    // Too many: keep those that share the most bigrams with the target.
    for (const gram of grams.keys()) {
      for (const id of postings.get(gram) ?? []) {
        const count = shared.get(id);
        if (count !== undefined) shared.set(id, count + 1);
      }
    }
    return [...shared.entries()]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, MAX_CHECKED)
      .map(([id]) => id);
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
