// The output format of a command: --format, else the --out file's extension, else the table.
import { formatFromPath } from '../report/renderers.js';
import { usageError } from './exit-codes.js';

export function pickFormat<F extends string>(formats: readonly F[], format: F | undefined, out: string | undefined): F {
  if (format !== undefined) return format;
  if (out === undefined || out === '-') return 'table' as F;
  const fromPath: string | undefined = formatFromPath(out);
  if (fromPath === undefined) {
    throw usageError(`--out ${out}: cannot tell the format from the extension; give --format (${formats.join(', ')})`);
  }
  if (!(formats as readonly string[]).includes(fromPath)) {
    throw usageError(`--out ${out}: this command has no ${fromPath} output; give --format (${formats.join(', ')})`);
  }
  return fromPath as F;
}
