// One line that says how a file was read, for --verbose:
// `services.csv: encoding Windows-1252 (not valid UTF-8: byte 0xF8 on line 3); delimiter ";" (5
// columns in the header, and in 12 of 12 sampled rows); numbers: decimal point or comma …; 12 rows`
import { describeNumberFormat, type NumberFormat } from '../core/numbers.js';
import { describeDelimiter } from './delimiter.js';
import type { TableSummary } from './table-handlers.js';
import { ENCODING_NAMES } from './encodings.js';

/** One line saying how a file was read (encoding, delimiter, number format and why, sheet, row count), for --verbose. */
export function describeFileRead(info: TableSummary & { readonly numberFormat?: NumberFormat | undefined; readonly numberFormatReason?: string | undefined }): string {
  const parts: string[] = [];
  if (info.sheet !== undefined) parts.push(`sheet "${info.sheet.name}" (${info.sheet.reason})`);
  if (info.encoding !== undefined) {
    const name = info.encoding === 'text' ? 'text' : ENCODING_NAMES[info.encoding];
    parts.push(`encoding ${name} (${info.encodingReason})`);
  }
  if (info.delimiter !== undefined) parts.push(`delimiter ${describeDelimiter(info.delimiter)} (${info.delimiterReason})`);
  if (info.numberFormat !== undefined) {
    parts.push(`numbers: ${describeNumberFormat(info.numberFormat)}${info.numberFormatReason === undefined ? '' : ` (${info.numberFormatReason})`}`);
  }
  parts.push(`${info.rows} ${info.rows === 1 ? 'row' : 'rows'}${info.threads > 0 ? ` (read on ${info.threads} threads)` : ''}`);
  return `${info.name}: ${parts.join('; ')}`;
}
