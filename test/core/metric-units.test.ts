// The unit of each metric in the long (tidy) format (core/metric-units.ts, issue 16): one row per
// region × metric × value names its unit, so a long table stays self-describing. Each unit below is
// worked from what the metric is (SPEC §3, §7): counts of beds are beds, community capacity is in
// bed-equivalents, a "per 100k" figure is per 100,000 residents; under --rates (README, "Rates
// without population") the absolute figures are themselves per 100,000 residents.
import { describe, expect, it } from 'vitest';
import { coverageUnits, reportUnits } from '../../src/core/metric-units.js';

const PER = 'per 100,000 residents';

describe('reportUnits', () => {
  it('counts (the default): beds in beds, community capacity in bed-equivalents, rates per 100,000 residents', () => {
    const u = reportUnits();
    expect(reportUnits('counts')).toEqual(u);
    // the metrics of each unit, by what they count (SPEC §3)
    const byUnit: Record<string, string[]> = {
      'rank (1 = largest)': ['rank', 'rank_p5', 'rank_p95'],
      residents: ['population'],
      beds: ['beds_from', 'beds_to', 'bed_change', 'beds_closed'],
      'bed-equivalents': ['community_from_be', 'community_to_be', 'community_change_be', 'net_change_be', 'vacuum_be'],
      [`bed-equivalents ${PER}`]: ['vacuum_per_100k', 'vacuum_per_100k_p5', 'vacuum_per_100k_p95', 'peak_vacuum_per_100k'],
      [`places ${PER}`]: ['capacity_per_100k_from', 'capacity_per_100k_to', 'rate_drop_per_100k'],
      'ratio (bed-equivalents per closed bed)': ['replacement_ratio'],
      'share (0–1) of the norms’ low ends met': ['coverage_index'],
      year: ['first_vacuum_year', 'peak_year'],
    };
    const grouped: Record<string, string[]> = {};
    for (const [metric, unit] of Object.entries(u)) (grouped[unit] ??= []).push(metric);
    for (const metrics of Object.values(grouped)) metrics.sort();
    for (const metrics of Object.values(byUnit)) metrics.sort();
    expect(grouped).toEqual(byUnit);
  });

  it('rates: the bed and bed-equivalent figures are per 100,000 residents; every other unit stays', () => {
    const counts = reportUnits('counts');
    const rates = reportUnits('rates');
    const changed = Object.keys(rates).filter((k) => rates[k] !== counts[k]);
    expect(changed).toEqual(['beds_from', 'beds_to', 'bed_change', 'beds_closed', 'community_from_be', 'community_to_be', 'community_change_be', 'net_change_be', 'vacuum_be']);
    expect(rates.beds_closed).toBe(`beds ${PER}`);
    expect(rates.vacuum_be).toBe(`bed-equivalents ${PER}`);
  });
});

describe('coverageUnits', () => {
  it("a norm's figures in its own unit, per 100,000 residents where a rate; coverage a ratio", () => {
    expect(coverageUnits('crisis teams')).toEqual({
      value: 'crisis teams',
      per_100k: `crisis teams ${PER}`,
      norm_low: `crisis teams ${PER}`,
      norm_high: `crisis teams ${PER}`,
      coverage: 'ratio to the norm’s low end',
      gap: 'crisis teams',
      coverage_index: 'share (0–1) of the norms’ low ends met',
    });
  });
});
