// servicegap batch scenarios.json: many named scenarios in one run (issue 6), one long table of
// every scenario's regions, and each scenario's rank changes against the first.
import { Command, Option } from 'commander';
import { z } from 'zod';
import { failedScenariosError, runBatch } from '../../app/batch.js';
import { TopOptionSchema } from '../../app/options.js';
import { BATCH_AUTO_THRESHOLD, DEFAULT_COMPARE_TOP, SORT_METRICS } from '../../app/vocabulary.js';
import { REPORT_FORMATS } from '../../report/render-context.js';
import type { ResearchFormat } from '../../report/research-format-names.js';
import { addInputOptions, cliNumber, dataOptions, InputOptionsSchema, missingCommunityOption, parseOptions, provenanceOption, TrustOptionsSchema, threadsOption } from '../options.js';
import { printWarnings } from '../github.js';
import { checkProvenanceFile, emit, emitProvenance, note, renderOutputPieces } from '../output.js';
import { type Terminal, useColor } from '../terminal.js';

const BatchOptionsSchema = InputOptionsSchema.extend(TrustOptionsSchema.shape).extend({
  sort: z.enum(SORT_METRICS).default('vacuum_per_100k'),
  top: cliNumber(TopOptionSchema).default(DEFAULT_COMPARE_TOP),
  format: z.string().optional(),
  out: z.string().min(1).optional(),
  color: z.boolean().optional(),
  threads: threadsOption,
});

export function batchCommand(terminal: Terminal): Command {
  const command = new Command('batch')
    .description('run many named scenarios (inputs, config overrides, years) and tabulate them together')
    .argument('<scenarios>', 'scenario file (JSON): { "scenarios": [ { "name", "data", "inputs", "config", "from", "to" } ] }')
    .addHelpText(
      'after',
      '\nPaths in the scenario file are relative to it. A scenario that names no input uses the\n' +
        'command line\'s (or the bundled data); its "config" (a file or an inline object) is laid over\n' +
        'the command line\'s config. Each distinct input is loaded once. Rank changes are against the\n' +
        `first scenario. Large batches (more than ${BATCH_AUTO_THRESHOLD} scenarios and much data) run in worker threads, one\n` +
        'per core (--threads to choose); the output is the same for any number of threads.\n' +
        'JSON Schema of the scenario file: servicegap schema scenarios.',
    );
  addInputOptions(command)
    .addOption(new Option('--sort <metric>', 'metric to rank by, descending').choices(SORT_METRICS).default('vacuum_per_100k'))
    .option('--top <n>', `N of the regions entering and leaving the top N in the summary (default ${DEFAULT_COMPARE_TOP})`)
    .addOption(new Option('--format <format>', 'output format (default: from --out extension, else table)').choices(REPORT_FORMATS))
    .option('--out <file>', 'write to FILE atomically instead of standard output')
    .option('--threads <n>', 'threads for large batches and for reading large files: a number (1 = this thread only), or auto (default)')
    .option('--no-color', 'no colour in the terminal table')
    .addOption(missingCommunityOption())
    .addOption(provenanceOption())
    .action(async (file: string, raw: unknown) => {
      const options = parseOptions(BatchOptionsSchema, raw);
      const run = await runBatch({ ...options, ...dataOptions(options, terminal), scenarios: file, color: useColor(terminal, options.color),
        // --format may be any report format here; the run rejects one a batch result does not come in.
        format: options.format as ResearchFormat | undefined });
      await checkProvenanceFile(options.provenance);
      await emit(terminal, await renderOutputPieces(run.output), options.out, run.output.format);
      await emitProvenance(terminal, options.provenance, run.provenance, options.out, options.quiet);
      if (!options.quiet) {
        await printWarnings(terminal, run.warnings);
        if (options.out !== undefined) {
          note(terminal, `wrote ${options.out} (${run.output.format}, ${run.batch.scenarios.length} scenarios, ${run.batch.rows.length} rows)`);
        }
      }
      // Every other scenario ran and was written; the failed ones are named, each with its problems (exit 3).
      const failed = failedScenariosError(run.batch, file);
      if (failed !== undefined) throw failed;
    });
  return command;
}
