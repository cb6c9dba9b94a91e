// The delimiter of a CSV file, read from its header line. A header holds names, never numbers,
// so a decimal comma in the data ("12,5" in a ;-separated file) cannot mislead the choice.

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** The candidate that occurs most often outside quotes in the header; ',' when none does. */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch as Delimiter)) counts.set(ch as Delimiter, counts.get(ch as Delimiter)! + 1);
  }
  let best: Delimiter = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

export function describeDelimiter(d: Delimiter): string {
  return d === '\t' ? 'tab' : `"${d}"`;
}
