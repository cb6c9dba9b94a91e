// A file's decimal mark, told by its own numbers. In a file whose numbers are written "12,5" and
// "0,25", a "74,329" is a decimal (74.329), not seventy-four thousand: every number that can only
// be read one way (a decimal comma, or a decimal point) is counted in the first lines of the file
// (the sample its delimiter was chosen from), in the columns that hold numbers. One mark seen and
// not the other decides; both, or neither, leave the file to the rule without evidence (a number
// that reads two ways is then an error that says how to settle it).
import type { DecimalMark } from '../core/numbers.js';
import { CsvSplitter, type SplitRecord } from './csv-splitter.js';
import type { Delimiter } from './delimiter.js';

/** What the first lines of a file say about its decimal mark. */
export interface DecimalEvidence {
  /** Numbers that can only be read with a decimal comma ("12,5", "0,125", "1234,5"). */
  readonly comma: number;
  /** Numbers that can only be read with a decimal point. */
  readonly point: number;
  /** The first of each, quoted in --verbose. */
  readonly commaExample?: string | undefined;
  readonly pointExample?: string | undefined;
  /** Data lines looked at. */
  readonly lines: number;
}

/** Lines of a sample looked at: the same as the delimiter's sample (read-csv.ts). */
const SAMPLE_LINES = 50;

// One mark between digits, which is not the single thousands group of a number below a million
// ("1,234" and "12.500" read two ways). "0,125" has a leading zero: no thousands group starts so.
const ONE_MARK = /^[+-]?(\d+)([.,])(\d+)$/;

/** Which mark a number cell can only be read with, or undefined (no mark, or it reads two ways). */
export function unambiguousMark(cell: string): DecimalMark | undefined {
  const match = ONE_MARK.exec(cell.trim());
  if (!match) return undefined;
  const [, whole, mark, fraction] = match as unknown as [string, string, DecimalMark, string];
  const couldBeGroup = fraction.length === 3 && whole.length <= 3 && whole[0] !== '0';
  return couldBeGroup ? undefined : mark;
}

/**
 * Count the unambiguous decimal marks in the number columns (`numberColumns`, indexes into the
 * header) of a file's sample text (its header and first lines).
 */
export function decimalEvidence(sample: string, delimiter: Delimiter, numberColumns: readonly number[]): DecimalEvidence {
  // The first SAMPLE_LINES lines: the same text however the file was chunked.
  let end = -1;
  for (let n = 0; n < SAMPLE_LINES; n++) {
    const next = sample.indexOf('\n', end + 1);
    if (next === -1) {
      end = sample.length - 1;
      break;
    }
    end = next;
  }
  const splitter = new CsvSplitter(delimiter, 1 << 20);
  const records: SplitRecord[] = [];
  try {
    splitter.push(sample.slice(0, end + 1), records, true);
  } catch {
    // A broken quote in the sample: the reader reports it; the evidence is what was split before it.
  }
  let comma = 0;
  let point = 0;
  let commaExample: string | undefined;
  let pointExample: string | undefined;
  for (const record of records.slice(1)) {
    for (const index of numberColumns) {
      const cell = record.fields[index];
      if (cell === undefined) continue;
      const mark = unambiguousMark(cell);
      if (mark === ',') {
        comma++;
        commaExample ??= cell.trim();
      } else if (mark === '.') {
        point++;
        pointExample ??= cell.trim();
      }
    }
  }
  return { comma, point, commaExample, pointExample, lines: Math.max(0, records.length - 1) };
}

/** The mark the evidence decides (one seen, not the other), or undefined. */
export function decidedMark(evidence: DecimalEvidence): DecimalMark | undefined {
  if (evidence.comma > 0 && evidence.point === 0) return ',';
  if (evidence.point > 0 && evidence.comma === 0) return '.';
  return undefined;
}

/** "12 numbers like "12,5" in the first 50 lines, none with a decimal point". */
export function describeEvidence(evidence: DecimalEvidence): string {
  const count = (n: number) => `${n} ${n === 1 ? 'number' : 'numbers'}`;
  const where = `in the first ${evidence.lines} data ${evidence.lines === 1 ? 'line' : 'lines'}`;
  if (evidence.comma > 0 && evidence.point === 0) return `${count(evidence.comma)} like "${evidence.commaExample}" ${where}, none with a decimal point`;
  if (evidence.point > 0 && evidence.comma === 0) return `${count(evidence.point)} like "${evidence.pointExample}" ${where}, none with a decimal comma`;
  if (evidence.point > 0) return `both marks ${where} ("${evidence.commaExample}", "${evidence.pointExample}")`;
  return `no number ${where} shows the mark`;
}
