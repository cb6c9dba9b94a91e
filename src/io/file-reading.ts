// How each input file is read, settled per file: an option given for every file (--encoding,
// --delimiter, --decimal, --thousands, --sheet; LoadOptions) wins; else the config's setting for
// that file (`files.<input>`); else what the file itself shows (encoding, delimiter, decimal mark;
// text-stream.ts, delimiter.ts, decimal-evidence.ts). Thousands separators are never guessed.
import type { Config } from '../core/config.js';
import type { FileRoleName } from '../core/file-options.js';
import type { DecimalMark, NumberFormat, ThousandsSeparator } from '../core/numbers.js';
import { decidedMark, decimalEvidence, describeEvidence } from './decimal-evidence.js';
import type { Delimiter } from './delimiter.js';
import { InputSelectionError } from './errors.js';
import type { HeaderContext } from './table-handlers.js';
import type { EncodingOption } from './encodings.js';
import type { SheetChoice } from './xlsx-sheet.js';

/** The reading options that apply to every file (LoadOptions, from the command-line flags). */
export interface ReadingFlags {
  readonly delimiter?: Delimiter | undefined;
  readonly encoding?: EncodingOption | undefined;
  readonly decimal?: DecimalMark | 'auto' | undefined;
  readonly thousands?: ThousandsSeparator | undefined;
  readonly sheet?: string | undefined;
}

/** A setting and where it was given ("--decimal", "files.beds.decimal in the config"). */
interface Given<T> {
  readonly value: T;
  readonly source: string;
}

/** One file's reading options, each with where it was given; undefined: detected. */
export interface FileReading {
  readonly delimiter?: Given<Delimiter> | undefined;
  readonly encoding?: Given<EncodingOption> | undefined;
  readonly decimal?: Given<DecimalMark | 'auto'> | undefined;
  readonly thousands?: Given<ThousandsSeparator> | undefined;
  /** Which sheet of a workbook: named, or the one named like the input. */
  readonly sheet: SheetChoice;
}

/** The settled reading options of one input (see the file comment). */
export function fileReading(role: FileRoleName, flags: ReadingFlags, config: Config | undefined): FileReading {
  const own = config?.files?.[role];
  const pick = <K extends keyof ReadingFlags & keyof NonNullable<typeof own>>(key: K, flag: string) => {
    const fromFlag = flags[key];
    if (fromFlag !== undefined) return { value: fromFlag, source: flag };
    const fromConfig = own?.[key];
    return fromConfig === undefined ? undefined : { value: fromConfig, source: `files.${role}.${key} in the config` };
  };
  const delimiter = pick('delimiter', '--delimiter');
  const encoding = pick('encoding', '--encoding');
  const decimal = pick('decimal', '--decimal');
  const thousands = pick('thousands', '--thousands');
  const sheet = pick('sheet', '--sheet');
  if (decimal !== undefined && decimal.value !== 'auto' && decimal.value === thousands?.value) {
    throw new InputSelectionError(
      `${role}: the decimal mark (${decimal.source}) and the thousands separator (${thousands.source}) cannot both be "${decimal.value}"`,
    );
  }
  return {
    delimiter: delimiter?.value === 'auto' ? undefined : (delimiter as Given<Delimiter> | undefined),
    encoding,
    decimal,
    thousands,
    sheet: { sheet: sheet?.value, sheetSource: sheet?.source, preferred: role },
  };
}

/** A file's number format and why, for --verbose. */
export interface ChosenNumberFormat {
  readonly format: NumberFormat;
  readonly reason: string;
}

/** The columns whose cells are numbers read in the file's format (year and date are never decimals). */
const NUMBER_COLUMNS: ReadonlySet<string> = new Set(['population', 'beds', 'beds_closed', 'capacity', 'share']);

/**
 * The number format of one file, once its header is read: a mark given for it; else the other
 * mark than a given thousands separator; else, for a worksheet or a Parquet file, a decimal point
 * (its number cells are handed on so); else the mark its own numbers show (decimal-evidence.ts); else a point in a
 * comma-separated file (a decimal comma would need quotes there) and either mark elsewhere.
 */
export function chooseNumberFormat(reading: FileReading, context: HeaderContext, columns: readonly string[]): ChosenNumberFormat {
  const thousands = reading.thousands?.value ?? 'none';
  const given = reading.decimal;
  if (given !== undefined && given.value !== 'auto') return { format: { decimal: given.value, thousands }, reason: `given with ${given.source}` };
  if (thousands === '.' || thousands === ',') {
    return { format: { decimal: thousands === '.' ? ',' : '.', thousands }, reason: `the other mark than the thousands separator (${reading.thousands!.source})` };
  }
  if (context.delimiter === undefined) return { format: { decimal: '.', thousands }, reason: `number cells as stored in the ${context.typed ?? 'workbook'}` };
  const numberColumns = columns.flatMap((name, index) => (NUMBER_COLUMNS.has(name) ? [index] : []));
  if (context.sample !== undefined && numberColumns.length > 0) {
    const evidence = decimalEvidence(context.sample, context.delimiter, numberColumns);
    const mark = decidedMark(evidence);
    if (mark !== undefined) return { format: { decimal: mark, thousands }, reason: `detected: ${describeEvidence(evidence)}` };
    if (context.delimiter !== ',') return { format: { decimal: 'auto', thousands }, reason: describeEvidence(evidence) };
  }
  if (numberColumns.length === 0) return { format: { decimal: context.delimiter === ',' ? '.' : 'auto', thousands }, reason: 'no column of this file holds decimals' };
  if (context.delimiter === ',') return { format: { decimal: '.', thousands }, reason: 'comma-separated: a decimal comma would need quotes' };
  return { format: { decimal: 'auto', thousands }, reason: 'not detected' };
}
