// The files of a data folder (SPEC §1, §8): names match case-insensitively, an Excel workbook
// (.xlsx, .xlsm) stands for a missing CSV file (issue 14; the lead's decision: services.xlsx is
// read), a spreadsheet servicegap cannot read or an archive named like an input is named in an
// error with what to do, two names for one input are an error, a folder without services.csv is
// an input error naming what it holds, and `--services none` says on purpose that there are no
// community data.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findInput, listFolder } from '../../src/io/discover-inputs.js';
import { FileAccessError } from '../../src/io/errors.js';
import { loadDataset } from '../../src/io/load-dataset.js';
import { inputIssues } from '../helpers/input-issues.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A temp folder holding `files` (name → content). */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'servicegap-discover-'));
  made.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

const REGIONS = 'region\nA\n';
const POPULATION = 'region,year,population\nA,2010,1000\n';
const BEDS = 'region,year,beds\nA,2010,5\nA,2020,4\n';
const SERVICES = 'region,year,service,capacity,unit\nA,2010,crisis,1,teams\n';

async function issuesOf(dir: string): Promise<string[]> {
  return (await inputIssues(loadDataset({ data: dir }))).map((i) => `${i.file}: ${i.message}`);
}

describe('names in a data folder', () => {
  it('match case-insensitively, and the file is named as it is on disk', async () => {
    const dir = folder({ 'Regions.CSV': REGIONS, 'POPULATION.csv': POPULATION, 'Beds.csv': BEDS, 'Services.CSV': SERVICES });
    const { files, dataset } = await loadDataset({ data: dir });
    expect(files).toEqual({
      regions: join(dir, 'Regions.CSV'),
      population: join(dir, 'POPULATION.csv'),
      beds: join(dir, 'Beds.csv'),
      services: join(dir, 'Services.CSV'),
    });
    expect(dataset.services.get('A')?.get('crisis/teams')?.years.get(2010)).toBe(1);
  });

  it('two files that differ only in case are an error naming both', () => {
    const dir = folder({ 'services.csv': SERVICES, 'Services.csv': SERVICES });
    expect(findInput({ dir, names: ['Services.csv', 'services.csv'] }, 'services.csv', '--services').issue?.message).toBe(
      '2 files in the folder are named services.csv but for upper and lower case (Services.csv, services.csv): keep one',
    );
    expect(dir).toBeTruthy();
  });
});

describe('spreadsheets, archives and other text files named like an input', () => {
  it.each([
    [
      'services.xls',
      /^this is a spreadsheet servicegap cannot read \(\.xls\): it reads services\.csv or an Excel workbook services\.xlsx\. Save it as an Excel workbook \(\.xlsx\) as .*services\.xlsx, or export the sheet as CSV .* or give the file with --services FILE$/,
    ],
    ['Services.ODS', /^this is a spreadsheet servicegap cannot read \(\.ods\)/],
    ['services.numbers', /^this is a spreadsheet servicegap cannot read \(\.numbers\)/],
    // An .xlsx file is read as the input (here it is no workbook at all, so the reader says so).
    ['services.xlsx', /^cannot be read as an Excel workbook/],
    ['services.zip', /^this is an archive: unpack it so that the folder holds services\.csv, or give the unpacked file with --services FILE$/],
    ['services.csv.gz', /^this is an archive/],
    ['services.tsv', /^found services\.tsv but no services\.csv: rename it to services\.csv, or give it with --services .*services\.tsv$/],
  ])('%s in place of services.csv is named, with what to do', async (name, message) => {
    const dir = folder({ 'regions.csv': REGIONS, 'population.csv': POPULATION, [name]: 'PK\u0003\u0004' });
    const issues = await issuesOf(dir);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.startsWith(`${join(dir, name)}: `)).toBe(true);
    expect(issues[0]!.slice(join(dir, name).length + 2)).toMatch(message);
  });

  it('a spreadsheet in place of beds.csv (an optional file) is an error too, with every other problem', async () => {
    const dir = folder({ 'regions.csv': REGIONS, 'population.csv': 'region,year,population\nB,2010,1\n', 'beds.ods': 'x', 'services.csv': SERVICES });
    const issues = await issuesOf(dir);
    expect(issues.some((i) => i.startsWith(`${join(dir, 'beds.ods')}: this is a spreadsheet servicegap cannot read`) && i.includes('--beds FILE'))).toBe(true);
    expect(issues.some((i) => i.includes('unknown region "B"'))).toBe(true);
  });

  it('a workbook stands for a missing CSV, matched case-insensitively; two workbooks for one input are an error naming both', () => {
    const dir = '/data';
    expect(findInput({ dir, names: ['Services.XLSX', 'regions.csv'] }, 'services.csv', '--services')).toEqual({ path: join(dir, 'Services.XLSX') });
    expect(findInput({ dir, names: ['services.xlsm'] }, 'services.csv', '--services')).toEqual({ path: join(dir, 'services.xlsm') });
    // Not a workbook named like one: services.backup.xlsx is not services.xlsx.
    expect(findInput({ dir, names: ['services.backup.xlsx'] }, 'services.csv', '--services')).toEqual({});
    expect(findInput({ dir, names: ['services.xlsm', 'services.xlsx'] }, 'services.csv', '--services').issue).toEqual({
      file: join(dir, 'services.csv'),
      message: 'no services.csv, and 2 workbooks could stand for it (services.xlsm, services.xlsx): keep one, or give it with --services FILE',
    });
  });

  it('the CSV wins when both are there', async () => {
    const dir = folder({ 'regions.csv': REGIONS, 'population.csv': POPULATION, 'services.csv': SERVICES, 'services.xlsx': 'x' });
    expect((await loadDataset({ data: dir })).files.services).toBe(join(dir, 'services.csv'));
  });
});

describe('a data folder without services.csv (SPEC §8)', () => {
  it('is an input error naming the files it did find and the three ways on', async () => {
    const dir = folder({ 'regions.csv': REGIONS, 'population.csv': POPULATION, 'beds.csv': BEDS, 'notes.txt': 'x' });
    expect(await issuesOf(dir)).toEqual([
      `${join(dir, 'services.csv')}: the data folder has no services.csv (it holds beds.csv, notes.txt, population.csv, regions.csv). ` +
        'Missing community data is not zero: add services.csv (or an Excel workbook services.xlsx), give the file with --services FILE, or say --services none to run without ' +
        'community data (every region is then excluded with reason "community", or counted with 0 and flagged under --missing-community zero)',
    ]);
  });

  it('a folder named services.csv is that input, which cannot be read (exit 4), not a missing file', async () => {
    const dir = folder({ 'regions.csv': REGIONS, 'population.csv': POPULATION, 'beds.csv': BEDS });
    mkdirSync(join(dir, 'Services.CSV'));
    expect(findInput(await listFolder(dir), 'services.csv', '--services')).toEqual({ path: join(dir, 'Services.CSV') });
    const error = await loadDataset({ data: dir }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FileAccessError);
    expect((error as Error).message).toBe(`cannot read ${join(dir, 'Services.CSV')}: it is a folder, not a file`);
  });

  it('--services none runs without them on purpose, and a services file given alone is used', async () => {
    const dir = folder({ 'regions.csv': REGIONS, 'population.csv': POPULATION, 'beds.csv': BEDS });
    const none = await loadDataset({ data: dir, services: 'none' });
    expect([none.noServices, none.files.services, none.dataset.services.size]).toEqual([true, undefined, 0]);
    // no warning about it: it was said on purpose
    expect(none.dataset.warnings.filter((w) => w.file === 'services.csv')).toEqual([]);
    const given = await loadDataset({ data: dir, services: { name: 'mine.csv', content: SERVICES } });
    expect(given.files.services).toBe('mine.csv');
  });

  it('single files without --services load, with a warning that no region can count its community capacity', async () => {
    const { dataset } = await loadDataset({ regions: { name: 'r.csv', content: REGIONS }, population: { name: 'p.csv', content: POPULATION } });
    expect(dataset.warnings.map((w) => w.message)).toContainEqual(expect.stringMatching(/^no services file: every region's community capacity is unknown/));
  });

  it('listFolder lists files only, in code-unit order; a folder that cannot be listed is left to fail at its files', async () => {
    const dir = folder({ 'b.csv': '', 'B.csv': '', 'a.csv': '' });
    expect((await listFolder(dir)).names).toEqual(['B.csv', 'a.csv', 'b.csv']);
    expect((await listFolder(join(dir, 'nothing'))).names).toBeUndefined();
  });
});
