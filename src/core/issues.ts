// Located problems in input data. Pure data: the CLI decides how to print them and which exit
// code they mean.
//
// How a list of problems is arranged for a reader (IssueCollector):
// - the same problem on many lines is one problem: issues with the same file, columns and message
//   are grouped, the first line kept as the issue's line and every line counted, the first few
//   listed ("(lines 3, 4, 9 and 95 more)"). A message that quotes the cell ("got "12,5"") groups
//   only the lines with that same cell; a message that names no cell groups every such line. An
//   issue with a `group` key groups by that key instead of its message.
// - sorted by file (in the order the files were read), then by line; problems with a whole file
//   (no line) first; otherwise in the order they were found.
import { escapeControls, escapeInvisible } from './control-chars.js';

/** A problem that makes the input invalid (exit 3). `line` is the physical line, header = 1. */
export interface InputIssue {
  readonly file: string;
  /** 1-based physical line (the row of a worksheet); undefined for a problem with the whole file.
   * For a grouped issue, the first of its lines. */
  readonly line?: number | undefined;
  /** Column name(s) as the SPEC names them, e.g. `capacity`. */
  readonly columns?: readonly string[] | undefined;
  /** 1-based position of the (first) column in the file's header, where known. */
  readonly field?: number | undefined;
  /** The cell's A1 reference ("B7") when the file is a worksheet and the column is known. */
  readonly cell?: string | undefined;
  /** Grouped issue: the lowest lines with this same problem, in order (line is the first of them). */
  readonly lines?: readonly number[] | undefined;
  /** Grouped issue: how many lines have this problem in all (lines may list fewer). */
  readonly lineCount?: number | undefined;
  /** 1-based character column where that field starts in the line, where known (GitHub annotations, SARIF). */
  readonly column?: number | undefined;
  readonly message: string;
  /** Issues of one file with the same group are one problem met on many lines (the same unknown
   * unit, say): their message is the same, and they are shown once with the lines listed. */
  readonly group?: string | undefined;
}

/** Something the user should know that does not stop the run (SPEC §6 `warnings`). */
export interface Warning {
  readonly file: string;
  readonly line: number | null;
  readonly message: string;
  /** `plausibility`: a notice about numbers that are right but may mislead (SPEC §8, core/plausibility.ts). */
  readonly kind?: 'plausibility' | undefined;
}

/** `services.csv:14` / `services.xlsx!Sheet1:D14` / `services.csv`: where an issue is. */
export function issueLocation(issue: InputIssue): string {
  if (issue.line === undefined) return issue.file;
  return `${issue.file}:${issue.cell ?? issue.line}`;
}

/** `column "capacity": expected a number ≥ 0, got "12,5" (lines 14, 15 and 3 more)`: an issue without its location. */
export function issueText(issue: InputIssue): string {
  const cols = issue.columns ?? [];
  const column =
    cols.length === 0 ? '' : `${cols.length === 1 ? 'column' : 'columns'} ${cols.map((c) => `"${c}"`).join(', ')}: `;
  const count = issue.lineCount ?? 1;
  // A count above one comes with its lines (IssueCollector.list sets both).
  const lines = count > 1 ? ` (${describeLines(issue.lines!, count, SHOWN_LINES, issue.cell === undefined ? 'line' : 'row')})` : '';
  return `${column}${issue.message}${lines}`;
}

/** `services.csv:14: column "capacity": expected a number ≥ 0, got "12,5"` */
export function formatIssue(issue: InputIssue): string {
  return `${issueLocation(issue)}: ${issueText(issue)}`;
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

/** The one wording of a value that is not among a few words: "expected one of a, b, got x" (`got`: the value as the message shows it). */
export function expectedOneOf(choices: readonly string[], got: string): string {
  return `expected one of ${choices.join(', ')}, got ${got}`;
}

/** Quote a cell value for a message, showing invisible characters (controls, bidirectional
 * overrides and zero-width characters as \u escapes: control-chars.ts). */
export function quoteValue(value: string, max = 40): string {
  const shown = value.length > max ? `${value.slice(0, max)}…` : value;
  return escapeInvisible(escapeControls(JSON.stringify(shown)));
}

/** Lines of a grouped issue listed in its message. */
const SHOWN_LINES = 5;

/** "line 7" / "lines 7, 9 and 3 more" for messages that point at many lines (or rows). */
export function describeLines(lines: readonly number[], total: number, shown = SHOWN_LINES, word: 'line' | 'row' = 'line'): string {
  const head = lines.slice(0, shown).join(', ');
  const more = total - Math.min(lines.length, shown);
  if (total === 1) return `${word} ${head}`;
  return more > 0 ? `${word}s ${head} and ${more} more` : `${word}s ${head}`;
}

/** A group of issues with the same file, columns and message. */
interface Group {
  issue: InputIssue;
  readonly lines: number[];
  count: number;
  /** The line last added (a problem found twice on one line is one line). */
  last: number | undefined;
}

/**
 * Collects issues as they are found: groups the same problem on many lines, keeps at most
 * `maxPerFile` distinct problems per file (and counts the rest), and lists them sorted (see the
 * file comment).
 */
export class IssueCollector {
  /** By the problem's key; a problem never grouped (whole-file, or met again on its line) has a key of its own. */
  private readonly groups = new Map<string | symbol, Group>();
  private readonly distinct = new Map<string, number>();
  private readonly dropped = new Map<string, number>();
  private readonly droppedKeys = new Set<string | symbol>();
  /** The files, in the order their first problem came. */
  private readonly files = new Set<string>();

  constructor(private readonly maxPerFile = 1000) {}

  add(issue: InputIssue): void {
    this.files.add(issue.file);
    // A whole-file problem is never grouped (nor counted as one with another when dropped); the
    // same problem twice on one line is kept twice.
    const key =
      issue.line === undefined
        ? Symbol()
        : // Stryker disable next-line ArrayDeclaration: no columns joins to the same key whatever stands in for them (no column is named "Stryker was here")
          `${issue.file}\u0000${(issue.columns ?? []).join('\u0001')}\u0000${issue.field}\u0000${issue.group ?? issue.message}`;
    const group = this.groups.get(key);
    if (group !== undefined && group.last !== issue.line) {
      group.count++;
      group.last = issue.line;
      // Keep the lowest lines, in order (lines mostly arrive in order: this is then a push).
      const line = issue.line!;
      let at = group.lines.length;
      // Stryker disable next-line EqualityOperator: at 0 there is no line before (undefined > line is false); an equal line goes before or after its twin alike
      while (at > 0 && group.lines[at - 1]! > line) at--;
      group.lines.splice(at, 0, line);
      if (group.lines.length > SHOWN_LINES) group.lines.pop();
      return;
    }
    const count = (this.distinct.get(issue.file) ?? 0) + 1;
    if (count > this.maxPerFile) {
      // Counted once per distinct problem, however many lines it is met on.
      if (this.droppedKeys.has(key)) return;
      this.droppedKeys.add(key);
      this.dropped.set(issue.file, (this.dropped.get(issue.file) ?? 0) + 1);
      return;
    }
    this.distinct.set(issue.file, count);
    this.groups.set(group === undefined ? key : Symbol(), {
      issue,
      // Stryker disable next-line ConditionalExpression: a whole-file problem is never grouped, and [undefined] sorts as [] does (lines[0] ?? 0)
      lines: issue.line === undefined ? [] : [issue.line],
      count: 1,
      last: issue.line,
    });
  }

  /** Whether `file` already has as many distinct problems as are kept (a new one is only counted):
   * hints that cost time are worked out only for problems that will be shown. */
  isFull(file: string): boolean {
    return (this.distinct.get(file) ?? 0) >= this.maxPerFile;
  }

  /** How many distinct problems have been found (grouped, including those not kept). */
  get size(): number {
    let n = 0;
    for (const count of this.distinct.values()) n += count;
    for (const count of this.dropped.values()) n += count;
    return n;
  }

  /**
   * Every problem, grouped and sorted: by file in `fileOrder` (the files read, in order; others
   * after them in the order their first problem arrived), then by line, whole-file problems first.
   */
  // Stryker disable next-line ArrayDeclaration: a file without a problem in the order changes no list
  list(fileOrder: readonly string[] = []): InputIssue[] {
    const rank = new Map<string, number>();
    for (const file of [...fileOrder, ...this.files]) if (!rank.has(file)) rank.set(file, rank.size);
    // A group is placed at its lowest line. Groups are kept in the order they arrived (a new one
    // always gets a new key) and the sort is stable, so ties stay in the order they were found.
    const sorted = [...this.groups.values()].sort((a, b) => rank.get(a.issue.file)! - rank.get(b.issue.file)! || (a.lines[0] ?? 0) - (b.lines[0] ?? 0));
    const issues: InputIssue[] = sorted.map((g) => (g.count === 1 ? g.issue : { ...g.issue, line: g.lines[0], lines: g.lines, lineCount: g.count }));
    // Then, per file that had more distinct problems than are kept, how many were left out.
    for (const file of rank.keys()) {
      const dropped = this.dropped.get(file);
      if (dropped !== undefined) issues.push({ file, message: `${dropped} more problems not shown (${dropped + this.maxPerFile} in all)` });
    }
    return issues;
  }
}
