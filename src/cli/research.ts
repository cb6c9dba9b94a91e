// What the research commands (report --sensitivity, compare, batch) share: choosing a format,
// the notices of the datasets used, and printing warnings once.
import type { Warning } from '../core/issues.js';
import { formatWarning } from '../core/issues.js';
import { formatFromPath } from '../report/format-from-path.js';
import { isResearchFormat, RESEARCH_FORMATS, type ResearchFormat } from '../report/research-format-names.js';
import { usageError } from './exit-codes.js';
import { note } from './output.js';
import type { Terminal } from './terminal.js';
import type { DrawChunk, DrawPlan } from '../core/sensitivity.js';
import { writeFileAtomic } from '../io/atomic-write.js';

/** Formats of --draws-out. */
export const DRAWS_FORMATS = ['csv', 'parquet'] as const;
export type DrawsFormat = (typeof DRAWS_FORMATS)[number];

/** The format of --draws-out FILE, from its extension. */
export function pickDrawsFormat(path: string): DrawsFormat {
  const format = formatFromPath(path);
  if (format === undefined || !(DRAWS_FORMATS as readonly string[]).includes(format)) {
    throw usageError(`--draws-out ${path}: the draws are written as ${DRAWS_FORMATS.join(' or ')}; give a file name ending in ${DRAWS_FORMATS.map((f) => `.${f}`).join(' or ')}`);
  }
  return format as DrawsFormat;
}

/** Write every draw of a sensitivity run to `path` (atomically; in pieces, never whole in memory). */
export async function writeDraws(path: string, format: DrawsFormat, plan: DrawPlan, chunks: readonly DrawChunk[]): Promise<void> {
  const { drawsCsv } = await import('../report/draws.js');
  const { VERSION } = await import('../version.js');
  switch (format) {
    case 'csv':
      await writeFileAtomic(path, drawsCsv(plan, chunks));
      break;
    case 'parquet': {
      const { drawsTable } = await import('../report/tidy/tables.js');
      const { tableParquet } = await import('../report/tidy/parquet.js');
      await writeFileAtomic(path, tableParquet(drawsTable(plan, chunks), { servicegap: VERSION, 'servicegap.draws': JSON.stringify({ seed: plan.seed, correlation: plan.correlation, from: plan.from, to: plan.to, sort: plan.sort }) }));
    }
  }
}

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
