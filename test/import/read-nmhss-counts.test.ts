// readNmhss on small inline public-use files: which answers count as a yes, the unanswered flag,
// the services a year's file lacks, the dimensions, and the located messages. Each count is made
// by hand from the lines written here.
import { describe, expect, it } from 'vitest';
import { readNmhss } from '../../src/core/import/read-nmhss.js';
import type { ImportIssue } from '../../src/core/import/table.js';

const read = (text: string) => {
  const issues: ImportIssue[] = [];
  return { table: readNmhss(text, 'f.csv', issues), issues };
};

describe('readNmhss', () => {
  it('counts the facilities answering 1; 0 and -2 are no; anything else is unanswered and flagged', () => {
    const text = [
      'CASEID,LST,YEAR,SETTINGOP,SETTINGDTPH,CRISISTEAM2,ASSERTCOMM,SUPPHOUSING',
      '1,WY,2019,1,0,1,-2,1',
      '2,WY,2019,1,-1,0,-2,0',
      '3,AK,2019,0,1,-3,1,0',
      '4, WY ,2019, 1 ,0,0,0,0',
    ].join('\n');
    const { table, issues } = read(text);
    expect(issues).toEqual([]);
    // WY: SETTINGOP 1,1,1 = 3; SETTINGDTPH 0,-1,0 = 0 (one unanswered); CRISISTEAM2 1,0,0 = 1;
    // ASSERTCOMM -2,-2,0 = 0; SUPPHOUSING 1,0,0 = 1. AK: 0; 1; 0 (-3 unanswered); 1; 0.
    const cells = table!.observations.map((o) => `${o.codes.join('/')}=${o.value}${o.status ? ` ${o.status}` : ''}@${o.at.line}`);
    expect(cells).toEqual([
      'WY/2019/cmhc=3@2',
      'WY/2019/day_services=0 unanswered=1@2',
      'WY/2019/crisis=1@2',
      'WY/2019/outreach=0@2',
      'WY/2019/supported_living=1@2',
      'AK/2019/cmhc=0@4',
      'AK/2019/day_services=1@4',
      'AK/2019/crisis=0 unanswered=1@4',
      'AK/2019/outreach=1@4',
      'AK/2019/supported_living=0@4',
    ]);
    expect(table!.notes).toEqual([]);
    expect(table!.title).toBe('N-MHSS public-use file');
    expect(table!.unit).toBe('facilities');
    expect(table!.file).toBe('f.csv');
  });

  it('dimensions: states sorted with their names (an unknown code keeps its code), the survey year, the services present', () => {
    const { table } = read('lst,Year,SETTINGOP\nWY,2019,1\nAK,2019,1\nQQ,2019,0\n');
    expect(table!.dimensions).toEqual([
      { id: 'LST', label: 'state', role: 'geo', categories: [{ code: 'AK', label: 'Alaska' }, { code: 'QQ', label: 'QQ' }, { code: 'WY', label: 'Wyoming' }] },
      { id: 'YEAR', label: 'survey year', role: 'time', categories: [{ code: '2019', label: '2019' }] },
      { id: 'service', label: 'service', categories: [{ code: 'cmhc', label: 'facilities offering outpatient mental health care (SETTINGOP = 1)' }] },
    ]);
  });

  it('without a YEAR column the cells have a state and a service only', () => {
    const { table } = read('LST,CRISISTEAM2\nAK,1\nAK,1\n');
    expect(table!.dimensions.map((d) => d.id)).toEqual(['LST', 'service']);
    expect(table!.observations).toEqual([{ codes: ['AK', 'crisis'], value: 2, status: undefined, at: { line: 2 } }]);
  });

  it('a service column missing, or empty on every line, gives a note and no rows for it (unknown, not 0)', () => {
    const { table } = read('LST,YEAR,SETTINGOP,ASSERTCOMM\nAK,2012,1,\nAK,2012,0, \n');
    expect(table!.notes).toEqual(['f.csv: no SETTINGDTPH, CRISISTEAM2, ASSERTCOMM, SUPPHOUSING in this year\'s file: no day_services, crisis, outreach, supported_living rows (unknown, not 0)']);
    expect(table!.observations.map((o) => o.codes.join('/'))).toEqual(['AK/2012/cmhc']);
    expect(table!.dimensions[2]!.categories.map((c) => c.code)).toEqual(['cmhc']);
  });

  it('no LST column: line 1, naming the first eight columns', () => {
    const { table, issues } = read('A,B,C,D,E,F,G,H,I\n1,2,3,4,5,6,7,8,9\n');
    expect(table).toBeUndefined();
    expect(issues).toEqual([{ file: 'f.csv', at: { line: 1 }, message: 'expected the N-MHSS public-use file: a column LST (the facility\'s state), got A,B,C,D,E,F,G,H' }]);
  });

  it('no service column at all: line 1, naming the five', () => {
    const { table, issues } = read('LST,YEAR\nAK,2019\n');
    expect(table).toBeUndefined();
    expect(issues).toEqual([{ file: 'f.csv', at: { line: 1 }, message: 'expected at least one of SETTINGOP, SETTINGDTPH, CRISISTEAM2, ASSERTCOMM, SUPPHOUSING' }]);
  });

  it('a line without a state is located, every one at once', () => {
    const { table, issues } = read('LST,SETTINGOP\nAK,1\n ,1\nWY,1\n,0\n');
    expect(table).toBeUndefined();
    expect(issues).toEqual([
      { file: 'f.csv', at: { line: 3 }, message: 'column LST: expected a state code, got an empty cell' },
      { file: 'f.csv', at: { line: 5 }, message: 'column LST: expected a state code, got an empty cell' },
    ]);
  });

  it('an earlier file\'s issues do not make this one fail', () => {
    const issues: ImportIssue[] = [{ file: 'a', at: {}, message: 'earlier' }];
    expect(readNmhss('LST,SETTINGOP\nAK,1\n', 'f.csv', issues)!.observations).toHaveLength(1);
  });

  it('a broken CSV stops the reader', () => {
    expect(read('').issues.map((i) => i.message)).toEqual(['expected a header line, the file is empty']);
  });
});
