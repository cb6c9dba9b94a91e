// DatasetBuilder without any file: rows go in one by one (checked first, as the readers check
// them), problems are collected, grouped and capped (src/core/dataset-builder.ts), plus the
// small message helpers of src/core/issues.ts.
import { describe, expect, it } from 'vitest';
import { DatasetBuilder } from '../../src/core/dataset-builder.js';
import { describeLines, formatIssue, formatWarning, InputError, issueText, quoteValue } from '../../src/core/issues.js';
import { type RawRow, type RowKind, RowValidator } from '../../src/core/row-validator.js';
import { buildTaxonomy } from '../../src/core/taxonomy.js';
import { resolveWeights } from '../../src/core/weights.js';

// One validator for the file, made on first use inside a test, not while the tests are collected
// (nor in a file-level beforeAll, whose error a mutation run does not count against the tests): an
// error in the row checkers then fails the test that met it.
let validator: RowValidator | undefined;
const rowValidator = (): RowValidator => (validator ??= new RowValidator());

/** A raw row checked as a reader checks it, then added (issues to the builder). */
function add(b: DatasetBuilder, kind: RowKind, raw: RawRow, file: string, line: number): void {
  const row = rowValidator().check(kind, raw, file, line, (issue) => b.addIssue(issue));
  if (row !== undefined) b.addRow(kind, row, file, line);
}

function builder(maxIssuesPerFile?: number) {
  const b = new DatasetBuilder({ taxonomy: buildTaxonomy(), weights: resolveWeights(), maxIssuesPerFile });
  add(b, 'region', { region: 'A', name: 'Alpha' }, 'regions.csv', 2);
  add(b, 'region', { region: 'B' }, 'regions.csv', 3);
  b.endRegions('regions.csv');
  return b;
}

describe('DatasetBuilder', () => {
  it('a region without a name is named by its code', () => {
    const { dataset, issues } = builder().finish();
    expect(issues).toEqual([]);
    expect(dataset.regions.get('B')).toEqual({ code: 'B', name: 'B', parent: undefined });
    expect(dataset.regions.get('A')!.name).toBe('Alpha');
  });

  it('sums bed events of one region by the year of their date', () => {
    const b = builder();
    b.setBedShape('events');
    add(b, 'bedEvents', { region: 'A', date: '2015-01-31', beds_closed: '10' }, 'beds.csv', 2);
    add(b, 'bedEvents', { region: 'A', date: '2015-12', beds_closed: '-4' }, 'beds.csv', 3);
    add(b, 'bedEvents', { region: 'A', date: '2016', beds_closed: '1' }, 'beds.csv', 4);
    const { dataset, issues } = b.finish();
    expect(issues).toEqual([]);
    expect(dataset.beds.shape).toBe('events');
    if (dataset.beds.shape !== 'events') return;
    expect([...dataset.beds.byRegion.get('A')!]).toEqual([
      [2015, 6], // 10 − 4
      [2016, 1],
    ]);
  });

  it('groups an unknown region over many rows into one issue: first five lines and how many more', () => {
    const b = builder();
    for (let line = 2; line <= 9; line++) add(b, 'population', { region: 'C', year: String(2000 + line), population: '1' }, 'population.csv', line);
    const { issues } = b.finish();
    // 8 rows (lines 2–9): 5 shown, 3 more
    expect(issues).toEqual([
      {
        file: 'population.csv',
        line: 2,
        columns: ['region'],
        message: 'unknown region "C" (not in regions.csv; lines 2, 3, 4, 5, 6 and 3 more); did you mean "A"?',
      },
    ]);
  });

  it('keeps at most maxIssuesPerFile issues per file and counts the rest', () => {
    const b = builder(2);
    // Five different problems (the same problem on many lines is one problem: see below).
    for (let line = 2; line <= 6; line++) add(b, 'population', { region: 'A', year: `x${line}`, population: '1' }, 'population.csv', line);
    add(b, 'population', { region: 'B', year: '2000', population: '0' }, 'other.csv', 2);
    const { issues } = b.finish();
    expect(issues.map((i) => `${i.file}:${i.line ?? '-'}`)).toEqual([
      'population.csv:2',
      'population.csv:3',
      'other.csv:2',
      'population.csv:-', // the summary line
    ]);
    expect(issues[3]!.message).toBe('3 more problems not shown (5 in all)');
  });

  it('the same problem on many lines is one issue listing its lines; issues are sorted by file (as read), then line', () => {
    const b = builder();
    for (const line of [9, 3, 4, 12, 5, 7, 8]) add(b, 'services', { region: 'A', year: '2020', service: 'cmhc', capacity: '1', unit: 'stk' }, 'services.csv', line);
    add(b, 'services', { region: 'A', year: '2020', service: 'cmhc', capacity: 'x', unit: 'beds' }, 'services.csv', 6);
    add(b, 'population', { region: 'A', year: '20x', population: '1' }, 'population.csv', 4);
    const { issues } = b.finish(['regions.csv', 'population.csv', 'services.csv']);
    expect(issues.map(formatIssue)).toEqual([
      'population.csv:4: column "year": expected a year (a whole number 1800–2200), got "20x"',
      // The group is placed at its lowest line, and lists the lowest five.
      'services.csv:3: column "unit": expected one of beds, places, caseload, teams, fte, facilities, contacts, or a local name of one (such as årsverk, plasser, Betten, lits), got "stk" (lines 3, 4, 5, 7, 8 and 2 more)',
      'services.csv:6: column "capacity": expected a number ≥ 0, got "x"',
    ]);
    expect(issues[1]).toMatchObject({ line: 3, lines: [3, 4, 5, 7, 8], lineCount: 7 });
  });

  it('a row with several bad cells gives one issue per cell', () => {
    const b = builder();
    add(b, 'services', { region: '', year: '20x', service: ' ', capacity: '-1', unit: 'beds' }, 'services.csv', 7);
    const { issues } = b.finish();
    expect(issues.map((i) => [i.line, i.columns])).toEqual([
      [7, ['region']],
      [7, ['year']],
      [7, ['service']],
      [7, ['capacity']],
    ]);
  });
});

describe('DatasetBuilder.addAgain', () => {
  // The same rows through addRow only, and through addAgain for every row whose kind and key a
  // row before it gave (what the readers do): the same dataset and the same issues.
  const rows: [RowKind, RawRow, number][] = [
    ['population', { region: 'A', year: '2000', population: '10' }, 2],
    ['population', { region: 'A', year: '2001', population: '11' }, 3],
    ['population', { region: 'A', year: '2000', population: '12' }, 4], // given twice: an issue
    ['population', { region: 'B', year: '2000', population: '20' }, 5],
    ['services', { region: 'A', year: '2000', service: 'ACT-team', capacity: '1.5', unit: 'teams' }, 2],
    ['services', { region: 'A', year: '2000', service: 'ACT-team', capacity: '0.25', unit: 'teams' }, 3],
    ['services', { region: 'A', year: '2001', service: 'ACT-team', capacity: '2', unit: 'teams' }, 4],
    ['services', { region: 'A', year: '2001', service: 'no such name', capacity: '2', unit: 'teams' }, 5],
    ['services', { region: 'A', year: '2002', service: 'no such name', capacity: '3', unit: 'teams' }, 6],
    ['services', { region: 'B', year: '2001', service: 'FACT', capacity: '7', unit: 'caseload' }, 7],
  ];

  const build = (again: boolean) => {
    const b = builder();
    b.setBedShape('stock');
    const targets = new Map<string, ReturnType<DatasetBuilder['addRow']>>();
    for (const [kind, raw, line] of rows) {
      const file = `${kind}.csv`;
      const row = rowValidator().check(kind, raw, file, line, (issue) => b.addIssue(issue))!;
      const key = `${kind} ${raw.region} ${raw.service} ${raw.unit}`;
      const target = targets.get(key);
      const r = row as { year: number; population?: number; capacity?: number };
      if (again && target) b.addAgain(target, r.year, (r.population ?? r.capacity)!, file, line);
      else {
        const found = b.addRow(kind, row, file, line);
        if (found) targets.set(key, found);
      }
    }
    const { dataset, issues } = b.finish();
    return { population: [...dataset.population].map(([k, v]) => [k, [...v]]), services: [...dataset.services].map(([k, v]) => [k, [...v].map(([s, x]) => [s, [...x.years]])]), names: [...dataset.serviceNames], issues };
  };

  it('has exactly the effect of addRow', () => {
    const once = build(false);
    expect(build(true)).toEqual(once);
    // Worked by hand: A's population 2000 is the first given (10); ACT-team teams 2000 = 1.5 + 0.25.
    expect(once.population).toEqual([
      ['A', [[2000, 10], [2001, 11]]],
      ['B', [[2000, 20]]],
    ]);
    expect(once.services[0]).toEqual(['A', [['outreach/teams', [[2000, 1.75], [2001, 2]]]]]);
    expect(once.names.find(([name]) => name === 'ACT-team')?.[1].rows).toBe(3);
    expect(once.issues.map((i) => i.line)).toEqual([4, 5]);
  });
});

describe('issue helpers', () => {
  it('describeLines', () => {
    expect(describeLines([7], 1)).toBe('line 7');
    expect(describeLines([7, 9], 2)).toBe('lines 7, 9');
    expect(describeLines([1, 2, 3, 4, 5], 12)).toBe('lines 1, 2, 3, 4, 5 and 7 more'); // 12 − 5
  });

  it('quoteValue shows invisible characters and shortens long values', () => {
    expect(quoteValue('a\tb')).toBe('"a\\tb"');
    expect(quoteValue('x'.repeat(50))).toBe(`"${'x'.repeat(40)}…"`);
  });

  it('formatWarning with and without a line', () => {
    expect(formatWarning({ file: 'services.csv', line: 4, message: 'dropped' })).toBe('services.csv:4: dropped');
    expect(formatWarning({ file: 'beds.csv', line: null, message: 'no beds file' })).toBe('beds.csv: no beds file');
  });

  it('InputError: one issue is its own message; several are counted', () => {
    const one = new InputError([{ file: 'a.csv', line: 2, columns: ['year'], message: 'bad' }]);
    expect(one.message).toBe('a.csv:2: column "year": bad');
    expect(one.name).toBe('InputError');
    expect(new InputError([{ file: 'a.csv', message: 'x' }, { file: 'b.csv', message: 'y' }]).message).toBe('2 problems in the input data');
  });
});

describe('DatasetBuilder: one problem on many lines (InputIssue.group)', () => {
  const row = (unit: string) => ({ region: 'A', year: '2015', service: 'ACT-team', capacity: '1', unit });

  it('lists the lines of each unknown unit once, and counts distinct ones against the cap', () => {
    const b = builder(2);
    for (let line = 2; line < 12; line++) add(b, 'services', row(['u1', 'u2', 'u3', 'u4', 'u5'][line % 5]!), 'services.csv', line);
    const { issues } = b.finish();
    // u1…u5 are five problems; two are shown, with their lines; the other three are counted.
    expect(issues.map((i) => [i.line, issueText(i).replace(/^.*got /, '')])).toEqual([
      [2, '"u3" (lines 2, 7)'],
      [3, '"u4" (lines 3, 8)'],
      [undefined, '3 more problems not shown (5 in all)'],
    ]);
  });

  it('an issue that says its group is kept once, whatever thread found it', () => {
    const b = builder();
    for (const line of [4, 9, 12]) b.addIssue({ file: 'services.csv', line, columns: ['unit'], message: 'bad unit "x"', group: 'unit x' });
    const issues = b.finish().issues;
    expect(issues).toEqual([{ file: 'services.csv', line: 4, columns: ['unit'], message: 'bad unit "x"', group: 'unit x', lines: [4, 9, 12], lineCount: 3 }]);
    expect(formatIssue(issues[0]!)).toBe('services.csv:4: column "unit": bad unit "x" (lines 4, 9, 12)');
  });
});

describe('DatasetBuilder: region codes that look the same', () => {
  it('a code in decomposed form or with a zero-width space is the code of regions.csv', () => {
    const b = new DatasetBuilder({ taxonomy: buildTaxonomy(), weights: resolveWeights() });
    add(b, 'region', { region: 'Å' }, 'regions.csv', 2);
    add(b, 'region', { region: 'B\u200B', parent: 'A\u030A' }, 'regions.csv', 3); // stored as "B", parent "Å"
    b.endRegions('regions.csv');
    add(b, 'population', { region: 'B', year: '2020', population: '5' }, 'population.csv', 2);
    add(b, 'population', { region: 'B\u2060', year: '2021', population: '6' }, 'population.csv', 3);
    const { dataset, issues } = b.finish();
    expect(issues).toEqual([]);
    expect(dataset.regions.get('B')).toEqual({ code: 'B', name: 'B', parent: 'Å' });
    expect([...dataset.population.get('B')!]).toEqual([
      [2020, 5],
      [2021, 6],
    ]);
    expect(dataset.warnings.map(formatWarning)).toEqual([
      'regions.csv:3: region codes read after Unicode normalisation (they look the same): "B\\u200b" as "B", U+200B (zero-width space) removed (first on line 3); "A\u030A" as "Å", decomposed letters composed (Unicode NFC) (first on line 3)',
      'population.csv:3: region codes read after Unicode normalisation (they look the same): "B\\u2060" as "B", U+2060 (word joiner) removed (first on line 3)',
    ]);
  });
});
