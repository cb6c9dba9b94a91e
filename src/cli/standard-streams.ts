// The process's own stdout and stderr: a write that fails must not crash the process with a stack
// trace (`servicegap report > /dev/full` used to print an uncaught ENOSPC). Data written through
// emit() reports its own failure (output.ts); this catches the rest (help text, short lines) so
// that a run whose standard output failed never ends with exit 0. A reader that stopped reading
// (EPIPE) is not a failure (output.ts says why).
import { FileAccessError } from '../app/errors.js';
import { EXIT } from './exit-codes.js';
import { isBrokenPipe } from './output.js';

export interface StreamWatch {
  /** The exit code to end with: `code`, or 4 (after one line on stderr) when stdout failed and nothing else did. */
  exitCode(code: number): number;
}

/** Listen for write errors on process.stdout and process.stderr (once per process). */
export function watchStandardStreams(): StreamWatch {
  let failed: Error | undefined;
  process.stdout.on('error', (error: Error) => {
    if (!isBrokenPipe(error)) failed ??= error;
  });
  process.stderr.on('error', () => {
    // nowhere left to say anything
  });
  return {
    exitCode(code: number): number {
      if (failed === undefined || code !== EXIT.ok) return code;
      process.stderr.write(`servicegap: ${new FileAccessError('standard output', 'write', failed).message}\n`);
      return EXIT.fileAccess;
    },
  };
}
