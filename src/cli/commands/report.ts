// servicegap report: rank regions by their service vacuum (SPEC §3, §5, §6).
import { Command, Option } from 'commander';
import { z } from 'zod';
import { analyze } from '../../core/analyze.js';
import { analyzeCoverage } from '../../core/analyze-coverage.js';
import { selectLevel } from '../../core/hierarchy.js';
import { reportDetails } from '../../core/breakdown.js';
import { coverageHeatmap } from '../../core/coverage-band.js';
import { SEED_MAX } from '../../core/random.js';
import { analyzeCorner, DEFAULT_DRAWS, DEFAULT_SEED, MAX_DRAWS } from '../../core/sensitivity.js';
import { DEFAULT_INTERVAL_DRAWS, withInterval } from '../../core/interval.js';
import { formatWarning } from '../../core/issues.js';
import { SORT_METRICS, SortMetricSchema } from '../../core/report-schema.js';
import { CORRELATIONS, CorrelationSchema } from '../../core/sensitivity-schema.js';
import { summarize } from '../../core/summary.js';
import { REPORT_OUTPUT_FORMATS, type ReportOutputFormat } from '../../report/render-context.js';
import { loadRenderer } from '../../report/load-renderer.js';
import { EXIT, ExitError, usageError } from '../exit-codes.js';
import { appendStepSummary } from '../github.js';
import { pickFormat } from '../format.js';
import { loadFromOptions } from '../load.js';
import { addAnalysisOptions, addInputOptions, AnalysisOptionsSchema, InputOptionsSchema, parseOptions, threadsOption, yearOption } from '../options.js';
import { pickDrawsFormat, pickResearchFormat, writeDraws } from '../research.js';
import { emitTidy, isTidyFormat, TIDY_FORMATS, type TidyFormat, tidyMetadata } from '../tidy.js';
import { emit, note } from '../output.js';
import { type Terminal, useColor } from '../terminal.js';

const ReportOptionsSchema = InputOptionsSchema.extend(AnalysisOptionsSchema.shape).extend({
  from: yearOption.optional(),
  to: yearOption.optional(),
  sort: SortMetricSchema.default('vacuum_per_100k'),
  top: z.coerce.number().int().min(1, { error: 'expected a whole number ≥ 1' }).optional(),
  format: z.enum([...REPORT_OUTPUT_FORMATS, ...TIDY_FORMATS]).optional(),
  out: z.string().min(1).optional(),
  failAbove: z.coerce.number({ error: 'expected a number' }).finite().min(0, { error: 'expected a number ≥ 0' }).optional(),
  failIfAnyExcluded: z.boolean().optional(),
  summary: z.boolean().optional(),
  excel: z.boolean().optional(),
  color: z.boolean().optional(),
  // Sensitivity to the weights (issue 6): --sensitivity alone means the default number of draws.
  sensitivity: z
    .preprocess(
      (v) => (v === true ? DEFAULT_DRAWS : v),
      z.coerce
        .number({ error: `expected a number of draws 1–${MAX_DRAWS}` })
        .int({ error: `expected a whole number of draws 1–${MAX_DRAWS}` })
        .min(1, { error: `expected a number of draws 1–${MAX_DRAWS}` })
        .max(MAX_DRAWS, { error: `expected a number of draws 1–${MAX_DRAWS}` }),
    )
    .optional(),
  seed: z.coerce
    .number({ error: `expected a whole number 0–${SEED_MAX}` })
    .int({ error: `expected a whole number 0–${SEED_MAX}` })
    .min(0, { error: `expected a whole number 0–${SEED_MAX}` })
    .max(SEED_MAX, { error: `expected a whole number 0–${SEED_MAX}` })
    .optional(),
  weights: z.enum(['value', 'low', 'high']).default('value'),
  threads: threadsOption,
  // issue 16: correlated draws and every draw to a file
  correlation: CorrelationSchema.optional(),
  drawsOut: z.string().min(1).optional(),
  interval: z.boolean().default(true),
  intervalDraws: z.coerce
    .number({ error: `expected a number of draws 1–${MAX_DRAWS}` })
    .int({ error: `expected a whole number of draws 1–${MAX_DRAWS}` })
    .min(1, { error: `expected a number of draws 1–${MAX_DRAWS}` })
    .max(MAX_DRAWS, { error: `expected a number of draws 1–${MAX_DRAWS}` })
    .optional(),
});

export function reportCommand(terminal: Terminal): Command {
  const command = new Command('report').description('rank regions by care capacity lost and not replaced (the service vacuum)');
  addAnalysisOptions(addInputOptions(command))
    .option('--from <year>', 'baseline year B (default: earliest year in the beds data)')
    .option('--to <year>', 'target year T (default: latest year in the beds data)')
    .addOption(new Option('--sort <metric>', 'metric to rank by, descending').choices(SORT_METRICS).default('vacuum_per_100k'))
    .option('--top <n>', 'show only the first N ranked regions')
    .addOption(
      new Option(
        '--format <format>',
        'output format (default: from --out extension, else table); xlsx: an Excel workbook with ranking, excluded regions, coverage, weights and provenance (needs --out or a redirect); for a CSV that Excel opens directly, see --excel; long: one row per region × metric, with its unit (CSV, or Parquet to a .parquet file); parquet: the CSV\'s table, typed',
      ).choices([...REPORT_OUTPUT_FORMATS, ...TIDY_FORMATS]),
    )
    .option('--out <file>', 'write the report to FILE atomically instead of standard output')
    .option('--fail-above <n>', 'exit 1 when any ranked region has vacuum per 100k above N (after writing)')
    .option('--fail-if-any-excluded', 'exit 1 when any region could not be ranked (after writing)')
    .option('--no-summary', 'do not append a Markdown summary to $GITHUB_STEP_SUMMARY')
    .option('--excel', 'CSV for spreadsheets: UTF-8 with a byte-order mark, ";" between fields, decimal comma, CRLF')
    .option('--no-color', 'no colour in the terminal table')
    .option('--sensitivity [n]', `draw every weight uniformly from its low–high range N times (default ${DEFAULT_DRAWS}) and report percentiles of vacuum and rank`)
    .option('--seed <s>', `seed of the draws (the p5–p95 intervals, --sensitivity), a whole number 0–${SEED_MAX} (default ${DEFAULT_SEED})`)
    .option('--no-interval', 'leave out the p5–p95 interval of each region\'s vacuum per 100k and rank over the weights\' ranges')
    .option('--interval-draws <n>', `draws behind the p5–p95 intervals (default ${DEFAULT_INTERVAL_DRAWS})`)
    .addOption(new Option('--weights <which>', 'every weight at its value, or at the low or high end of its range').choices(['value', 'low', 'high']).default('value'))
    .addOption(new Option('--correlation <how>', 'how the weights are drawn: none (default), each on its own; category, one draw per category shared by its weights').choices(CORRELATIONS))
    .option('--draws-out <file>', 'with --sensitivity: write every draw (region, draw, weights, vacuum per 100k, rank) to FILE (.csv or .parquet)')
    .option('--threads <n>', 'worker threads: for reading files of 64 MiB or more (default 1; faster, more memory) and for --sensitivity (default auto); a number, or auto (one per core)')
    .action(async (raw: unknown) => {
      const options = parseOptions(ReportOptionsSchema, raw);
      const draws = options.sensitivity;
      // Something is drawn: the intervals (unless --no-interval) or the sensitivity run.
      const drawing = draws !== undefined || options.interval;
      if (!drawing && options.seed !== undefined) throw usageError('--seed: nothing is drawn under --no-interval without --sensitivity');
      if (!drawing && options.correlation !== undefined) throw usageError('--correlation: nothing is drawn under --no-interval without --sensitivity');
      if (!options.interval && options.intervalDraws !== undefined) throw usageError('--interval-draws and --no-interval exclude each other');
      if (draws === undefined && options.drawsOut !== undefined) throw usageError('--draws-out: only used with --sensitivity');
      const drawsFormat = options.drawsOut === undefined ? undefined : pickDrawsFormat(options.drawsOut);
      if (draws !== undefined && options.weights !== 'value') {
        throw usageError(`--weights ${options.weights} and --sensitivity exclude each other: the draws span every weight's range`);
      }
      if (draws !== undefined && options.excel) throw usageError('--excel writes the report itself, not a sensitivity report: use --format csv');
      const format = options.excel ? excelFormat(options.format) : pickFormat([...REPORT_OUTPUT_FORMATS, ...TIDY_FORMATS], options.format, options.out, 'report');
      const sensitivityFormat = draws === undefined ? undefined : pickResearchFormat(format, undefined, 'a sensitivity report');
      const { dataset, weights, norms } = await loadFromOptions(options, terminal, { threads: options.threads });
      // The units ranked (regions without children, or --level/--rollup): the same for every view.
      const levelChoice = { level: options.level, rollup: options.rollup };
      const run = { norms, from: options.from, to: options.to, sort: options.sort, fill: options.fill, ...levelChoice };
      const point = options.weights === 'value' ? analyze(dataset, { weights, ...run }) : analyzeCorner(dataset, options.weights, { weights, ...run });
      // The p5–p95 intervals over the weights' ranges (issue 16); a sensitivity run has its own percentiles.
      const intervalDraws = { draws: options.intervalDraws, seed: options.seed, correlation: options.correlation };
      const report = options.interval && draws === undefined ? withInterval(dataset, point, { weights, ...run, ...intervalDraws }) : point;
      const shown = options.top === undefined ? report : { ...report, regions: report.regions.slice(0, options.top) };
      const context = {
        color: format === 'table' && options.out === undefined && useColor(terminal, options.color),
        provenance: dataset.provenance,
        weights,
        summary: summarize(report),
        details: format === 'html' ? reportDetails(selectLevel(dataset, levelChoice), shown.regions.map((r) => r.region), report, weights, options.fill) : undefined,
        // The heatmap's grid at the report's T, with the same norms as coverage_index.
        coverage: format === 'html' ? { heatmap: coverageHeatmap(analyzeCoverage(dataset, { norms, to: report.to, ...levelChoice })), norms } : undefined,
        // The workbook's Coverage and Norms sheets.
        coverageReport: format === 'xlsx' ? analyzeCoverage(dataset, { norms, to: report.to, ...levelChoice }) : undefined,
        norms,
      };
      // (A sensitivity run has no tidy form: pickResearchFormat refused long and parquet above.)
      if (isTidyFormat(format)) {
        const { reportLong, reportTable } = await import('../../report/tidy/tables.js');
        const table = () => (format === 'long' ? reportLong(shown) : reportTable(shown));
        await emitTidy(terminal, format, table, options.out, tidyMetadata(shown));
      } else if (draws === undefined || sensitivityFormat === undefined) {
        // Only the renderer asked for is loaded (the HTML one brings its chart libraries).
        if (format === 'xlsx') await emit(terminal, await (await import('../../report/xlsx.js')).renderXlsx(shown, context), options.out);
        else {
          const render = options.excel ? (await import('../../report/csv.js')).renderExcelCsv : await loadRenderer(format);
          await emit(terminal, render(shown, context), options.out);
        }
      } else {
        const { sensitivityWithDraws } = await import('../../parallel/sensitivity.js');
        const drawOptions = { draws, seed: options.seed, correlation: options.correlation, top: options.top, threads: options.threads };
        const { report: sens, plan, chunks } = await sensitivityWithDraws(dataset, { weights, ...run, ...drawOptions });
        if (options.drawsOut !== undefined && drawsFormat !== undefined) await writeDraws(options.drawsOut, drawsFormat, plan, chunks);
        const top = options.top === undefined ? sens : { ...sens, regions: sens.regions.slice(0, options.top) };
        const notices = dataset.provenance?.notice ? [dataset.provenance.notice] : [];
        const { SENSITIVITY_RENDERERS } = await import('../../report/sensitivity.js');
        await emit(terminal, SENSITIVITY_RENDERERS[sensitivityFormat](top, { color: context.color, notices }), options.out);
      }
      if (!options.quiet) for (const w of report.warnings) note(terminal, `warning: ${formatWarning(w)}`);
      if (options.out !== undefined && !options.quiet) {
        note(terminal, `wrote ${options.out} (${options.excel ? 'csv for Excel' : format}, ${shown.regions.length} regions)`);
      }
      if (options.summary !== false) await appendStepSummary(terminal, report, context);

      // CI gates, checked after the report is written so the evidence is always there.
      const failures: string[] = [];
      if (options.failAbove !== undefined) {
        const over = report.regions.filter((r) => r.vacuum_per_100k > options.failAbove!);
        if (over.length > 0) {
          const list = over.map((r) => `${r.region} (${r.vacuum_per_100k.toFixed(1)})`).join(', ');
          failures.push(`--fail-above ${options.failAbove}: ${over.length} region(s) above it: ${list}`);
        }
      }
      if (options.failIfAnyExcluded && report.excluded.length > 0) {
        const list = report.excluded.map((e) => `${e.region} (${e.reason})`).join(', ');
        failures.push(`--fail-if-any-excluded: ${report.excluded.length} region(s) not ranked: ${list}`);
      }
      if (failures.length > 0) throw new ExitError(EXIT.failAbove, failures.join('\nservicegap: '));
    });
  return command;
}

/** --excel writes CSV, whatever the --out extension; any other --format contradicts it. */
function excelFormat(format: ReportOutputFormat | TidyFormat | undefined): 'csv' {
  if (format === 'xlsx') throw usageError('--excel writes a CSV file for spreadsheets and --format xlsx an Excel workbook: give one of them');
  if (format !== undefined && format !== 'csv') throw usageError(`--excel writes CSV: it cannot be combined with --format ${format}`);
  return 'csv';
}
