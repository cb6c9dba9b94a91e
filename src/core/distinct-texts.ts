// Which texts of a long list have been met, without holding them. Printing each distinct warning
// once kept every warning's line in a Set: 94,000 plausibility notices of 5,000 regions, 48 MB of
// lines (V8 keeps a line with "→" in it at two bytes a character), the largest part of a default
// run's memory beyond --quiet's (issue 18). Kept instead: a 30-bit hash of each text with the
// positions of the texts that had it. A hash met again is settled by making those texts again
// (`textAt`) and comparing them whole, so two different texts are never taken for one, however
// their hashes fall. Pure.

/** FNV-1a over the text's UTF-16 code units, cut to 30 bits (a small integer V8 stores unboxed). */
export function textHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash & 0x3fffffff;
}

export class DistinctTexts {
  /** hash → the position of the one text met with it, or of each of them. */
  private readonly byHash = new Map<number, number | number[]>();

  /** `textAt(i)`: the text of position `i`, made again the same as it was given to `firstTime`. */
  constructor(private readonly textAt: (position: number) => string) {}

  /** True the first time `text` (the text at `position`) is met; false when an earlier position had the same text. */
  firstTime(text: string, position: number): boolean {
    const hash = textHash(text);
    const earlier = this.byHash.get(hash);
    if (earlier === undefined) {
      this.byHash.set(hash, position);
      return true;
    }
    const positions = typeof earlier === 'number' ? [earlier] : earlier;
    for (const p of positions) if (this.textAt(p) === text) return false;
    positions.push(position);
    this.byHash.set(hash, positions);
    return true;
  }
}
