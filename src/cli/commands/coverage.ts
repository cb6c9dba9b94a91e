// servicegap coverage: each region's capacity at T against the planning norms (SPEC §4, §7).
import { Command, Option } from 'commander';
import { z } from 'zod';
import { runCoverage } from '../../app/coverage.js';
import { COVERAGE_OUTPUT_FORMATS } from '../../report/coverage/context.js';
import {
  AnalysisOptionsSchema,
  addInputOptions,
  addMapOptions,
  addReadingThreadsOption,
  dataOptions,
  InputOptionsSchema,
  MapOptionsSchema,
  missingCommunityOption,
  parseOptions,
  provenanceOption,
  threadsOption,
  TrustOptionsSchema,
  yearOption,
} from '../options.js';
import { sayDemoDataInCi } from '../demo-data.js';
import { printWarnings } from '../github.js';
import { checkProvenanceFile, emit, emitProvenance, note, renderOutputPieces } from '../output.js';
import { type Terminal, useColor } from '../terminal.js';

const CoverageOptionsSchema = InputOptionsSchema.extend(AnalysisOptionsSchema.pick({ level: true, rollup: true }).shape)
  .extend(TrustOptionsSchema.shape)
  .extend(MapOptionsSchema.omit({ chartsDir: true }).shape)
  .extend({
  to: yearOption.optional(),
  format: z.enum(COVERAGE_OUTPUT_FORMATS).optional(),
  out: z.string().min(1).optional(),
  color: z.boolean().optional(),
  threads: threadsOption,
});

export function coverageCommand(terminal: Terminal): Command {
  const command = new Command('coverage').description(
    'compare each region with planning norms per 100,000 at year T (coverage, gap), least covered first',
  );
  addReadingThreadsOption(addMapOptions(addInputOptions(command), false))
    .option('--to <year>', 'target year T (default: latest year in the beds data)')
    .addOption(
      new Option('--format <format>', `output format (default: from --out extension, else table); xlsx: an Excel workbook (needs --out or a redirect); long: one row per region × norm × metric, with its unit (CSV, or Parquet to a .parquet file); parquet: the CSV's table, typed`).choices(
        COVERAGE_OUTPUT_FORMATS,
      ),
    )
    .option('--out <file>', 'write the coverage report to FILE atomically instead of standard output')
    .option('--level <n>', "rank the regions at level N of regions.csv's tree (1 = regions without a parent), branches summed")
    .option('--rollup', 'rank one level above the deepest regions (e.g. counties instead of municipalities)')
    .option('--no-color', 'no colour in the terminal table')
    .addOption(missingCommunityOption())
    .addOption(provenanceOption())
    .action(async (raw: unknown) => {
      const options = parseOptions(CoverageOptionsSchema, raw);
      const data = dataOptions(options, terminal);
      sayDemoDataInCi(terminal, data.inputs);
      const run = await runCoverage({ ...options, ...data, color: useColor(terminal, options.color) });
      await checkProvenanceFile(options.provenance);
      await emit(terminal, await renderOutputPieces(run.output), options.out, run.output.format);
      await emitProvenance(terminal, options.provenance, run.provenance, options.out, options.quiet);
      if (!options.quiet) for (const line of run.notes) note(terminal, line);
      if (!options.quiet) await printWarnings(terminal, run.warnings);
      if (options.out !== undefined && !options.quiet) {
        note(terminal, `wrote ${options.out} (${run.output.format}, ${run.coverage.regions.length} regions)`);
      }
    });
  return command;
}
