// The delimiter of a CSV file, detected from a sample of its first lines.
//
// The header decides which delimiters are candidates: a header holds names, never numbers, so
// a decimal comma in the data ("NO-03;2020;12,5" under "region;year;capacity") cannot make the
// comma one. Among the candidates, the one that splits the most sampled rows into as many fields
// as the header wins; then the one that occurs most often in the header. Quotes are respected
// throughout: a delimiter inside a quoted field does not count.

/** The field delimiters a CSV file may use: comma, semicolon, tab, pipe. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;
/** One of `DELIMITERS`. */
export type Delimiter = (typeof DELIMITERS)[number];

export interface DelimiterChoice {
  readonly delimiter: Delimiter;
  /** Why, for --verbose: "5 columns in the header, and in 12 of 12 sampled rows". */
  readonly reason: string;
}

interface RecordShape {
  /** Fields in the record. */
  readonly fields: number;
  /** Fields up to the last one that is not blank (a trailing delimiter adds blank ones). */
  readonly used: number;
}

/** The shape of each non-blank record of `sample` when split by `delimiter`, quote-aware. */
function recordShapes(sample: string, delimiter: string, complete: boolean): RecordShape[] {
  const shapes: RecordShape[] = [];
  let fields = 1;
  let used = 0;
  let quoted = false;
  for (let i = 0; i < sample.length; i++) {
    const ch = sample[i]!;
    if (ch === '"') {
      quoted = !quoted;
      used = fields;
    } else if (quoted) continue;
    else if (ch === delimiter) fields++;
    else if (ch === '\n') {
      if (used > 0) shapes.push({ fields, used });
      fields = 1;
      used = 0;
    } else if (ch !== ' ' && ch !== '\r') used = fields;
  }
  // A record cut off by the end of the sample says nothing reliable.
  if (used > 0 && complete && !quoted) shapes.push({ fields, used });
  return shapes;
}

/**
 * The delimiter of a file, from a sample of its text (LF line ends): its first lines, or just
 * its header line. `complete` says whether the sample is the whole file.
 */
export function chooseDelimiter(sample: string, complete = true): DelimiterChoice {
  let best: { delimiter: Delimiter; header: number; fitting: number; rows: number } | undefined;
  for (const delimiter of DELIMITERS) {
    const [first, ...rows] = recordShapes(sample, delimiter, complete);
    const header = first?.used ?? 0;
    if (header < 2) continue;
    // As the loader reads rows: as many fields as the header, or more that are all blank.
    const fitting = rows.filter((r) => r.fields === header || (r.fields > header && r.used <= header)).length;
    const better =
      best === undefined || fitting > best.fitting || (fitting === best.fitting && header > best.header);
    if (better) best = { delimiter, header, fitting, rows: rows.length };
  }
  if (best === undefined) return { delimiter: ',', reason: 'the header has a single column' };
  const rows = best.rows === 0 ? '' : `, and in ${best.fitting} of ${best.rows} sampled rows`;
  return { delimiter: best.delimiter, reason: `${best.header} columns in the header${rows}` };
}

/** The delimiter of a header line (or a longer sample): see chooseDelimiter. */
export function detectDelimiter(sample: string): Delimiter {
  return chooseDelimiter(sample).delimiter;
}

export function describeDelimiter(d: Delimiter): string {
  return d === '\t' ? 'tab' : `"${d}"`;
}
