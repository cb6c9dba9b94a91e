// JSON (SPEC §6), the machine contract: the report with every key in the SPEC's order, built
// explicitly so the order does not depend on how the input object was made. Unrounded numbers.
import type { ExcludedRegion, RankedRegion, Report } from '../core/report-schema.js';
import type { Renderer } from './render-context.js';

function regionJson(r: RankedRegion): RankedRegion {
  return {
    rank: r.rank,
    region: r.region,
    name: r.name,
    population: r.population,
    beds_from: r.beds_from,
    beds_to: r.beds_to,
    bed_change: r.bed_change,
    beds_closed: r.beds_closed,
    community_from_be: r.community_from_be,
    community_to_be: r.community_to_be,
    community_change_be: r.community_change_be,
    net_change_be: r.net_change_be,
    vacuum_be: r.vacuum_be,
    vacuum_per_100k: r.vacuum_per_100k,
    replacement_ratio: r.replacement_ratio,
    capacity_per_100k_from: r.capacity_per_100k_from,
    capacity_per_100k_to: r.capacity_per_100k_to,
    rate_drop_per_100k: r.rate_drop_per_100k,
    flags: [...r.flags],
  };
}

/** The report as a plain object in the SPEC §6 key order. */
export function reportJson(report: Report): Report {
  return {
    servicegap: report.servicegap,
    from: report.from,
    to: report.to,
    sort: report.sort,
    regions: report.regions.map(regionJson),
    excluded: report.excluded.map((e): ExcludedRegion => ({ region: e.region, reason: e.reason })),
    warnings: report.warnings.map((w) => ({ file: w.file, line: w.line, message: w.message })),
  };
}

export const renderJson: Renderer = (report) => `${JSON.stringify(reportJson(report), null, 2)}\n`;
