// One coverage analysis (SPEC §7): choose T, compare every region with every norm, rank.
import { chooseTargetYear } from './analyze.js';
import { regionCoverage } from './coverage.js';
import { rankCoverage } from './coverage-rank.js';
import type { CoverageReport, RegionCoverage } from './coverage-schema.js';
import type { Dataset } from './dataset.js';
import { type LevelChoice, selectLevel } from './hierarchy.js';
import { type NormTable, resolveNorms } from './norms.js';
import type { ExcludedRegion } from './report-schema.js';
import { VERSION } from '../version.js';

/** Options of `analyzeCoverage`: the level of regions to rank, the target year T, the norms and the version string. */
export interface CoverageOptions extends LevelChoice {
  /** Target year T; default: the latest year in the beds data (as `report`). */
  readonly to?: number | undefined;
  /** Norms in force; default: SPEC §4 defaults. */
  readonly norms?: NormTable | undefined;
  /** Written into the report's `servicegap` field; default: this package's version. */
  readonly version?: string | undefined;
}

/** Regions at the level of `options.level` / `options.rollup` (default: those without children, as `report`). */
export function analyzeCoverage(input: Dataset, options: CoverageOptions = {}): CoverageReport {
  const dataset = selectLevel(input, options);
  const norms = options.norms ?? resolveNorms();
  const to = chooseTargetYear(dataset, options.to);
  const ranked: RegionCoverage[] = [];
  const excluded: ExcludedRegion[] = [];
  for (const region of dataset.regions.values()) {
    const outcome = regionCoverage(dataset, region, to, norms);
    if (outcome.kind === 'ranked') ranked.push(outcome.coverage);
    else excluded.push({ region: outcome.region, reason: outcome.reason });
  }
  return {
    servicegap: options.version ?? VERSION,
    to,
    regions: rankCoverage(ranked),
    excluded,
    warnings: [...dataset.warnings],
  };
}
