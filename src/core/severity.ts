// How severe a region's service vacuum is, per 100,000 residents: the bands the terminal table
// colours by. Pure; no IO.
//
// Thresholds: 0 is no vacuum at all (every closed bed was replaced). 5 per 100k is about one
// seventh of Hudson 2021's estimated need of 34.9 psychiatric beds per 100k with optimal community
// care (SPEC §4 norms): losing that share of the need without replacement is a gap a planner
// would act on, so from 5 on the vacuum counts as severe; anything above 0 and below 5 is moderate.

export type Severity = 'none' | 'moderate' | 'severe';

export const SEVERITY_BANDS = {
  /** A vacuum above this (per 100k) is at least moderate. */
  moderateAbove: 0,
  /** A vacuum at or above this (per 100k) is severe: ≈ 34.9 / 7 (Hudson 2021). */
  severeFrom: 5,
} as const;

/** The severity of an unrounded `vacuum_per_100k`; a value that is not a number is 'none'. */
export function severity(vacuumPer100k: number): Severity {
  if (!(vacuumPer100k > SEVERITY_BANDS.moderateAbove)) return 'none';
  return vacuumPer100k >= SEVERITY_BANDS.severeFrom ? 'severe' : 'moderate';
}
