// servicegap batch scenarios.json: many named scenarios in one run (issue 6), one long table of
// every scenario's regions, and each scenario's rank changes against the first.
import { InputError } from '../../core/issues.js';
import { Command, Option } from 'commander';
import { z } from 'zod';
import { DEFAULT_COMPARE_TOP } from '../../core/compare.js';
import { SORT_METRICS, SortMetricSchema } from '../../core/report-schema.js';
import { BATCH_AUTO_THRESHOLD, runBatch } from '../../io/batch.js';
import { loadConfig } from '../../io/config-file.js';
import { BATCH_RENDERERS } from '../../report/batch.js';
import { REPORT_FORMATS } from '../../report/render-context.js';
import { addInputOptions, datasetInputs, InputOptionsSchema, parseOptions, threadsOption } from '../options.js';
import { emit, note } from '../output.js';
import { pickResearchFormat, printWarnings } from '../research.js';
import { type Terminal, useColor } from '../terminal.js';

const BatchOptionsSchema = InputOptionsSchema.extend({
  sort: SortMetricSchema.default('vacuum_per_100k'),
  top: z.coerce.number().int().min(1, { error: 'expected a whole number ≥ 1' }).default(DEFAULT_COMPARE_TOP),
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
    .option('--threads <n>', 'worker threads: a number (1 = none), or auto (default)')
    .option('--no-color', 'no colour in the terminal table')
    .action(async (file: string, raw: unknown) => {
      const options = parseOptions(BatchOptionsSchema, raw);
      const format = pickResearchFormat(options.format, options.out, 'a batch result');
      const { config } = await loadConfig(options.config, terminal.cwd, terminal.env);
      const notices = new Set<string>();
      const result = await runBatch(file, {
        inputs: datasetInputs(options),
        config,
        delimiter: options.delimiter,
        allowUnmapped: options.allowUnmapped,
        sort: options.sort,
        top: options.top,
        threads: options.threads,
        stdin: terminal.stdin,
        cwd: terminal.cwd,
        onNotice: (n) => notices.add(n),
      });
      const color = format === 'table' && options.out === undefined && useColor(terminal, options.color);
      await emit(terminal, BATCH_RENDERERS[format](result, { color, notices: [...notices] }), options.out);
      if (!options.quiet) {
        printWarnings(terminal, result.scenarios.flatMap((s) => s.warnings));
        if (options.out !== undefined) {
          note(terminal, `wrote ${options.out} (${format}, ${result.scenarios.length} scenarios, ${result.rows.length} rows)`);
        }
      }
      // Every other scenario ran and was written; the failed ones are named, each with its problems (exit 3).
      if (result.failed !== undefined && result.failed.length > 0) {
        throw new InputError(result.failed.flatMap((f) => f.problems.map((p) => ({ file, message: `scenario "${f.scenario}" failed: ${p}` }))));
      }
    });
  return command;
}
