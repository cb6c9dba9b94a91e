// Every error a run can end with, in one place: the CLI maps each class to its exit code (SPEC §5)
// and a library caller can tell them apart with instanceof.
export { PeriodError } from '../core/analyze.js';
export { LevelError } from '../core/hierarchy.js';
export { InputError, formatIssue, issueText, type InputIssue } from '../core/issues.js';
export { FileAccessError, FileFormatError, InputSelectionError } from '../io/errors.js';
/** An InputError's issues with their character columns, where the files can be read again (annotations, SARIF). */
export { issuesWithColumns } from '../io/issue-columns.js';

/**
 * An option (or a combination of options) a run cannot take: a value out of range, two options
 * that exclude each other, a format the output does not come in. The message names the option as
 * the command line spells it (`--top: expected a whole number ≥ 1`); `option` is its name in the
 * run's options (`top`). The CLI exits with 2 (usage error).
 */
export class OptionError extends Error {
  override readonly name = 'OptionError';
  constructor(
    /** The option at fault, as the run's options name it (`failAbove`); undefined when it is the combination. */
    readonly option: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

/** `failAbove` → `--fail-above`: how the command line spells a run option. */
export function flagName(option: string): string {
  return `--${option.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}
