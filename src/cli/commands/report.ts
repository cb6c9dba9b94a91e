// servicegap report: rank regions by their service vacuum (SPEC §3, §5, §6).
import { Command, Option } from 'commander';
import { z } from 'zod';
import { DrawsOptionSchema, FailAboveOptionSchema, SeedOptionSchema, TopOptionSchema, WeightsChoiceSchema } from '../../app/options.js';
import { runReport } from '../../app/report.js';
import { CORRELATIONS, DEFAULT_DRAWS, DEFAULT_INTERVAL_DRAWS, DEFAULT_SEED, SEED_MAX, SORT_METRICS } from '../../app/vocabulary.js';
import { REPORT_OUTPUT_FORMATS } from '../../report/render-context.js';
import { EXIT, ExitError } from '../exit-codes.js';
import { annotateGates, appendStepSummary } from '../github.js';
import {
  addAnalysisOptions,
  addInputOptions,
  addMapOptions,
  AnalysisOptionsSchema,
  cliNumber,
  dataOptions,
  InputOptionsSchema,
  MapOptionsSchema,
  optionNumber,
  parseOptions,
  provenanceOption,
  weightsOption,
  threadsOption,
  TrustOptionsSchema,
  yearOption,
} from '../options.js';
import { sayDemoDataInCi } from '../demo-data.js';
import { printWarnings } from '../github.js';
import { warningParts } from '../../app/warnings.js';
import { checkProvenanceFile, emit, emitProvenance, note, renderOutputPieces } from '../output.js';
import { type Terminal, useColor } from '../terminal.js';

const ReportOptionsSchema = InputOptionsSchema.extend(AnalysisOptionsSchema.shape).extend(TrustOptionsSchema.shape).extend(MapOptionsSchema.shape).extend({
  from: yearOption.optional(),
  to: yearOption.optional(),
  sort: z.enum(SORT_METRICS).default('vacuum_per_100k'),
  top: cliNumber(TopOptionSchema).optional(),
  format: z.enum(REPORT_OUTPUT_FORMATS).optional(),
  out: z.string().min(1).optional(),
  failAbove: cliNumber(FailAboveOptionSchema).optional(),
  failIfAnyExcluded: z.boolean().optional(),
  summary: z.boolean().optional(),
  excel: z.boolean().optional(),
  color: z.boolean().optional(),
  // Sensitivity to the weights (issue 6): --sensitivity alone means the default number of draws.
  sensitivity: z.preprocess((v) => (v === true ? DEFAULT_DRAWS : typeof v === 'string' ? optionNumber(v) : v), DrawsOptionSchema).optional(),
  seed: cliNumber(SeedOptionSchema).optional(),
  weights: WeightsChoiceSchema.default('value'),
  threads: threadsOption,
  // issue 16: the p5–p95 intervals (on by default), correlated draws, every draw to a file
  interval: z.boolean().optional(),
  intervalDraws: cliNumber(DrawsOptionSchema).optional(),
  correlation: z.enum(CORRELATIONS).optional(),
  drawsOut: z.string().min(1).optional(),
});

export function reportCommand(terminal: Terminal): Command {
  const command = new Command('report').description('rank regions by care capacity lost and not replaced (the service vacuum)');
  addMapOptions(addAnalysisOptions(addInputOptions(command)), true)
    .option('--from <year>', 'baseline year B (default: earliest year in the beds data)')
    .option('--to <year>', 'target year T (default: latest year in the beds data)')
    .addOption(new Option('--sort <metric>', 'metric to rank by, descending').choices(SORT_METRICS).default('vacuum_per_100k'))
    .option('--top <n>', 'show only the first N ranked regions')
    .addOption(
      new Option(
        '--format <format>',
        'output format (default: from --out extension, else table); xlsx: an Excel workbook with ranking, excluded regions, coverage, weights and provenance (needs --out or a redirect); for a CSV that Excel opens directly, see --excel; long: one row per region × metric, with its unit (CSV, or Parquet to a .parquet file); parquet: the CSV\'s table, typed',
      ).choices(REPORT_OUTPUT_FORMATS),
    )
    .option('--out <file>', 'write the report to FILE atomically instead of standard output')
    .option('--fail-above <n>', 'exit 1 when any ranked region has vacuum per 100k above N (after writing)')
    .option('--fail-if-any-excluded', 'exit 1 when any region could not be ranked (after writing)')
    .option('--no-summary', 'do not append a Markdown summary to $GITHUB_STEP_SUMMARY')
    .option('--excel', 'CSV for spreadsheets: UTF-8 with a byte-order mark, ";" between fields, decimal comma, CRLF')
    .option('--no-color', 'no colour in the terminal table')
    .option('--sensitivity [n]', `draw every weight uniformly from its low–high range N times (default ${DEFAULT_DRAWS}) and report percentiles of vacuum and rank`)
    .option('--seed <s>', `seed of the draws (the p5–p95 intervals, --sensitivity), a whole number 0–${SEED_MAX} (default ${DEFAULT_SEED})`)
    .option('--no-interval', "leave out the p5–p95 interval of each region's vacuum per 100k and rank over the weights' ranges")
    .option('--interval-draws <n>', `draws behind the p5–p95 intervals (default ${DEFAULT_INTERVAL_DRAWS})`)
    .addOption(weightsOption())
    .addOption(new Option('--correlation <how>', 'how the weights are drawn: none (default), each on its own; category, one draw per category shared by its weights').choices(CORRELATIONS))
    .option('--draws-out <file>', 'with --sensitivity: write every draw (region, draw, weights, vacuum per 100k, rank) to FILE (.csv or .parquet)')
    .option('--threads <n>', 'threads for reading large files (default auto: one per core) and for --sensitivity (default auto); a number (1: this thread only), or auto')
    .addOption(provenanceOption())
    .action(async (raw: unknown) => {
      const options = parseOptions(ReportOptionsSchema, raw);
      const data = dataOptions(options, terminal);
      sayDemoDataInCi(terminal, data.inputs);
      const run = await runReport({ ...options, ...data, color: useColor(terminal, options.color) });
      await checkProvenanceFile(options.provenance);
      await emit(terminal, await renderOutputPieces(run.output), options.out, run.output.format);
      await emitProvenance(terminal, options.provenance, run.provenance, options.out, options.quiet);
      if (!options.quiet) for (const line of run.notes) note(terminal, line);
      if (run.charts !== undefined && !options.quiet) {
        const { charts, dir, png } = run.charts;
        note(terminal, `wrote ${charts} chart${charts === 1 ? '' : 's'} to ${dir} (SVG${png ? ' and PNG' : '; no PNG renderer for this platform, SVG only'})`);
      }
      if (!options.quiet) await printWarnings(terminal, warningParts(run.report) ?? run.warnings);
      if (options.out !== undefined && !options.quiet) {
        const format = run.output.format === 'excel' ? 'csv for Excel' : run.output.format;
        const shown = Math.min(options.top ?? Infinity, run.report.regions.length);
        note(terminal, `wrote ${options.out} (${format}, ${shown} regions)`);
      }
      // CI gates, evaluated by the run on the whole ranking; said after the report is written so
      // the evidence is always there.
      if (options.summary !== false) await appendStepSummary(terminal, run.report, run.context, run.gates);
      annotateGates(terminal, run.gates);
      if (run.gates.tripped) throw new ExitError(EXIT.failAbove, run.gates.messages.join('\nservicegap: '));
    });
  return command;
}
