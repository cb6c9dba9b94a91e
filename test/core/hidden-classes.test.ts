// Objects made one per region or per alias share their hidden class in V8 (issue 18, memory): an
// object literal that begins with a spread and adds keys after it (`{ ...region, rank_p5 }`) got
// a hidden class of its own per object in Node 20 — at 5,000 regions 5,000 classes and their
// descriptor arrays, about 5 MB of a report's peak, and every later reading of a region
// megamorphic. The copies are made with Object.assign instead. V8's own `%HaveSameMap` tells
// (natives syntax, allowed for this worker's functions compiled after the flag is set).
import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze.js';
import { BUILTIN_ALIASES } from '../../src/core/aliases.js';
import { HEADER_ALIASES } from '../../src/core/header-aliases.js';
import { UNIT_ALIASES } from '../../src/core/unit-aliases.js';
import { withInterval } from '../../src/core/interval.js';
import { loadDataset } from '../../src/io/load-dataset.js';

setFlagsFromString('--allow-natives-syntax');
const haveSameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;

/** How many hidden classes `objects` have between them. */
function hiddenClasses(objects: readonly object[]): number {
  const seen: object[] = [];
  for (const o of objects) if (!seen.some((s) => haveSameMap(s, o))) seen.push(o);
  return seen.length;
}

describe('hidden classes of objects made per region or alias', () => {
  it('the function that compares them tells two shapes apart', () => {
    expect(hiddenClasses([{ a: 1 }, { a: 2 }])).toBe(1);
    expect(hiddenClasses([{ a: 1 }, { b: 2 }])).toBe(2);
  });

  it("a report's regions with their intervals share one", async () => {
    const { dataset, weights } = await loadDataset();
    const base = analyze(dataset, { weights });
    const report = withInterval(dataset, base, { weights, draws: 20 });
    expect(report.regions.length).toBeGreaterThan(15);
    // The regions before the intervals share one class (the analysis makes them so) …
    expect(hiddenClasses(base.regions)).toBe(1);
    // … and so do their copies with the intervals (with a spread: one per region but the first few).
    expect(hiddenClasses(report.regions)).toBe(1);
  });

  it('the built-in aliases have a class per shape of their block, not one each', () => {
    // Blocks with and without a note of their own (the note's place in the keys differs): a few
    // shapes. With a spread, each alias had its own (434 service names; the units and headers alike).
    for (const aliases of [BUILTIN_ALIASES, UNIT_ALIASES, HEADER_ALIASES]) {
      expect(aliases.length).toBeGreaterThan(50);
      expect(hiddenClasses(aliases)).toBeLessThanOrEqual(8);
    }
  });
});
