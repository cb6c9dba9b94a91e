// servicegap validate: report every problem in the inputs (exit 3), or a one-line summary (exit 0);
// --format json|sarif gives the same as data (report/validation.ts).
import { Command, Option } from 'commander';
import { z } from 'zod';
import { bedYears } from '../../core/dataset.js';
import { selectLevel } from '../../core/hierarchy.js';
import { InputError } from '../../core/issues.js';
import { issuesWithColumns } from '../../io/issue-columns.js';
import { renderValidationJson, renderValidationSarif, VALIDATION_FORMATS, type ValidationResult } from '../../report/validation.js';
import { printWarnings } from '../github.js';
import { loadFromOptions } from '../load.js';
import { addInputOptions, InputOptionsSchema, parseOptions } from '../options.js';
import { emit } from '../output.js';
import type { Terminal } from '../terminal.js';

const ValidateOptionsSchema = InputOptionsSchema.extend({
  format: z.enum(VALIDATION_FORMATS).default('text'),
  out: z.string().min(1).optional(),
});

export function validateCommand(terminal: Terminal): Command {
  const command = new Command('validate').description('check the input files and list every problem (exit 0 clean, 3 invalid)');
  addInputOptions(command)
    .addOption(
      new Option('--format <format>', 'text (a summary line), json, or sarif (SARIF 2.1.0 for GitHub code scanning); problems also go to standard error')
        .choices(VALIDATION_FORMATS)
        .default('text'),
    )
    .option('--out <file>', 'write the result to FILE atomically instead of standard output')
    .action(async (raw: unknown) => {
      const options = parseOptions(ValidateOptionsSchema, raw);
      const render = (result: ValidationResult) =>
        options.format === 'json' ? renderValidationJson(result) : renderValidationSarif(result, terminal.cwd);
      let loaded: Awaited<ReturnType<typeof loadFromOptions>>;
      try {
        loaded = await loadFromOptions(options, terminal);
      } catch (error) {
        // The same problems as data, then the usual lines on standard error and exit 3.
        if (error instanceof InputError && options.format !== 'text') {
          await emit(terminal, render({ valid: false, files: {}, issues: await issuesWithColumns(error), warnings: [] }), options.out);
        }
        throw error;
      }
      const { dataset, files } = loaded;
      // The units a report would rank: validate must fail wherever report would.
      selectLevel(dataset);
      if (!options.quiet) printWarnings(terminal, dataset.warnings);
      const years = bedYears(dataset.beds);
      const series = [...dataset.services.values()].reduce((n, byKey) => n + byKey.size, 0);
      const mapped = [...dataset.serviceNames.values()].filter((n) => n.category !== undefined).length;
      if (options.format !== 'text') {
        const summary = {
          regions: dataset.regions.size,
          beds: { shape: dataset.beds.shape, from: years[0] ?? null, to: years.at(-1) ?? null },
          service_series: series,
          service_names: mapped,
        };
        await emit(terminal, render({ valid: true, files, summary, issues: [], warnings: dataset.warnings }), options.out);
        return;
      }
      const beds =
        dataset.beds.shape === 'none'
          ? 'no beds file'
          : `beds as ${dataset.beds.shape === 'stock' ? 'stock' : 'closure events'}${years.length ? ` ${years[0]}–${years[years.length - 1]}` : ''}`;
      await emit(
        terminal,
        `ok: ${Object.values(files).length} files, ${dataset.regions.size} regions, ${beds}, ` + `${series} service series from ${mapped} service names\n`,
        options.out,
      );
    });
  return command;
}
