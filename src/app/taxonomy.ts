// `taxonomy`: the categories and every alias; with `unmapped`, the service names in the data that
// map to no category, each with its nearest known alias.
import { buildTaxonomy } from '../core/taxonomy.js';
import { scanServiceNames } from '../io/service-names.js';
import { LISTING_FORMATS, type ListingFormat } from '../report/listing.js';
import type { Output } from '../report/output.js';
import { TAXONOMY_COLUMNS, taxonomyRows } from '../report/taxonomy-rows.js';
import { checkInputs, checkReading, type DataOptions, resolveConfig } from './data.js';
import { colorFor, pickFormat } from './format.js';
import type { OutputOptions } from './options.js';

/** Options of `runTaxonomy`: the config (its aliases), with `unmapped` the data too, and the output. */
export interface TaxonomyRunOptions extends DataOptions, OutputOptions<ListingFormat> {
  /** List the service names in the data's services file that map to no category, instead of the taxonomy. */
  readonly unmapped?: boolean | undefined;
}

/** What `runTaxonomy` returns: the listing to render and, with `unmapped`, how many names were scanned. */
export interface TaxonomyRun {
  /** The output to render: one row per category and alias, or per unmapped name. */
  readonly output: Output;
  /** With `unmapped`: the services file read, the distinct names in it, and how many map to nothing. */
  readonly unmapped?: { readonly file: string | undefined; readonly names: number; readonly unmapped: number } | undefined;
}

/** List the taxonomy in force, or (`unmapped`) the data's service names it does not know. */
export async function runTaxonomy(options: TaxonomyRunOptions = {}): Promise<TaxonomyRun> {
  const format = pickFormat(LISTING_FORMATS, options.format, options.out, 'taxonomy');
  const { config } = await resolveConfig(options);
  const taxonomy = buildTaxonomy(config.aliases);
  const context = { color: colorFor(format, options.out, options.color) };

  if (options.unmapped) {
    const { file, names } = await scanServiceNames(checkInputs(options.inputs), {
      ...checkReading(options.reading),
      // The config's reading options for the services file (files.services).
      config,
      stdin: options.stdin,
      // Only the services file is read, before its numbers are: no number format to tell.
      onFileRead: options.onFileRead && ((summary) => options.onFileRead?.({ ...summary, role: 'services', numberFormat: undefined })),
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
    const data = { columns: ['service', 'rows', 'first_line', 'suggestion'], rows };
    return { output: { kind: 'listing', format, data, context }, unmapped: { file, names: names.length, unmapped: unmapped.length } };
  }

  const rows = taxonomyRows(taxonomy);
  // The terminal table leaves out the long columns; the data formats carry all of them.
  const columns = format === 'table' ? TAXONOMY_COLUMNS.filter((c) => c !== 'note' && c !== 'source') : [...TAXONOMY_COLUMNS];
  const data = { columns, rows };
  return { output: { kind: 'listing', format, data, context } };
}
