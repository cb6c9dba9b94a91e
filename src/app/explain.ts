// `explain REGION` (SPEC §8): load the data with a trace of the rows that can reach the region,
// then lay out the whole arithmetic of its metrics (core/explain.ts) with the options `report`
// would take, so that every number is the report's to the last digit.
import { z } from 'zod';
import type { Explanation } from '../core/explain-schema.js';
import { RowTrace } from '../core/explain-trace.js';
import { explainRegion } from '../core/explain.js';
import type { Warning } from '../core/issues.js';
import type { RunProvenance } from '../core/provenance-schema.js';
import { cornerWeights } from '../core/sensitivity.js';
import { EXPLAIN_FORMATS, type ExplainFormat } from '../report/explain.js';
import { formatFromPath } from '../report/format-from-path.js';
import type { Output } from '../report/output.js';
import { type DataOptions, loadData } from './data.js';
import { OptionError } from './errors.js';
import {
  AnalysisOptionChecks,
  checkArgument,
  checkOptions,
  checkProvenanceTarget,
  missingCommunityOf,
  type PeriodOptions,
  type RankingOptions,
  type TrustOptions,
  type WeightsChoice,
  WeightsChoiceSchema,
} from './options.js';

/** Options of `runExplain`: the region, the data, and the analysis options of `report`. */
export interface ExplainRunOptions extends DataOptions, PeriodOptions, RankingOptions, Pick<TrustOptions, 'missingCommunity' | 'provenance'> {
  /** The region's code (with `level` or `rollup`: a unit of that level). */
  readonly region: string;
  /** Every weight at its value (default), or at the low or high end of its range: as `report --weights` ranked. */
  readonly weights?: WeightsChoice | undefined;
  /** 'text' (default) or 'json'; default: 'json' for an `out` file ending in .json, else 'text'. */
  readonly format?: ExplainFormat | undefined;
  /** The file the output will be written to, if any (its extension can pick the format). */
  readonly out?: string | undefined;
}

/** What `runExplain` returns. */
export interface ExplainRun {
  /** Every value of the region's metrics with its rule and rows, every product and sum, down to the rank. */
  readonly explanation: Explanation;
  /** The output to render. */
  readonly output: Output;
  /** Warnings about the data (the report's). */
  readonly warnings: readonly Warning[];
  /** The provenance of the numbers (SPEC §8), as the report's. */
  readonly provenance: RunProvenance;
}

const ExplainOptionChecks = AnalysisOptionChecks.pick({ from: true, to: true, sort: true, fill: true, level: true, rollup: true, missingCommunity: true, provenance: true }).extend({
  weights: WeightsChoiceSchema.optional(),
});

/** Text unless `format` says json, or the `out` file ends in .json. */
function explainFormat(options: Pick<ExplainRunOptions, 'format' | 'out'>): ExplainFormat {
  if (options.format !== undefined) {
    if (!(EXPLAIN_FORMATS as readonly string[]).includes(options.format)) {
      throw new OptionError('format', `--format ${String(options.format)}: the explanation comes as ${EXPLAIN_FORMATS.join(', ')}`);
    }
    return options.format;
  }
  return options.out !== undefined && formatFromPath(options.out) === 'json' ? 'json' : 'text';
}

/**
 * The whole arithmetic of one region's metrics as `report` computes them with the same options,
 * each value with the rule that picked it and the file and line(s) it was read from.
 */
export async function runExplain(options: ExplainRunOptions): Promise<ExplainRun> {
  checkOptions(ExplainOptionChecks, options);
  checkArgument('region', z.string().min(1), options.region, 'the code of a region');
  checkProvenanceTarget(options);
  const format = explainFormat(options);
  const corner = options.weights ?? 'value';
  const trace = new RowTrace(options.region);
  // Every file is read on this thread, so that the trace sees every row.
  const loaded = await loadData(options, 1, trace);
  const explained = explainRegion(loaded.dataset, options.region, {
    from: options.from,
    to: options.to,
    sort: options.sort,
    fill: options.fill,
    level: options.level,
    rollup: options.rollup,
    weights: corner === 'value' ? loaded.weights : cornerWeights(loaded.weights, corner),
    norms: loaded.norms,
    missingCommunity: missingCommunityOf(options.missingCommunity, loaded),
    sources: loaded.sources,
    trace: { rows: trace.rows, crosswalk: trace.crosswalk, crosswalkFile: trace.crosswalkFile },
    lookup: (service) => loaded.taxonomy.lookup(service),
  });
  // Its provenance names the corner, as a report's at that corner does (core/sensitivity.ts analyzeCornerRanking).
  const explanation: Explanation =
    corner === 'value' ? explained : { ...explained, provenance: { ...explained.provenance, options: { ...explained.provenance.options, weights: corner } } };
  return {
    explanation,
    output: { kind: 'explain', format, data: explanation, context: {} },
    warnings: explanation.warnings,
    provenance: explanation.provenance,
  };
}
