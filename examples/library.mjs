// servicegap as a library, in plain Node (ESM, Node ≥ 20). Copy it next to your data and run:
//   npm install servicegap
//   node library.mjs [DATA_FOLDER]
// With no folder it uses the bundled data (Norway's health trusts, 2015–2025). Each run* is what
// one command does; it returns typed results, the warnings, and the output ready to render.
import { InputError, renderOutput, ReportSchema, runCompare, runReport, runSensitivity } from 'servicegap';

const data = process.argv[2];
const inputs = data === undefined ? {} : { data };

// 1. The ranking, as `servicegap report --format json` prints it. Invalid data is an InputError
//    listing every problem with its file and line.
let run;
try {
  run = await runReport({ inputs, format: 'markdown' });
} catch (error) {
  if (!(error instanceof InputError)) throw error;
  for (const issue of error.issues) console.error(`${issue.file}:${issue.line ?? ''} ${issue.message}`);
  process.exit(3);
}
const { report } = run;
ReportSchema.parse(report); // the JSON contract, checked
console.log(`Service vacuum ${report.from}–${report.to}, ${report.regions.length} regions ranked:`);
for (const r of report.regions.slice(0, 5)) {
  console.log(`  ${r.rank}. ${r.region} ${r.name}: ${r.vacuum_per_100k.toFixed(1)} per 100,000`);
}
// The same report as the command line would write it (here Markdown), with its warnings.
const markdown = await renderOutput(run.output);
console.log(`(${markdown.split('\n').length} lines of Markdown; ${run.warnings.length} warnings)`);

// 2. How much does the ranking move when the weights move? 500 seeded draws from each weight's
//    low–high range; the two corners bound the vacuum when community capacity only grew.
const { sensitivity: s } = await runSensitivity({ inputs, draws: 500, seed: 42 });
const { report: low } = await runReport({ inputs, weights: 'low' });
const { report: high } = await runReport({ inputs, weights: 'high' });
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
  const { comparison: c } = await runCompare({
    inputs,
    a: { kind: 'years', from: report.from, to: middle },
    b: { kind: 'years', from: middle, to: report.to },
    top: 3,
  });
  console.log(`${c.b.label} against ${c.a.label}: entered the top 3: ${c.entered_top.join(', ') || 'none'}; left: ${c.left_top.join(', ') || 'none'}`);
} else {
  console.log(`Only ${report.from}–${report.to}: too short to split into two periods.`);
}
