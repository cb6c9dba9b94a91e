// servicegap explain REGION: the whole arithmetic of one region's metrics (SPEC §8), text or JSON.
import { Command, Option } from 'commander';
import { z } from 'zod';
import { runExplain } from '../../app/explain.js';
import { SORT_METRICS, SortMetricSchema } from '../../core/report-schema.js';
import { loadConfig } from '../../io/config-file.js';
import { describeFileRead } from '../../io/describe-read.js';
import { EXPLAIN_FORMATS, EXPLAIN_RENDERERS } from '../../report/explain.js';
import { formatFromPath } from '../../report/format-from-path.js';
import { runSources } from '../load.js';
import { addAnalysisOptions, addInputOptions, AnalysisOptionsSchema, datasetInputs, InputOptionsSchema, parseOptions, readOptions, yearOption } from '../options.js';
import { emit, note } from '../output.js';
import type { Terminal } from '../terminal.js';

const ExplainOptionsSchema = InputOptionsSchema.extend(AnalysisOptionsSchema.shape).extend({
  from: yearOption.optional(),
  to: yearOption.optional(),
  sort: SortMetricSchema.default('vacuum_per_100k'),
  format: z.enum(EXPLAIN_FORMATS).optional(),
  out: z.string().min(1).optional(),
});

export function explainCommand(terminal: Terminal): Command {
  const command = new Command('explain')
    .description('show how one region\'s numbers were computed: every value with its file, line and rule, every weight, product and sum, down to the rank')
    .argument('<region>', 'the region code (with --level or --rollup: a unit of that level)');
  addAnalysisOptions(addInputOptions(command))
    .option('--from <year>', 'baseline year B (default: as report)')
    .option('--to <year>', 'target year T (default: as report)')
    .addOption(new Option('--sort <metric>', 'metric the rank is by, descending').choices(SORT_METRICS).default('vacuum_per_100k'))
    .addOption(new Option('--format <format>', 'output format (default: json for an --out file ending in .json, else text)').choices(EXPLAIN_FORMATS))
    .option('--out <file>', 'write to FILE atomically instead of standard output')
    .addHelpText('after', '\nThe numbers are the report\'s, to the last digit: explain runs the same analysis with the same options.')
    .action(async (region: string, raw: unknown) => {
      const options = parseOptions(ExplainOptionsSchema, raw);
      // Text unless --format json, or an --out file ending in .json.
      const format = options.format ?? (options.out !== undefined && formatFromPath(options.out) === 'json' ? 'json' : 'text');
      // Found as report finds it (a data folder's own config too), so the numbers are the report's.
      const { config, path, sha256 } = await loadConfig(options.config, terminal.cwd, terminal.env, options.data);
      const inputs = datasetInputs(options);
      const explanation = await runExplain(region, {
        inputs,
        config,
        load: {
          ...readOptions(options),
          allowUnmapped: options.allowUnmapped,
          stdin: terminal.stdin,
          onFileRead: options.verbose ? (info) => note(terminal, `read ${describeFileRead(info)}`) : undefined,
        },
        from: options.from,
        to: options.to,
        sort: options.sort,
        fill: options.fill,
        level: options.level,
        rollup: options.rollup,
        missingCommunity: options.missingCommunity,
        // The config file and options; the files read are added by runExplain.
        sources: { ...runSources({ inputs: [], noServices: inputs.services === 'none' }, path, sha256, options), inputs: undefined },
      });
      await emit(terminal, EXPLAIN_RENDERERS[format](explanation), options.out);
      if (options.out !== undefined && !options.quiet) note(terminal, `wrote ${options.out} (${format}, ${region})`);
    });
  return command;
}
