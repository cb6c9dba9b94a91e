// servicegap coverage: each region's capacity at T against the planning norms (SPEC §4, §7).
import { Command, Option } from 'commander';
import { z } from 'zod';
import { analyzeCoverage } from '../../core/analyze-coverage.js';
import { formatWarning } from '../../core/issues.js';
import { COVERAGE_FORMATS } from '../../report/coverage-context.js';
import { COVERAGE_RENDERERS } from '../../report/coverage-renderers.js';
import { WORKBOOK_FORMATS } from '../../report/render-context.js';
import { pickFormat } from '../format.js';
import { loadFromOptions } from '../load.js';
import { AnalysisOptionsSchema, addInputOptions, InputOptionsSchema, parseOptions, yearOption } from '../options.js';
import { emit, note } from '../output.js';
import { emitTidy, isTidyFormat, TIDY_FORMATS, tidyMetadata } from '../tidy.js';
import { type Terminal, useColor } from '../terminal.js';

const CoverageOptionsSchema = InputOptionsSchema.extend(AnalysisOptionsSchema.pick({ level: true, rollup: true }).shape).extend({
  to: yearOption.optional(),
  format: z.enum([...COVERAGE_FORMATS, ...WORKBOOK_FORMATS, ...TIDY_FORMATS]).optional(),
  out: z.string().min(1).optional(),
  color: z.boolean().optional(),
});

export function coverageCommand(terminal: Terminal): Command {
  const command = new Command('coverage').description(
    'compare each region with planning norms per 100,000 at year T (coverage, gap), least covered first',
  );
  addInputOptions(command)
    .option('--to <year>', 'target year T (default: latest year in the beds data)')
    .addOption(
      new Option(
        '--format <format>',
        'output format (default: from --out extension, else table); xlsx: an Excel workbook (needs --out or a redirect); long: one row per region × norm × metric (CSV, or Parquet to a .parquet file); parquet: the CSV\'s table, typed',
      ).choices([...COVERAGE_FORMATS, ...WORKBOOK_FORMATS, ...TIDY_FORMATS]),
    )
    .option('--out <file>', 'write the coverage report to FILE atomically instead of standard output')
    .option('--level <n>', "rank the regions at level N of regions.csv's tree (1 = regions without a parent), branches summed")
    .option('--rollup', 'rank one level above the deepest regions (e.g. counties instead of municipalities)')
    .option('--no-color', 'no colour in the terminal table')
    .action(async (raw: unknown) => {
      const options = parseOptions(CoverageOptionsSchema, raw);
      const format = pickFormat([...COVERAGE_FORMATS, ...WORKBOOK_FORMATS, ...TIDY_FORMATS], options.format, options.out, 'coverage report');
      const { dataset, norms } = await loadFromOptions(options, terminal);
      const report = analyzeCoverage(dataset, { norms, to: options.to, level: options.level, rollup: options.rollup });
      if (isTidyFormat(format)) {
        // issue 16: long (one row per region × norm × metric) or Parquet (the CSV's table, typed)
        const { coverageLong, coverageTable } = await import('../../report/tidy/tables.js');
        await emitTidy(terminal, format, () => (format === 'long' ? coverageLong(report, norms) : coverageTable(report)), options.out, tidyMetadata(report));
      } else {
        const context = {
          color: format === 'table' && options.out === undefined && useColor(terminal, options.color),
          provenance: dataset.provenance,
          norms,
        };
        const output = format === 'xlsx' ? await (await import('../../report/xlsx.js')).renderCoverageXlsx(report, context) : COVERAGE_RENDERERS[format](report, context);
        await emit(terminal, output, options.out);
      }
      if (!options.quiet) for (const w of report.warnings) note(terminal, `warning: ${formatWarning(w)}`);
      if (options.out !== undefined && !options.quiet) {
        note(terminal, `wrote ${options.out} (${format}, ${report.regions.length} regions)`);
      }
    });
  return command;
}
