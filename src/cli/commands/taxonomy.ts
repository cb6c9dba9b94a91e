// servicegap taxonomy: the categories and every alias; --unmapped: names in the data that map
// to nothing, each with its nearest known alias.
import { Command, Option } from 'commander';
import { z } from 'zod';
import { CATEGORY_CODES, CATEGORY_DESCRIPTIONS } from '../../core/categories.js';
import { buildTaxonomy } from '../../core/taxonomy.js';
import { loadConfig } from '../../io/config-file.js';
import { scanServiceNames } from '../../io/service-names.js';
import { LISTING_FORMATS, renderListing } from '../../report/listing.js';
import { describeFileRead } from '../../io/describe-read.js';
import { pickFormat } from '../format.js';
import { addInputOptions, datasetInputs, InputOptionsSchema, parseOptions, readOptions } from '../options.js';
import { emit, note } from '../output.js';
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
      const format = pickFormat(LISTING_FORMATS, options.format, options.out, 'taxonomy');
      const { config } = await loadConfig(options.config, terminal.cwd, terminal.env, options.data);
      const taxonomy = buildTaxonomy(config.aliases);
      const color = format === 'table' && options.out === undefined && useColor(terminal, options.color);

      if (options.unmapped) {
        const { file, names } = await scanServiceNames(datasetInputs(options), {
          ...readOptions(options),
          config,
          stdin: terminal.stdin,
          onFileRead: options.verbose ? (summary) => note(terminal, `read ${describeFileRead(summary)}`) : undefined,
        });
        const unmapped = names.filter((n) => taxonomy.lookup(n.name) === undefined);
        const rows = unmapped.map((n) => {
          const hint = taxonomy.suggest(n.name);
          return {
            service: n.name,
            rows: n.rows,
            first_line: n.firstLine,
            suggestion: hint ? `${hint.name} (${hint.category})` : '',
          };
        });
        await emit(terminal, renderListing(format, ['service', 'rows', 'first_line', 'suggestion'], rows, color), options.out);
        if (!options.quiet) note(terminal, `${unmapped.length} of ${names.length} service names in ${file ?? '(no services file)'} map to no category`);
        return;
      }

      const rows = [
        ...CATEGORY_CODES.map((category) => ({ category, name: category, lang: '', origin: 'category', description: CATEGORY_DESCRIPTIONS[category] })),
        ...taxonomy.entries
          .filter((e) => e.origin !== 'category')
          .map((e) => ({ category: e.category, name: e.name, lang: e.lang ?? '', origin: e.origin, description: '' })),
      ].sort((a, b) => CATEGORY_CODES.indexOf(a.category) - CATEGORY_CODES.indexOf(b.category));
      await emit(terminal, renderListing(format, ['category', 'name', 'lang', 'origin', 'description'], rows, color), options.out);
    });
  return command;
}
