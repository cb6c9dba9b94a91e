/** Exit codes, SPEC §5. */
export const EXIT = {
  ok: 0,
  failAbove: 1,
  usage: 2,
  invalidInput: 3,
  fileAccess: 4,
  internal: 70,
} as const;

export const EXIT_CODES_HELP = `Exit codes:
  0   success
  1   a CI gate tripped (--fail-above, --fail-if-any-excluded)
  2   usage error
  3   invalid input data
  4   a file cannot be read or written
  70  internal error (please report it)`;

/** An expected ending with a message for stderr and an exit code (after changesets' ExitError). */
export class ExitError extends Error {
  override readonly name = 'ExitError';
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

