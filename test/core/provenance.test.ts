// SPEC §8 provenance: every JSON output says which files (with their SHA-256, rows, encoding,
// delimiter and decimal mark), which config file, which weights and norms (each with its range,
// source and who set it) and which options produced its numbers.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze.js';
import { analyzeCoverage } from '../../src/core/analyze-coverage.js';
import { combineBatch } from '../../src/core/batch.js';
import { compare } from '../../src/core/compare.js';
import { DEFAULT_WEIGHTS } from '../../src/core/defaults.js';
import { RunProvenanceSchema } from '../../src/core/provenance-schema.js';
import { provenanceLine } from '../../src/core/run-provenance.js';
import { analyzeCorner, sensitivity } from '../../src/core/sensitivity.js';
import { trend } from '../../src/core/trend.js';
import { loadDataset } from '../../src/io/load-dataset.js';
import { readRestInParallel } from '../../src/parallel/read-in-parallel.js';

// The five-region example (2000–2002) these numbers were written for; the bundled default is now Norway's health trusts 2015–2025.
const FIVE_REGIONS = 'data/examples/norway-regions-2000-2002';

describe('inputs: as read, with their hashes', () => {
  it('each file: role, the path as given (relative stays relative), SHA-256 of its bytes, rows and how it was read', async () => {
    const { dataset, inputs } = await loadDataset({ data: 'fixtures/loader/nordic-semicolon-crlf-bom' });
    expect(dataset.inputs).toEqual(inputs);
    const services = inputs.find((i) => i.role === 'services')!;
    // coreutils: sha256sum fixtures/loader/nordic-semicolon-crlf-bom/services.csv; 7 lines − header = 6 rows
    expect(services).toEqual({
      role: 'services',
      path: 'fixtures/loader/nordic-semicolon-crlf-bom/services.csv',
      sha256: '36a0fdce0199673ad981c80ad83b39f0a0bdeee03bba7638b0302059c6603e93',
      rows: 6,
      encoding: 'utf8',
      delimiter: ';',
      // a ";"-separated file may use either mark: a number that reads two ways is an error
      decimal: 'auto',
      thousands: 'none',
    });
    expect(inputs.map((i) => i.role)).toEqual(['regions', 'population', 'beds', 'services']);
  });

  it('an Excel workbook: the path as given, the sheet read in a field of its own, the hash of the whole file (issue 14)', async () => {
    const dir = 'fixtures/analysts/norway-2000-counties';
    const base = { regions: `${dir}/regions.csv`, population: `${dir}/population.csv`, beds: `${dir}/beds.csv` };
    const { inputs } = await loadDataset({ ...base, services: `${dir}/services.xlsx` });
    // coreutils: sha256sum fixtures/analysts/norway-2000-counties/services.xlsx; the sheet "services" holds 10 rows under its header
    expect(inputs.find((i) => i.role === 'services')).toEqual({
      role: 'services',
      path: `${dir}/services.xlsx`,
      sheet: 'services',
      sha256: 'd827520ed0fe71f468774330150ad6b7fba64f2e7b767e09d84137df7763ffc6',
      rows: 10,
      encoding: null,
      delimiter: null,
      decimal: '.',
      thousands: 'none',
    });
    // a CSV file has no sheet field
    expect(inputs.find((i) => i.role === 'beds')).not.toHaveProperty('sheet');
  });

  it('a file read in pieces on worker threads (as a large file is), to the same digests (here: pieces of 16 bytes, from size 0)', async () => {
    const oneThread = await loadDataset({ data: 'fixtures/loader/nordic-semicolon-crlf-bom' }, { threads: 1 });
    const inPieces = await loadDataset(
      { data: 'fixtures/loader/nordic-semicolon-crlf-bom' },
      { threads: 2, parallelMinBytes: 0, parallelPieceBytes: 16, readInParallel: readRestInParallel },
    );
    expect(inPieces.inputs).toEqual(oneThread.inputs);
    expect(inPieces.inputs.find((i) => i.role === 'services')!.sha256).toBe('36a0fdce0199673ad981c80ad83b39f0a0bdeee03bba7638b0302059c6603e93');
  });

  it('standard input is "-", and content given to the library is hashed as its UTF-8 text', async () => {
    const { inputs } = await loadDataset(
      { regions: '-', population: { name: 'p.csv', content: 'region,year,population\nA,2010,1\n' }, services: 'none' },
      { stdin: Readable.from([Buffer.from('region\nA\n')]) },
    );
    expect(inputs[0]).toEqual({ role: 'regions', path: '-', sha256: SHA_REGION_A, rows: 1, encoding: 'utf8', delimiter: ',', decimal: '.', thousands: 'none' });
    // the same text given as a string: the same hash
    const again = await loadDataset({ regions: { name: 'r.csv', content: 'region\nA\n' }, population: { name: 'p.csv', content: 'region,year,population\nA,2010,1\n' }, services: 'none' });
    expect(again.inputs[0]!.sha256).toBe(SHA_REGION_A);
    expect(inputs[1]).toMatchObject({ role: 'population', path: 'p.csv', rows: 1, encoding: 'text' });
  });
});

// coreutils: printf 'region\nA\n' | sha256sum
const SHA_REGION_A = 'd3b04daa1c2c49d3851916214e9c777d4fb9887fe04af5f1131c6620579fd035';

describe('weights, norms and options in force', () => {
  it('every default weight and norm, set by default; the options with the values used', async () => {
    const { dataset, weights, norms } = await loadDataset({ data: FIVE_REGIONS });
    const p = analyze(dataset, { weights, norms }).provenance;
    expect(RunProvenanceSchema.parse(p)).toEqual(p);
    expect(p.weights).toHaveLength(DEFAULT_WEIGHTS.length);
    expect(p.weights.every((w) => w.set_by === 'default')).toBe(true);
    expect(p.weights.find((w) => w.category === 'crisis' && w.unit === 'teams')).toMatchObject({ value: 12.5, low: 5, high: 25, set_by: 'default' });
    expect(p.norms.map((n) => [n.norm, n.low, n.set_by])).toEqual([
      ['psychiatric_beds', 28.1, 'default'],
      ['supported_living', 10, 'default'],
      ['crisis_teams', 100_000 / 150_000, 'default'],
    ]);
    expect(p.options).toEqual({ from: 2000, to: 2002, sort: 'vacuum_per_100k', fill: 'carry', missingCommunity: 'exclude', level: null, rollup: false });
    expect(p.config).toBeNull();
    expect(provenanceLine(p)).toBe('Method: no config file; default weights. Details: --format json (provenance) or --provenance FILE.');
  });

  it('a config sets weights (set_by config, with the range used) and norms; --weights low sets them by option', async () => {
    const config = { weights: { crisis: { teams: 30 } }, norms: { supported_living: { low: 12 } } };
    const { dataset, weights, norms } = await loadDataset(undefined, { config });
    const sources = { config: { path: 'my.json', sha256: 'ab'.repeat(32) } };
    const p = analyze(dataset, { weights, norms, sources }).provenance;
    // 30 is above the default range 5–25: the range widens to 5–30 (SPEC §8)
    expect(p.weights.find((w) => w.category === 'crisis' && w.unit === 'teams')).toMatchObject({ value: 30, low: 5, high: 30, set_by: 'config', source: 'set in the config file' });
    expect(p.norms.find((n) => n.norm === 'supported_living')).toMatchObject({ low: 12, high: 20, set_by: 'config' });
    expect(p.config).toEqual(sources.config);
    expect(provenanceLine(p)).toBe(
      `Method: config my.json (sha256 ${'ab'.repeat(6)}); weights not at their default: crisis/teams 30 (5–30); norms not at their default: supported_living 12–20. ` +
        'Details: --format json (provenance) or --provenance FILE.',
    );
    const low = analyzeCorner(dataset, 'low', { weights, norms }).provenance;
    expect(low.options.weights).toBe('low');
    expect(low.weights.find((w) => w.category === 'crisis' && w.unit === 'teams')).toMatchObject({ value: 5, set_by: 'option' });
    // a weight whose low end is its value is not moved by the option
    expect(low.weights.find((w) => w.category === 'general_hospital' && w.unit === 'beds')).toMatchObject({ value: 1, set_by: 'default' });
  });
});

describe('every JSON output carries it', () => {
  it('report, coverage, trend, sensitivity, compare and batch', async () => {
    const { dataset, weights, norms, inputs } = await loadDataset({ data: FIVE_REGIONS });
    const report = analyze(dataset, { weights, norms });
    expect(report.provenance.inputs).toEqual(inputs);
    expect(analyzeCoverage(dataset, { norms }).provenance.options).toEqual({ to: 2002, missingCommunity: 'exclude', level: null, rollup: false });
    expect(trend(dataset, { weights, norms }).provenance.inputs).toEqual(inputs);
    const sens = sensitivity(dataset, { weights, draws: 3, seed: 7 });
    expect(sens.provenance.options).toMatchObject({ from: 2000, to: 2002, draws: 3, seed: 7 });
    const other = analyze(dataset, { weights, norms, from: 2001 });
    expect(compare(report, other).provenance).toEqual({ a: report.provenance, b: other.provenance });
    const batch = combineBatch([
      { name: 'one', report },
      { name: 'two', report: other },
    ]);
    expect(batch.provenance.scenarios.map((s) => [s.scenario, s.options.from])).toEqual([
      ['one', 2000],
      ['two', 2001],
    ]);
  });
});
