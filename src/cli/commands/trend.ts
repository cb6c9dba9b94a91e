// servicegap trend: the vacuum over time, year by year from --from to --to (core/trend.ts).
import { Command, Option } from 'commander';
import { z } from 'zod';
import { formatWarning } from '../../core/issues.js';
import { SORT_METRICS, SortMetricSchema } from '../../core/report-schema.js';
import { summarizeTrend, trend } from '../../core/trend.js';
import { TREND_FORMATS } from '../../report/trend/context.js';
import { TREND_RENDERERS } from '../../report/trend/renderers.js';
import { WORKBOOK_FORMATS } from '../../report/render-context.js';
import { pickFormat } from '../format.js';
import { loadFromOptions } from '../load.js';
import { addAnalysisOptions, addInputOptions, AnalysisOptionsSchema, InputOptionsSchema, parseOptions, yearOption } from '../options.js';
import { emit, note } from '../output.js';
import { emitTidy, isTidyFormat, TIDY_FORMATS, tidyMetadata } from '../tidy.js';
import { type Terminal, useColor } from '../terminal.js';

const TrendOptionsSchema = InputOptionsSchema.extend(AnalysisOptionsSchema.shape).extend({
  from: yearOption.optional(),
  to: yearOption.optional(),
  sort: SortMetricSchema.default('vacuum_per_100k'),
  top: z.coerce.number().int().min(1, { error: 'expected a whole number ≥ 1' }).optional(),
  format: z.enum([...TREND_FORMATS, ...WORKBOOK_FORMATS, ...TIDY_FORMATS]).optional(),
  out: z.string().min(1).optional(),
  color: z.boolean().optional(),
});

export function trendCommand(terminal: Terminal): Command {
  const command = new Command('trend').description(
    'the vacuum year by year from --from to --to: when it opened, its peak, whether it is still open',
  );
  addAnalysisOptions(addInputOptions(command))
    .option('--from <year>', 'baseline year B (default: earliest year in the beds data)')
    .option('--to <year>', 'last year T (default: latest year in the beds data)')
    .addOption(new Option('--sort <metric>', 'metric of the year T to rank by, descending').choices(SORT_METRICS).default('vacuum_per_100k'))
    .option('--top <n>', 'show only the first N ranked regions')
    .addOption(
      new Option(
        '--format <format>',
        'output format (default: from --out extension, else table); xlsx: an Excel workbook (needs --out or a redirect); long: one row per region × year × metric (CSV, or Parquet to a .parquet file); parquet: the CSV\'s table, typed',
      ).choices([...TREND_FORMATS, ...WORKBOOK_FORMATS, ...TIDY_FORMATS]),
    )
    .option('--out <file>', 'write to FILE atomically instead of standard output')
    .option('--no-color', 'no colour in the terminal table')
    .action(async (raw: unknown) => {
      const options = parseOptions(TrendOptionsSchema, raw);
      const format = pickFormat([...TREND_FORMATS, ...WORKBOOK_FORMATS, ...TIDY_FORMATS], options.format, options.out, 'trend');
      const { dataset, weights } = await loadFromOptions(options, terminal);
      const result = trend(dataset, {
        weights,
        from: options.from,
        to: options.to,
        sort: options.sort,
        fill: options.fill,
        level: options.level,
        rollup: options.rollup,
      });
      const shown = options.top === undefined ? result : { ...result, regions: result.regions.slice(0, options.top) };
      const context = {
        color: format === 'table' && options.out === undefined && useColor(terminal, options.color),
        provenance: dataset.provenance,
        summary: summarizeTrend(result),
      };
      if (isTidyFormat(format)) {
        // issue 16: long (one row per region × year × metric) or Parquet (the CSV's table, typed)
        const { trendLong, trendTable } = await import('../../report/tidy/tables.js');
        await emitTidy(terminal, format, () => (format === 'long' ? trendLong(shown) : trendTable(shown)), options.out, tidyMetadata(shown));
      } else {
        const output = format === 'xlsx' ? await (await import('../../report/trend/xlsx.js')).renderTrendXlsx(shown, context) : TREND_RENDERERS[format](shown, context);
        await emit(terminal, output, options.out);
      }
      if (!options.quiet) for (const w of result.warnings) note(terminal, `warning: ${formatWarning(w)}`);
      if (options.out !== undefined && !options.quiet) {
        note(terminal, `wrote ${options.out} (${format}, ${shown.regions.length} regions, ${result.to - result.from + 1} years)`);
      }
    });
  return command;
}
