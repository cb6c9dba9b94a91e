// Every error a run can end with, in one place: the CLI maps each class to its exit code (SPEC §5)
// and a library caller can tell them apart with instanceof.
export { PeriodError } from '../core/analyze.js';
export { LevelError } from '../core/hierarchy.js';
export { InputError, formatIssue, issueText, type InputIssue } from '../core/issues.js';
export { FileAccessError, FileFormatError, InputSelectionError } from '../io/errors.js';
/** An InputError's issues with their character columns, where the files can be read again (annotations, SARIF). */
export { issuesWithColumns } from '../io/issue-columns.js';

/**
 * An option (or a combination of options) a run cannot take, and a config that cannot be used:
 * one set of classes for the library and the CLI, defined in core (core/errors.ts) so that the
 * core's own entry points (analyze, coverage, trend, sensitivity) throw the same OptionError.
 */
export { ConfigError, flagName, OptionError } from '../core/errors.js';
