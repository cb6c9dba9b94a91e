// servicegap as a typed library (TypeScript, ESM). Copy it next to your data and run it with a
// TypeScript runner, e.g.  npx tsx library.ts [DATA_FOLDER]  (or compile it with tsc).
// Every result has a zod schema and a type derived from it, so a script cannot drift from the
// JSON that the command line writes.
import {
  analyze,
  type BatchResult,
  type Comparison,
  compare,
  jsonSchema,
  loadDataset,
  type Report,
  runScenarios,
  ScenarioFileSchema,
  sensitivityParallel,
  type SensitivityReport,
  SensitivityReportSchema,
} from 'servicegap';

const data: string | undefined = process.argv[2];
const { dataset, weights } = await loadDataset(data === undefined ? {} : { data });

// The ranking and its sensitivity to the weights; the draws may use every core, with the same
// numbers for any number of threads.
const report: Report = analyze(dataset, { weights });
const spread: SensitivityReport = await sensitivityParallel(dataset, { weights, draws: 1000, seed: 1, threads: 'auto' });
SensitivityReportSchema.parse(spread);
const moving = spread.regions.filter((r) => r.rank_p5 !== r.rank_p95);
console.log(`${report.regions.length} regions ranked; ${moving.length} change rank within the 5th–95th percentile of the draws`);

// Each region's change between the first and the last two years.
const first: Report = analyze(dataset, { weights, to: report.from + 1 });
const last: Report = analyze(dataset, { weights, from: report.to - 1 });
const change: Comparison = compare(first, last);
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
const batch: BatchResult = await runScenarios(scenarios, { inputs: data === undefined ? {} : { data } });
for (const s of batch.summary) console.log(`  ${s.scenario}: ${s.regions_moved} regions moved (largest ${s.largest_rank_change})`);

// The JSON Schema of the report, e.g. to check files written by `servicegap report --format json`.
console.log(`report schema has ${Object.keys((jsonSchema('report').properties ?? {}) as object).length} top-level fields`);
