// SPEC §3: every metric of one region, for baseline year B (`from`) and target year T (`to`).
// The one place where the formulas live.
import { categoriesNotReported, hasCommunityData } from './completeness.js';
import { coverageIndex, regionNormCoverage } from './coverage.js';
import { communityAt, type CommunityAtYear, type CommunityTerm } from './community.js';
import type { MissingCommunity } from './config.js';
import type { Dataset, RegionInfo } from './dataset.js';
import { type NormTable, resolveNorms } from './norms.js';
import type { Flag, RegionMetrics } from './report-schema.js';
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

const PER = 100_000;

/** Avoid printing "-0" for a zero that came from a negation. */
const clean = (x: number): number => (x === 0 ? 0 : x);

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
  communityFrom?: CommunityAtYear | undefined;
  communityTo?: CommunityAtYear | undefined;
  /** The unknown inputs, when the region is not ranked. */
  unknown?: readonly string[] | undefined;
}

/** An empty MetricsWorking, for regionMetrics to fill. */
export function newWorking(): MetricsWorking {
  return { closures: [], termsFrom: [], termsTo: [] };
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

  // Institutional beds: a stock at B and T, or the net closures with B < year ≤ T.
  const beds = dataset.beds;
  let bedsFrom: ValueAtYear | undefined;
  let bedsTo: ValueAtYear | undefined;
  let bedChange: number;
  if (beds.shape === 'stock') {
    const series = beds.byRegion.get(region.code);
    bedsFrom = valueAt(series, B, 'stock', fill);
    bedsTo = valueAt(series, T, 'stock', fill);
    bedChange = (bedsTo?.value ?? 0) - (bedsFrom?.value ?? 0);
  } else {
    let closed = 0;
    if (beds.shape === 'events') {
      for (const [year, n] of beds.byRegion.get(region.code) ?? []) {
        if (year > B && year <= T) {
          closed += n;
          working?.closures.push({ year, closed: n });
        }
      }
    }
    bedChange = -closed;
  }

  const populationSeries = dataset.population.get(region.code);
  const populationTo = valueAt(populationSeries, T, 'stock', fill);

  // Community capacity in bed-equivalents: Σ w(category, unit) × capacity, at B and at T
  // (unknown under --fill none, and for a region with no row in services.csv: missing is not
  // zero, SPEC §8, unless the user says it is).
  const regionServices = dataset.services.get(region.code);
  const communityAtB = communityAt(regionServices, B, weights, fill, working?.termsFrom);
  const communityAtT = communityAt(regionServices, T, weights, fill, working?.termsTo);
  const withCommunity = hasCommunityData(dataset, region.code);
  if (working) {
    Object.assign(working, { bedsFrom, bedsTo, populationTo, hasCommunityData: withCommunity, communityFrom: communityAtB, communityTo: communityAtT });
  }

  const unknown: string[] = [];
  if (beds.shape === 'stock' && bedsFrom === undefined) unknown.push('beds_from');
  if (beds.shape === 'stock' && bedsTo === undefined) unknown.push('beds_to');
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
  const population = populationTo!.value;

  if (communityAtB.carried || communityAtT.carried) carried = true;
  if (communityAtB.interpolated || communityAtT.interpolated) interpolated = true;
  if (communityAtB.startedLater) startedLater = true;
  const communityFrom = communityAtB.total;
  const communityTo = communityAtT.total;
  const communityChange = communityTo - communityFrom;
  const netChange = bedChange + communityChange;
  const bedsClosed = Math.max(0, -bedChange);
  const vacuum = Math.max(0, -netChange);

  let capacityFrom: number | null = null;
  if (bedsFrom !== undefined) {
    const populationFrom = valueAt(populationSeries, B, 'stock', fill);
    if (working) working.populationFrom = populationFrom;
    if (populationFrom !== undefined) {
      note(populationFrom);
      capacityFrom = ((bedsFrom.value + communityFrom) / populationFrom.value) * PER;
    }
  }
  const capacityTo = bedsTo === undefined ? null : ((bedsTo.value + communityTo) / population) * PER;

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
      population,
      beds_from: bedsFrom?.value ?? null,
      beds_to: bedsTo?.value ?? null,
      bed_change: clean(bedChange),
      beds_closed: clean(bedsClosed),
      community_from_be: clean(communityFrom),
      community_to_be: clean(communityTo),
      community_change_be: clean(communityChange),
      net_change_be: clean(netChange),
      vacuum_be: clean(vacuum),
      vacuum_per_100k: clean((vacuum / population) * PER),
      replacement_ratio: bedsClosed === 0 ? null : clean(communityChange / bedsClosed),
      capacity_per_100k_from: capacityFrom,
      capacity_per_100k_to: capacityTo,
      rate_drop_per_100k: capacityFrom === null || capacityTo === null ? null : clean(capacityFrom - capacityTo),
      // The other half of the gap analysis: capacity at T against the planning norms (SPEC §7).
      coverage_index: coverageIndex(regionNormCoverage(dataset, region.code, T, population, norms)),
      flags,
      categories_not_reported: notReported,
    },
  };
}
