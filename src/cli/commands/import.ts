// servicegap import FORMAT FILE… --as ROLE: a statistics office's file → a SPEC input CSV.
// Commander wiring only: the options are parsed with zod, the mapping flags read by
// app/import-flags.ts, and the work is runImport (src/app).
import { Argument, Command, Option } from 'commander';
import { z } from 'zod';
import { mapFromFlags, setFromFlags, whereFromFlags } from '../../app/import-flags.js';
import { runImport } from '../../app/import.js';
import { IMPORT_FORMATS, IMPORT_PRESETS, IMPORT_ROLES, type ImportFormat } from '../../app/vocabulary.js';
import { parseOptions } from '../options.js';
import { emit, note } from '../output.js';
import type { Terminal } from '../terminal.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

const ImportOptionsSchema = z.object({
  as: z.enum(IMPORT_ROLES),
  preset: z.string().optional(),
  region: z.string().optional(),
  year: z.string().optional(),
  service: z.string().optional(),
  where: z.array(z.string()).default([]),
  sum: z.array(z.string()).optional(),
  map: z.array(z.string()).default([]),
  set: z.array(z.string()).default([]),
  regionMatch: z.string().optional(),
  nil: z.enum(['zero', 'missing']).optional(),
  out: z.string().optional(),
  quiet: z.boolean().optional(),
});

export function importCommand(terminal: Terminal): Command {
  const presets = IMPORT_PRESETS.map((p) => `  ${p.name.padEnd(22)}${p.title} (${p.formats.join(', ')}; --as ${Object.keys(p.roles).join('|')})`).join('\n');
  return new Command('import')
    .description("turn a statistics office's file (JSON-stat, PC-Axis, Eurostat TSV, SDMX-CSV, WHO GHO, N-MHSS) into a servicegap input CSV")
    .addArgument(new Argument('<format>', 'the files\' format').choices(IMPORT_FORMATS))
    .argument('<files...>', 'one or more files of that format (Eurostat .tsv.gz is read as is)')
    .addOption(new Option('--as <role>', 'which input file to write').choices(IMPORT_ROLES).makeOptionMandatory())
    .option('--preset <name>', 'a named mapping for a known table (see below)')
    .option('--region <dim>', 'the dimension holding region codes (default: the one the source marks as geography)')
    .option('--year <dim>', 'the dimension holding years (default: the one the source marks as time)')
    .option('--service <dim>', 'services: the dimension holding service types (name each with --map)')
    .option('--where <dim=code>', 'keep only this category (DIM=CODE or DIM=CODE1,CODE2; repeatable)', collect)
    .option('--sum <dim>', 'add up the categories of this dimension (e.g. single years of age; repeatable)', collect)
    .option('--map <code=service:unit>', 'services: a category of the --service dimension → service name and unit (repeatable)', collect)
    .option('--set <key=value>', 'the same region, year, service or unit for every row (repeatable)', collect)
    .option('--region-match <regex>', 'keep only region codes matching this regular expression (whole code)')
    .addOption(new Option('--nil <reading>', 'cells marked "-" (the source\'s "nil"): a reported zero, or missing').choices(['zero', 'missing']))
    .option('--out <file>', 'write the CSV to FILE atomically instead of standard output')
    .option('-q, --quiet', 'errors only: no notes on standard error')
    .addHelpText(
      'after',
      `\nPresets:\n${presets}\n\nMissing cells (":", "..", null) are left out, never written as 0; the source's flags are kept in a "flags" column.\n` +
        'Example: servicegap import jsonstat 13942.json --preset ssb-13942 --as beds --out beds.csv',
    )
    .action(async (format: ImportFormat, files: string[], raw: unknown) => {
      const o = parseOptions(ImportOptionsSchema, raw);
      const run = await runImport({
        format,
        files,
        as: o.as,
        preset: o.preset,
        region: o.region,
        year: o.year,
        service: o.service,
        where: whereFromFlags(o.where),
        sum: o.sum,
        map: mapFromFlags(o.map),
        set: setFromFlags(o.set),
        regionMatch: o.regionMatch,
        nil: o.nil,
      });
      await emit(terminal, run.csv, o.out);
      if (!o.quiet) {
        for (const n of run.notes) note(terminal, `note: ${n}`);
        note(terminal, `${run.rows} ${o.as} row${run.rows === 1 ? '' : 's'}${o.out ? ` written to ${o.out}` : ''}`);
      }
    });
}
