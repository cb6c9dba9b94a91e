// SPEC §3's formulas from a region's numbers: net change, vacuum, the rates per 100,000 people and
// every metric the weights move. The one place where these formulas are written: metrics.ts
// applies them to what it reads of the dataset, linear-model-eval.ts to each draw of the weights.
// Plain arithmetic, with no import: the draws' worker thread (parallel/draws-worker.ts) loads it
// without the schemas.

const PER = 100_000;

/** Avoid printing "-0" for a zero that came from a negation. */
const clean = (x: number): number => (x === 0 ? 0 : x);

/**
 * Rounding, not change. Figures are summed in binary floating point (SPEC §1 sums the rows of a
 * key, §3 the weighted series), where decimals are inexact: 0.1 + 0.2 is 0.30000000000000004, and
 * 0.1 × 43 − 0.1 × 23 is 2.0000000000000004. A difference of two quantities that are equal in
 * decimal arithmetic can so come out as ±4e-16, and a "vacuum" of 4e-16 bed-equivalents ranked a
 * region first, tripped `--fail-above 0` and opened a vacuum in a trend. A result smaller than
 * NOISE times the largest of the numbers it was computed from is that rounding, and counts as 0.
 * 2^-40 (about 9e-13) is 4,096 rounding steps of a double (2^-52): more than the sums of a region's
 * few dozen series can accumulate, and far less than any real change of figures given to 12
 * significant digits.
 */
export const NOISE = 2 ** -40;

/** `x`, or 0 when it is within rounding of 0 for numbers of size `scale` (NOISE). */
export const roundingToZero = (x: number, scale: number): number => (Math.abs(x) <= NOISE * scale ? 0 : x);

/** `to − from`, 0 when the two are equal but for rounding (NOISE). */
export const changeOf = (to: number, from: number): number => roundingToZero(to - from, Math.max(Math.abs(to), Math.abs(from)));

/** The size of a region's beds figures (the stock at B and T, or the net closures), against which its changes are rounding or not. */
export const bedsScaleOf = (facts: Pick<RegionFacts, 'bedChange' | 'bedsFrom' | 'bedsTo'>): number =>
  Math.max(Math.abs(facts.bedChange), Math.abs(facts.bedsFrom ?? 0), Math.abs(facts.bedsTo ?? 0));

/**
 * What a region's weight-dependent metrics are made of besides its community capacity at B and T:
 * fixed for a period whatever the weights (linear-model.ts evaluates many draws of the weights on
 * these).
 */
export interface RegionFacts {
  /** beds_to − beds_from (stock), or −Σ closures with B < year ≤ T (events); 0 without a beds file. */
  readonly bedChange: number;
  readonly bedsFrom: number | null;
  readonly bedsTo: number | null;
  /** Population at T. */
  readonly population: number;
  /** Population at B; null when it or beds_from is unknown (then capacity_per_100k_from is null). */
  readonly populationFrom: number | null;
}

/**
 * net_change_be: bed change plus the change of community capacity, in bed-equivalents; 0 when
 * within rounding of 0 for the beds (`bedsScale`, bedsScaleOf) and the community capacity it is
 * made from (NOISE).
 */
export const netChangeOf = (bedChange: number, communityFrom: number, communityTo: number, bedsScale: number): number =>
  roundingToZero(bedChange + changeOf(communityTo, communityFrom), Math.max(bedsScale, Math.abs(communityFrom), Math.abs(communityTo)));

/** vacuum_be from net_change_be: capacity lost and not replaced, never below 0. */
export const vacuumOf = (netChange: number): number => Math.max(0, -netChange);

/** A count per 100,000 residents. */
export const per100k = (count: number, population: number): number => (count / population) * PER;

/**
 * The metrics that depend on the weights, from a region's facts and its community capacity at B
 * and T (SPEC §3). The one place where these formulas are written.
 */
export function weightedMetrics(facts: RegionFacts, communityFrom: number, communityTo: number) {
  const { bedChange, bedsFrom, bedsTo, population, populationFrom } = facts;
  const communityChange = changeOf(communityTo, communityFrom);
  const netChange = netChangeOf(bedChange, communityFrom, communityTo, bedsScaleOf(facts));
  const bedsClosed = Math.max(0, -bedChange);
  const vacuum = vacuumOf(netChange);
  const capacityFrom = bedsFrom === null || populationFrom === null ? null : per100k(bedsFrom + communityFrom, populationFrom);
  const capacityTo = bedsTo === null ? null : per100k(bedsTo + communityTo, population);
  return {
    bed_change: clean(bedChange),
    beds_closed: clean(bedsClosed),
    community_from_be: clean(communityFrom),
    community_to_be: clean(communityTo),
    community_change_be: clean(communityChange),
    net_change_be: clean(netChange),
    vacuum_be: clean(vacuum),
    vacuum_per_100k: clean(per100k(vacuum, population)),
    replacement_ratio: bedsClosed === 0 ? null : clean(communityChange / bedsClosed),
    capacity_per_100k_from: capacityFrom,
    capacity_per_100k_to: capacityTo,
    rate_drop_per_100k: capacityFrom === null || capacityTo === null ? null : clean(changeOf(capacityFrom, capacityTo)),
  };
}
