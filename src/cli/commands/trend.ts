// servicegap trend: the vacuum over time, year by year from --from to --to (core/trend.ts).
import { Command, Option } from 'commander';
import { z } from 'zod';
import { TopOptionSchema } from '../../app/options.js';
import { runTrend } from '../../app/trend.js';
import { SORT_METRICS } from '../../app/vocabulary.js';
import { TREND_OUTPUT_FORMATS } from '../../report/trend/context.js';
import {
  addAnalysisOptions,
  addInputOptions,
  addReadingThreadsOption,
  AnalysisOptionsSchema,
  cliNumber,
  dataOptions,
  InputOptionsSchema,
  parseOptions,
  provenanceOption,
  threadsOption,
  TrustOptionsSchema,
  yearOption,
} from '../options.js';
import { sayDemoDataInCi } from '../demo-data.js';
import { printWarnings } from '../github.js';
import { warningParts } from '../../app/warnings.js';
import { checkProvenanceFile, emit, emitProvenance, note, renderOutputPieces } from '../output.js';
import { type Terminal, useColor } from '../terminal.js';

const TrendOptionsSchema = InputOptionsSchema.extend(AnalysisOptionsSchema.shape).extend(TrustOptionsSchema.shape).extend({
  from: yearOption.optional(),
  to: yearOption.optional(),
  sort: z.enum(SORT_METRICS).default('vacuum_per_100k'),
  top: cliNumber(TopOptionSchema).optional(),
  format: z.enum(TREND_OUTPUT_FORMATS).optional(),
  out: z.string().min(1).optional(),
  color: z.boolean().optional(),
  threads: threadsOption,
});

export function trendCommand(terminal: Terminal): Command {
  const command = new Command('trend').description(
    'the vacuum year by year from --from to --to: when it opened, its peak, whether it is still open',
  );
  addReadingThreadsOption(addAnalysisOptions(addInputOptions(command)))
    .option('--from <year>', 'baseline year B (default: earliest year in the beds data)')
    .option('--to <year>', 'last year T (default: latest year in the beds data)')
    .addOption(new Option('--sort <metric>', 'metric of the year T to rank by, descending').choices(SORT_METRICS).default('vacuum_per_100k'))
    .option('--top <n>', 'show only the first N ranked regions')
    .addOption(
      new Option('--format <format>', `output format (default: from --out extension, else table); xlsx: an Excel workbook (needs --out or a redirect); long: one row per region × year × metric, with its unit (CSV, or Parquet to a .parquet file); parquet: the CSV's table, typed`).choices(
        TREND_OUTPUT_FORMATS,
      ),
    )
    .option('--out <file>', 'write to FILE atomically instead of standard output')
    .option('--no-color', 'no colour in the terminal table')
    .addOption(provenanceOption())
    .action(async (raw: unknown) => {
      const options = parseOptions(TrendOptionsSchema, raw);
      const data = dataOptions(options, terminal);
      sayDemoDataInCi(terminal, data.inputs);
      const run = await runTrend({ ...options, ...data, color: useColor(terminal, options.color) });
      await checkProvenanceFile(options.provenance);
      await emit(terminal, await renderOutputPieces(run.output), options.out, run.output.format);
      await emitProvenance(terminal, options.provenance, run.provenance, options.out, options.quiet);
      if (!options.quiet) await printWarnings(terminal, warningParts(run.trend) ?? run.warnings);
      if (options.out !== undefined && !options.quiet) {
        const shown = Math.min(options.top ?? Infinity, run.trend.regions.length);
        note(terminal, `wrote ${options.out} (${run.output.format}, ${shown} regions, ${run.trend.to - run.trend.from + 1} years)`);
      }
    });
  return command;
}
