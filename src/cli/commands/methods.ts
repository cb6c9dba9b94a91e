// servicegap methods: a Markdown methods paragraph for a run (issue 16): the same inputs and
// options as `report`, the paragraph instead of the ranking (src/report/methods.ts).
import { Command, Option } from 'commander';
import { z } from 'zod';
import { analyze } from '../../core/analyze.js';
import { DEFAULT_INTERVAL_DRAWS, withInterval } from '../../core/interval.js';
import { SEED_MAX } from '../../core/random.js';
import { SORT_METRICS, SortMetricSchema } from '../../core/report-schema.js';
import { CORRELATIONS, CorrelationSchema } from '../../core/sensitivity-schema.js';
import { MAX_DRAWS } from '../../core/sensitivity.js';
import { renderMethods } from '../../report/methods.js';
import { loadFromOptions } from '../load.js';
import { addAnalysisOptions, addInputOptions, AnalysisOptionsSchema, InputOptionsSchema, parseOptions, yearOption } from '../options.js';
import { emit } from '../output.js';
import type { Terminal } from '../terminal.js';

const MethodsOptionsSchema = InputOptionsSchema.extend(AnalysisOptionsSchema.shape).extend({
  from: yearOption.optional(),
  to: yearOption.optional(),
  sort: SortMetricSchema.default('vacuum_per_100k'),
  interval: z.boolean().default(true),
  intervalDraws: z.coerce.number().int().min(1).max(MAX_DRAWS).optional(),
  seed: z.coerce.number().int().min(0).max(SEED_MAX).optional(),
  correlation: CorrelationSchema.optional(),
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
      const { dataset, weights, norms } = await loadFromOptions(options, terminal);
      const run = { weights, norms, from: options.from, to: options.to, sort: options.sort, fill: options.fill, level: options.level, rollup: options.rollup };
      const point = analyze(dataset, run);
      const report = options.interval ? withInterval(dataset, point, { ...run, draws: options.intervalDraws, seed: options.seed, correlation: options.correlation }) : point;
      const inputs =
        options.data !== undefined
          ? `the data folder ${options.data}`
          : [options.regions, options.population, options.beds, options.services].some((f) => f !== undefined)
            ? `the files ${[options.regions, options.population, options.beds, options.services].filter((f) => f !== undefined).join(', ')}`
            : `the bundled dataset${dataset.provenance?.title ? ` (${dataset.provenance.title})` : ''}`;
      await emit(terminal, renderMethods(report, { weights, norms, dataset, inputs, fill: options.fill }), options.out);
    });
  return command;
}
