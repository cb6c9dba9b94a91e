// Per-file reading (issue 14): each file's decimal mark told by its own numbers, settable per file
// in the config (`files.<input>`), and by the flags for every file; a folder that mixes a Nordic
// export with decimal-point files. Fixtures: fixtures/analysts/who-atlas-nordic (WHO Atlas rates).
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/core/issues.js';
import { decidedMark, decimalEvidence, unambiguousMark } from '../../src/io/decimal-evidence.js';
import { FILE_DELIMITERS, FILE_ENCODINGS } from '../../src/core/file-options.js';
import { loadConfig } from '../../src/io/config-file.js';
import { DELIMITERS } from '../../src/io/delimiter.js';
import { ENCODINGS } from '../../src/io/encodings.js';
import { type DatasetInputs, type FileReadInfo, loadDataset, type LoadOptions } from '../../src/io/load-dataset.js';
import { inputIssues } from '../helpers/input-issues.js';

const WHO = 'fixtures/analysts/who-atlas-nordic';

async function issuesOf(inputs: DatasetInputs, options: LoadOptions = {}): Promise<string[]> {
  return (await inputIssues(loadDataset(inputs, options))).map(formatIssue);
}

describe('the config\'s per-file options', () => {
  it('name the same encodings and delimiters as the reader (the config schema is in core, which cannot import io)', () => {
    expect(FILE_ENCODINGS).toEqual(['auto', ...ENCODINGS]);
    expect(FILE_DELIMITERS.filter((d) => d !== 'auto' && d !== 'tab').sort()).toEqual([...DELIMITERS].sort());
  });
});

describe('which numbers tell a decimal mark', () => {
  it.each([
    ['12,5', ','],
    ['0,077', ','], // a thousands group never follows a leading 0
    ['1234,567', ','], // a first group has at most 3 digits
    ['-3,25', ','],
    ['74.32927', '.'],
    ['0.5', '.'],
    ['74,329', undefined], // 74.329 or 74329
    ['1.250', undefined],
    ['2016', undefined],
    ['1,234,567', undefined],
    ['1.234,5', undefined],
    ['abc', undefined],
  ] as const)('%s → %s', (cell, mark) => {
    expect(unambiguousMark(cell)).toBe(mark);
  });

  it('only the number columns count, quoted cells too; one mark decides, both or neither do not', () => {
    const sample = 'region;year;capacity\nA;2016;74,329\nB;2016;"0,5"\n';
    expect(decimalEvidence(sample, ';', [2])).toMatchObject({ comma: 1, point: 0, commaExample: '0,5', lines: 2 });
    expect(decidedMark(decimalEvidence(sample, ';', [2]))).toBe(',');
    // The region column is not a number column: "1.5" there says nothing.
    expect(decidedMark(decimalEvidence('region;capacity\n1.5;74,329\n', ';', [1]))).toBeUndefined();
    expect(decidedMark(decimalEvidence('region;capacity\nA;0,5\nB;0.5\n', ';', [1]))).toBeUndefined();
  });

  it('looks at the first 50 lines only (the delimiter\'s sample), the same however the file is chunked', () => {
    const lines = Array.from({ length: 60 }, (_, i) => `R${i};${i === 55 ? '0,5' : '74,329'}`);
    expect(decimalEvidence(`region;capacity\n${lines.join('\n')}\n`, ';', [1])).toMatchObject({ comma: 0, lines: 49 });
  });
});

describe('a Nordic export in a folder (WHO Atlas rates, ";" and decimal comma)', () => {
  const inputs: DatasetInputs = { data: WHO };
  // The folder's config without its files section: a weight for day-treatment facilities only.
  const weightsOnly = { weights: { day_services: { facilities: 0 } } };

  it('services.csv says its own mark ("0,077"): every value there is a decimal, "74,329"-like ones too', async () => {
    const reads: FileReadInfo[] = [];
    const { dataset } = await loadDataset(inputs, { config: { ...weightsOnly, files: { beds: { decimal: ',' } } }, onFileRead: (info) => reads.push(info) });
    const services = reads.find((r) => r.role === 'services')!;
    expect(services.numberFormat).toEqual({ decimal: ',', thousands: 'none' });
    expect(services.numberFormatReason).toBe('detected: 2 numbers like "0,077" in the first 8 data lines, none with a decimal point');
    // DEU general hospital beds per 100k: 80,640 (WHO: 80.6398, shown to 3 decimals).
    expect(dataset.services.get('DEU')!.get('general_hospital/beds')!.years.get(2015)).toBe(80.64);
    expect(dataset.services.get('FIN')!.get('cmhc/facilities')!.years.get(2017)).toBe(7.516);
  });

  it('beds.csv cannot tell (every value reads two ways): an error per value, each naming the options', async () => {
    const issues = await issuesOf(inputs, { config: weightsOnly });
    expect(issues[0]).toBe(
      `${WHO}/beds.csv:2: column "beds": expected a number ≥ 0, got "55,697", which reads two ways: ` +
        '--decimal , reads it as 55.697, --thousands , as 55697; give the option that fits the file',
    );
    expect(issues).toHaveLength(4);
  });

  it('the folder\'s own servicegap.config.json says "files": { "beds": { "decimal": "," } }: found and used', async () => {
    const { config, path } = await loadConfig(undefined, process.cwd(), {}, WHO);
    expect(path).toBe(`${WHO}/servicegap.config.json`);
    const reads: FileReadInfo[] = [];
    const { dataset } = await loadDataset(inputs, { config, onFileRead: (info) => reads.push(info) });
    // Norway's mental hospital beds per 100k in 2016: WHO 74.32927, shown as 74,329.
    expect(dataset.beds.shape === 'stock' && dataset.beds.byRegion.get('NOR')!.get(2016)).toBe(74.329);
    expect(reads.find((r) => r.role === 'beds')!.numberFormatReason).toBe('given with files.beds.decimal in the config');
  });

  it('a flag is for every file and wins over the config: --decimal . makes both files errors', async () => {
    const { config } = await loadConfig(undefined, process.cwd(), {}, WHO);
    const issues = await issuesOf(inputs, { config, decimal: '.' });
    expect(issues.some((i) => i.startsWith(`${WHO}/beds.csv:2:`) && i.includes('got "55,697"'))).toBe(true);
    expect(issues.some((i) => i.startsWith(`${WHO}/services.csv:2:`) && i.includes('got "80,640"'))).toBe(true);
  });

  it('mixed with decimal-point files in one run: each file read its own way', async () => {
    const { config } = await loadConfig(undefined, process.cwd(), {}, WHO);
    const population = { name: 'population.csv', content: 'region,year,population\nDEU,2015,100000.0\nDEU,2016,100000.0\nDEU,2017,100000.0\nNOR,2016,100000.0\nNOR,2017,100000\nDNK,2016,1e5\nFIN,2017,100000\nSWE,2016,100000\n' };
    const reads: FileReadInfo[] = [];
    const { dataset } = await loadDataset({ ...inputs, population }, { config, onFileRead: (info) => reads.push(info) });
    expect(reads.map((r) => [r.role, r.numberFormat?.decimal])).toEqual([
      ['regions', '.'],
      ['population', '.'],
      ['beds', ','],
      ['services', ','],
    ]);
    expect(dataset.population.get('DNK')!.get(2016)).toBe(100000);
  });
});
