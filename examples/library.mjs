// servicegap as a library, in plain Node (ESM, Node ≥ 20). Copy it next to your data and run:
//   npm install servicegap
//   node library.mjs [DATA_FOLDER]
// With no folder it uses the bundled data (Norway's health regions, 2000–2002).
import {
  analyze,
  analyzeCorner,
  compare,
  loadDataset,
  ReportSchema,
  sensitivity,
} from 'servicegap';

const data = process.argv[2];
// Load and check the four input files; an InputError lists every problem with file and line.
const { dataset, weights } = await loadDataset(data === undefined ? {} : { data });

// 1. The ranking, as `servicegap report --format json` prints it.
const report = analyze(dataset, { weights });
ReportSchema.parse(report); // the JSON contract, checked
console.log(`Service vacuum ${report.from}–${report.to}, ${report.regions.length} regions ranked:`);
for (const r of report.regions.slice(0, 5)) {
  console.log(`  ${r.rank}. ${r.region} ${r.name}: ${r.vacuum_per_100k.toFixed(1)} per 100,000`);
}

// 2. How much does the ranking move when the weights move? 500 seeded draws from each weight's
//    low–high range; the two corners bound the vacuum when community capacity only grew.
const s = sensitivity(dataset, { weights, draws: 500, seed: 42 });
const low = analyzeCorner(dataset, 'low', { weights });
const high = analyzeCorner(dataset, 'high', { weights });
const at = (rep, code) => rep.regions.find((r) => r.region === code).vacuum_per_100k;
console.log(`Sensitivity (${s.sensitivity.draws} draws, seed ${s.sensitivity.seed}):`);
for (const r of s.regions.slice(0, 5)) {
  console.log(
    `  ${r.region}: rank ${r.rank_p50} (${r.rank_p5}–${r.rank_p95}), ` +
      `${r.vacuum_per_100k_p50.toFixed(1)} per 100,000 (${r.vacuum_per_100k_p5.toFixed(1)}–${r.vacuum_per_100k_p95.toFixed(1)}); ` +
      `all-high ${at(high, r.region).toFixed(1)}, all-low ${at(low, r.region).toFixed(1)}`,
  );
}

// 3. Two periods side by side: changes are B − A.
if (report.to - report.from >= 2) {
  const middle = Math.floor((report.from + report.to) / 2);
  const a = analyze(dataset, { weights, from: report.from, to: middle });
  const b = analyze(dataset, { weights, from: middle, to: report.to });
  const c = compare(a, b, { top: 3, a: { label: `${a.from}-${a.to}`, kind: 'years' }, b: { label: `${b.from}-${b.to}`, kind: 'years' } });
  console.log(`${c.b.label} against ${c.a.label}: entered the top 3: ${c.entered_top.join(', ') || 'none'}; left: ${c.left_top.join(', ') || 'none'}`);
} else {
  console.log(`Only ${report.from}–${report.to}: too short to split into two periods.`);
}
