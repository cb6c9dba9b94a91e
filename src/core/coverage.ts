// SPEC §7: coverage of one region against the planning norms at year T. The one place where the
// coverage formulas live; analyze-coverage.ts ranks them, metrics.ts puts the index in the report.
import { hasCommunityData, normMeasured } from './completeness.js';
import type { MissingCommunity } from './config.js';
import type { RegionCoverage, NormCoverage } from './coverage-schema.js';
import type { Dataset, YearSeries } from './dataset.js';
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
  return measureOf(normSeries(dataset, region, norm), year);
}

/** The series a norm's measure reads for one region, looked up once for every year (`measureOf`). */
export interface NormSeries {
  /** The region's beds.csv series, when the norm counts institutional beds. */
  readonly beds?: YearSeries | undefined;
  readonly countsBeds: boolean;
  /** Each measure's service series (undefined: the region has none), in the measures' order. */
  readonly services: readonly (YearSeries | undefined)[];
}

/** `norm`'s series for `region` (NormSeries), or null when nothing in the dataset measures it. */
export function normSeries(dataset: Dataset, region: string, norm: Norm): NormSeries | null {
  if (!normMeasured(dataset, norm)) return null;
  const services = dataset.services.get(region);
  return {
    // Without a beds stock (an events file, none) a norm that counts beds is never known: no series, null at every year.
    beds: norm.includesInstitutionalBeds && dataset.beds.shape === 'stock' ? dataset.beds.byRegion.get(region) : undefined,
    countsBeds: norm.includesInstitutionalBeds,
    services: norm.measures.map((m) => services?.get(weightKey(m.category, m.unit))?.years),
  };
}

/** A norm's measure at `year` from its series (normSeries); null as measureAt says. */
function measureOf(series: NormSeries | null, year: number): number | null {
  if (series === null) return null;
  let value = 0;
  if (series.countsBeds) {
    // Stryker disable next-line StringLiteral: valueAt tells only 'service' apart; any other kind is a stock
    const beds = valueAt(series.beds, year, 'stock');
    if (beds === undefined) return null;
    value += beds.value;
  }
  for (const years of series.services) value += valueAt(years, year, 'service')!.value;
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
export function regionCoverageIndex(dataset: Dataset, region: string, year: number, population: number, norms: NormTable, series?: RegionNormSeries): number | null {
  const perPop = population / PER;
  // Stryker disable next-line ConditionalExpression: the series looked up once give the numbers looking them up again gives (tested)
  const known = series?.norms === norms && series.region === region && series.dataset === dataset ? series.perNorm : undefined;
  let i = 0;
  return meanCoverage(norms, (norm) => {
    // Stryker disable next-line ConditionalExpression: likewise
    const value = known === undefined ? measureAt(dataset, region, year, norm) : measureOf(known[i++]!, year);
    return value === null ? null : coverageOf(value / perPop, norm);
  });
}

/**
 * Every norm's series for one region (normSeries), for regionCoverageIndex at many years: a trend
 * takes the index of every region at every year (150,000 at 5,000 regions), and looking each
 * measure's series up again each year (its key, the region's map) made the index about 47 ms of
 * the 364 ms analysis; about 29 ms with the series looked up once per region (profiled, issue 18).
 * Used only for the region, norm table and dataset it was made for.
 */
export interface RegionNormSeries {
  readonly dataset: Dataset;
  readonly region: string;
  readonly norms: NormTable;
  readonly perNorm: readonly (NormSeries | null)[];
}

/** `norms`' series for `region` (RegionNormSeries). */
export function regionNormSeries(dataset: Dataset, region: string, norms: NormTable): RegionNormSeries {
  return { dataset, region, norms, perNorm: norms.map((norm) => normSeries(dataset, region, norm)) };
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
