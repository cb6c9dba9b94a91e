// The command line's spellings of an import's mapping — `--where DIM=CODE[,CODE…]`,
// `--map CODE=SERVICE:UNIT`, `--set KEY=VALUE` — as runImport's options, each mistake an
// OptionError naming the flag (exit 2). Here rather than in the CLI so that a script that takes
// the same spellings (a Makefile, a config) reads them alike.
import { type ServiceTarget, ServiceTargetSchema, splitAssignment } from '../core/import/mapping.js';
import { UnitSchema } from '../core/units.js';
import type { ImportRunOptions } from './import.js';
import { OptionError } from './errors.js';
import { YearOptionSchema } from './options.js';

/** `DIM=A,B` pairs → { DIM: [A, B] } (a dimension given twice keeps both lists). */
export function whereFromFlags(items: readonly string[]): Record<string, string[]> {
  const where: Record<string, string[]> = {};
  for (const item of items) {
    const pair = splitAssignment(item);
    const codes = pair?.[1].split(',').map((c) => c.trim()).filter((c) => c !== '');
    if (pair === undefined || codes === undefined || codes.length === 0) throw new OptionError('where', `--where ${item}: expected DIM=CODE (or DIM=CODE1,CODE2)`);
    where[pair[0]] = [...(where[pair[0]] ?? []), ...codes];
  }
  return where;
}

/** `CODE=SERVICE:UNIT` → { CODE: { service, unit } }. */
export function mapFromFlags(items: readonly string[]): Record<string, ServiceTarget> {
  const map: Record<string, ServiceTarget> = {};
  for (const item of items) {
    const pair = splitAssignment(item);
    const [service, unit] = (pair?.[1] ?? '').split(':').map((s) => s.trim());
    const parsed = ServiceTargetSchema.safeParse({ service, unit: unit || undefined });
    if (pair === undefined || !parsed.success) {
      throw new OptionError('map', `--map ${item}: expected CODE=SERVICE:UNIT with a unit of ${UnitSchema.options.join(', ')}`);
    }
    map[pair[0]] = parsed.data;
  }
  return map;
}

/** `KEY=VALUE` (region, year, service or unit) → the constants of every row. */
export function setFromFlags(items: readonly string[]): NonNullable<ImportRunOptions['set']> {
  const set: { region?: string; year?: number; service?: string; unit?: ServiceTarget['unit'] } = {};
  for (const item of items) {
    const pair = splitAssignment(item);
    if (pair === undefined || pair[1] === '') throw new OptionError('set', `--set ${item}: expected KEY=VALUE (region, year, service or unit)`);
    const [key, value] = pair;
    if (key === 'region' || key === 'service') set[key] = value;
    else if (key === 'year') {
      const year = YearOptionSchema.safeParse(Number(value));
      if (!year.success) throw new OptionError('set', `--set year=${value}: ${year.error.issues[0]!.message}`);
      set.year = year.data;
    } else if (key === 'unit') {
      const unit = UnitSchema.safeParse(value);
      if (!unit.success) throw new OptionError('set', `--set unit=${value}: expected one of ${UnitSchema.options.join(', ')}`);
      set.unit = unit.data;
    } else throw new OptionError('set', `--set ${item}: KEY is one of region, year, service, unit`);
  }
  return set;
}
