// servicegap import FORMAT FILE… --as ROLE: a statistics office's file → a SPEC input CSV.
// Commander wiring only: the options are checked with zod, the work is runImport (src/app).
import { Argument, Command, Option } from 'commander';
import { z } from 'zod';
import { runImport } from '../../app/import.js';
import { IMPORT_ROLES, ServiceTargetSchema, splitAssignment } from '../../core/import/mapping.js';
import { IMPORT_FORMATS, IMPORT_PRESETS } from '../../core/import/presets.js';
import { UnitSchema } from '../../core/units.js';
import { usageError } from '../exit-codes.js';
import { yearOption } from '../options.js';
import { emit, note } from '../output.js';
import type { Terminal } from '../terminal.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

const ImportCliSchema = z.object({
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

/** `DIM=A,B` pairs → { DIM: [A, B] }. */
function whereOf(items: readonly string[]): Record<string, string[]> {
  const where: Record<string, string[]> = {};
  for (const item of items) {
    const pair = splitAssignment(item);
    const codes = pair?.[1].split(',').map((c) => c.trim()).filter((c) => c !== '');
    if (pair === undefined || codes === undefined || codes.length === 0) throw usageError(`--where ${item}: expected DIM=CODE (or DIM=CODE1,CODE2)`);
    where[pair[0]] = [...(where[pair[0]] ?? []), ...codes];
  }
  return where;
}

/** `CODE=SERVICE:UNIT` → { CODE: { service, unit } }. */
function mapOf(items: readonly string[]) {
  const map: Record<string, z.infer<typeof ServiceTargetSchema>> = {};
  for (const item of items) {
    const pair = splitAssignment(item);
    const [service, unit] = (pair?.[1] ?? '').split(':').map((s) => s.trim());
    const parsed = ServiceTargetSchema.safeParse({ service, unit: unit || undefined });
    if (pair === undefined || !parsed.success) throw usageError(`--map ${item}: expected CODE=SERVICE:UNIT with a unit of ${UnitSchema.options.join(', ')}`);
    map[pair[0]] = parsed.data;
  }
  return map;
}

function setOf(items: readonly string[]) {
  const set: { region?: string; year?: number; service?: string; unit?: z.infer<typeof UnitSchema> } = {};
  for (const item of items) {
    const pair = splitAssignment(item);
    if (pair === undefined || pair[1] === '') throw usageError(`--set ${item}: expected KEY=VALUE (region, year, service or unit)`);
    const [key, value] = pair;
    if (key === 'region' || key === 'service') set[key] = value;
    else if (key === 'year') {
      const year = yearOption.safeParse(value);
      if (!year.success) throw usageError(`--set year=${value}: ${year.error.issues[0]!.message}`);
      set.year = year.data;
    } else if (key === 'unit') {
      const unit = UnitSchema.safeParse(value);
      if (!unit.success) throw usageError(`--set unit=${value}: expected one of ${UnitSchema.options.join(', ')}`);
      set.unit = unit.data;
    } else throw usageError(`--set ${item}: KEY is one of region, year, service, unit`);
  }
  return set;
}

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
    .action(async (format: (typeof IMPORT_FORMATS)[number], files: string[], raw: unknown) => {
      const parsed = ImportCliSchema.safeParse(raw);
      if (!parsed.success) throw usageError(`import: ${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`);
      const o = parsed.data;
      const result = await runImport({
        format,
        files,
        as: o.as,
        preset: o.preset,
        region: o.region,
        year: o.year,
        service: o.service,
        where: whereOf(o.where),
        sum: o.sum,
        map: mapOf(o.map),
        set: setOf(o.set),
        regionMatch: o.regionMatch,
        nil: o.nil,
      });
      await emit(terminal, result.csv, o.out);
      if (!o.quiet) {
        for (const n of result.notes) note(terminal, `note: ${n}`);
        note(terminal, `${result.rows} ${o.as} row${result.rows === 1 ? '' : 's'}${o.out ? ` written to ${o.out}` : ''}`);
      }
    });
}
