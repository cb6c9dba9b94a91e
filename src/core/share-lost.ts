// "% lost": the service vacuum as a share of the care capacity a region had at the baseline.
//
//   share_lost = vacuum_be / (beds_from + community_from_be)
//
// both in bed-equivalents at B (SPEC §3): the part of the baseline's institutional beds plus
// weighted community capacity that was lost and not replaced by T. 0 when nothing was lost; null
// when the baseline is unknown (an events beds file has no beds_from) or is 0 (no capacity to lose
// a share of). It counts places, like the vacuum; population change is the rate view's business
// (rate_drop_per_100k). Shown by the terminal table and the workbook; not part of the JSON contract.
import type { RegionMetrics } from './report-schema.js';

/** vacuum_be / (beds_from + community_from_be); null when that baseline is unknown or 0. */
export function shareLost(region: Pick<RegionMetrics, 'vacuum_be' | 'beds_from' | 'community_from_be'>): number | null {
  if (region.beds_from === null) return null;
  const baseline = region.beds_from + region.community_from_be;
  return baseline > 0 ? region.vacuum_be / baseline : null;
}
