// Which texts of a long list have been met, without holding them. Printing each distinct warning
// once kept every warning's line in a Set: 94,000 plausibility notices of 5,000 regions, 48 MB of
// lines (V8 keeps a line with "→" in it at two bytes a character), the largest part of a default
// run's memory beyond --quiet's; a comparison kept both sides' 188,000 in two Sets (issue 18).
// Kept instead: a 30-bit hash of each text with the positions of the texts that had it. A hash
// met again is settled by making those texts again (`textAt`) and comparing them whole, so two
// different texts are never taken for one, however their hashes fall. Pure.
import { formatWarning, type Warning } from './issues.js';
import { partsInOrder, type WarningParts } from './lazy-warnings.js';

/** FNV-1a over the text's UTF-16 code units, cut to 30 bits (a small integer V8 stores unboxed). */
export function textHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash & 0x3fffffff;
}

/** A second hash, independent of textHash (another start and multiplier), for `DistinctTexts`' check. */
export function textCheck(text: string): number {
  let hash = 0x9e3779b9;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x5bd1e995);
  return hash & 0x3fffffff;
}

/** Texts known by their positions, found by hash. */
class HashedTexts {
  /** hash → the position of the one text kept with it, or of each of them. */
  private readonly byHash = new Map<number, number | number[]>();
  /** Each kept position's second hash (textCheck), when the texts are checked by it. */
  private checks: Int32Array | undefined;

  /** `textAt(i)`: the text of position `i`, made again the same each time. `checked`: a text
   * met under a hash already kept is made again only if its second hash is that position's too. */
  constructor(
    private readonly textAt: (position: number) => string,
    checked = false,
  ) {
    if (checked) this.checks = new Int32Array(1024);
  }

  /** Is `text` (whose hash is `hash`, second hash `check`) the text of a position kept? */
  has(text: string, hash: number, check = 0): boolean {
    const kept = this.byHash.get(hash);
    if (kept === undefined) return false;
    if (typeof kept === 'number') return this.same(kept, text, check);
    return kept.some((p) => this.same(p, text, check));
  }

  private same(position: number, text: string, check: number): boolean {
    if (this.checks !== undefined && this.checks[position] !== check) return false;
    return this.textAt(position) === text;
  }

  /** Keep `position`, whose text's hash is `hash` (and second hash `check`). */
  keep(position: number, hash: number, check = 0): void {
    if (this.checks !== undefined) {
      if (position >= this.checks.length) {
        const grown = new Int32Array(Math.max(2 * this.checks.length, position + 1));
        grown.set(this.checks);
        this.checks = grown;
      }
      this.checks[position] = check;
    }
    const kept = this.byHash.get(hash);
    if (kept === undefined) this.byHash.set(hash, position);
    else if (typeof kept === 'number') this.byHash.set(hash, [kept, position]);
    else kept.push(position);
  }
}

/** Each text the first time it is met, positions in order. */
export class DistinctTexts {
  private readonly texts: HashedTexts;
  private readonly checked: boolean;

  /**
   * `textAt(i)`: the text of position `i`, made again the same as it was given to `firstTime`.
   * `checked`: `textAt` is costly (it makes texts again from the start), so a text met under a
   * hash already seen is made again only when a second hash (textCheck) agrees too: two
   * different texts then share both about once in 10^18 pairs instead of once in 10^9; each
   * position's second hash is kept (4 bytes).
   */
  constructor(textAt: (position: number) => string, checked = false) {
    this.texts = new HashedTexts(textAt, checked);
    this.checked = checked;
  }

  /** True the first time `text` (the text at `position`) is met; false when an earlier position had the same text. */
  firstTime(text: string, position: number): boolean {
    const hash = textHash(text);
    const check = this.checked ? textCheck(text) : 0;
    if (this.texts.has(text, hash, check)) return false;
    this.texts.keep(position, hash, check);
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

/**
 * `distinctWarnings` over warnings not held: `parts.held`, then those `parts.more()` makes — the
 * same ones, in the same order, each time it is called (a report's plausibility notices, made
 * again rather than kept: core/lazy-warnings.ts warningParts). An earlier warning of `more()` is
 * made again, by calling `more()` again up to it, only when a text meets it with both hashes
 * equal: two equal texts (notices, one per series or region, are not) or a pair about once in 10^18.
 */
export function* distinctWarningsMadeAgain(parts: WarningParts): Generator<{ readonly warning: Warning; readonly text: string }> {
  const { held, more } = parts;
  const seen = new DistinctTexts((i) => formatWarning(i < held.length ? held[i]! : nth(more(), i - held.length)), true);
  let i = 0;
  for (const warning of partsInOrder(parts)) {
    const text = formatWarning(warning);
    if (seen.firstTime(text, i++)) yield { warning, text };
  }
}

/** The `n`th item of `items` (0 first). */
function nth<T>(items: Iterable<T>, n: number): T {
  let i = 0;
  for (const item of items) if (i++ === n) return item;
  throw new RangeError(`no item ${n}: the warnings made again are fewer than before`);
}

/** The set of the texts of positions 0 … size − 1 (`textAt`), without holding them. */
export function textSet(size: number, textAt: (position: number) => string): { has(text: string): boolean } {
  const texts = new HashedTexts(textAt);
  for (let i = 0; i < size; i++) texts.keep(i, textHash(textAt(i)));
  return { has: (text) => texts.has(text, textHash(text)) };
}
