// servicegap validate: report every problem in the inputs (exit 3), or a one-line summary (exit 0).
import { Command } from 'commander';
import { runValidate } from '../../app/validate.js';
import { addInputOptions, dataOptions, InputOptionsSchema, parseOptions } from '../options.js';
import { printWarnings } from '../output.js';
import type { Terminal } from '../terminal.js';

export function validateCommand(terminal: Terminal): Command {
  const command = new Command('validate').description('check the input files and list every problem (exit 0 clean, 3 invalid)');
  addInputOptions(command)
    .action(async (raw: unknown) => {
      const options = parseOptions(InputOptionsSchema, raw);
      const run = await runValidate(dataOptions(options, terminal));
      if (!options.quiet) printWarnings(terminal, run.warnings);
      const years = run.bedYears === undefined ? '' : ` ${run.bedYears.first}–${run.bedYears.last}`;
      const beds = run.beds === 'none' ? 'no beds file' : `beds as ${run.beds === 'stock' ? 'stock' : 'closure events'}${years}`;
      terminal.stdout.write(
        `ok: ${Object.values(run.files).length} files, ${run.regions} regions, ${beds}, ` +
          `${run.serviceSeries} service series from ${run.mappedServiceNames} service names\n`,
      );
    });
  return command;
}
