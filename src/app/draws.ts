// Every draw of a sensitivity run to a file (`report --sensitivity N --draws-out FILE`, issue 16):
// one row per region and draw (region, draw, each drawn weight, vacuum per 100k, rank), as CSV or
// Parquet, chosen by the file's extension. Written through the one output writer (never over a
// file the run read, never half-written), the CSV piece by piece: never whole in memory.
import type { DrawChunk, DrawPlan } from '../core/weight-draws.js';
import { writeOutput } from '../io/output-writer.js';
import { formatFromPath } from '../report/format-from-path.js';
import { VERSION } from '../version.js';
import { OptionError } from './errors.js';

/** Formats of the draws file. */
export const DRAWS_FORMATS = ['csv', 'parquet'] as const;
/** One of DRAWS_FORMATS. */
export type DrawsFormat = (typeof DRAWS_FORMATS)[number];

/** The format of the draws file `path`, from its extension (an OptionError for any other). */
export function pickDrawsFormat(path: string): DrawsFormat {
  const format = formatFromPath(path);
  const known = (f: string | undefined): f is DrawsFormat => (DRAWS_FORMATS as readonly (string | undefined)[]).includes(f);
  if (!known(format)) {
    throw new OptionError(
      'drawsOut',
      `--draws-out ${path}: the draws are written as ${DRAWS_FORMATS.join(' or ')}; give a file name ending in ${DRAWS_FORMATS.map((f) => `.${f}`).join(' or ')}`,
    );
  }
  return format;
}

/** Write every draw of a sensitivity run to `path` in `format`. */
export async function writeDraws(path: string, format: DrawsFormat, plan: DrawPlan, chunks: readonly DrawChunk[]): Promise<void> {
  if (format === 'csv') {
    const { drawsCsv } = await import('../report/draws.js');
    await writeOutput(path, toAsync(drawsCsv(plan, chunks)));
    return;
  }
  const { drawsTable } = await import('../report/tidy/tables.js');
  const { tableParquet } = await import('../report/tidy/parquet.js');
  const settings = { seed: plan.seed, correlation: plan.correlation, from: plan.from, to: plan.to, sort: plan.sort };
  await writeOutput(path, tableParquet(drawsTable(plan, chunks), { servicegap: VERSION, 'servicegap.draws': JSON.stringify(settings) }));
}

/** A generator of text pieces as the writer's asynchronous source. */
async function* toAsync(pieces: Iterable<string>): AsyncGenerator<string> {
  yield* pieces;
}
