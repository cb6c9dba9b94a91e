// readEurostatTsv on small inline files: the header's shape, each kind of cell Eurostat writes
// (numbers, flagged numbers, ":" with and without a flag), blank and CRLF lines, and the located
// message for every kind of bad line. Each expected table is written out by hand from the input.
import { describe, expect, it } from 'vitest';
import { readEurostatTsv } from '../../src/core/import/read-eurostat.js';
import type { ImportIssue } from '../../src/core/import/table.js';

const read = (text: string) => {
  const issues: ImportIssue[] = [];
  const table = readEurostatTsv(text, 'x.tsv', issues);
  return { table, issues };
};

describe('readEurostatTsv: the header', () => {
  it('dimensions are the codes before the backslash, then the column dimension; geo and time get their roles', () => {
    const { table, issues } = read('unit,facility,geo\\time\t2000 \t2001 \nNR ,HBED_PSY, AT\t1 \t2 \nNR,HBED_PSY,BE\t3\t4\n');
    expect(issues).toEqual([]);
    expect(table!.file).toBe('x.tsv');
    expect(table!.notes).toEqual([]);
    // "NR " and " AT": codes are trimmed, so both lines share unit NR; the header's "2000 " too.
    expect(table!.dimensions).toEqual([
      { id: 'unit', label: 'unit', role: undefined, categories: [{ code: 'NR', label: 'NR' }] },
      { id: 'facility', label: 'facility', role: undefined, categories: [{ code: 'HBED_PSY', label: 'HBED_PSY' }] },
      { id: 'geo', label: 'geo', role: 'geo', categories: [{ code: 'AT', label: 'AT' }, { code: 'BE', label: 'BE' }] },
      { id: 'time', label: 'time', role: 'time', categories: [{ code: '2000', label: '2000' }, { code: '2001', label: '2001' }] },
    ]);
    expect(table!.observations).toEqual([
      { codes: ['NR', 'HBED_PSY', 'AT', '2000'], value: 1, status: undefined, at: { line: 2, column: 2 } },
      { codes: ['NR', 'HBED_PSY', 'AT', '2001'], value: 2, status: undefined, at: { line: 2, column: 3 } },
      { codes: ['NR', 'HBED_PSY', 'BE', '2000'], value: 3, status: undefined, at: { line: 3, column: 2 } },
      { codes: ['NR', 'HBED_PSY', 'BE', '2001'], value: 4, status: undefined, at: { line: 3, column: 3 } },
    ]);
  });

  it('the newer header "freq,…,geo\\TIME_PERIOD" names the time dimension TIME_PERIOD, with the time role', () => {
    const { table } = read('freq,geo\\TIME_PERIOD\t2020\nA,NO\t5\n');
    expect(table!.dimensions.map((d) => [d.id, d.role])).toEqual([
      ['freq', undefined],
      ['geo', 'geo'],
      ['TIME_PERIOD', 'time'],
    ]);
  });

  it('the time role is for the whole names time / TIME_PERIOD in any case, not names containing them', () => {
    const roleOf = (name: string) => read(`geo\\${name}\t2020\nNO\t5\n`).table!.dimensions[1]!.role;
    expect(roleOf('TIME')).toBe('time');
    expect(roleOf('time_period')).toBe('time');
    expect(roleOf('times')).toBeUndefined();
    expect(roleOf('xtime')).toBeUndefined();
    expect(roleOf('TIME_PERIODS')).toBeUndefined();
    // Only the exact id "geo" is the geography.
    expect(read('geox\\time\t2020\nNO\t5\n').table!.dimensions[0]!.role).toBeUndefined();
  });

  it('a header with nothing after the backslash names the column dimension "time"', () => {
    const { table } = read('geo\\ \t2020\nNO\t5\n');
    expect(table!.dimensions[1]).toEqual({ id: 'time', label: 'time', role: 'time', categories: [{ code: '2020', label: '2020' }] });
  });

  it('the byte-order mark and CRLF line ends are read through', () => {
    const { table, issues } = read('\ufeffgeo\\time\t2020\r\nNO\t5 e\r\n');
    expect(issues).toEqual([]);
    expect(table!.dimensions[0]!.id).toBe('geo');
    expect(table!.observations).toEqual([{ codes: ['NO', '2020'], value: 5, status: 'e', at: { line: 2, column: 2 } }]);
  });

  it('a header without the backslash, or without a column after it, is refused at 1:1 with the header quoted (first 60 characters)', () => {
    const expected = (got: string) => [
      { file: 'x.tsv', at: { line: 1, column: 1 }, message: `expected Eurostat's TSV header "dim1,dim2,…,geo\\time<TAB>2000<TAB>…", got ${got}` },
    ];
    const noSlash = read('unit,geo,time\t2000\nA,B\t1\n');
    expect(noSlash.table).toBeUndefined();
    expect(noSlash.issues).toEqual(expected('"unit,geo,time\\t2000"'));
    // The backslash is there, but no tab: one field only.
    expect(read('geo\\time 2000 2001\n').issues).toEqual(expected('"geo\\\\time 2000 2001"'));
    expect(read('').issues).toEqual(expected('""'));
    // 70 characters → the first 60 quoted.
    const long = `${'a'.repeat(70)}`;
    expect(read(`${long}\n`).issues).toEqual(expected(`"${'a'.repeat(60)}"`));
  });
});

describe('readEurostatTsv: cells', () => {
  it('numbers in every form Eurostat writes, flags after a space kept as written', () => {
    const cells = ['+1', '-2.5', '3.', '.25', '1e3', '2.5E-1', '12 bep', '7 E'];
    const { table, issues } = read(`geo\\time\t${cells.map((_, i) => 2000 + i).join('\t')}\nNO\t${cells.slice(0, 7).join('\t')}\t7 E\n`);
    expect(issues).toEqual([]);
    expect(table!.observations.map((o) => [o.value, o.status])).toEqual([
      [1, undefined],
      [-2.5, undefined],
      [3, undefined],
      [0.25, undefined],
      [1000, undefined],
      [0.25, undefined],
      [12, 'bep'],
      // flags are letters in either case
      [7, 'E'],
    ]);
  });

  it('":" is missing (null, never 0); its flag is kept after ": "', () => {
    const { table } = read('geo\\time\t2000\t2001\t2002\t2003\nNO\t:\t: c\t:z\t :  \n');
    expect(table!.observations.map((o) => [o.value, o.status])).toEqual([
      [null, ':'],
      [null, ': c'],
      [null, ': z'],
      [null, ':'],
    ]);
  });

  it('blank lines (also only spaces) are skipped; line numbers still count them', () => {
    const { table, issues } = read('geo\\time\t2000\n\n   \nNO\t5\n\n');
    expect(issues).toEqual([]);
    expect(table!.observations).toEqual([{ codes: ['NO', '2000'], value: 5, status: undefined, at: { line: 4, column: 2 } }]);
  });

  it('a cell that is not a number says line, column (tab-separated field, codes = 1) and the cell as written', () => {
    const { table, issues } = read('geo\\time\t2000\t2001\t2002\nNO\t1\t1,5 \t2\nSE\t- \t3 e!\t4\n');
    expect(table).toBeUndefined();
    const message = (got: string) => `expected a number, a number and flags ("12.3 e") or ":", got ${got}`;
    expect(issues).toEqual([
      { file: 'x.tsv', at: { line: 2, column: 3 }, message: message('"1,5 "') },
      { file: 'x.tsv', at: { line: 3, column: 2 }, message: message('"- "') },
      { file: 'x.tsv', at: { line: 3, column: 3 }, message: message('"3 e!"') },
    ]);
  });

  it('a flag must follow a space: "12e" and "12 e1" are not cells', () => {
    expect(read('geo\\time\t2000\nNO\t12e\n').issues).toHaveLength(1);
    expect(read('geo\\time\t2000\nNO\t12 e1\n').issues).toHaveLength(1);
    expect(read('geo\\time\t2000\nNO\tx12\n').issues).toHaveLength(1);
    expect(read('geo\\time\t2000\nNO\t: c1\n').issues).toHaveLength(1);
    expect(read('geo\\time\t2000\nNO\tx:\n').issues).toHaveLength(1);
  });

  it('at most 50 bad cells are listed per file', () => {
    const years = Array.from({ length: 60 }, (_, i) => 1960 + i);
    const { issues } = read(`geo\\time\t${years.join('\t')}\nNO\t${years.map(() => 'x').join('\t')}\n`);
    expect(issues).toHaveLength(50);
    expect(issues[49]!.at).toEqual({ line: 2, column: 51 });
  });

  it('the 50 are counted from the issues this file adds, not from those already in the list', () => {
    const issues: ImportIssue[] = [{ file: 'other.tsv', at: {}, message: 'earlier' }];
    const table = readEurostatTsv('geo\\time\t2000\t2001\nNO\tx\t1\n', 'x.tsv', issues);
    expect(table).toBeUndefined();
    expect(issues.map((i) => i.message)).toEqual(['earlier', 'expected a number, a number and flags ("12.3 e") or ":", got "x"']);
    // An earlier file's issues do not make a good file fail.
    const earlier: ImportIssue[] = [{ file: 'other.tsv', at: {}, message: 'earlier' }];
    expect(readEurostatTsv('geo\\time\t2000\nNO\t1\n', 'x.tsv', earlier)!.observations).toHaveLength(1);
    expect(earlier).toHaveLength(1);
  });
});

describe('readEurostatTsv: bad lines', () => {
  it('the wrong number of codes is located at line:1, naming the dimensions', () => {
    const { table, issues } = read('unit,geo\\time\t2000\nNR\t1\nNR,NO,X\t2\nNR,SE\t3\n');
    expect(table).toBeUndefined();
    expect(issues).toEqual([
      { file: 'x.tsv', at: { line: 2, column: 1 }, message: 'expected 2 codes (unit,geo), got "NR"' },
      { file: 'x.tsv', at: { line: 3, column: 1 }, message: 'expected 2 codes (unit,geo), got "NR,NO,X"' },
    ]);
  });

  it('the wrong number of cells is located at the line, naming the column dimension', () => {
    const { table, issues } = read('geo\\time\t2000\t2001\nNO\t1\nSE\t1\t2\t3\nDK\t1\t2\n');
    expect(table).toBeUndefined();
    expect(issues).toEqual([
      { file: 'x.tsv', at: { line: 2 }, message: 'expected 2 cells after the codes (one per time in the header), got 1' },
      { file: 'x.tsv', at: { line: 3 }, message: 'expected 2 cells after the codes (one per time in the header), got 3' },
    ]);
  });
});
