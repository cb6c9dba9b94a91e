// servicegap report: rank regions by their service vacuum (SPEC §3, §5, §6).
import { Command, Option } from 'commander';
import { z } from 'zod';
import { analyze } from '../../core/analyze.js';
import { formatWarning } from '../../core/issues.js';
import { SORT_METRICS, SortMetricSchema } from '../../core/report-schema.js';
import { summarize } from '../../core/summary.js';
import { REPORT_FORMATS, type ReportFormat } from '../../report/render-context.js';
import { renderExcelCsv } from '../../report/csv.js';
import { formatFromPath, RENDERERS } from '../../report/renderers.js';
import { EXIT, ExitError, usageError } from '../exit-codes.js';
import { loadFromOptions } from '../load.js';
import { addInputOptions, InputOptionsSchema, parseOptions, yearOption } from '../options.js';
import { emit, note } from '../output.js';
import { type Terminal, useColor } from '../terminal.js';

const ReportOptionsSchema = InputOptionsSchema.extend({
  from: yearOption.optional(),
  to: yearOption.optional(),
  sort: SortMetricSchema.default('vacuum_per_100k'),
  top: z.coerce.number().int().min(1, { error: 'expected a whole number ≥ 1' }).optional(),
  format: z.enum(REPORT_FORMATS).optional(),
  out: z.string().min(1).optional(),
  failAbove: z.coerce.number({ error: 'expected a number' }).finite().min(0, { error: 'expected a number ≥ 0' }).optional(),
  excel: z.boolean().optional(),
  color: z.boolean().optional(),
  quiet: z.boolean().optional(),
});

export function reportCommand(terminal: Terminal): Command {
  const command = new Command('report').description('rank regions by care capacity lost and not replaced (the service vacuum)');
  addInputOptions(command)
    .option('--from <year>', 'baseline year B (default: earliest year in the beds data)')
    .option('--to <year>', 'target year T (default: latest year in the beds data)')
    .addOption(new Option('--sort <metric>', 'metric to rank by, descending').choices(SORT_METRICS).default('vacuum_per_100k'))
    .option('--top <n>', 'show only the first N ranked regions')
    .addOption(new Option('--format <format>', 'output format (default: from --out extension, else table)').choices(REPORT_FORMATS))
    .option('--out <file>', 'write the report to FILE atomically instead of standard output')
    .option('--fail-above <n>', 'exit 1 when any ranked region has vacuum per 100k above N (after writing)')
    .option('--excel', 'CSV for spreadsheets: UTF-8 with a byte-order mark, ";" between fields, decimal comma, CRLF')
    .option('--no-color', 'no colour in the terminal table')
    .option('-q, --quiet', 'no warnings on standard error')
    .action(async (raw: unknown) => {
      const options = parseOptions(ReportOptionsSchema, raw);
      const format = options.excel ? excelFormat(options.format) : pickFormat(options.format, options.out);
      const { dataset, weights } = await loadFromOptions(options, terminal);
      const report = analyze(dataset, { weights, from: options.from, to: options.to, sort: options.sort });
      const shown = options.top === undefined ? report : { ...report, regions: report.regions.slice(0, options.top) };
      const text = (options.excel ? renderExcelCsv : RENDERERS[format])(shown, {
        color: format === 'table' && options.out === undefined && useColor(terminal, options.color),
        provenance: dataset.provenance,
        weights,
        summary: summarize(report),
      });
      await emit(terminal, text, options.out);
      if (!options.quiet) for (const w of report.warnings) note(terminal, `warning: ${formatWarning(w)}`);
      if (options.out !== undefined && !options.quiet) {
        note(terminal, `wrote ${options.out} (${options.excel ? 'csv for Excel' : format}, ${shown.regions.length} regions)`);
      }
      if (options.failAbove !== undefined) {
        const over = report.regions.filter((r) => r.vacuum_per_100k > options.failAbove!);
        if (over.length > 0) {
          const list = over.map((r) => `${r.region} (${r.vacuum_per_100k.toFixed(1)})`).join(', ');
          throw new ExitError(EXIT.failAbove, `--fail-above ${options.failAbove}: ${over.length} region(s) above it: ${list}`);
        }
      }
    });
  return command;
}

/** --excel writes CSV, whatever the --out extension; any other --format contradicts it. */
function excelFormat(format: ReportFormat | undefined): ReportFormat {
  if (format !== undefined && format !== 'csv') throw usageError(`--excel writes CSV: it cannot be combined with --format ${format}`);
  return 'csv';
}

function pickFormat(format: ReportFormat | undefined, out: string | undefined): ReportFormat {
  if (format !== undefined) return format;
  if (out === undefined || out === '-') return 'table';
  const fromPath = formatFromPath(out);
  if (fromPath === undefined) {
    throw usageError(`--out ${out}: cannot tell the format from the extension; give --format (${REPORT_FORMATS.join(', ')})`);
  }
  return fromPath;
}
