// A report's and a trend's plausibility notices made when read (core/lazy-warnings.ts): the run
// and its report carry them for every reader, as before, and the JSON output writes them as they
// are made without ever making the list (issue 18: 15 MB at a report's peak on 5,000 regions).
import { describe, expect, it } from 'vitest';
import { runReport } from '../../src/app/report.js';
import { runTrend } from '../../src/app/trend.js';
import { warningsPending } from '../../src/core/lazy-warnings.js';
import { renderOutput, renderOutputPieces } from '../../src/report/registry.js';
import { inputFiles } from '../helpers/input-files.js';
import { collectPieces } from '../helpers/pieces.js';

// Region A: beds 120 → 35 in a year (more than a factor 3) and population +40 % between B and T:
// two plausibility notices (core/plausibility.ts); B: none.
const inputs = inputFiles({
  regions: 'region\nA\nB\n',
  population: 'region,year,population\nA,2000,100000\nA,2004,140000\nB,2000,50000\nB,2004,51000\n',
  beds: 'region,year,beds\nA,2000,130\nA,2002,120\nA,2003,35\nA,2004,34\nB,2000,40\nB,2004,38\n',
  services: 'region,year,service,capacity,unit\nA,2000,botilbud,10,places\nA,2004,botilbud,12,places\nB,2000,botilbud,4,places\nB,2004,botilbud,4,places\n',
});

const text = (pieces: Uint8Array[]) => Buffer.concat(pieces).toString('utf8');
const noticesOf = (warnings: readonly { kind?: string; message: string }[]) => warnings.filter((w) => w.kind === 'plausibility').map((w) => w.message);

describe('notices made when read', () => {
  for (const [name, run] of [
    ['report', () => runReport({ inputs, config: {}, format: 'json', intervalDraws: 20 })],
    ['report --no-interval', () => runReport({ inputs, config: {}, format: 'json', interval: false })],
    ['trend', () => runTrend({ inputs, config: {}, format: 'json' })],
  ] as const) {
    it(`${name}: the JSON writes them without making the list; the run's warnings have them after`, async () => {
      const result = await run();
      const data = result.output.data as object;
      const json = text(await collectPieces((await renderOutputPieces(result.output)) as AsyncIterable<Uint8Array>));
      expect(warningsPending(data)).toBe(true);
      const written = JSON.parse(json) as { warnings: { kind?: string; message: string }[] };
      expect(noticesOf(written.warnings)).toHaveLength(2);
      expect(noticesOf(written.warnings)[0]).toMatch(/^A institutional beds: 120 in 2002 → 35 in 2003/);
      // Read now: the same warnings, and the whole text of the output the same.
      expect(noticesOf(result.warnings)).toEqual(noticesOf(written.warnings));
      expect(warningsPending(data)).toBe(false);
      expect(await renderOutput(result.output)).toBe(json);
    });
  }
});
