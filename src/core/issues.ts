// Located problems in input data. Pure data: the CLI decides how to print them and which exit
// code they mean.

/** A problem that makes the input invalid (exit 3). `line` is the physical line, header = 1. */
export interface InputIssue {
  readonly file: string;
  /** 1-based physical line; undefined for a problem with the whole file. */
  readonly line?: number | undefined;
  /** Column name(s) as the SPEC names them, e.g. `capacity`. */
  readonly columns?: readonly string[] | undefined;
  /** 1-based position of the (first) column in the file's header, where known. */
  readonly field?: number | undefined;
  readonly message: string;
}

/** Something the user should know that does not stop the run (SPEC §6 `warnings`). */
export interface Warning {
  readonly file: string;
  readonly line: number | null;
  readonly message: string;
  /** `plausibility`: a notice about numbers that are right but may mislead (SPEC §8, core/plausibility.ts). */
  readonly kind?: 'plausibility' | undefined;
}

/** `services.csv:14: column "capacity": expected a number ≥ 0, got "12,5"` */
export function formatIssue(issue: InputIssue): string {
  const where = issue.line === undefined ? issue.file : `${issue.file}:${issue.line}`;
  const cols = issue.columns ?? [];
  const column =
    cols.length === 0 ? '' : `${cols.length === 1 ? 'column' : 'columns'} ${cols.map((c) => `"${c}"`).join(', ')}: `;
  return `${where}: ${column}${issue.message}`;
}

/** `file:line: message` for a warning. */
export function formatWarning(warning: Warning): string {
  const where = warning.line === null ? warning.file : `${warning.file}:${warning.line}`;
  return `${where}: ${warning.message}`;
}

/** Thrown by loaders and the core when input data is invalid; carries every issue found. */
export class InputError extends Error {
  constructor(readonly issues: readonly InputIssue[]) {
    super(issues.length === 1 ? formatIssue(issues[0]!) : `${issues.length} problems in the input data`);
    this.name = 'InputError';
  }
}

/** Quote a cell value for a message, showing invisible characters. */
export function quoteValue(value: string, max = 40): string {
  const shown = value.length > max ? `${value.slice(0, max)}…` : value;
  return JSON.stringify(shown);
}

/** "line 7" / "lines 7, 9 and 3 more" for messages that point at many lines. */
export function describeLines(lines: readonly number[], total: number, shown = 5): string {
  const head = lines.slice(0, shown).join(', ');
  const more = total - Math.min(lines.length, shown);
  if (total === 1) return `line ${head}`;
  return more > 0 ? `lines ${head} and ${more} more` : `lines ${head}`;
}
