// What one side of `servicegap compare A B` is, read from its argument:
//   YYYY-YYYY or YYYY:YYYY (also YYYY–YYYY)  → a period (--from, --to)
//   an existing folder                        → a data folder (--data)
//   a path ending in .json                    → a config file (--config)
//   anything else                             → a usage error saying what is expected.
// A folder whose name looks like a period is ambiguous: write ./2010-2015 for the folder.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { YEAR_MAX, YEAR_MIN } from '../core/schemas.js';
import { usageError } from './exit-codes.js';

export type CompareSideSpec =
  | { readonly kind: 'years'; readonly label: string; readonly from: number; readonly to: number }
  | { readonly kind: 'data'; readonly label: string; readonly dir: string }
  | { readonly kind: 'config'; readonly label: string; readonly path: string };

const PERIOD = /^(\d{4})\s*[-:–]\s*(\d{4})$/;

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** Read one side's argument (`which`: "A" or "B", for messages); paths are relative to `cwd`. */
export async function parseCompareSide(arg: string, which: 'A' | 'B', cwd: string): Promise<CompareSideSpec> {
  const expected =
    'expected a data folder, a config file (.json) or a period (YYYY-YYYY or YYYY:YYYY, e.g. 2010-2015)';
  const period = PERIOD.exec(arg.trim());
  const folder = await isFolder(resolve(cwd, arg));
  if (period) {
    if (folder) throw usageError(`${which} "${arg}" is both a folder and a period: write ./${arg} for the folder`);
    const from = Number(period[1]);
    const to = Number(period[2]);
    if (from < YEAR_MIN || to > YEAR_MAX) throw usageError(`${which} "${arg}": years must be ${YEAR_MIN}–${YEAR_MAX}`);
    if (from > to) throw usageError(`${which} "${arg}": the first year is after the second`);
    return { kind: 'years', label: arg, from, to };
  }
  if (folder) return { kind: 'data', label: arg, dir: arg };
  if (/\.json$/i.test(arg)) return { kind: 'config', label: arg, path: arg };
  throw usageError(`${which} "${arg}": no such folder; ${expected}`);
}
