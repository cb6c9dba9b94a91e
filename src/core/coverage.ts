// SPEC §7: coverage of one region against the planning norms at year T. The one place where the
// coverage formulas live; analyze-coverage.ts ranks them, metrics.ts puts the index in the report.
import { hasCommunityData, normMeasured } from './completeness.js';
import type { MissingCommunity } from './config.js';
import type { RegionCoverage, NormCoverage } from './coverage-schema.js';
import type { Dataset } from './dataset.js';
import type { Norm, NormTable } from './norms.js';
import { valueAt } from './series.js';
import { weightKey } from './weights.js';

const PER = 100_000;

/**
 * A norm's measure for a region at T (SPEC §3 series rule): beds.csv beds when the norm counts
 * them, plus its service series (a service not yet started counts 0). Null when the bed part is
 * unknown (no stock at or before T for the region, an events beds file, or no beds file), and
 * when nothing in the whole dataset measures the norm (SPEC §8: not measured, never a gap).
 */
export function measureAt(dataset: Dataset, region: string, year: number, norm: Norm): number | null {
  if (!normMeasured(dataset, norm)) return null;
  let value = 0;
  if (norm.includesInstitutionalBeds) {
    if (dataset.beds.shape !== 'stock') return null;
    // Stryker disable next-line StringLiteral: valueAt tells only 'service' apart; any other kind is a stock
    const beds = valueAt(dataset.beds.byRegion.get(region), year, 'stock');
    if (beds === undefined) return null;
    value += beds.value;
  }
  const services = dataset.services.get(region);
  for (const m of norm.measures) value += valueAt(services?.get(weightKey(m.category, m.unit))?.years, year, 'service')!.value;
  return value;
}

/** Coverage of a norm: its measure per 100k against the low end of the norm. */
function coverageOf(per100k: number, norm: Norm): number {
  return per100k / norm.low;
}

/** value, per 100k, coverage and gap of one norm, for a known population at T. */
export function normCoverage(norm: Norm, value: number | null, population: number): NormCoverage {
  const perPop = population / PER;
  const per100k = value === null ? null : value / perPop;
  return {
    norm: norm.norm,
    value,
    per_100k: per100k,
    norm_low: norm.low,
    norm_high: norm.high,
    coverage: per100k === null ? null : coverageOf(per100k, norm),
    gap: per100k === null ? null : Math.max(0, norm.low - per100k) * perPop,
  };
}

/** Mean over norms with a known coverage of min(coverage, 1); null when none is known. */
export function coverageIndex(norms: readonly NormCoverage[]): number | null {
  return meanCoverage(norms, (n) => n.coverage);
}

/**
 * The index of `items`' coverages (`coverage` of each; null: unknown): summed in their order from
 * 0, as a reduce would, without an array of the known ones (a trend takes an index per region and
 * year: 150,000 at 5,000 regions).
 */
function meanCoverage<T>(items: readonly T[], coverage: (item: T) => number | null): number | null {
  let sum = 0;
  let known = 0;
  for (const item of items) {
    const c = coverage(item);
    if (c === null) continue;
    sum += Math.min(c, 1);
    known++;
  }
  return known === 0 ? null : sum / known;
}

/** Every norm's coverage for one region at T, in the norms' order. */
export function regionNormCoverage(dataset: Dataset, region: string, year: number, population: number, norms: NormTable): NormCoverage[] {
  return norms.map((norm) => normCoverage(norm, measureAt(dataset, region, year, norm), population));
}

/**
 * `coverageIndex(regionNormCoverage(…))`, the same number by the same operations, without a
 * NormCoverage per norm (the report and trend need only the index).
 */
export function regionCoverageIndex(dataset: Dataset, region: string, year: number, population: number, norms: NormTable): number | null {
  const perPop = population / PER;
  return meanCoverage(norms, (norm) => {
    const value = measureAt(dataset, region, year, norm);
    return value === null ? null : coverageOf(value / perPop, norm);
  });
}

/** A region's coverage at T, or the reason it cannot have one (population unknown at T). */
export type CoverageOutcome =
  | { readonly kind: 'ranked'; readonly coverage: RegionCoverage }
  | { readonly kind: 'excluded'; readonly region: string; readonly reason: string };

/**
 * A region's coverage of every norm at T and its coverage index, or its exclusion: its population
 * is unknown at T, or it has no row in services.csv (SPEC §8: its community capacity is unknown,
 * reason `community`, unless `missingCommunity` is `zero`).
 */
export function regionCoverage(
  dataset: Dataset,
  region: { code: string; name: string },
  year: number,
  norms: NormTable,
  // Stryker disable next-line StringLiteral: only 'zero' is told apart; any other default excludes
  missingCommunity: MissingCommunity = 'exclude',
): CoverageOutcome {
  // Stryker disable next-line StringLiteral: valueAt tells only 'service' apart; any other kind is a stock
  const population = valueAt(dataset.population.get(region.code), year, 'stock');
  const unknown: string[] = [];
  if (population === undefined) unknown.push('population');
  if (missingCommunity !== 'zero' && !hasCommunityData(dataset, region.code)) unknown.push('community');
  if (unknown.length > 0) return { kind: 'excluded', region: region.code, reason: unknown.join(', ') };
  // unknown names the population when it is unknown, so it is known here
  const people = population!.value;
  const perNorm = regionNormCoverage(dataset, region.code, year, people, norms);
  return {
    kind: 'ranked',
    coverage: {
      region: region.code,
      name: region.name,
      population: people,
      coverage_index: coverageIndex(perNorm),
      norms: perNorm,
    },
  };
}
