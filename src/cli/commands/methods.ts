// servicegap methods: a Markdown methods paragraph for a run (issue 16): the same inputs and
// options as `report`, the paragraph instead of the ranking (app/methods.ts).
import { Command, Option } from 'commander';
import { z } from 'zod';
import { runMethods } from '../../app/methods.js';
import { DrawsOptionSchema, SeedOptionSchema } from '../../app/options.js';
import { CORRELATIONS, DEFAULT_INTERVAL_DRAWS, SORT_METRICS } from '../../app/vocabulary.js';
import { printWarnings } from '../github.js';
import { addAnalysisOptions, addInputOptions, AnalysisOptionsSchema, cliNumber, dataOptions, InputOptionsSchema, parseOptions, yearOption } from '../options.js';
import { emit, renderOutput } from '../output.js';
import type { Terminal } from '../terminal.js';

const MethodsOptionsSchema = InputOptionsSchema.extend(AnalysisOptionsSchema.shape).extend({
  from: yearOption.optional(),
  to: yearOption.optional(),
  sort: z.enum(SORT_METRICS).default('vacuum_per_100k'),
  interval: z.boolean().optional(),
  intervalDraws: cliNumber(DrawsOptionSchema).optional(),
  seed: cliNumber(SeedOptionSchema).optional(),
  correlation: z.enum(CORRELATIONS).optional(),
  out: z.string().min(1).optional(),
});

export function methodsCommand(terminal: Terminal): Command {
  const command = new Command('methods').description('print a Markdown methods paragraph for a run: formulas in words, weights and norms with sources, interval method, version');
  addAnalysisOptions(addInputOptions(command))
    .option('--from <year>', 'baseline year B (default: earliest year in the beds data)')
    .option('--to <year>', 'target year T (default: latest year in the beds data)')
    .addOption(new Option('--sort <metric>', 'metric the run ranks by').choices(SORT_METRICS).default('vacuum_per_100k'))
    .option('--no-interval', 'the run has no p5–p95 intervals')
    .option('--interval-draws <n>', `draws behind the intervals (default ${DEFAULT_INTERVAL_DRAWS})`)
    .option('--seed <s>', 'seed of the draws (default 1)')
    .addOption(new Option('--correlation <how>', 'how the weights are drawn').choices(CORRELATIONS))
    .option('--out <file>', 'write the paragraph to FILE atomically instead of standard output')
    .action(async (raw: unknown) => {
      const options = parseOptions(MethodsOptionsSchema, raw);
      const run = await runMethods({ ...options, ...dataOptions(options, terminal) });
      await emit(terminal, await renderOutput(run.output), options.out);
      if (!options.quiet) await printWarnings(terminal, run.warnings);
    });
  return command;
}
