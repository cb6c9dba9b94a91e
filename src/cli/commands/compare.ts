// servicegap compare A B: two runs side by side — two data folders, two configs or two periods
// (issue 6). Each side is the common options with its own argument laid over them.
import { Command, Option } from 'commander';
import { z } from 'zod';
import { analyze } from '../../core/analyze.js';
import { compare, DEFAULT_COMPARE_TOP } from '../../core/compare.js';
import { SORT_METRICS, SortMetricSchema } from '../../core/report-schema.js';
import { loadConfig } from '../../io/config-file.js';
import { type LoadedDataset, loadDataset } from '../../io/load-dataset.js';
import { COMPARE_RENDERERS } from '../../report/compare.js';
import { REPORT_FORMATS } from '../../report/render-context.js';
import { type CompareSideSpec, parseCompareSide } from '../compare-args.js';
import { usageError } from '../exit-codes.js';
import type { RunSources } from '../../core/run-provenance.js';
import { missingCommunityOf, runSources } from '../load.js';
import { addInputOptions, datasetInputs, InputOptionsSchema, missingCommunityOption, parseOptions, provenanceOption, TrustOptionsSchema, yearOption } from '../options.js';
import { checkProvenancePath, emit, emitProvenance, note } from '../output.js';
import { pickResearchFormat, printWarnings } from '../research.js';
import { type Terminal, useColor } from '../terminal.js';

const CompareOptionsSchema = InputOptionsSchema.extend(TrustOptionsSchema.shape).extend({
  from: yearOption.optional(),
  to: yearOption.optional(),
  sort: SortMetricSchema.default('vacuum_per_100k'),
  top: z.coerce.number().int().min(1, { error: 'expected a whole number ≥ 1' }).default(DEFAULT_COMPARE_TOP),
  format: z.string().optional(),
  out: z.string().min(1).optional(),
  color: z.boolean().optional(),
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
  addInputOptions(command)
    .option('--from <year>', 'baseline year B of sides that are not periods')
    .option('--to <year>', 'target year T of sides that are not periods')
    .addOption(new Option('--sort <metric>', 'metric to rank by, descending').choices(SORT_METRICS).default('vacuum_per_100k'))
    .option('--top <n>', `N of the regions entering and leaving the top N (default ${DEFAULT_COMPARE_TOP})`)
    .addOption(new Option('--format <format>', 'output format (default: from --out extension, else table)').choices(REPORT_FORMATS))
    .option('--out <file>', 'write to FILE atomically instead of standard output')
    .option('--no-color', 'no colour in the terminal table')
    .addOption(missingCommunityOption())
    .addOption(provenanceOption())
    .action(async (argA: string, argB: string, raw: unknown) => {
      const options = parseOptions(CompareOptionsSchema, raw);
      checkProvenancePath(options.provenance, options.out);
      const format = pickResearchFormat(options.format, options.out, 'a comparison');
      const sides = [await parseCompareSide(argA, 'A', terminal.cwd), await parseCompareSide(argB, 'B', terminal.cwd)] as const;
      const common = datasetInputs(options);

      // Each distinct (inputs, config) is loaded once: comparing two periods reads the data once.
      const plan = sides.map((side: CompareSideSpec) => {
        const inputs = side.kind === 'data' ? { ...common, data: side.dir } : common;
        const config = side.kind === 'config' ? side.path : options.config;
        return { side, inputs, config, key: JSON.stringify([inputs, config ?? null]) };
      });
      const keys = [...new Set(plan.map((p) => p.key))];
      if (keys.length > 1 && Object.values(common).includes('-')) {
        throw usageError('standard input ("-") can be read once: both sides must then use the same data and config');
      }
      const loaded = new Map<string, LoadedDataset & { sources: RunSources }>();
      for (const p of plan) {
        if (loaded.has(p.key)) continue;
        const { config, path, sha256 } = await loadConfig(p.config, terminal.cwd, terminal.env);
        const side = await loadDataset(p.inputs, { config, allowUnmapped: options.allowUnmapped, delimiter: options.delimiter, stdin: terminal.stdin });
        loaded.set(p.key, { ...side, sources: runSources(side, path, sha256, options) });
      }

      const [a, b] = plan.map((p) => {
        const side = loaded.get(p.key)!;
        const years = p.side.kind === 'years' ? { from: p.side.from, to: p.side.to } : { from: options.from, to: options.to };
        return analyze(side.dataset, {
          weights: side.weights,
          norms: side.norms,
          ...years,
          sort: options.sort,
          missingCommunity: missingCommunityOf(options.missingCommunity, side),
          sources: side.sources,
        });
      }) as [ReturnType<typeof analyze>, ReturnType<typeof analyze>];
      const comparison = compare(a, b, {
        top: options.top,
        a: { label: sides[0].label, kind: sides[0].kind },
        b: { label: sides[1].label, kind: sides[1].kind },
      });

      const notices = [...loaded.values()].map((l) => l.dataset.provenance?.notice).filter((n): n is string => Boolean(n));
      const color = format === 'table' && options.out === undefined && useColor(terminal, options.color);
      await emit(terminal, COMPARE_RENDERERS[format](comparison, { color, notices }), options.out);
      await emitProvenance(terminal, options.provenance, comparison.provenance, options.out, options.quiet);
      if (!options.quiet) {
        printWarnings(terminal, [...a.warnings, ...b.warnings]);
        if (options.out !== undefined) note(terminal, `wrote ${options.out} (${format}, ${comparison.regions.length} regions)`);
      }
    });
  return command;
}
