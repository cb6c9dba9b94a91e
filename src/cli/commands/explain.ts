// servicegap explain REGION: the whole arithmetic of one region's metrics (SPEC §8), text or JSON.
import { Command, Option } from 'commander';
import { z } from 'zod';
import { runExplain } from '../../app/explain.js';
import { WeightsChoiceSchema } from '../../app/options.js';
import { SORT_METRICS } from '../../app/vocabulary.js';
import { EXPLAIN_FORMATS } from '../../report/explain.js';
import { sayDemoDataInCi } from '../demo-data.js';
import { addAnalysisOptions, addInputOptions, AnalysisOptionsSchema, dataOptions, InputOptionsSchema, parseOptions, provenanceOption, weightsOption, yearOption } from '../options.js';
import { checkProvenanceFile, emit, emitProvenance, note, renderOutput } from '../output.js';
import type { Terminal } from '../terminal.js';

const ExplainOptionsSchema = InputOptionsSchema.extend(AnalysisOptionsSchema.shape).extend({
  from: yearOption.optional(),
  to: yearOption.optional(),
  sort: z.enum(SORT_METRICS).default('vacuum_per_100k'),
  format: z.enum(EXPLAIN_FORMATS).optional(),
  out: z.string().min(1).optional(),
  weights: WeightsChoiceSchema.default('value'),
  provenance: z.string().min(1).optional(),
});

export function explainCommand(terminal: Terminal): Command {
  const command = new Command('explain')
    .description("show how one region's numbers were computed: every value with its file, line and rule, every weight, product and sum, down to the rank")
    .argument('<region>', 'the region code (with --level or --rollup: a unit of that level)');
  addAnalysisOptions(addInputOptions(command))
    .option('--from <year>', 'baseline year B (default: as report)')
    .option('--to <year>', 'target year T (default: as report)')
    .addOption(new Option('--sort <metric>', 'metric the rank is by, descending').choices(SORT_METRICS).default('vacuum_per_100k'))
    .addOption(new Option('--format <format>', 'output format (default: json for an --out file ending in .json, else text)').choices(EXPLAIN_FORMATS))
    .option('--out <file>', 'write to FILE atomically instead of standard output')
    .addOption(weightsOption('every weight at its value, or at the low or high end of its range (as report --weights)'))
    .addOption(provenanceOption())
    .addHelpText('after', "\nThe numbers are the report's, to the last digit: explain runs the same analysis with the same options.")
    .action(async (region: string, raw: unknown) => {
      const options = parseOptions(ExplainOptionsSchema, raw);
      const data = dataOptions(options, terminal);
      sayDemoDataInCi(terminal, data.inputs);
      const run = await runExplain({ ...options, ...data, region });
      await checkProvenanceFile(options.provenance);
      await emit(terminal, await renderOutput(run.output), options.out);
      await emitProvenance(terminal, options.provenance, run.provenance, options.out, options.quiet);
      if (options.out !== undefined && !options.quiet) note(terminal, `wrote ${options.out} (${run.output.format}, ${region})`);
    });
  return command;
}
