// Which texts of a long list have been met, without holding them. Printing each distinct warning
// once kept every warning's line in a Set: 94,000 plausibility notices of 5,000 regions, 48 MB of
// lines (V8 keeps a line with "→" in it at two bytes a character), the largest part of a default
// run's memory beyond --quiet's; a comparison kept both sides' 188,000 in two Sets (issue 18).
// Kept instead: a 30-bit hash of each text with the positions of the texts that had it. A hash
// met again is settled by making those texts again (`textAt`) and comparing them whole, so two
// different texts are never taken for one, however their hashes fall. Pure.
import { formatWarning, type Warning } from './issues.js';

/** FNV-1a over the text's UTF-16 code units, cut to 30 bits (a small integer V8 stores unboxed). */
export function textHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash & 0x3fffffff;
}

/** Texts known by their positions, found by hash. */
class HashedTexts {
  /** hash → the position of the one text kept with it, or of each of them. */
  private readonly byHash = new Map<number, number | number[]>();

  /** `textAt(i)`: the text of position `i`, made again the same each time. */
  constructor(private readonly textAt: (position: number) => string) {}

  /** Is `text` (whose hash is `hash`) the text of a position kept? */
  has(text: string, hash: number): boolean {
    const kept = this.byHash.get(hash);
    if (kept === undefined) return false;
    if (typeof kept === 'number') return this.textAt(kept) === text;
    return kept.some((p) => this.textAt(p) === text);
  }

  /** Keep `position`, whose text's hash is `hash`. */
  keep(position: number, hash: number): void {
    const kept = this.byHash.get(hash);
    if (kept === undefined) this.byHash.set(hash, position);
    else if (typeof kept === 'number') this.byHash.set(hash, [kept, position]);
    else kept.push(position);
  }
}

/** Each text the first time it is met, positions in order. */
export class DistinctTexts {
  private readonly texts: HashedTexts;

  /** `textAt(i)`: the text of position `i`, made again the same as it was given to `firstTime`. */
  constructor(textAt: (position: number) => string) {
    this.texts = new HashedTexts(textAt);
  }

  /** True the first time `text` (the text at `position`) is met; false when an earlier position had the same text. */
  firstTime(text: string, position: number): boolean {
    const hash = textHash(text);
    if (this.texts.has(text, hash)) return false;
    this.texts.keep(position, hash);
    return true;
  }
}

/** Each warning whose text (formatWarning) differs from every earlier one's, in order, with that
 * text: what is printed once, listed once, or kept once of a long list of warnings. */
export function* distinctWarnings(warnings: readonly Warning[]): Generator<{ readonly warning: Warning; readonly text: string }> {
  const seen = new DistinctTexts((i) => formatWarning(warnings[i]!));
  for (let i = 0; i < warnings.length; i++) {
    const text = formatWarning(warnings[i]!);
    if (seen.firstTime(text, i)) yield { warning: warnings[i]!, text };
  }
}

/** The set of the texts of positions 0 … size − 1 (`textAt`), without holding them. */
export function textSet(size: number, textAt: (position: number) => string): { has(text: string): boolean } {
  const texts = new HashedTexts(textAt);
  for (let i = 0; i < size; i++) texts.keep(i, textHash(textAt(i)));
  return { has: (text) => texts.has(text, textHash(text)) };
}
