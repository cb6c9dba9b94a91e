import { OptionError } from '../core/errors.js';

/** A file that cannot be read or written (exit 4), with the path and the system's reason. */
export class FileAccessError extends Error {
  override readonly name = 'FileAccessError';
  constructor(
    readonly path: string,
    readonly action: 'read' | 'write',
    cause: unknown,
  ) {
    super(`cannot ${action} ${path}: ${describeSystemError(cause)}`, { cause });
  }
}

function describeSystemError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EDQUOT':
      return 'the disk quota is used up';
    case 'EFBIG':
      return 'the file would pass the largest size allowed (ulimit -f, or the file system\'s)';
    case 'EIO':
      return 'input/output error (the device failed)';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EPIPE':
      return 'the reading end of the pipe was closed';
    case 'EBADF':
      return 'not an open file descriptor';
    case 'ENXIO':
      return 'no process reads from it (a socket or a FIFO without a reader)';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** Inputs chosen in a way that cannot work (two files from stdin, no regions file): exit 2. */
export class InputSelectionError extends OptionError {
  override readonly name = 'InputSelectionError';
  constructor(message: string) {
    // An OptionError (SPEC §8: the library's typed usage error): the inputs chosen cannot work together.
    super(undefined, message);
  }
}

/**
 * A file whose content cannot be read as CSV text: bytes that are not valid in its encoding, a
 * line over the length limit, a quote never closed. `line` is the physical line (1-based) where
 * the problem is, when known. The loader turns it into an input issue (exit 3).
 */
export class FileFormatError extends Error {
  override readonly name: string = 'FileFormatError';
  constructor(
    message: string,
    readonly line: number | undefined,
  ) {
    super(message);
  }
}
