// The output format of a command: --format, else the --out file's extension, else the table.
// One rule for every command; `what` names the output in messages ("report", "taxonomy" …).
import { formatFromPath } from '../report/format-from-path.js';
import { usageError } from './exit-codes.js';

export function pickFormat<F extends string>(formats: readonly F[], format: F | undefined, out: string | undefined, what: string): F {
  if (format !== undefined) return format;
  if (out === undefined || out === '-') return 'table' as F;
  const fromPath: string | undefined = formatFromPath(out);
  if (fromPath === undefined) {
    throw usageError(`--out ${out}: cannot tell the ${what} format from the extension; give --format (${formats.join(', ')})`);
  }
  if (!(formats as readonly string[]).includes(fromPath)) {
    throw usageError(`--out ${out}: the ${what} comes as ${formats.join(', ')}, not ${fromPath}; give --format`);
  }
  return fromPath as F;
}
