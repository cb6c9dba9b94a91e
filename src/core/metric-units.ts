// The unit of every number servicegap reports, for the long (tidy) format (issue 16): one row per
// region × metric × value names its unit, so a table of many metrics stays self-describing in R
// or pandas. Rates input (`rates` mode, SPEC-consistent: beds and capacities already per 100,000)
// reports the same metrics as rates; unitsFor says which.

/** How the input counts: absolute numbers with a population (SPEC §1), or rates per 100,000 residents already. */
export type InputScale = 'counts' | 'rates';

const PER = 'per 100,000 residents';

/** The unit of each report metric (SPEC §3), of its intervals, and of rank. */
export function reportUnits(scale: InputScale = 'counts'): Readonly<Record<string, string>> {
  const be = scale === 'rates' ? `bed-equivalents ${PER}` : 'bed-equivalents';
  const beds = scale === 'rates' ? `beds ${PER}` : 'beds';
  return {
    rank: 'rank (1 = largest)',
    population: 'residents',
    beds_from: beds,
    beds_to: beds,
    bed_change: beds,
    beds_closed: beds,
    community_from_be: be,
    community_to_be: be,
    community_change_be: be,
    net_change_be: be,
    vacuum_be: be,
    vacuum_per_100k: `bed-equivalents ${PER}`,
    vacuum_per_100k_p5: `bed-equivalents ${PER}`,
    vacuum_per_100k_p95: `bed-equivalents ${PER}`,
    rank_p5: 'rank (1 = largest)',
    rank_p95: 'rank (1 = largest)',
    replacement_ratio: 'ratio (bed-equivalents per closed bed)',
    capacity_per_100k_from: `places ${PER}`,
    capacity_per_100k_to: `places ${PER}`,
    rate_drop_per_100k: `places ${PER}`,
    coverage_index: 'share (0–1) of the norms’ low ends met',
    first_vacuum_year: 'year',
    peak_vacuum_per_100k: `bed-equivalents ${PER}`,
    peak_year: 'year',
  };
}

/** The unit of each coverage metric (SPEC §7) of a norm measured in `normUnit` (beds, places, teams). */
export function coverageUnits(normUnit: string): Readonly<Record<string, string>> {
  return {
    value: normUnit,
    per_100k: `${normUnit} ${PER}`,
    norm_low: `${normUnit} ${PER}`,
    norm_high: `${normUnit} ${PER}`,
    coverage: 'ratio to the norm’s low end',
    gap: normUnit,
    coverage_index: 'share (0–1) of the norms’ low ends met',
  };
}
