// servicegap taxonomy: the categories and every alias; --unmapped: names in the data that map
// to nothing, each with its nearest known alias.
import { Command, Option } from 'commander';
import { z } from 'zod';
import { buildTaxonomy } from '../../core/taxonomy.js';
import { loadConfig } from '../../io/config-file.js';
import { scanServiceNames } from '../../io/service-names.js';
import { LISTING_FORMATS, renderListing } from '../../report/listing.js';
import { TAXONOMY_COLUMNS, taxonomyRows } from '../../report/taxonomy-rows.js';
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
          // A name like two names of different categories maps to neither: say which.
          const like = taxonomy.ambiguous(n.name);
          const hint = like.length > 0 ? undefined : taxonomy.suggest(n.name);
          return {
            service: n.name,
            rows: n.rows,
            first_line: n.firstLine,
            suggestion: like.length > 0 ? `ambiguous: ${like.map((e) => `${e.name} (${e.category})`).join(' or ')}` : hint ? `${hint.name} (${hint.category})` : '',
          };
        });
        await emit(terminal, renderListing(format, ['service', 'rows', 'first_line', 'suggestion'], rows, color), options.out);
        if (!options.quiet) note(terminal, `${unmapped.length} of ${names.length} service names in ${file ?? '(no services file)'} map to no category`);
        return;
      }

      const rows = taxonomyRows(taxonomy);
      // The terminal table leaves out the long columns; the data formats carry all of them.
      const columns = format === 'table' ? TAXONOMY_COLUMNS.filter((c) => c !== 'note' && c !== 'source') : TAXONOMY_COLUMNS;
      await emit(terminal, renderListing(format, columns, rows, color), options.out);
    });
  return command;
}
