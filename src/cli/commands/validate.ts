// servicegap validate: report every problem in the inputs (exit 3), or a one-line summary (exit 0).
import { Command } from 'commander';
import { bedYears } from '../../core/dataset.js';
import { printWarnings } from '../github.js';
import { loadFromOptions } from '../load.js';
import { addInputOptions, InputOptionsSchema, parseOptions } from '../options.js';
import { note } from '../output.js';
import type { Terminal } from '../terminal.js';

export function validateCommand(terminal: Terminal): Command {
  const command = new Command('validate').description('check the input files and list every problem (exit 0 clean, 3 invalid)');
  addInputOptions(command)
    .action(async (raw: unknown) => {
      const options = parseOptions(InputOptionsSchema, raw);
      const { dataset, files } = await loadFromOptions(options, terminal);
      if (!options.quiet) printWarnings(terminal, dataset.warnings);
      const years = bedYears(dataset.beds);
      const series = [...dataset.services.values()].reduce((n, byKey) => n + byKey.size, 0);
      const beds =
        dataset.beds.shape === 'none'
          ? 'no beds file'
          : `beds as ${dataset.beds.shape === 'stock' ? 'stock' : 'closure events'}${years.length ? ` ${years[0]}–${years[years.length - 1]}` : ''}`;
      const mapped = [...dataset.serviceNames.values()].filter((n) => n.category !== undefined).length;
      terminal.stdout.write(
        `ok: ${Object.values(files).length} files, ${dataset.regions.size} regions, ${beds}, ` +
          `${series} service series from ${mapped} service names\n`,
      );
    });
  return command;
}
