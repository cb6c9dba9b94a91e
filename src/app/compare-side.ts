// What one side of a comparison is. From the command line's argument:
//   YYYY-YYYY or YYYY:YYYY (also YYYY–YYYY)  → a period (from, to)
//   an existing folder                        → a data folder (inputs.data)
//   a path ending in .json                    → a config file (config)
//   anything else                             → an OptionError saying what is expected.
// A folder whose name looks like a period is ambiguous: write ./2010-2015 for the folder.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { z } from 'zod';
import { YEAR_MAX, YEAR_MIN } from '../core/schemas.js';
import { OptionError } from './errors.js';
import { YearOptionSchema } from './options.js';

const label = z.string().optional();
/**
 * zod schema of one side given as an object (a library caller's): a period, a data folder or a
 * config file, and how it is labelled. runCompare checks each side with it.
 */
export const CompareSideSpecSchema = z.discriminatedUnion(
  'kind',
  [
    z
      .object({ kind: z.literal('years'), label, from: YearOptionSchema, to: YearOptionSchema })
      .refine((side) => side.from <= side.to, { error: 'expected from ≤ to', path: ['from'] }),
    z.object({ kind: z.literal('data'), label, dir: z.string().min(1, { error: 'expected a folder' }) }),
    z.object({ kind: z.literal('config'), label, path: z.string().min(1, { error: 'expected a config file' }) }),
  ],
  { error: 'expected kind "years", "data" or "config"' },
);
/** One side of a comparison: a period, a data folder or a config file, and how it is labelled. */
export type CompareSideSpec = Readonly<z.infer<typeof CompareSideSpecSchema>>;

// \u2013: an en dash (written as an escape: the CLI's bundle is plain ASCII, see bundle.test.ts).
const PERIOD = /^(\d{4})\s*[-:\u2013]\s*(\d{4})$/;

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** Read one side's argument (`which`: "A" or "B", for messages); paths are relative to `cwd`. */
export async function parseCompareSide(arg: string, which: 'A' | 'B', cwd: string): Promise<CompareSideSpec & { readonly label: string }> {
  const expected =
    'expected a data folder, a config file (.json) or a period (YYYY-YYYY or YYYY:YYYY, e.g. 2010-2015)';
  const period = PERIOD.exec(arg.trim());
  const folder = await isFolder(resolve(cwd, arg));
  const option = which.toLowerCase();
  if (period) {
    if (folder) throw new OptionError(option, `${which} "${arg}" is both a folder and a period: write ./${arg} for the folder`);
    const from = Number(period[1]);
    const to = Number(period[2]);
    if (from < YEAR_MIN || to > YEAR_MAX) throw new OptionError(option, `${which} "${arg}": years must be ${YEAR_MIN}–${YEAR_MAX}`);
    if (from > to) throw new OptionError(option, `${which} "${arg}": the first year is after the second`);
    return { kind: 'years', label: arg, from, to };
  }
  if (folder) return { kind: 'data', label: arg, dir: arg };
  if (/\.json$/i.test(arg)) return { kind: 'config', label: arg, path: arg };
  throw new OptionError(option, `${which} "${arg}": no such folder; ${expected}`);
}

/** A side's label: the one given, else its period, folder or config path. */
export function sideLabel(side: CompareSideSpec): string {
  if (side.label !== undefined) return side.label;
  return side.kind === 'years' ? `${side.from}-${side.to}` : side.kind === 'data' ? side.dir : side.path;
}
