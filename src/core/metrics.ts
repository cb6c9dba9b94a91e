// SPEC §3: every metric of one region, for baseline year B (`from`) and target year T (`to`),
// read from the dataset; the formulas themselves are in formulas.ts.
import { categoriesNotReported, hasCommunityData } from './completeness.js';
import { regionCoverageIndex } from './coverage.js';
import { type CommunityTerm, type CommunityTotal, communityTotalAt } from './community.js';
import type { MissingCommunity } from './config.js';
import type { Dataset, RegionInfo, YearSeries } from './dataset.js';
import { type NormTable, resolveNorms } from './norms.js';
import type { Flag, RegionMetrics } from './report-schema.js';
import { changeOf, type RegionFacts, roundingToZero, weightedMetrics } from './formulas.js';
import { type FillMode, valueAt, type ValueAtYear } from './series.js';
import type { WeightTable } from './weights.js';

/** Baseline year B (`from`) and target year T (`to`). */
export interface Period {
  readonly from: number;
  readonly to: number;
}

/** A region's metrics, or the inputs that were unknown and kept it from being ranked. */
export type RegionOutcome =
  | { readonly kind: 'ranked'; readonly metrics: RegionMetrics }
  | { readonly kind: 'excluded'; readonly region: string; readonly reason: string };

const DEFAULT_NORM_TABLE = resolveNorms();

/** Options of one region's metrics. */
export interface MetricsOptions {
  /** Norms in force, for `coverage_index`; default: SPEC §4 defaults. */
  readonly norms?: NormTable | undefined;
  /**
   * How a missing year of a series is filled (series.ts; --fill): SPEC §3's carry by default.
   * Under `none`, a service series with no total at B or T (but one earlier) is unknown too, and
   * keeps the region from being ranked (`community_from_be`, `community_to_be`).
   */
  readonly fill?: FillMode | undefined;
  /**
   * A region with no row at all in services.csv (SPEC §8): `exclude` (default; reason
   * `community`) or `zero` (ranked with community capacity 0, flag `no_community_data`).
   */
  readonly missingCommunity?: MissingCommunity | undefined;
  /** Filled with what the metrics were computed from, for `explain` (explain.ts); leave it out otherwise. */
  readonly working?: MetricsWorking | undefined;
}

/**
 * What one region's metrics were computed from, step by step: every value read and every term
 * of the community sums, in the order they entered. `explain` shows it; the numbers are the very
 * ones the metrics were made of.
 */
export interface MetricsWorking {
  bedsFrom?: ValueAtYear | undefined;
  bedsTo?: ValueAtYear | undefined;
  /** Events beds files: each year B < year ≤ T with closures, in the order they were summed. */
  readonly closures: { readonly year: number; readonly closed: number }[];
  populationTo?: ValueAtYear | undefined;
  populationFrom?: ValueAtYear | undefined;
  /** The region has a row in services.csv (SPEC §8); false with `zero` counts its capacity 0. */
  hasCommunityData?: boolean | undefined;
  readonly termsFrom: CommunityTerm[];
  readonly termsTo: CommunityTerm[];
  communityFrom?: CommunityTotal | undefined;
  communityTo?: CommunityTotal | undefined;
  /** The unknown inputs, when the region is not ranked. */
  unknown?: readonly string[] | undefined;
}

/** An empty MetricsWorking, for regionMetrics to fill. */
export function newWorking(): MetricsWorking {
  return { closures: [], termsFrom: [], termsTo: [] };
}


/** The beds closed (net) in the years B < year ≤ T of an events series, summed in its order; each
 * pushed to `closures` when given (explain's working, MetricsWorking.closures). */
export function closedBetween(series: YearSeries | undefined, B: number, T: number, closures?: { year: number; closed: number }[]): number {
  let closed = 0;
  // Closures and reopenings that cancel out in decimals are 0, not rounding's remainder (formulas.ts NOISE).
  let size = 0;
  for (const [year, n] of series ?? []) {
    if (year > B && year <= T) {
      closed += n;
      size += Math.abs(n);
      closures?.push({ year, closed: n });
    }
  }
  return roundingToZero(closed, size);
}

/** A region's beds and population for a period, each valued by the series rule (undefined: unknown). */
export interface RegionBasics {
  readonly bedsFrom: ValueAtYear | undefined;
  readonly bedsTo: ValueAtYear | undefined;
  readonly bedChange: number;
  readonly populationTo: ValueAtYear | undefined;
  readonly populationFrom: ValueAtYear | undefined;
}

/** A region's beds at B and T (or net closures, each pushed to `closures` when given), and its population at T and B. */
export function regionBasics(
  dataset: Dataset,
  code: string,
  period: Period,
  fill: FillMode,
  closures?: { year: number; closed: number }[],
): RegionBasics {
  const { from: B, to: T } = period;
  // Institutional beds: a stock at B and T, or the net closures with B < year ≤ T.
  const beds = dataset.beds;
  let bedsFrom: ValueAtYear | undefined;
  let bedsTo: ValueAtYear | undefined;
  let bedChange: number;
  if (beds.shape === 'stock') {
    const series = beds.byRegion.get(code);
    bedsFrom = valueAt(series, B, 'stock', fill);
    bedsTo = valueAt(series, T, 'stock', fill);
    bedChange = changeOf(bedsTo?.value ?? 0, bedsFrom?.value ?? 0);
  } else {
    bedChange = -(beds.shape === 'events' ? closedBetween(beds.byRegion.get(code), B, T, closures) : 0);
  }
  const populationSeries = dataset.population.get(code);
  return {
    bedsFrom,
    bedsTo,
    bedChange,
    populationTo: valueAt(populationSeries, T, 'stock', fill),
    populationFrom: valueAt(populationSeries, B, 'stock', fill),
  };
}

/** The facts of a region whose population at T is known (else undefined: it is not ranked). */
export function factsOf(basics: RegionBasics): RegionFacts | undefined {
  if (basics.populationTo === undefined) return undefined;
  return {
    bedChange: basics.bedChange,
    bedsFrom: basics.bedsFrom?.value ?? null,
    bedsTo: basics.bedsTo?.value ?? null,
    population: basics.populationTo.value,
    populationFrom: basics.bedsFrom === undefined ? null : (basics.populationFrom?.value ?? null),
  };
}

/** One region's metrics (SPEC §3) for a period and weights, or why it cannot be ranked. */
export function regionMetrics(
  dataset: Dataset,
  region: RegionInfo,
  period: Period,
  weights: WeightTable,
  options: MetricsOptions = {},
): RegionOutcome {
  const { from: B, to: T } = period;
  const fill = options.fill ?? 'carry';
  const norms = options.norms ?? DEFAULT_NORM_TABLE;
  const working = options.working;
  let carried = false;
  let startedLater = false;
  let interpolated = false;
  const note = (v: ValueAtYear | undefined): ValueAtYear | undefined => {
    if (v?.carried) carried = true;
    if (v?.interpolated) interpolated = true;
    return v;
  };

  const basics = regionBasics(dataset, region.code, period, fill, working?.closures);
  const { bedsFrom, bedsTo, populationTo } = basics;

  // Community capacity in bed-equivalents: Σ w(category, unit) × capacity, at B and at T
  // (unknown under --fill none, and for a region with no row in services.csv: missing is not
  // zero, SPEC §8, unless the user says it is).
  const regionServices = dataset.services.get(region.code);
  const communityAtB = communityTotalAt(regionServices, B, weights, fill, working?.termsFrom);
  const communityAtT = communityTotalAt(regionServices, T, weights, fill, working?.termsTo);
  const withCommunity = hasCommunityData(dataset, region.code);
  if (working) {
    Object.assign(working, { bedsFrom, bedsTo, populationTo, hasCommunityData: withCommunity, communityFrom: communityAtB, communityTo: communityAtT });
  }

  const unknown: string[] = [];
  if (dataset.beds.shape === 'stock' && bedsFrom === undefined) unknown.push('beds_from');
  if (dataset.beds.shape === 'stock' && bedsTo === undefined) unknown.push('beds_to');
  if (populationTo === undefined) unknown.push('population');
  if (!withCommunity && options.missingCommunity !== 'zero') unknown.push('community');
  if (communityAtB.unknown) unknown.push('community_from_be');
  if (communityAtT.unknown) unknown.push('community_to_be');
  if (unknown.length > 0) {
    if (working) working.unknown = unknown;
    return { kind: 'excluded', region: region.code, reason: unknown.join(', ') };
  }
  note(bedsFrom);
  note(bedsTo);
  note(populationTo);

  if (communityAtB.carried || communityAtT.carried) carried = true;
  if (communityAtB.interpolated || communityAtT.interpolated) interpolated = true;
  if (communityAtB.startedLater) startedLater = true;
  // Population at B enters only capacity_per_100k_from, which needs beds at B too.
  if (bedsFrom !== undefined) {
    note(basics.populationFrom);
    if (working) working.populationFrom = basics.populationFrom;
  }
  const facts = factsOf(basics)!;
  const weighted = weightedMetrics(facts, communityAtB.total, communityAtT.total);

  const notReported = categoriesNotReported(dataset, region.code);
  const flags: Flag[] = [];
  if (carried) flags.push('carried_forward');
  if (startedLater) flags.push('service_started_later');
  if (interpolated) flags.push('interpolated');
  if (!withCommunity) flags.push('no_community_data');
  if (notReported.length > 0) flags.push('partial_community');

  return {
    kind: 'ranked',
    metrics: {
      region: region.code,
      name: region.name,
      population: facts.population,
      beds_from: facts.bedsFrom,
      beds_to: facts.bedsTo,
      ...weighted,
      // The other half of the gap analysis: capacity at T against the planning norms (SPEC §7).
      coverage_index: regionCoverageIndex(dataset, region.code, T, facts.population, norms),
      flags,
      categories_not_reported: notReported,
    },
  };
}
