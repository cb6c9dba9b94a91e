// servicegap taxonomy: the categories and every alias; --unmapped: names in the data that map
// to nothing, each with its nearest known alias.
import { Command, Option } from 'commander';
import { z } from 'zod';
import { runTaxonomy } from '../../app/taxonomy.js';
import { LISTING_FORMATS } from '../../report/listing.js';
import { addInputOptions, dataOptions, InputOptionsSchema, parseOptions } from '../options.js';
import { emit, note, renderOutput } from '../output.js';
import { type Terminal, useColor } from '../terminal.js';

const TaxonomyOptionsSchema = InputOptionsSchema.extend({
  format: z.enum(LISTING_FORMATS).optional(),
  out: z.string().min(1).optional(),
  unmapped: z.boolean().optional(),
  color: z.boolean().optional(),
});

export function taxonomyCommand(terminal: Terminal): Command {
  const command = new Command('taxonomy').description('list the service categories and their aliases; --unmapped: names in the data that map to nothing');
  addInputOptions(command)
    .option('--unmapped', 'list the service names in the data that map to no category')
    .addOption(new Option('--format <format>', 'output format').choices(LISTING_FORMATS))
    .option('--out <file>', 'write to FILE atomically instead of standard output')
    .option('--no-color', 'no colour in the terminal table')
    .action(async (raw: unknown) => {
      const options = parseOptions(TaxonomyOptionsSchema, raw);
      const run = await runTaxonomy({ ...options, ...dataOptions(options, terminal), color: useColor(terminal, options.color) });
      await emit(terminal, await renderOutput(run.output), options.out);
      if (run.unmapped !== undefined && !options.quiet) {
        const { file, names, unmapped } = run.unmapped;
        note(terminal, `${unmapped} of ${names} service names in ${file ?? '(no services file)'} map to no category`);
      }
    });
  return command;
}
