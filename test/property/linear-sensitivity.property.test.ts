// Property test (fast-check, fixed seed): the linear sensitivity (src/core/linear-model.ts) gives
// the same numbers, to the last bit, as the per-draw reference (test/reference/per-draw-
// sensitivity.ts: a whole analysis per draw), on random datasets: stock or event beds, any
// services, random weight ranges, every sort metric, every fill mode, a region tree, correlated
// or independent draws. `toEqual` compares numbers with Object.is: 0 and −0 differ, and so does
// any last-digit difference.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FILL_MODES } from '../../src/core/series.js';
import { SORT_METRICS } from '../../src/core/report-schema.js';
import { planSensitivity, sensitivity } from '../../src/core/sensitivity.js';
import { runDraws, variedWeightKeys } from '../../src/core/weight-draws.js';
import { resolveWeights, type Weight } from '../../src/core/weights.js';
import { loadDataset } from '../../src/io/load-dataset.js';
import { referenceDraws, referenceSummary, referenceVariedKeys } from '../reference/per-draw-sensitivity.js';

const RUN = { seed: 16_2026, numRuns: 60, endOnFailure: true } as const;
const YEARS = [2000, 2001, 2002, 2003, 2004];

/**
 * The default weights' keys ("category/unit"). Read inside the tests, with the arbitraries made
 * from them, not while the tests are collected: an error in resolveWeights then fails the tests
 * instead of leaving a file with no tests.
 */
const weightKeys = (): string[] => [...resolveWeights().keys()];

/** A capacity or bed count with up to two decimals (values such as 0.1 + 0.2 that round in binary). */
const amount = fc.integer({ min: 0, max: 50_000 }).map((n) => n / 100);

const datasetArb = (keys: readonly string[]) =>
  fc
    .record({
      regions: fc.integer({ min: 1, max: 7 }),
      tree: fc.boolean(),
      events: fc.boolean(),
      beds: fc.array(fc.tuple(fc.nat(6), fc.constantFrom(...YEARS), amount), { minLength: 1, maxLength: 25 }),
      population: fc.array(fc.tuple(fc.nat(6), fc.constantFrom(...YEARS), fc.integer({ min: 1_000, max: 900_000 })), { maxLength: 20 }),
      services: fc.array(fc.tuple(fc.nat(6), fc.constantFrom(...YEARS), fc.constantFrom(...keys), amount), { maxLength: 40 }),
    })
    .map((g) => {
      const codes = Array.from({ length: g.regions }, (_, i) => `R${i}`);
      const parent = (i: number) => (g.tree && i > 0 ? (i % 2 === 0 ? 'R0' : '') : '');
      const regions = `region,name,parent\n${codes.map((c, i) => `${c},Område ${c},${parent(i)}`).join('\n')}\n`;
      // Every region has population at the last year, so most are ranked; random extra years.
      const pop = new Map<string, number>();
      for (const c of codes) pop.set(`${c},${YEARS.at(-1)}`, 50_000 + c.length);
      for (const [r, y, n] of g.population) pop.set(`${codes[r % g.regions]},${y}`, n);
      const population = `region,year,population\n${[...pop].map(([k, n]) => `${k},${n}`).join('\n')}\n`;
      const beds = g.events
        ? `region,date,beds_closed\n${g.beds.map(([r, y, n]) => `${codes[r % g.regions]},${y}-06,${n - 100}`).join('\n')}\n`
        : `region,year,beds\n${g.beds.map(([r, y, n]) => `${codes[r % g.regions]},${y},${n}`).join('\n')}\n`;
      const services =
        'region,year,service,capacity,unit\n' +
        g.services
          .map(([r, y, key, n]) => {
            const [category, unit] = key.split('/');
            return `${codes[r % g.regions]},${y},${category},${n},${unit}`;
          })
          .join('\n') +
        '\n';
      return { regions, population, beds, services };
    });

/** Random ranges for some weights: value inside [low, high], some fixed (low = high). */
const weightsArb = (keys: readonly string[]) =>
  fc.array(fc.tuple(fc.constantFrom(...keys), amount, amount, fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 6 }).map((overrides) => {
    const table = new Map<string, Weight>(resolveWeights());
    for (const [key, a, b, t] of overrides) {
      const low = Math.min(a, b) / 100;
      const high = Math.max(a, b) / 100;
      table.set(key, { ...table.get(key)!, low, high, value: low + t * (high - low), origin: 'config' });
    }
    return table;
  });

const optionsArb = fc.record({
  sort: fc.constantFrom(...SORT_METRICS),
  fill: fc.constantFrom(...FILL_MODES),
  level: fc.constantFrom(undefined, 1),
  correlation: fc.constantFrom('none' as const, 'category' as const),
  draws: fc.integer({ min: 1, max: 25 }),
  seed: fc.nat(),
  top: fc.integer({ min: 1, max: 8 }),
  // SPEC §8: a region with no services row is not ranked (exclude) or counted with 0 (zero);
  // the linear model must rank exactly the regions the per-draw analysis ranks, either way.
  missingCommunity: fc.constantFrom('exclude' as const, 'zero' as const),
});

async function load(files: Record<string, string>) {
  const inputs = Object.fromEntries(Object.entries(files).map(([role, content]) => [role, { name: `${role}.csv`, content }]));
  try {
    return (await loadDataset(inputs, { allowUnmapped: false })).dataset;
  } catch {
    return undefined; // e.g. a period with no years: not what this test is about
  }
}

describe('linear sensitivity = per-draw reference, to the last bit', () => {
  it('every draw: the drawn weights, each region’s vacuum per 100k and rank', async () => {
    const keys = weightKeys();
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(datasetArb(keys), weightsArb(keys), optionsArb, async (files, weights, o) => {
        const dataset = await load(files);
        if (dataset === undefined) return;
        const options = { weights, sort: o.sort, fill: o.fill, level: o.level, correlation: o.correlation, draws: o.draws, seed: o.seed, missingCommunity: o.missingCommunity };
        let plan;
        try {
          plan = planSensitivity(dataset, options);
        } catch (error) {
          if (error instanceof Error && /--from|--to|level/.test(error.message)) return;
          throw error;
        }
        const chunk = runDraws(plan.plan, 0, o.draws);
        const reference = referenceDraws(dataset, { ...options, draws: o.draws, seed: o.seed });
        const R = plan.plan.regions.length;
        const K = variedWeightKeys(weights).length;
        expect(variedWeightKeys(weights)).toEqual(referenceVariedKeys(weights));
        for (let d = 0; d < o.draws; d++) {
          expect([...chunk.weights.subarray(d * K, (d + 1) * K)]).toEqual(reference[d]!.weights);
          plan.plan.regions.forEach((code, r) => {
            expect(chunk.vacuum[d * R + r]).toEqual(reference[d]!.vacuum.get(code));
            expect(chunk.rank[d * R + r]).toEqual(reference[d]!.rank.get(code));
          });
        }
        compared += R * o.draws;
      }),
      RUN,
    );
    // The generator makes real work: many region-draws were compared, not only empty datasets.
    expect(compared).toBeGreaterThan(500);
  });

  it('the summary: percentiles of vacuum and rank and the top share', async () => {
    const keys = weightKeys();
    await fc.assert(
      fc.asyncProperty(datasetArb(keys), weightsArb(keys), optionsArb, async (files, weights, o) => {
        const dataset = await load(files);
        if (dataset === undefined) return;
        const options = { weights, sort: o.sort, fill: o.fill, level: o.level, correlation: o.correlation, draws: o.draws, seed: o.seed, top: o.top, missingCommunity: o.missingCommunity };
        let fast;
        try {
          fast = sensitivity(dataset, options);
        } catch (error) {
          if (error instanceof Error && /--from|--to|level/.test(error.message)) return;
          throw error;
        }
        const pick = ({ region, vacuum_per_100k_p5, vacuum_per_100k_p50, vacuum_per_100k_p95, rank_p5, rank_p50, rank_p95, top_share }: (typeof fast.regions)[number]) => ({
          region,
          vacuum_per_100k_p5,
          vacuum_per_100k_p50,
          vacuum_per_100k_p95,
          rank_p5,
          rank_p50,
          rank_p95,
          top_share,
        });
        expect(fast.regions.map(pick)).toEqual(referenceSummary(dataset, options));
      }),
      { ...RUN, numRuns: 30 },
    );
  });
});
