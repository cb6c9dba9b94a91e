// The headline numbers of a coverage ranking (as summary.ts for the vacuum).
import { coverageBand } from './coverage-band.js';
import type { CoverageReport } from './coverage-schema.js';

/** Headline numbers of a whole coverage ranking. */
export interface CoverageSummary {
  /** Regions ranked in all. */
  readonly ranked: number;
  /** Ranked regions under the low end of at least one norm. */
  readonly under: number;
}

/** The headline numbers of a coverage ranking: regions ranked, and how many fall under the low end of at least one norm. */
export function summarizeCoverage(report: Pick<CoverageReport, 'regions'>): CoverageSummary {
  return {
    ranked: report.regions.length,
    under: report.regions.filter((r) => r.norms.some((n) => coverageBand(n) === 'under')).length,
  };
}
