// The problems of input a load is refused for: tests that expect an InputError await it here, and
// anything else (success, another error) fails the test with what came instead.
import { type InputIssue, InputError } from '../../src/core/issues.js';

export async function inputIssues(loading: Promise<unknown>): Promise<readonly InputIssue[]> {
  const error = await loading.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof InputError)) throw new Error(`expected an InputError, got ${String(error)}`);
  return error.issues;
}

/** An issue without its `field` (a column index most expectations leave out). */
export const withoutField = ({ field: _field, ...issue }: InputIssue): InputIssue => issue;
