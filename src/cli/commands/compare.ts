// servicegap compare A B: two runs side by side — two data folders, two configs or two periods
// (issue 6). Each side is the common options with its own argument laid over them.
import { Command, Option } from 'commander';
import { z } from 'zod';
import { runCompare } from '../../app/compare.js';
import { TopOptionSchema } from '../../app/options.js';
import { DEFAULT_COMPARE_TOP, SORT_METRICS } from '../../app/vocabulary.js';
import { REPORT_FORMATS } from '../../report/render-context.js';
import type { ResearchFormat } from '../../report/research-format-names.js';
import {
  addInputOptions,
  addReadingThreadsOption,
  cliNumber,
  dataOptions,
  InputOptionsSchema,
  missingCommunityOption,
  parseOptions,
  provenanceOption,
  threadsOption,
  TrustOptionsSchema,
  yearOption,
} from '../options.js';
import { printWarnings } from '../github.js';
import { checkProvenanceFile, emit, emitProvenance, note, renderOutputPieces } from '../output.js';
import { type Terminal, useColor } from '../terminal.js';

const CompareOptionsSchema = InputOptionsSchema.extend(TrustOptionsSchema.shape).extend({
  from: yearOption.optional(),
  to: yearOption.optional(),
  sort: z.enum(SORT_METRICS).default('vacuum_per_100k'),
  top: cliNumber(TopOptionSchema).default(DEFAULT_COMPARE_TOP),
  format: z.string().optional(),
  out: z.string().min(1).optional(),
  color: z.boolean().optional(),
  threads: threadsOption,
});

export function compareCommand(terminal: Terminal): Command {
  const command = new Command('compare')
    .description('compare two runs region by region: two data folders, two config files or two periods')
    .argument('<a>', 'side A: a data folder, a config file (.json) or a period (2010-2015)')
    .argument('<b>', 'side B: the same kinds')
    .addHelpText(
      'after',
      '\nEach side is the common options with its own argument laid over them: a folder replaces --data,\n' +
        'a .json file replaces --config, a period YYYY-YYYY (or YYYY:YYYY) replaces --from and --to.\n' +
        'Changes are B − A. Examples:\n' +
        '  servicegap compare 2000-2001 2001-2002\n' +
        '  servicegap compare data/2015 data/2020 --format csv\n' +
        '  servicegap compare --data mydata low.json high.json',
    );
  addReadingThreadsOption(addInputOptions(command))
    .option('--from <year>', 'baseline year B of sides that are not periods')
    .option('--to <year>', 'target year T of sides that are not periods')
    .addOption(new Option('--sort <metric>', 'metric to rank by, descending').choices(SORT_METRICS).default('vacuum_per_100k'))
    .option('--top <n>', `N of the regions entering and leaving the top N (default ${DEFAULT_COMPARE_TOP})`)
    .addOption(new Option('--format <format>', 'output format (default: from --out extension, else table)').choices(REPORT_FORMATS))
    .option('--out <file>', 'write to FILE atomically instead of standard output')
    .option('--no-color', 'no colour in the terminal table')
    .addOption(missingCommunityOption())
    .addOption(provenanceOption())
    .action(async (a: string, b: string, raw: unknown) => {
      const options = parseOptions(CompareOptionsSchema, raw);
      const run = await runCompare({ ...options, ...dataOptions(options, terminal), a, b, color: useColor(terminal, options.color),
        // --format may be any report format here; the run rejects one a comparison does not come in.
        format: options.format as ResearchFormat | undefined });
      await checkProvenanceFile(options.provenance);
      await emit(terminal, await renderOutputPieces(run.output), options.out, run.output.format);
      await emitProvenance(terminal, options.provenance, run.provenance, options.out, options.quiet);
      if (!options.quiet) {
        await printWarnings(terminal, run.warnings);
        if (options.out !== undefined) note(terminal, `wrote ${options.out} (${run.output.format}, ${run.comparison.regions.length} regions)`);
      }
    });
  return command;
}
