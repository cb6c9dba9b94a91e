// readPx on small inline files: the entry grammar (keywords, languages, arguments, quoted and
// bare values, TLIST), the dimension roles and ids a header gives, the cell symbols, KEYS, and the
// line:column of every kind of problem. Expected tables and locations are worked out by hand from
// each input (lines and columns count from 1).
import { describe, expect, it } from 'vitest';
import { readPx } from '../../src/core/import/read-px.js';
import type { ImportIssue } from '../../src/core/import/table.js';

const read = (text: string) => {
  const issues: ImportIssue[] = [];
  const table = readPx(text, 'x.px', issues);
  return { table, issues, where: issues.map((i) => `${i.at.line}:${i.at.column} ${i.message}`) };
};

/** A one-variable-by-one-year file around `extra` header lines and `data`. */
const px = (extra: string, data = '1;') => `STUB="r";\nHEADING="y";\nVALUES("r")="a";\nVALUES("y")="2020";\n${extra}DATA=\n${data}\n`;

describe('readPx: entries', () => {
  it('a byte-order mark before the first keyword is read through', () => {
    const { table, issues } = read(`\ufeff${px('')}`);
    expect(issues).toEqual([]);
    expect(table!.observations).toEqual([{ codes: ['a', '2020'], value: 1, at: { line: 6, column: 1 } }]);
  });

  it('keywords may hold digits and hyphens; "data=" in any case starts the cells', () => {
    const { table, issues } = read('STUB="r";\nVALUES("r")="a","b";\nVARIABLE-TYPE("r")="G";\nDATASYMBOL1="..";\ndata=\n1 2;\n');
    expect(issues).toEqual([]);
    expect(table!.dimensions[0]!.role).toBe('geo');
  });

  it('an entry with a language code translates another: the default-language entry is the one read', () => {
    const { table } = read(px('TITLE[sv]="Befolkning";\nTITLE="Population";\nUNITS[sv]="personer";\nUNITS="persons";\n'));
    expect(table!.title).toBe('Population');
    expect(table!.unit).toBe('persons');
    // Only a translation: no title.
    expect(read(px('TITLE[sv]="Befolkning";\n')).table!.title).toBeUndefined();
  });

  it('the title falls back to MATRIX; no UNITS, no unit', () => {
    const { table } = read(px('MATRIX="BE0101A1";\n'));
    expect(table!.title).toBe('BE0101A1');
    expect(table!.unit).toBeUndefined();
    expect(read(px('MATRIX="M";\nTITLE="T";\n')).table!.title).toBe('T');
  });

  it('arguments may be spaced: VALUES( "r" ) names the variable r; a second argument is read past', () => {
    const text = 'STUB="r";\nHEADING="y";\nVALUES( "r" )="a";\nVALUES("y")="2020";\nNOTE("r" , "extra")="n";\nDATA=\n1;\n';
    const { table, issues } = read(text);
    expect(issues).toEqual([]);
    expect(table!.dimensions.map((d) => d.categories.map((c) => c.code))).toEqual([['a'], ['2020']]);
  });

  it('adjacent quoted strings are one text; a comma starts the next item; bare tokens are items of their own', () => {
    // VALUES: "a" "b" on two lines → "ab"; then "c"; UNITS: bare token, then a quoted text.
    const { table, issues } = read('STUB="r";\nVALUES("r")="a"\n"b","c";\nUNITS=per 1000;\nDATA=\n1 2;\n');
    expect(issues).toEqual([]);
    expect(table!.dimensions[0]!.categories.map((c) => c.label)).toEqual(['ab', 'c']);
    expect(table!.unit).toBe('per');
    // A quoted text after a bare token starts a new item (it does not continue the token).
    const mixed = read('STUB="r";\nVALUES("r")="a" x "b";\nDATA=\n1 1 1;\n');
    expect(mixed.issues).toEqual([]);
    expect(mixed.table!.dimensions[0]!.categories.map((c) => c.label)).toEqual(['a', 'x', 'b']);
  });

  it('a bare token keeps TLIST(…) whole, quotes and parentheses inside it included', () => {
    // The "(" inside quotes must not count as an open parenthesis, or the entry would run on and
    // swallow UNITS.
    const { table, issues } = read(px('TIMEVAL("y")=TLIST(A1, "(");\nUNITS="persons";\n'));
    expect(issues).toEqual([]);
    expect(table!.dimensions[1]!.role).toBe('time');
    expect(table!.unit).toBe('persons');
    // A quote in a bare token outside parentheses is a plain character: the token ends at the space.
    expect(read(px('UNITS=ab"c d";\n')).table!.unit).toBe('ab"c');
  });

  it('an unclosed quote inside TLIST( is reported where the quote opens', () => {
    const { table, where } = read('STUB="r";\nTIMEVAL("r")=TLIST(A1, "2020);\n');
    expect(table).toBeUndefined();
    expect(where).toEqual(['2:24 a quoted text is never closed (expected a closing ")']);
  });

  it('each broken entry says where and what was expected', () => {
    expect(read('STUB="r";\n').where).toEqual(['2:1 the file ends before DATA= (expected the keyword DATA and the cells)']);
    expect(read('').where).toEqual(['1:1 the file ends before DATA= (expected the keyword DATA and the cells)']);
    expect(read('STUB="r";\n  1STUB="r";DATA=1;').where).toEqual(['2:3 expected a keyword (e.g. STUB=, VALUES("…")=), got "1STUB=\\"r\\";DA"']);
    expect(read('TITLE[sv="x";\n').where).toEqual(['1:6 expected "]" after the language code']);
    expect(read('VALUES(r)="a";\n').where).toEqual(['1:8 VALUES: expected a quoted name inside ( )']);
    expect(read('VALUES("r" "s")="a";\n').where).toEqual(['1:12 VALUES: expected "," or ")"']);
    expect(read('VALUES("r"').where).toEqual(['1:11 VALUES: expected "," or ")"']);
    expect(read('STUB "r";\n').where).toEqual(['1:6 STUB: expected "="']);
    expect(read('STUB="r"\n').where).toEqual(['1:1 STUB: expected ";" at the end of the entry']);
    expect(read('STUB="r";\nVALUES("r")="a";\nDATA=\n1\n').where).toEqual(['5:1 DATA: expected ";" after the last cell']);
    expect(read('STUB="r";\nVALUES("r")="a";\nDATA=\n"..\n').where).toEqual(['4:1 DATA: a quoted symbol is never closed']);
  });
});

describe('readPx: dimensions', () => {
  it('no STUB and no HEADING: refused at 1:1', () => {
    const { table, issues } = read('VALUES("r")="a";\nDATA=\n1;\n');
    expect(table).toBeUndefined();
    expect(issues).toEqual([{ file: 'x.px', at: { line: 1, column: 1 }, message: 'expected STUB= or HEADING= naming the variables' }]);
  });

  it('a variable without VALUES is reported at the STUB entry (1:1 when there is only a HEADING), every one at once', () => {
    expect(read('TITLE="t";\nSTUB="r","s";\nDATA=\n1;\n').where).toEqual([
      '2:1 variable "r" has no VALUES("r")=… entry',
      '2:1 variable "s" has no VALUES("s")=… entry',
    ]);
    expect(read('TITLE="t";\nHEADING="y";\nDATA=\n1;\n').where).toEqual(['1:1 variable "y" has no VALUES("y")=… entry']);
  });

  it('CODES must match VALUES one for one: the count of each, at the CODES entry', () => {
    const { table, where } = read('STUB="r";\nVALUES("r")="a","b";\nCODES("r")="A";\nDATA=\n1 2;\n');
    expect(table).toBeUndefined();
    expect(where).toEqual(['3:1 CODES("r") has 1 codes, VALUES("r") has 2 values']);
  });

  it('codes from CODES, labels from VALUES, the id from VARIABLECODE (the name stays the label)', () => {
    const { table } = read('STUB="region";\nVALUES("region")="Oslo","Bergen";\nCODES("region")="0301","4601";\nVARIABLECODE("region")="Region";\nDATA=\n1 2;\n');
    expect(table!.dimensions).toEqual([
      { id: 'Region', label: 'region', role: undefined, categories: [{ code: '0301', label: 'Oslo' }, { code: '4601', label: 'Bergen' }], totalCode: undefined },
    ]);
  });

  it('roles: TIMEVAL or type T is time, MAP or type G is geography, CONTVARIABLE or type C is the measure', () => {
    const roles = (extra: string) => read(`STUB="a","b","c","d";\nVALUES("a")="1";\nVALUES("b")="1";\nVALUES("c")="1";\nVALUES("d")="1";\n${extra}DATA=\n1;\n`).table!.dimensions.map((d) => d.role);
    expect(roles('TIMEVAL("a")=TLIST(A1);\nMAP("b")="m";\nCONTVARIABLE="c";\n')).toEqual(['time', 'geo', 'metric', undefined]);
    expect(roles('VARIABLE-TYPE("a")="t";\nVARIABLE-TYPE("b")="g";\nVARIABLE-TYPE("c")="c";\nVARIABLE-TYPE("d")="x";\n')).toEqual(['time', 'geo', 'metric', undefined]);
    // Time before geography before measure, when a file says two things.
    expect(roles('TIMEVAL("a")=TLIST(A1);\nMAP("a")="m";\nMAP("b")="m";\nCONTVARIABLE="b";\n')).toEqual(['time', 'geo', undefined, undefined]);
    expect(roles('')).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('ELIMINATION naming a value makes its code the total; YES or an unknown value gives none', () => {
    const total = (elimination: string) =>
      read(`STUB="sex";\nVALUES("sex")="men","women","total";\nCODES("sex")="1","2","T";\nELIMINATION("sex")=${elimination};\nDATA=\n1 2 3;\n`).table!.dimensions[0]!.totalCode;
    expect(total('"total"')).toBe('T');
    expect(total('"men"')).toBe('1');
    expect(total('YES')).toBeUndefined();
    expect(total('"all"')).toBeUndefined();
  });
});

describe('readPx: cells', () => {
  it('stub variables outermost, heading variables innermost', () => {
    const { table } = read('STUB="r";\nHEADING="y";\nVALUES("r")="a","b";\nVALUES("y")="2020","2021","2022";\nDATA=\n1 2 3\n4 5 6;\n');
    expect(table!.observations.map((o) => `${o.codes.join('/')}=${o.value}@${o.at.line}:${o.at.column}`)).toEqual([
      'a/2020=1@6:1',
      'a/2021=2@6:3',
      'a/2022=3@6:5',
      'b/2020=4@7:1',
      'b/2021=5@7:3',
      'b/2022=6@7:5',
    ]);
  });

  it('bare cells: numbers in every form, the dot symbols missing, "-" nil; commas separate like spaces', () => {
    const cells = ['+3', '-2', '1.', '.5', '1.5e2', '2E-1', '.', '......', '-'];
    const years = cells.map((_, i) => `"${2000 + i}"`).join(',');
    const { table, issues } = read(`STUB="r";\nHEADING="y";\nVALUES("r")="a";\nVALUES("y")=${years};\nDATA=\n${cells.join(',')};\n`);
    expect(issues).toEqual([]);
    expect(table!.observations.map((o) => [o.value, o.status])).toEqual([
      [3, undefined],
      [-2, undefined],
      [1, undefined],
      [0.5, undefined],
      [150, undefined],
      [0.2, undefined],
      [null, '.'],
      [null, '......'],
      [null, '-'],
    ]);
  });

  it('quoted cells: numbers, the dot symbols, "-"; a blank quoted cell is an error', () => {
    const { table, issues } = read('STUB="r";\nVALUES("r")="a","b","c","d";\nDATA=\n"12" "..." "-" "1e1";\n');
    expect(issues).toEqual([]);
    expect(table!.observations.map((o) => [o.value, o.status])).toEqual([
      [12, undefined],
      [null, '...'],
      [null, '-'],
      [10, undefined],
    ]);
    expect(read('STUB="r";\nVALUES("r")="a";\nDATA=\n" ";\n').where).toEqual(['4:1 expected a number or a missing-value symbol (".", "..", …, "-"), got " "']);
    expect(read('STUB="r";\nVALUES("r")="a";\nDATA=\n"Infinity";\n').where).toEqual([
      '4:1 expected a number or a missing-value symbol (".", "..", …, "-"), got "Infinity"',
    ]);
  });

  it('bare cells that are not plain decimal numbers are refused, each at its place, all at once', () => {
    const { table, where } = read('STUB="r";\nVALUES("r")="a","b","c","d","e","f";\nDATA=\n0x10 Infinity 1e999 1.2.3 ....... 1-;\n');
    expect(table).toBeUndefined();
    expect(where).toEqual([
      '4:1 expected a number, got "0x10"',
      '4:6 expected a number, got "Infinity"',
      '4:15 expected a number, got "1e999"',
      '4:21 expected a number, got "1.2.3"',
      '4:27 expected a number, got "......."',
      '4:35 expected a number, got "1-"',
    ]);
  });

  it('a quote ends a bare cell: 1"2" is two cells', () => {
    const { table } = read('STUB="r";\nVALUES("r")="a","b";\nDATA=\n1"2";\n');
    expect(table!.observations.map((o) => o.value)).toEqual([1, 2]);
  });

  it('too many cells: located at the first cell too many', () => {
    const { table, where } = read('STUB="r";\nHEADING="y";\nVALUES("r")="a","b";\nVALUES("y")="2020";\nDATA=\n1\n2\n3;\n');
    expect(table).toBeUndefined();
    expect(where).toEqual(['8:1 DATA has 3 cells, expected 2 (r 2 × y 1)']);
  });

  it('no cells at all for a table of one: located at the DATA', () => {
    expect(read('STUB="r";\nVALUES("r")="a";\nDATA=;\n').where).toEqual(['3:6 DATA has 0 cells, expected 1 (r 1)']);
  });
});

describe('readPx: KEYS', () => {
  const head = 'STUB="r","s";\nHEADING="y";\nVALUES("r")="a","b";\nCODES("r")="A","B";\nVALUES("s")="m","w";\nCODES("s")="M","W";\nVALUES("y")="2020","2021";\n';

  it('KEYS by VALUES on two stub variables: each line placed by its keys; the lines left out are not read', () => {
    const { table, issues } = read(`${head}KEYS("r")=VALUES;\nKEYS("s")=CODES;\nDATA=\n"b","W",1,2\n"a","M",3,4;\n`);
    expect(issues).toEqual([]);
    expect(table!.observations.map((o) => `${o.codes.join('/')}=${o.value}`)).toEqual(['B/W/2020=1', 'B/W/2021=2', 'A/M/2020=3', 'A/M/2021=4']);
    expect(table!.notes).toEqual(['x.px: KEYS file: stub rows that DATA leaves out are left out (not read as 0)']);
  });

  it('KEYS on one stub variable: the rest of the stub and the heading are the cells of the line', () => {
    const { table, issues } = read(`${head}KEYS("r")=codes;\nDATA=\n"B" 1 2 3 4;\n`);
    expect(issues).toEqual([]);
    expect(table!.observations.map((o) => `${o.codes.join('/')}=${o.value}@${o.at.column}`)).toEqual(['B/M/2020=1@5', 'B/M/2021=2@7', 'B/W/2020=3@9', 'B/W/2021=4@11']);
  });

  it('a file without KEYS has no note', () => {
    expect(read(px('')).table!.notes).toEqual([]);
  });

  it('KEYS for the second stub variable only is refused at the KEYS entry', () => {
    const { table, where } = read(`${head}KEYS("s")=CODES;\nDATA=\n"M" 1 2 3 4;\n`);
    expect(table).toBeUndefined();
    expect(where).toEqual(['8:1 KEYS must be given for the first stub variables, in STUB order']);
  });

  it('a line with a key missing, a key not among the codes, or the wrong number of cells: each on its line', () => {
    const { table, where } = read(`${head}KEYS("r")=CODES;\nKEYS("s")=VALUES;\nDATA=\n"A"\n"A","x",1,2\n"B","m",1\n"a","m",1,2;\n`);
    expect(table).toBeUndefined();
    expect(where).toEqual([
      '11:undefined KEYS("s"): "" is not one of its values',
      '12:5 KEYS("s"): "x" is not one of its values',
      '13:undefined expected 2 keys and 2 cells on this DATA line, got 1 cells',
      '14:1 KEYS("r"): "a" is not one of its codes',
    ]);
  });

  it('a bad cell on a KEYS line is located', () => {
    expect(read(`${head}KEYS("r")=CODES;\nKEYS("s")=CODES;\nDATA=\n"A","M",1,x;\n`).where).toEqual(['11:11 expected a number, got "x"']);
  });
});
