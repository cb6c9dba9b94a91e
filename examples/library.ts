// servicegap as a typed library (TypeScript, ESM). Copy it next to your data and run it with a
// TypeScript runner, e.g.  npx tsx library.ts [DATA_FOLDER]  (or compile it with tsc).
// Every result has a zod schema and a type derived from it, so a script cannot drift from the
// JSON that the command line writes.
import {
  type BatchResult,
  type Comparison,
  type DatasetInputs,
  jsonSchema,
  type Report,
  runBatch,
  runCompare,
  runReport,
  runSensitivity,
  ScenarioFileSchema,
  type SensitivityReport,
  SensitivityReportSchema,
} from 'servicegap';

const data: string | undefined = process.argv[2];
const inputs: DatasetInputs = data === undefined ? {} : { data };

// The ranking and its sensitivity to the weights; the draws may use every core, with the same
// numbers for any number of threads.
const { report }: { report: Report } = await runReport({ inputs });
const { sensitivity: spread }: { sensitivity: SensitivityReport } = await runSensitivity({ inputs, draws: 1000, seed: 1, threads: 'auto' });
SensitivityReportSchema.parse(spread);
const moving = spread.regions.filter((r) => r.rank_p5 !== r.rank_p95);
console.log(`${report.regions.length} regions ranked; ${moving.length} change rank within the 5th–95th percentile of the draws`);

// Each region's change between the first and the last two years.
const { comparison: change }: { comparison: Comparison } = await runCompare({
  inputs,
  a: { kind: 'years', from: report.from, to: report.from + 1 },
  b: { kind: 'years', from: report.to - 1, to: report.to },
});
for (const r of change.regions) {
  const delta = r.vacuum_per_100k_delta;
  console.log(`  ${r.region}: vacuum per 100k ${delta === null ? 'n/a' : (delta >= 0 ? '+' : '') + delta.toFixed(1)}, rank ${r.rank_a ?? '–'} → ${r.rank_b ?? '–'}`);
}

// Named scenarios (what `servicegap batch scenarios.json` reads), checked by their zod schema:
// the long table of every scenario's regions, and the rank changes against the first.
const { scenarios } = ScenarioFileSchema.parse({
  scenarios: [
    { name: 'baseline' },
    { name: 'crisis-teams-low', config: { weights: { crisis: { teams: 5 } } } },
    { name: 'supported-living-half', config: { weights: { supported_living: { places: 0.5, beds: 0.5 } } } },
    { name: 'last-two-years', from: report.to - 1 },
  ],
});
const { batch }: { batch: BatchResult } = await runBatch({ inputs, scenarios });
for (const s of batch.summary) console.log(`  ${s.scenario}: ${s.regions_moved} regions moved (largest ${s.largest_rank_change})`);

// The JSON Schema of the report, e.g. to check files written by `servicegap report --format json`.
console.log(`report schema has ${Object.keys(jsonSchema('report').properties ?? {}).length} top-level fields`);
