// One coverage analysis (SPEC §7): choose T, compare every region with every norm, rank.
import { chooseTargetYear, noticeFiles } from './analyze.js';
import type { MissingCommunity } from './config.js';
import { regionCoverage } from './coverage.js';
import { rankCoverage } from './coverage-rank.js';
import type { CoverageReport, RegionCoverage } from './coverage-schema.js';
import type { Dataset } from './dataset.js';
import { type LevelChoice, levelSelection } from './hierarchy.js';
import { type NormTable, resolveNorms } from './norms.js';
import { checkLevel, checkMissingCommunity, checkNormTable, checkYear } from './option-checks.js';
import { plausibilityNotices } from './plausibility.js';
import type { ExcludedRegion } from './report-schema.js';
import { analysisProvenance, type RunSources } from './run-provenance.js';
import { VERSION } from '../version.js';
import { resolveWeights, type WeightTable } from './weights.js';

/** Options of `analyzeCoverage`: the level of regions to rank, the target year T, the norms and the version string. */
export interface CoverageOptions extends LevelChoice {
  /** Target year T; default: the latest year in the beds data (as `report`). */
  readonly to?: number | undefined;
  /** Norms in force; default: SPEC §4 defaults. */
  readonly norms?: NormTable | undefined;
  /** Written into the report's `servicegap` field; default: this package's version. */
  readonly version?: string | undefined;
  /** A region with no row in services.csv: excluded (default, reason `community`) or counted with 0 (SPEC §8). */
  readonly missingCommunity?: MissingCommunity | undefined;
  /** The weights in force: coverage does not use them, provenance lists them (default: SPEC §4). */
  readonly weights?: WeightTable | undefined;
  /** What provenance says besides the norms and options: the files read and the config file. */
  readonly sources?: RunSources | undefined;
}

/** Regions at the level of `options.level` / `options.rollup` (default: those without children, as `report`). */
export function analyzeCoverage(input: Dataset, options: CoverageOptions = {}): CoverageReport {
  checkYear('to', options.to);
  checkLevel(options.level);
  checkMissingCommunity(options.missingCommunity);
  checkNormTable(options.norms);
  const { dataset, level } = levelSelection(input, options);
  const norms = options.norms ?? resolveNorms();
  const to = chooseTargetYear(dataset, options.to);
  const ranked: RegionCoverage[] = [];
  const excluded: ExcludedRegion[] = [];
  for (const region of dataset.regions.values()) {
    const outcome = regionCoverage(dataset, region, to, norms, options.missingCommunity);
    if (outcome.kind === 'ranked') ranked.push(outcome.coverage);
    else excluded.push({ region: outcome.region, reason: outcome.reason });
  }
  const weights = options.weights ?? resolveWeights();
  // Coverage looks at T alone: a change of definition at any step up to T bears on it.
  const notices = plausibilityNotices(dataset, {
    regions: ranked.map((r) => r.region),
    period: { from: -Infinity, to },
    weights,
    files: noticeFiles(dataset),
    seriesOnly: true,
  });
  return {
    servicegap: options.version ?? VERSION,
    to,
    regions: rankCoverage(ranked),
    excluded,
    warnings: [...dataset.warnings, ...notices],
    provenance: analysisProvenance(input, options, weights, norms, {
      to,
      missingCommunity: options.missingCommunity ?? 'exclude',
      level: level ?? null,
      rollup: options.rollup ?? false,
    }),
  };
}
