// The headline numbers of a ranking, computed once over every ranked region (a --top slice
// shows fewer rows, but the headline still speaks for the whole ranking).
import type { RankedRegion, Report } from './report-schema.js';

/** Headline numbers of a whole ranking. */
export interface ReportSummary {
  /** Regions ranked in all. */
  readonly ranked: number;
  /** Ranked regions with a vacuum above 0. */
  readonly withVacuum: number;
  /** Σ vacuum_be over ranked regions. */
  readonly totalVacuumBe: number;
  /** Up to three regions with the largest vacuum per 100k (by value, then code). */
  readonly largest: readonly RankedRegion[];
}

/** The headline numbers of a ranking: regions ranked, those with a vacuum, the total vacuum and the three largest per 100k. */
export function summarize(report: Pick<Report, 'regions'>): ReportSummary {
  const withVacuum = report.regions.filter((r) => r.vacuum_be > 0);
  const largest = [...withVacuum]
    .sort((a, b) => b.vacuum_per_100k - a.vacuum_per_100k || (a.region < b.region ? -1 : a.region > b.region ? 1 : 0))
    .slice(0, 3);
  return {
    ranked: report.regions.length,
    withVacuum: withVacuum.length,
    totalVacuumBe: report.regions.reduce((sum, r) => sum + r.vacuum_be, 0),
    largest,
  };
}
