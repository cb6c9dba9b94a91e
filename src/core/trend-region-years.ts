// A region's metrics in every year T′ from B to T (trend.ts), as rows of numbers
// (trend-years.ts YearRows): what regionMetrics (metrics.ts) gives for each period B → T′, found
// in one walk of each series over the years (series.ts valuesOverYears) instead of a search per
// series and year, and written as numbers instead of a metrics object per year. A trend of 5,000
// regions over 30 years is 150,000 region-years of ~18 series each; made year by year they were
// most of its analysis and of its garbage (issue 18). The same formulas (formulas.ts
// weightedMetrics), coverage index (coverage.ts), closures (metrics.ts closedBetween) and rules:
// which inputs are unknown and in what words, which flags. test/core/trend-region-years.test.ts
// holds it to regionMetrics year by year, number for number, on random datasets. Pure (its
// scratch arrays are reused from call to call, none kept).
import type { Category } from './categories.js';
import type { MissingCommunity } from './config.js';
import { seriesWeights } from './community.js';
import { categoriesNotReported, hasCommunityData } from './completeness.js';
import { regionCoverageIndex, regionNormSeries } from './coverage.js';
import type { Dataset, RegionInfo } from './dataset.js';
import { changeOf, weightedMetrics } from './formulas.js';
import { closedBetween, type Period } from './metrics.js';
import type { NormTable } from './norms.js';
import { FLAG_CODES, type Flag } from './report-schema.js';
import { CARRIED, type FillMode, INTERPOLATED, STARTED_LATER, UNKNOWN, valuesOverYears, type YearValues } from './series.js';
import type { TrendGap } from './trend-schema.js';
import { writeYearRow, YEAR_ROW_NUMBERS, type YearRows } from './trend-years.js';
import type { WeightTable } from './weights.js';

/** Options of `regionYears`: those the region's final metrics were made with. */
export interface RegionYearsOptions {
  readonly weights: WeightTable;
  readonly fill: FillMode;
  readonly norms: NormTable;
  readonly missingCommunity?: MissingCommunity | undefined;
}

/** A region's years: the rows of the years with metrics, the gaps of those without, and its series summed up (trend.ts). */
export interface RegionYears {
  readonly rows: YearRows;
  readonly gaps: TrendGap[];
  /** The first year with a vacuum (vacuum_be > 0); null when none opened. */
  readonly firstVacuumYear: number | null;
  /** The largest vacuum_per_100k of a year with a vacuum (0 when none opened), and its first year. */
  readonly peakVacuumPer100k: number;
  readonly peakYear: number | null;
}

// The flags of a year as a bit each, in FLAG_CODES' order (the order regionMetrics lists them in).
const FLAG_CARRIED = 1;
const FLAG_STARTED_LATER = 2;
const FLAG_INTERPOLATED = 4;
const FLAG_NO_COMMUNITY = 8;
const FLAG_PARTIAL = 16;
/** Each combination of flags as one list, shared by the years that have it (undefined: none). */
const FLAG_LISTS: readonly (readonly Flag[] | undefined)[] = Array.from({ length: 32 }, (_, mask) => (mask === 0 ? undefined : FLAG_CODES.filter((_, bit) => (mask & (1 << bit)) !== 0)));

/** A region's arrays of years, reused from region to region (regionYears is synchronous and
 * keeps none of them): a trend of 5,000 regions made eight small typed arrays for each. */
interface Scratch {
  readonly years: number;
  readonly community: Float64Array;
  readonly communityState: Uint8Array;
  readonly series: YearValues;
  readonly stock: YearValues;
  readonly population: YearValues;
}

const values = (n: number): YearValues => ({ value: new Float64Array(n), state: new Uint8Array(n) });
let scratch: Scratch = { years: 0, community: new Float64Array(0), communityState: new Uint8Array(0), series: values(0), stock: values(0), population: values(0) };

/** The scratch arrays for `n` years, the community's sums and states 0. */
function scratchFor(n: number): Scratch {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: arrays made afresh hold the same numbers (a scratch too small fails the tests)
  if (scratch.years < n) scratch = { years: n, community: new Float64Array(n), communityState: new Uint8Array(n), series: values(n), stock: values(n), population: values(n) };
  else {
    scratch.community.fill(0, 0, n);
    scratch.communityState.fill(0, 0, n);
  }
  return scratch;
}

/**
 * Every year T′ from B to T of `region`: its metrics for B → T′ as a row, or the reason they are
 * unknown (a gap, worded as regionMetrics words an exclusion). A region whose year T is a gap is
 * not ranked, for that reason (trend.ts), as report would not rank it.
 */
export function regionYears(dataset: Dataset, region: RegionInfo, period: Period, options: RegionYearsOptions): RegionYears {
  const { from: B, to: T } = period;
  const n = T - B + 1;
  const code = region.code;
  const fill = options.fill;
  const services = dataset.services.get(code);
  const weights = seriesWeights(services, options.weights);
  const normSeries = regionNormSeries(dataset, code, options.norms);
  const categories = categoriesNotReported(dataset, code);

  // Community capacity at each year: Σ w × value over the series, in the series' order (as
  // community.ts sums it, so each year's total is the same double), and the states met.
  const { community, communityState, series: each, ...kept } = scratchFor(n);
  let s = 0;
  for (const series of services?.values() ?? []) {
    const weight = weights[s++]!;
    valuesOverYears(series.years, B, T, 'service', fill, each);
    // (an unknown value is NaN, and makes its year's sum NaN: that year is a gap, its sum unread)
    // Stryker disable next-line EqualityOperator: a step past the last year writes past the typed arrays' end, which they ignore
    for (let i = 0; i < n; i++) {
      communityState[i] = communityState[i]! | each.state[i]!;
      community[i] = community[i]! + weight * each.value[i]!;
    }
  }

  const beds = dataset.beds;
  let stock: YearValues | undefined;
  if (beds.shape === 'stock') {
    stock = kept.stock;
    // Stryker disable next-line StringLiteral: every kind but 'service' is a stock
    valuesOverYears(beds.byRegion.get(code), B, T, 'stock', fill, stock);
  }
  const population = kept.population;
  // Stryker disable next-line StringLiteral: every kind but 'service' is a stock
  valuesOverYears(dataset.population.get(code), B, T, 'stock', fill, population);
  const withCommunity = hasCommunityData(dataset, code);
  const communityKnown = withCommunity || options.missingCommunity === 'zero';
  const notReported = categories.length > 0 ? categories : undefined;
  const fixedFlags = (withCommunity ? 0 : FLAG_NO_COMMUNITY) | (notReported === undefined ? 0 : FLAG_PARTIAL);
  // What B contributes to every year: beds and population at B, and the community at B.
  const bedsFromState = stock?.state[0] ?? 0;
  const fromState = bedsFromState | (stock === undefined ? 0 : population.state[0]!) | communityState[0]!;

  const N = YEAR_ROW_NUMBERS;
  let rows = new Float64Array(n * N);
  const years: number[] = [];
  const flags: (readonly Flag[] | undefined)[] = [];
  const categoriesByYear: (readonly Category[] | undefined)[] = [];
  const gaps: TrendGap[] = [];
  let firstVacuumYear: number | null = null;
  let peakVacuumPer100k = 0;
  let peakYear: number | null = null;

  for (let i = 0; i < n; i++) {
    const year = B + i;
    const bedsState = stock?.state[i] ?? 0;
    const populationState = population.state[i]!;
    // The unknown inputs, in regionMetrics' order and words.
    if (((bedsFromState | bedsState | populationState | communityState[0]! | communityState[i]!) & UNKNOWN) !== 0 || !communityKnown) {
      const unknown: string[] = [];
      if (bedsFromState & UNKNOWN) unknown.push('beds_from');
      if (bedsState & UNKNOWN) unknown.push('beds_to');
      if (populationState & UNKNOWN) unknown.push('population');
      if (!communityKnown) unknown.push('community');
      if (communityState[0]! & UNKNOWN) unknown.push('community_from_be');
      if (communityState[i]! & UNKNOWN) unknown.push('community_to_be');
      gaps.push({ year, reason: unknown.join(', ') });
      continue;
    }
    // Flags: carried or interpolated anywhere a value was read (population at B only with beds
    // at B: it enters the rate at B alone); a service started later only at B.
    const read = fromState | bedsState | populationState | communityState[i]!;
    const mask =
      fixedFlags |
      (read & CARRIED ? FLAG_CARRIED : 0) |
      (communityState[0]! & STARTED_LATER ? FLAG_STARTED_LATER : 0) |
      (read & INTERPOLATED ? FLAG_INTERPOLATED : 0);

    const people = population.value[i]!;
    const bedsFrom = stock === undefined ? null : stock.value[0]!;
    const bedsTo = stock === undefined ? null : stock.value[i]!;
    // Beds: the change of the stock, or the net closures B < year ≤ T′ (none without a beds file).
    const bedChange = stock !== undefined ? changeOf(stock.value[i]!, stock.value[0]!) : -(beds.shape === 'events' ? closedBetween(beds.byRegion.get(code), B, year) : 0);
    // (population at B enters only the rate at B, which needs beds at B: without a stock it is null whatever this is)
    const populationFrom = population.state[0]! & UNKNOWN ? null : population.value[0]!;
    const weighted = weightedMetrics({ bedChange, bedsFrom, bedsTo, population: people, populationFrom }, community[0]!, community[i]!);
    const coverage = regionCoverageIndex(dataset, code, year, people, options.norms, normSeries);

    const at = years.length;
    writeYearRow(rows, at, people, bedsFrom, bedsTo, weighted, coverage);
    years.push(year);
    flags.push(FLAG_LISTS[mask]);
    categoriesByYear.push(notReported);
    if (weighted.vacuum_be > 0) {
      firstVacuumYear ??= year;
      if (weighted.vacuum_per_100k > peakVacuumPer100k) {
        peakVacuumPer100k = weighted.vacuum_per_100k;
        peakYear = year;
      }
    }
  }
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a copy of rows already of that length holds the same
  if (years.length < n) rows = rows.slice(0, years.length * N);
  return { rows: { years, values: rows, flags, categories: categoriesByYear }, gaps, firstVacuumYear, peakVacuumPer100k, peakYear };
}
