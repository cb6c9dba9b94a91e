// DistinctTexts and textSet: which texts of a list were met before, or are in it, kept as hashes
// and positions only.
import { describe, expect, it } from 'vitest';
import { DistinctTexts, distinctWarnings, distinctWarningsMadeAgain, textCheck, textHash, textSet } from '../../src/core/distinct-texts.js';
import type { Warning } from '../../src/core/issues.js';
import { formatWarning } from '../../src/core/issues.js';
import { mulberry32 } from '../../src/core/random.js';

/** Two different texts with the same hash (found by trying texts until two hashes meet). */
function collidingPair(): [string, string] {
  const byHash = new Map<number, string>();
  // 2^30 hashes: by the birthday bound a collision comes after about 41,000 texts.
  for (let i = 0; ; i++) {
    const text = `warning: R${i} crisis teams`;
    const other = byHash.get(textHash(text));
    if (other !== undefined) return [other, text];
    byHash.set(textHash(text), text);
  }
}

describe('textHash', () => {
  it('is 32-bit FNV-1a cut to 30 bits (the FNV test vectors, ASCII text being its own bytes)', () => {
    // FNV-1a 32: "" → 0x811c9dc5, "a" → 0xe40c292c, "foobar" → 0xbf9cf968
    // (http://www.isthe.com/chongo/src/fnv/test_fnv.c); & 0x3fffffff keeps the low 30 bits.
    expect(textHash('')).toBe(0x011c9dc5);
    expect(textHash('a')).toBe(0x240c292c);
    expect(textHash('foobar')).toBe(0x3f9cf968);
  });

  it('reads UTF-16 code units: texts differing only beyond Latin-1 hash apart', () => {
    expect(textHash('Tromsø → Oslo')).not.toBe(textHash('Tromsø → Osl0'));
    expect(textHash('\u05d0')).not.toBe(textHash('\u06d0'));
  });
});

describe('DistinctTexts', () => {
  it('says "first time" exactly when a Set of the texts would not hold the text yet', () => {
    const random = mulberry32(20261201);
    const words = ['Åland', 'Oulu', 'صنعاء', 'Nordland', '→', '×0.25', ''];
    const texts = Array.from({ length: 3000 }, () => `${words[Math.floor(random() * words.length)]} ${Math.floor(random() * 40)}`);
    const seen = new DistinctTexts((i) => texts[i]!);
    const oracle = new Set<string>();
    texts.forEach((text, i) => {
      expect(seen.firstTime(text, i)).toBe(!oracle.has(text));
      oracle.add(text);
    });
  });

  it('tells apart two different texts whose hashes are the same, and still catches each one again', () => {
    const [a, b] = collidingPair();
    expect(a).not.toBe(b);
    expect(textHash(a)).toBe(textHash(b));
    const texts = [a, b, a, b, `${a}!`];
    const seen = new DistinctTexts((i) => texts[i]!);
    expect(texts.map((t, i) => seen.firstTime(t, i))).toEqual([true, true, false, false, true]);
  });
});

describe('textSet', () => {
  it('holds exactly the texts of its positions, as a Set of them would', () => {
    const random = mulberry32(7);
    const texts = Array.from({ length: 2000 }, () => `R${Math.floor(random() * 500)} → ×${Math.floor(random() * 3)}`);
    const set = textSet(texts.length, (i) => texts[i]!);
    const oracle = new Set(texts);
    for (let n = 0; n < 500; n++) for (const x of [0, 1, 2, 3]) expect(set.has(`R${n} → ×${x}`)).toBe(oracle.has(`R${n} → ×${x}`));
  });

  it('tells apart a text from another with the same hash', () => {
    const [a, b] = collidingPair();
    expect(textSet(1, () => a).has(b)).toBe(false);
    expect(textSet(1, () => a).has(a)).toBe(true);
    const both = [a, b];
    const set = textSet(2, (i) => both[i]!);
    expect([set.has(a), set.has(b), set.has(`${a} `)]).toEqual([true, true, false]);
  });
});

describe('distinctWarnings', () => {
  it('gives each warning whose text was not given before, with its text, as a Set of the texts would', () => {
    const random = mulberry32(11);
    const warnings = Array.from({ length: 2000 }, () => {
      const n = Math.floor(random() * 300);
      return { file: n % 2 ? 'beds.csv' : 'services.csv', line: n % 3 ? n : null, message: `R${n % 100} → ×${n % 7}` };
    });
    const seen = new Set<string>();
    const expected = warnings.filter((w) => {
      const text = formatWarning(w);
      if (seen.has(text)) return false;
      seen.add(text);
      return true;
    });
    const got = [...distinctWarnings(warnings)];
    expect(got.map((d) => d.warning)).toEqual(expected);
    for (const d of got) expect(d.text).toBe(formatWarning(d.warning));
    expect(got.length).toBeLessThan(warnings.length);
  });
});

describe('distinctWarningsMadeAgain', () => {
  /** Warnings from a seed, some texts repeated (within each part and across them) when `repeats`. */
  function warningsOf(seed: number, n: number, repeats: boolean): Warning[] {
    const random = mulberry32(seed);
    return Array.from({ length: n }, (_, i) => {
      const k = repeats ? Math.floor(random() * n * 0.6) : i;
      return { file: k % 2 ? 'beds.csv' : 'services.csv', line: k % 3 ? k : null, message: `R${k} crisis teams: ${k % 7} → ${k % 11} (×${k % 5}) ø` };
    });
  }

  it('gives what distinctWarnings gives of the held ones then the made ones, repeats in each part and across them', () => {
    for (const [seed, repeats] of [[1, true], [2, true], [3, false]] as const) {
      const held = warningsOf(seed, 300, repeats);
      const made = warningsOf(seed + 10, 700, repeats);
      let calls = 0;
      const more = () => {
        calls++;
        return made.map((w) => ({ ...w }));
      };
      const got = [...distinctWarningsMadeAgain({ held, more })].map((d) => d.text);
      expect(got).toEqual([...distinctWarnings([...held, ...made])].map((d) => d.text));
      // Without repeats, and no pair meeting on both hashes, the made ones are made once.
      if (!repeats) expect(calls).toBe(1);
      else expect(calls).toBeGreaterThan(1);
    }
  });

  it('tells apart two different texts whose first hashes are the same: their second ones differ, and nothing is made again', () => {
    const [a, b] = collidingPair();
    // A warning whose text is exactly the given one ("warning: R… crisis teams": file, then message).
    const asWarning = (text: string): Warning => ({ file: text.slice(0, text.indexOf(': ')), line: null, message: text.slice(text.indexOf(': ') + 2) });
    expect(formatWarning(asWarning(a))).toBe(a);
    expect(formatWarning(asWarning(b))).toBe(b);
    expect(textHash(a)).toBe(textHash(b));
    expect(textCheck(a)).not.toBe(textCheck(b));
    let calls = 0;
    const more = function* () {
      calls++;
      yield asWarning(a);
      yield asWarning(b);
      yield asWarning(a);
    };
    expect([...distinctWarningsMadeAgain({ held: [], more })].map((d) => d.text)).toEqual([a, b]);
    // The third (a again) met a on both hashes: a was made again to compare, once.
    expect(calls).toBe(2);
  });

  it('throws, rather than print wrong lines, when the warnings made again are fewer than before', () => {
    const w = (m: string): Warning => ({ file: '', line: null, message: m });
    let first = true;
    const more = () => {
      const list = first ? [w('x'), w('y'), w('x')] : [];
      first = false;
      return list;
    };
    expect(() => [...distinctWarningsMadeAgain({ held: [], more })]).toThrow(RangeError);
  });
});
