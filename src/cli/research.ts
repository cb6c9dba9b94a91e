// What the research commands (report --sensitivity, compare, batch) share: choosing a format,
// the notices of the datasets used, and printing warnings once.
import type { Warning } from '../core/issues.js';
import { formatWarning } from '../core/issues.js';
import { formatFromPath } from '../report/format-from-path.js';
import { isResearchFormat, RESEARCH_FORMATS, type ResearchFormat } from '../report/research-format-names.js';
import { usageError } from './exit-codes.js';
import { note } from './output.js';
import type { Terminal } from './terminal.js';

/** --format, else the --out extension, else the table; only the formats research outputs have. */
export function pickResearchFormat(format: string | undefined, out: string | undefined, what: string): ResearchFormat {
  const chosen = format ?? (out === undefined || out === '-' ? 'table' : formatFromPath(out));
  if (chosen === undefined) {
    throw usageError(`--out ${out}: cannot tell the format from the extension; give --format (${RESEARCH_FORMATS.join(', ')})`);
  }
  if (!isResearchFormat(chosen)) throw usageError(`${what} comes as ${RESEARCH_FORMATS.join(', ')}, not ${chosen}`);
  return chosen;
}

/** Each distinct warning once, on standard error. */
export function printWarnings(terminal: Terminal, warnings: readonly Warning[], prefix = ''): void {
  const seen = new Set<string>();
  for (const w of warnings) {
    const line = `warning: ${prefix}${formatWarning(w)}`;
    if (seen.has(line)) continue;
    seen.add(line);
    note(terminal, line);
  }
}
