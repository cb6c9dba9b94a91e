// The long-table readers (SDMX-CSV, WHO GHO CSV and JSON) on small inline files: which columns
// become dimensions, codes and labels, the missing-value markers and flags, the roles, and the
// located message for each kind of bad input. Expected tables are written out by hand.
import { describe, expect, it } from 'vitest';
import { readGhoCsv, readGhoJson, readSdmxCsv } from '../../src/core/import/read-long-csv.js';
import type { ImportIssue } from '../../src/core/import/table.js';

const run = <T>(reader: (text: string, file: string, issues: ImportIssue[]) => T, text: string) => {
  const issues: ImportIssue[] = [];
  return { table: reader(text, 'x.csv', issues), issues };
};

describe('readSdmxCsv', () => {
  it('SDMX-CSV 1.0: the structure columns are left out; OBS_FLAG is the flag; an empty flag is none', () => {
    const text = 'DATAFLOW,LAST UPDATE,freq,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG\nESTAT:X(1.0),,A,AT,2000,74.6,\nESTAT:X(1.0),,A,BE,2000,182.5,b\n';
    const { table, issues } = run(readSdmxCsv, text);
    expect(issues).toEqual([]);
    expect(table).toEqual({
      file: 'x.csv',
      notes: [],
      dimensions: [
        { id: 'freq', label: 'freq', role: undefined, categories: [{ code: 'A', label: 'A' }] },
        { id: 'geo', label: 'geo', role: 'geo', categories: [{ code: 'AT', label: 'AT' }, { code: 'BE', label: 'BE' }] },
        { id: 'TIME_PERIOD', label: 'TIME_PERIOD', role: 'time', categories: [{ code: '2000', label: '2000' }] },
      ],
      observations: [
        // OBS_VALUE is the 6th column: the value's column.
        { codes: ['A', 'AT', '2000'], value: 74.6, status: undefined, at: { line: 2, column: 6 } },
        { codes: ['A', 'BE', '2000'], value: 182.5, status: 'b', at: { line: 3, column: 6 } },
      ],
    });
  });

  it('SDMX-CSV 2.0 with labels: codes before the first colon, labels after it; the structure columns left out in any case', () => {
    const text =
      'STRUCTURE,STRUCTURE_ID,action,freq:Time frequency,REF_AREA: Reference area,TIME_PERIOD:Time,OBS_VALUE:Observation value,obs_status:Status\n' +
      'dataflow,ESTAT:X(1.0),I,A:Annual,NO : Norway ,2019,5,E:Estimated\n' +
      'dataflow,ESTAT:X(1.0),I,A:Annual,SE,2019,6,\n';
    const { table, issues } = run(readSdmxCsv, text);
    expect(issues).toEqual([]);
    expect(table!.dimensions).toEqual([
      { id: 'freq', label: 'freq', role: undefined, categories: [{ code: 'A', label: 'Annual' }] },
      { id: 'REF_AREA', label: 'REF_AREA', role: 'geo', categories: [{ code: 'NO', label: 'Norway' }, { code: 'SE', label: 'SE' }] },
      { id: 'TIME_PERIOD', label: 'TIME_PERIOD', role: 'time', categories: [{ code: '2019', label: '2019' }] },
    ]);
    expect(table!.observations.map((o) => [o.codes, o.value, o.status, o.at])).toEqual([
      [['A', 'NO', '2019'], 5, 'E', { line: 2, column: 7 }],
      [['A', 'SE', '2019'], 6, undefined, { line: 3, column: 7 }],
    ]);
  });

  it('GEO in capitals is the geography too', () => {
    const { table } = run(readSdmxCsv, 'GEO,TIME_PERIOD,OBS_VALUE\nNO,2019,1\n');
    expect(table!.dimensions.map((d) => d.role)).toEqual(['geo', 'time']);
  });

  it('an empty value, ":" and NaN are missing (null), with the flag or ":" as the status', () => {
    const text = 'geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG\nA,2000,,c\nB,2000,:,\nC,2000,nan,\nD,2000, NaN ,z\n';
    const { table, issues } = run(readSdmxCsv, text);
    expect(issues).toEqual([]);
    expect(table!.observations.map((o) => [o.codes[0], o.value, o.status])).toEqual([
      ['A', null, 'c'],
      ['B', null, ':'],
      ['C', null, ':'],
      ['D', null, 'z'],
    ]);
    // Without a flag column the status of a missing cell is ":", of a number none.
    const bare = run(readSdmxCsv, 'geo,TIME_PERIOD,OBS_VALUE\nA,2000,\nB,2000,2\n').table!;
    expect(bare.observations.map((o) => [o.value, o.status])).toEqual([
      [null, ':'],
      [2, undefined],
    ]);
  });

  it('a value that is not a number: line and the OBS_VALUE column, every one at once', () => {
    const { table, issues } = run(readSdmxCsv, 'geo,TIME_PERIOD,OBS_VALUE\nA,2000,1\nB,2000,1.2.3\nC,2000,Infinity\n');
    expect(table).toBeUndefined();
    expect(issues).toEqual([
      { file: 'x.csv', at: { line: 3, column: 3 }, message: 'column OBS_VALUE: expected a number, got "1.2.3"' },
      { file: 'x.csv', at: { line: 4, column: 3 }, message: 'column OBS_VALUE: expected a number, got "Infinity"' },
    ]);
  });

  it('an earlier file\'s issues do not make this one fail', () => {
    const issues: ImportIssue[] = [{ file: 'a', at: {}, message: 'earlier' }];
    expect(readSdmxCsv('geo,TIME_PERIOD,OBS_VALUE\nA,2000,1\n', 'x.csv', issues)!.observations).toHaveLength(1);
    expect(issues).toHaveLength(1);
  });

  it('no OBS_VALUE column: line 1, naming the first eight columns', () => {
    const { table, issues } = run(readSdmxCsv, 'a,b,c,d,e,f,g,h,i,j\n1,2,3,4,5,6,7,8,9,10\n');
    expect(table).toBeUndefined();
    expect(issues).toEqual([{ file: 'x.csv', at: { line: 1 }, message: 'expected an SDMX-CSV header with OBS_VALUE (and TIME_PERIOD), got a,b,c,d,e,f,g,h' }]);
  });

  it('an empty file, and a line with too many fields, are located', () => {
    expect(run(readSdmxCsv, '').issues).toEqual([{ file: 'x.csv', at: {}, message: 'expected a header line, the file is empty' }]);
    expect(run(readSdmxCsv, '\n\n').issues).toEqual([{ file: 'x.csv', at: {}, message: 'expected a header line, the file is empty' }]);
    const { table, issues } = run(readSdmxCsv, 'geo,TIME_PERIOD,OBS_VALUE\nA,2000,1\nB,2000,1,extra\n');
    expect(table).toBeUndefined();
    expect(issues).toHaveLength(1);
    expect(issues[0]!.at).toEqual({ line: 3 });
    expect(issues[0]!.message).toMatch(/^not valid CSV: /);
  });

  it('a byte-order mark, blank lines, CRLF and spaces around header names are read through', () => {
    const { table, issues } = run(readSdmxCsv, '\ufeff geo , TIME_PERIOD ,OBS_VALUE\r\n\r\nA,2000,1\r\n');
    expect(issues).toEqual([]);
    expect(table!.dimensions.map((d) => [d.id, d.role])).toEqual([
      ['geo', 'geo'],
      ['TIME_PERIOD', 'time'],
    ]);
    expect(table!.observations).toEqual([{ codes: ['A', '2000'], value: 1, status: undefined, at: { line: 3, column: 3 } }]);
  });
});

describe('readGhoCsv', () => {
  const head = 'Id,IndicatorCode,SpatialDimension,SpatialDimensionValueCode,TimeDimension,TimeDim,DisaggregatingDimension1,DisaggregatingDimension1ValueCode,Value,NumericValue\n';

  it('the GHO download read into the API\'s names; only the dimensions the file fills; roles for place, year and indicator', () => {
    const text = `${head}1,MH_16,COUNTRY,NOR,YEAR,2016,,,74.3,74.32927\n2,MH_16,COUNTRY,SWE,YEAR,2016,,, , \n3,MH_16,COUNTRY,DNK,YEAR,2016,,,,\n`;
    const { table, issues } = run(readGhoCsv, text);
    expect(issues).toEqual([]);
    expect(table!.dimensions.map((d) => [d.id, d.role, d.categories.map((c) => c.code).join(' ')])).toEqual([
      ['IndicatorCode', 'metric', 'MH_16'],
      ['SpatialDimType', undefined, 'COUNTRY'],
      ['SpatialDim', 'geo', 'NOR SWE DNK'],
      ['TimeDimType', undefined, 'YEAR'],
      ['TimeDim', 'time', '2016'],
    ]);
    expect(table!.observations).toEqual([
      { codes: ['MH_16', 'COUNTRY', 'NOR', 'YEAR', '2016'], value: 74.32927, status: undefined, at: { line: 2 } },
      // No NumericValue: missing; the display Value (blank here) would be the marker, else "empty".
      { codes: ['MH_16', 'COUNTRY', 'SWE', 'YEAR', '2016'], value: null, status: 'empty', at: { line: 3 } },
      { codes: ['MH_16', 'COUNTRY', 'DNK', 'YEAR', '2016'], value: null, status: 'empty', at: { line: 4 } },
    ]);
  });

  it('a disaggregation the file fills is a dimension; a display Value without a number is kept as the marker', () => {
    const text = `${head}1,MH_10,COUNTRY,NOR,YEAR,2016,SEX,SEX_MLE,No data,\n`;
    const { table } = run(readGhoCsv, text);
    expect(table!.dimensions.map((d) => d.id)).toEqual(['IndicatorCode', 'SpatialDimType', 'SpatialDim', 'TimeDimType', 'TimeDim', 'Dim1Type', 'Dim1']);
    expect(table!.observations[0]!.status).toBe('No data');
  });

  it('a NumericValue that is not a number is located by line; no place or year column is refused', () => {
    const bad = run(readGhoCsv, `${head}1,MH_16,COUNTRY,NOR,YEAR,2016,,,x,7.5.1\n`);
    expect(bad.table).toBeUndefined();
    expect(bad.issues).toEqual([{ file: 'x.csv', at: { line: 2 }, message: 'NumericValue: expected a number, got "7.5.1"' }]);
    const message = 'expected WHO GHO data: fields IndicatorCode, SpatialDim (CSV: SpatialDimensionValueCode), TimeDim and NumericValue';
    expect(run(readGhoCsv, 'IndicatorCode,TimeDim,NumericValue\nMH_16,2016,1\n').issues).toEqual([{ file: 'x.csv', at: {}, message }]);
    expect(run(readGhoCsv, 'IndicatorCode,SpatialDimensionValueCode,NumericValue\nMH_16,NOR,1\n').issues).toEqual([{ file: 'x.csv', at: {}, message }]);
    // The columns are there but empty: the same.
    expect(run(readGhoCsv, 'SpatialDimensionValueCode,TimeDim,NumericValue\n,2016,1\n').issues).toEqual([{ file: 'x.csv', at: {}, message }]);
  });

  it('a broken CSV stops before the GHO checks', () => {
    expect(run(readGhoCsv, '').issues.map((i) => i.message)).toEqual(['expected a header line, the file is empty']);
  });
});

describe('readGhoJson', () => {
  it('the API\'s rows: numbers as numbers, each row located by line and JSON path; a null NumericValue is missing', () => {
    const text = '{"value": [\n {"IndicatorCode": "MH_16", "SpatialDim": "NOR", "TimeDim": 2016, "NumericValue": 74.32927},\n {"IndicatorCode": "MH_16", "SpatialDim": "SWE", "TimeDim": 2016, "NumericValue": null, "Value": "No data"},\n {"IndicatorCode": "MH_16", "SpatialDim": "DNK", "TimeDim": 2016, "NumericValue": "12.5"}\n]}';
    const { table, issues } = run(readGhoJson, text);
    expect(issues).toEqual([]);
    expect(table!.observations).toEqual([
      { codes: ['MH_16', 'NOR', '2016'], value: 74.32927, status: undefined, at: { line: 2, column: 2, path: '/value/0' } },
      { codes: ['MH_16', 'SWE', '2016'], value: null, status: 'No data', at: { line: 3, column: 2, path: '/value/1' } },
      { codes: ['MH_16', 'DNK', '2016'], value: 12.5, status: undefined, at: { line: 4, column: 2, path: '/value/2' } },
    ]);
  });

  it('a row that is not an object has no fields: missing, not a crash', () => {
    const { table, issues } = run(readGhoJson, '{"value": [{"SpatialDim": "NOR", "TimeDim": 2016, "NumericValue": 1}, 7, null]}');
    expect(issues).toEqual([]);
    expect(table!.observations.map((o) => [o.codes, o.value, o.status])).toEqual([
      [['NOR', '2016'], 1, undefined],
      [['', ''], null, 'empty'],
      [['', ''], null, 'empty'],
    ]);
  });

  it('not the API\'s shape: located where the JSON starts; a bad NumericValue by line and path', () => {
    const message = 'expected the GHO API\'s JSON: {"value": [ {"IndicatorCode", "SpatialDim", "TimeDim", "NumericValue", …}, … ]}';
    expect(run(readGhoJson, '\n  [1, 2]').issues).toEqual([{ file: 'x.csv', at: { line: 2, column: 3 }, message }]);
    expect(run(readGhoJson, '{"value": {"a": 1}}').issues).toEqual([{ file: 'x.csv', at: { line: 1, column: 1 }, message }]);
    expect(run(readGhoJson, 'null').issues).toEqual([{ file: 'x.csv', at: { line: 1, column: 1 }, message }]);
    const bad = run(readGhoJson, '{"value": [\n{"SpatialDim": "NOR", "TimeDim": 2016, "NumericValue": "n/a"}]}');
    expect(bad.table).toBeUndefined();
    expect(bad.issues).toEqual([{ file: 'x.csv', at: { line: 2, column: 1, path: '/value/0' }, message: 'NumericValue: expected a number, got "n/a"' }]);
  });

  it('a JSON syntax error is located (an empty file too: a value was expected at 1:1)', () => {
    expect(run(readGhoJson, '{"value": [1,]}').issues).toEqual([{ file: 'x.csv', at: { line: 1, column: 14 }, message: 'not valid JSON: ValueExpected' }]);
    expect(run(readGhoJson, '').issues).toEqual([{ file: 'x.csv', at: { line: 1, column: 1 }, message: 'not valid JSON: ValueExpected' }]);
  });
});
