// The output format of a run: `format` if given, else what the extension of the file it will be
// written to (`out`) implies, else the terminal table. One rule for every output; `what` names
// the output in messages ("report", "comparison" …).
import { extname } from 'node:path';
import { formatFromPath } from '../report/format-from-path.js';
import { OptionError } from './errors.js';

/** Pick the format among `formats`; an explicit or implied format the output does not come in is an OptionError. */
export function pickFormat<F extends string>(formats: readonly F[], format: string | undefined, out: string | undefined, what: string): F {
  const list = formats.join(', ');
  const known = (f: string): f is F => (formats as readonly string[]).includes(f);
  if (format !== undefined) {
    if (!known(format)) throw new OptionError('format', `--format ${format}: the ${what} comes as ${list}, not ${format}`);
    return format;
  }
  if (out === undefined || out === '-') return 'table' as F;
  const fromPath: string | undefined = formatFromPath(out);
  if (fromPath === undefined) {
    throw new OptionError('out', `--out ${out}: cannot tell the ${what} format from the extension; give --format (${list})`);
  }
  if (!known(fromPath)) throw new OptionError('out', `--out ${out}: the ${what} comes as ${list}, not ${fromPath}; give --format`);
  return fromPath;
}

/**
 * The time an Excel workbook says it was made: SOURCE_DATE_EPOCH (seconds) when the environment
 * sets it, as reproducible builds do; else undefined, the renderer's fixed time, so that the same
 * report is the same file byte for byte.
 */
export function workbookTime(format: string, env: Readonly<Record<string, string | undefined>> | undefined): Date | undefined {
  const epoch = (env ?? process.env).SOURCE_DATE_EPOCH;
  if (format !== 'xlsx' || epoch === undefined || epoch.trim() === '' || !Number.isFinite(Number(epoch))) return undefined;
  return new Date(Number(epoch) * 1000);
}

/** Colour only for the terminal table written to standard output, and only when the caller asks for it. */
export function colorFor(format: string, out: string | undefined, color: boolean | undefined): boolean {
  return format === 'table' && out === undefined && color === true;
}

/** Whether `out` names a Parquet file: `--format long` is then written as Parquet (issue 16), else as CSV. */
export function isParquetPath(out: string | undefined): boolean {
  return out !== undefined && extname(out).toLowerCase() === '.parquet';
}
