// mapTable on small hand-made tables: which dimension is what, --where and --sum, the one-category
// rule, years and service targets, missing and nil cells, flags, totals among summed categories,
// and the notes and messages an analyst reads. Every expected row and count is worked by hand
// from the cells written in each test.
import { describe, expect, it } from 'vitest';
import type { Dimension } from '../../src/core/import/table.js';
import { type Cell, dim, map, table } from './map-table-helpers.js';

const GEO = dim('geo', ['NO', 'SE'], { role: 'geo' });
const TIME = dim('time', ['2020', '2021'], { role: 'time' });

describe('mapTable: which dimension is what', () => {
  it('the roles the source gives pick region and year', () => {
    const t = table([GEO, TIME], [
      [['NO', '2020'], 1],
      [['SE', '2021'], 2],
    ]);
    const { rows, full, notes, issues } = map(t, { role: 'beds' });
    expect(issues).toEqual([]);
    expect(notes).toEqual([]);
    expect(rows).toEqual(['NO 2020 1', 'SE 2021 2']);
    expect(full[0]).toEqual({ region: 'NO', year: 2020, value: 1, service: undefined, unit: undefined, flags: '', file: 't.csv', at: { line: 2 } });
  });

  it('a dimension is found by id, by id in any case, by label, by label in any case, in that order', () => {
    const t = (a: Dimension, b: Dimension) => table([a, b, TIME], [[['x', 'y', '2020'], 1]]);
    const region = (d: Dimension, e: Dimension, name: string) => map(t(d, e), { role: 'beds', region: name, where: {} }).issues;
    // "Reg" is the exact id of the second dimension; the first has it only in another case.
    expect(map(t(dim('REG', ['x']), dim('Reg', ['y'])), { role: 'beds', region: 'Reg' }).rows).toEqual(['y 2020 1']);
    expect(map(t(dim('A', ['x'], { label: 'reg' }), dim('REG', ['y'])), { role: 'beds', region: 'reg' }).rows).toEqual(['y 2020 1']);
    expect(map(t(dim('A', ['x'], { label: 'REGION' }), dim('B', ['y'], { label: 'Region' })), { role: 'beds', region: 'Region' }).rows).toEqual(['y 2020 1']);
    expect(map(t(dim('A', ['x'], { label: 'REGION' }), dim('B', ['y'])), { role: 'beds', region: 'region' }).rows).toEqual(['x 2020 1']);
    expect(region(dim('A', ['x']), dim('B', ['y']), 'Regoin')).toEqual(['t.csv: --region: the table has no dimension "Regoin"; its dimensions are "A", "B", "time"']);
  });

  it('an unknown dimension is named with a hint and the list of dimensions', () => {
    const t = table([dim('Region', ['x']), TIME], [[['x', '2020'], 1]]);
    expect(map(t, { role: 'beds', region: 'Regoin' }).issues).toEqual([
      't.csv: --region: the table has no dimension "Regoin" (did you mean "Region"?); its dimensions are "Region", "time"',
    ]);
  });

  it('without a role or an option: the message says how to name the region or year, or set it', () => {
    const t = table([dim('a', ['x']), dim('b', ['2020'])], [[['x', '2020'], 1]]);
    expect(map(t, { role: 'beds' }).issues).toEqual([
      't.csv: the table does not say which dimension holds the regions: name it with --region DIM, or give one for every row with --set region=CODE; its dimensions are "a", "b"',
      't.csv: the table does not say which dimension holds the years: name it with --year DIM, or give one for every row with --set year=YYYY; its dimensions are "a", "b"',
    ]);
    // Given as constants: every row gets them; "a" must then be down to one category (it is).
    expect(map(t, { role: 'beds', set: { region: 'NO', year: 2019 }, where: { b: ['2020'] } }).rows).toEqual(['NO 2019 1']);
    // A regions file needs no year.
    expect(map(t, { role: 'regions', region: 'a' }).issues).toEqual([]);
  });
});

describe('mapTable: services', () => {
  const SVC = dim('svc', [
    ['OP', 'Outpatient'],
    ['DAY', 'Day care'],
    ['DIS', 'Discharges'],
  ]);

  it('no service dimension and no service given: the message says how; a constant service needs a unit', () => {
    const t = table([GEO, TIME], [[['NO', '2020'], 1]]);
    expect(map(t, { role: 'services' }).issues).toEqual([
      't.csv: services need a service type: name its dimension with --service DIM (and --map CODE=SERVICE:UNIT), or give one with --set service=NAME',
    ]);
    expect(map(t, { role: 'services', set: { service: 'cmhc' } }).issues).toEqual([
      't.csv: services need a unit: give --set unit=UNIT (beds, places, caseload, teams, fte, facilities, contacts)',
    ]);
    const ok = map(t, { role: 'services', set: { service: 'cmhc', unit: 'contacts' } });
    expect(ok.issues).toEqual([]);
    expect(ok.full.map((r) => [r.service, r.unit])).toEqual([['cmhc', 'contacts']]);
  });

  it('--map takes the mapped categories of the service dimension only; one service per row', () => {
    const t = table([GEO, TIME, SVC], [
      [['NO', '2020', 'OP'], 10],
      [['NO', '2020', 'DAY'], 3],
      [['NO', '2020', 'DIS'], 99],
    ]);
    const { rows, issues } = map(t, { role: 'services', service: 'svc', map: { OP: { service: 'cmhc', unit: 'contacts' }, DAY: { service: 'day_services', unit: 'contacts' } } });
    expect(issues).toEqual([]);
    expect(rows).toEqual(['NO 2020 10 cmhc contacts', 'NO 2020 3 day_services contacts']);
  });

  it('a --map that names none of the categories: a note, no rows', () => {
    const t = table([GEO, TIME, SVC], [[['NO', '2020', 'OP'], 10]]);
    const { rows, notes } = map(t, { role: 'services', service: 'svc', map: { XX: { service: 'cmhc', unit: 'contacts' } } });
    expect(rows).toEqual([]);
    expect(notes).toEqual([
      't.csv: none of the categories of "svc" (OP (Outpatient), DAY (Day care), DIS (Discharges)) has a --map: nothing taken from this file',
      't.csv: no rows selected',
    ]);
  });

  it('a category with no service or no unit is named (with its label), and how to fix it', () => {
    const t = table([GEO, TIME, SVC], [[['NO', '2020', 'OP'], 10]]);
    expect(map(t, { role: 'services', service: 'svc', where: { svc: ['OP', 'DAY'] }, map: { OP: { service: 'cmhc' } } }).issues).toEqual([
      't.csv: service dimension "svc": no service and unit for OP (Outpatient), DAY (Day care); give --map CODE=SERVICE:UNIT for each, or leave them out with --where',
    ]);
    // A unit given for all: OP maps with it; DAY gets the constant service too.
    const both = map(t, { role: 'services', service: 'svc', where: { svc: ['OP', 'DAY'] }, map: { OP: { service: 'cmhc' } }, set: { service: 'other', unit: 'contacts' } });
    expect(both.issues).toEqual([]);
    expect(both.rows).toEqual(['NO 2020 10 cmhc contacts']);
  });

  it('two categories mapped to the same service stay two rows (one per source category)', () => {
    const t = table([GEO, TIME, SVC], [
      [['NO', '2020', 'OP'], 10],
      [['NO', '2020', 'DAY'], 3],
    ]);
    const { rows, issues } = map(t, { role: 'services', service: 'svc', map: { OP: { service: 'cmhc', unit: 'contacts' }, DAY: { service: 'cmhc', unit: 'contacts' } } });
    expect(issues).toEqual([]);
    expect(rows).toEqual(['NO 2020 10 cmhc contacts', 'NO 2020 3 cmhc contacts']);
  });

  it('--service without --map or a constant service: every category is named as lacking a service and unit', () => {
    // No --map: no category is dropped for want of one, so all three need a target.
    const t = table([GEO, TIME, SVC], [[['NO', '2020', 'OP'], 10]]);
    const { rows, notes, issues } = map(t, { role: 'services', service: 'svc' });
    expect(issues).toEqual([
      't.csv: service dimension "svc": no service and unit for OP (Outpatient), DAY (Day care), DIS (Discharges); give --map CODE=SERVICE:UNIT for each, or leave them out with --where',
    ]);
    expect(rows).toEqual([]);
    expect(notes).toEqual([]);
  });

  it('--service without --map but with a constant service and unit: each category is a row of that service', () => {
    const t = table([GEO, TIME, SVC], [
      [['NO', '2020', 'OP'], 10],
      [['NO', '2020', 'DAY'], 3],
      [['NO', '2020', 'DIS'], 99],
    ]);
    const { rows, issues } = map(t, { role: 'services', service: 'svc', set: { service: 'cmhc', unit: 'contacts' } });
    expect(issues).toEqual([]);
    expect(rows).toEqual(['NO 2020 10 cmhc contacts', 'NO 2020 3 cmhc contacts', 'NO 2020 99 cmhc contacts']);
  });

  it('with a service dimension, a constant service needs no constant unit when --map gives the units', () => {
    const t = table([GEO, TIME, SVC], [[['NO', '2020', 'OP'], 10]]);
    const { rows, issues } = map(t, { role: 'services', service: 'svc', map: { OP: { service: 'cmhc', unit: 'contacts' } }, set: { service: 'other' } });
    expect(issues).toEqual([]);
    expect(rows).toEqual(['NO 2020 10 cmhc contacts']);
  });

  it('a --map without --service has no dimension to apply to: the constant service and unit are used', () => {
    const t = table([GEO, TIME], [[['NO', '2020'], 7]]);
    const { rows, issues } = map(t, { role: 'services', set: { service: 'cmhc', unit: 'teams' }, map: { OP: { service: 'crisis', unit: 'contacts' } } });
    expect(issues).toEqual([]);
    expect(rows).toEqual(['NO 2020 7 cmhc teams']);
  });
});

describe('mapTable: --where and the one-category rule', () => {
  const SEX = dim('sex', [
    ['1', 'men'],
    ['2', 'women'],
    ['T', 'total'],
  ]);
  const cells: Cell[] = [
    [['NO', '2020', '1'], 4],
    [['NO', '2020', '2'], 5],
    [['NO', '2020', 'T'], 9],
  ];

  it('a dimension left with several categories stops the import, listing them with their labels', () => {
    expect(map(table([GEO, TIME, SEX], cells), { role: 'beds' }).issues).toEqual([
      't.csv: dimension "sex" has 3 categories (1 (men), 2 (women), T (total)): choose one with --where sex=CODE, or add them up with --sum sex',
    ]);
    expect(map(table([GEO, TIME, SEX], cells), { role: 'beds', where: { sex: ['1', '2'] } }).issues).toEqual([
      't.csv: dimension "sex" has 2 categories (1 (men), 2 (women)): choose one with --where sex=CODE, or add them up with --sum sex',
    ]);
  });

  it('more than eight categories: the first eight and how many more', () => {
    const codes = Array.from({ length: 11 }, (_, i) => `c${i}`);
    const t = table([GEO, TIME, dim('age', codes)], [[['NO', '2020', 'c0'], 1]]);
    expect(map(t, { role: 'beds' }).issues).toEqual([
      't.csv: dimension "age" has 11 categories (c0, c1, c2, c3, c4, c5, c6, c7 and 3 more): choose one with --where age=CODE, or add them up with --sum age',
    ]);
  });

  it('exactly eight categories: all eight listed, with no "more"', () => {
    const codes = Array.from({ length: 8 }, (_, i) => `c${i}`);
    const t = table([GEO, TIME, dim('age', codes)], [[['NO', '2020', 'c0'], 1]]);
    expect(map(t, { role: 'beds' }).issues).toEqual([
      't.csv: dimension "age" has 8 categories (c0, c1, c2, c3, c4, c5, c6, c7): choose one with --where age=CODE, or add them up with --sum age',
    ]);
  });

  it('--where keeps one category; codes not in the file are noted; none at all is an error with a hint', () => {
    const kept = map(table([GEO, TIME, SEX], cells), { role: 'beds', where: { sex: ['T', 'X'] } });
    expect(kept.issues).toEqual([]);
    expect(kept.rows).toEqual(['NO 2020 9']);
    expect(kept.notes).toEqual(['t.csv: --where sex: X not in this file']);
    expect(map(table([GEO, TIME, SEX], cells), { role: 'beds', where: { sex: ['t'] } }).issues).toEqual([
      't.csv: --where sex=t: dimension "sex" has no such category (did you mean "T"?); its categories are 1 (men), 2 (women), T (total)',
      't.csv: dimension "sex" has 3 categories (1 (men), 2 (women), T (total)): choose one with --where sex=CODE, or add them up with --sum sex',
    ]);
    expect(map(table([GEO, TIME, SEX], cells), { role: 'beds', where: { sexx: ['T'] } }).issues).toEqual([
      't.csv: --where: the table has no dimension "sexx" (did you mean "sex"?); its dimensions are "geo", "time", "sex"',
      // Every problem at once: sex is then still three categories.
      't.csv: dimension "sex" has 3 categories (1 (men), 2 (women), T (total)): choose one with --where sex=CODE, or add them up with --sum sex',
    ]);
  });

  it('a preset\'s where-if-present passes over a dimension the file lacks, and applies where it is there (by id or label)', () => {
    expect(map(table([GEO, TIME], [[['NO', '2020'], 1]]), { role: 'beds', whereIfPresent: { sex: ['T'] } }).rows).toEqual(['NO 2020 1']);
    expect(map(table([GEO, TIME, SEX], cells), { role: 'beds', whereIfPresent: { sex: ['T'] } }).rows).toEqual(['NO 2020 9']);
    const labelled = dim('k', SEX.categories.map((c) => [c.code, c.label] as [string, string]), { label: 'Sex' });
    expect(map(table([GEO, TIME, labelled], cells), { role: 'beds', whereIfPresent: { SEX: ['2'] } }).rows).toEqual(['NO 2020 5']);
  });

  it('the region and year may keep many categories; a regions file ignores the other dimensions', () => {
    const t = table([GEO, TIME, SEX], cells);
    const { rows, issues } = map(t, { role: 'regions' });
    expect(issues).toEqual([]);
    expect(rows).toEqual(['NO', 'SE']);
  });
});

describe('mapTable: --sum', () => {
  const AGE = dim('age', ['0-17', '18-64', '65+']);

  it('cells of the summed dimension add up to one row; a decimal sum is written to 15 significant digits', () => {
    const t = table([GEO, TIME, AGE], [
      [['NO', '2020', '0-17'], 0.1],
      [['NO', '2020', '18-64'], 0.2],
      [['NO', '2020', '65+'], 1],
      [['SE', '2020', '0-17'], 5],
      [['SE', '2020', '18-64'], 6],
      [['SE', '2020', '65+'], 7],
    ]);
    const { full, issues } = map(t, { role: 'population', sum: ['age'] });
    expect(issues).toEqual([]);
    // 0.1 + 0.2 + 1 = 1.3 (in doubles 0.1 + 0.2 is 0.30000000000000004, and adding 1 happens to round
    // back to 1.3; map-table-options-named.test.ts has a sum the rounding changes); 5 + 6 + 7 = 18.
    expect(full.map((r) => [r.region, r.value, r.at])).toEqual([
      ['NO', 1.3, { line: 2 }],
      ['SE', 18, { line: 5 }],
    ]);
  });

  it('a single cell keeps its value exactly, even with more than 15 digits', () => {
    const t = table([GEO, TIME], [[['NO', '2020'], 0.1234567890123456]]);
    expect(map(t, { role: 'beds' }).full[0]!.value).toBe(0.1234567890123456);
  });

  it('a sum that lacks cells is left out with a note; a missing cell makes the whole sum missing', () => {
    const t = table([GEO, TIME, AGE], [
      [['NO', '2020', '0-17'], 1],
      [['NO', '2020', '18-64'], 2],
      [['SE', '2020', '0-17'], 1],
      [['SE', '2020', '18-64'], null, '..'],
      [['SE', '2020', '65+'], 3],
    ]);
    const { rows, notes } = map(t, { role: 'population', sum: ['age'] });
    expect(rows).toEqual([]);
    expect(notes).toEqual([
      't.csv: 1 missing cell (".." ×1): 1 row left out, not written as 0',
      't.csv: 1 row left out: the file lacks some of the cells to be summed',
      't.csv: no rows selected',
    ]);
  });

  it('--where on a summed dimension: the kept categories are the whole sum', () => {
    const t = table([GEO, TIME, AGE], [
      [['NO', '2020', '0-17'], 1],
      [['NO', '2020', '18-64'], 2],
      [['NO', '2020', '65+'], 4],
    ]);
    expect(map(t, { role: 'population', sum: ['age'], where: { age: ['18-64', '65+'] } }).rows).toEqual(['NO 2020 6']);
  });

  it('a sum-if-present dimension the file lacks is passed over; one it has is summed', () => {
    expect(map(table([GEO, TIME], [[['NO', '2020'], 3]]), { role: 'population', sumIfPresent: ['age'] }).rows).toEqual(['NO 2020 3']);
    const t = table([GEO, TIME, AGE], [
      [['NO', '2020', '0-17'], 1],
      [['NO', '2020', '18-64'], 2],
      [['NO', '2020', '65+'], 4],
    ]);
    expect(map(t, { role: 'population', sumIfPresent: ['AGE'] }).rows).toEqual(['NO 2020 7']);
  });

  it('summing a dimension the source marks with a total is refused, unless --where leaves the total out', () => {
    const SEX = dim('sex', ['1', '2', 'T'], { totalCode: 'T' });
    const t = table([GEO, TIME, SEX], [
      [['NO', '2020', '1'], 4],
      [['NO', '2020', '2'], 5],
      [['NO', '2020', 'T'], 9],
    ]);
    expect(map(t, { role: 'population', sum: ['sex'] }).issues).toEqual([
      't.csv: --sum sex: category T is the total of the others (the source says so); pick it with --where sex=T instead of summing',
    ]);
    expect(map(t, { role: 'population', sum: ['sex'], where: { sex: ['1', '2'] } }).rows).toEqual(['NO 2020 9']);
    // A dimension of one category (its own total) may be summed.
    const one = table([GEO, TIME, dim('sex', ['T'], { totalCode: 'T' })], [[['NO', '2020', 'T'], 9]]);
    expect(map(one, { role: 'population', sum: ['sex'] }).rows).toEqual(['NO 2020 9']);
  });

  it('a category that equals the sum of the others in every row is found and refused even unmarked', () => {
    const SEX = dim('sex', [['1', 'men'], ['2', 'women'], ['T', 'all']]);
    const t = table([GEO, TIME, SEX], [
      [['NO', '2020', '1'], 4],
      [['NO', '2020', '2'], 5],
      [['NO', '2020', 'T'], 9],
      [['SE', '2020', '1'], 1],
      [['SE', '2020', '2'], 2],
      [['SE', '2020', 'T'], 3],
    ]);
    expect(map(t, { role: 'population', sum: ['sex'] }).issues).toEqual([
      't.csv: --sum sex: category T (all) equals the sum of the others in every row: it is their total, and summing would count everyone twice; pick it with --where sex=T, or leave it out with --where',
    ]);
    // Not in every row (SE's T is 4, not 1 + 2): no total, the sum is taken.
    const t2 = table(t.dimensions.slice(), t.observations.map((o, k) => [o.codes.slice(), k === 5 ? 4 : o.value] as Cell));
    expect(map(t2, { role: 'population', sum: ['sex'] }).rows).toEqual(['NO 2020 18', 'SE 2020 7']);
    // Zeros everywhere: 0 = 0 + 0, but a zero is no total.
    const zeros = table(t.dimensions.slice(), t.observations.map((o) => [o.codes.slice(), 0] as Cell));
    expect(map(zeros, { role: 'beds', sum: ['sex'] }).issues).toEqual([]);
    // Two categories only: one always equals "the sum" of the other; not a total.
    const two = table([GEO, TIME, dim('sex', ['1', '2'])], [
      [['NO', '2020', '1'], 4],
      [['NO', '2020', '2'], 4],
    ]);
    expect(map(two, { role: 'population', sum: ['sex'] }).rows).toEqual(['NO 2020 8']);
  });

  it('a total is found within a relative tolerance of 1e-9 (rounding in the source), not beyond', () => {
    const cellsOf = (t: number, a: number, b: number): Cell[] => [
      [['NO', '2020', '1'], a],
      [['NO', '2020', '2'], b],
      [['NO', '2020', 'T'], t],
    ];
    const SEX = dim('sex', ['1', '2', 'T']);
    // 400 000 + 600 000.00001 = 1 000 000.00001: off by 1e-5, within 1e-9 × 1 000 000 = 1e-3.
    expect(map(table([GEO, TIME, SEX], cellsOf(1_000_000, 400_000, 600_000.00001)), { role: 'population', sum: ['sex'] }).issues).toHaveLength(1);
    // Off by 0.01: beyond 1e-3; no total, the three are summed: 2 000 000.01.
    expect(map(table([GEO, TIME, SEX], cellsOf(1_000_000, 400_000, 600_000.01)), { role: 'population', sum: ['sex'] }).rows).toEqual(['NO 2020 2000000.01']);
    // Small numbers: the tolerance is at least 1e-9 (absolute): 0.3 vs 0.1 + 0.2 (= 0.30000000000000004) is a total.
    expect(map(table([GEO, TIME, SEX], cellsOf(0.3, 0.1, 0.2)), { role: 'population', sum: ['sex'] }).issues).toHaveLength(1);
  });

  it('the total check compares within one row of the other summed dimensions', () => {
    // Summing sex and age: within each age, T = 1 + 2 for NO; the check sees it per age.
    const t = table([GEO, TIME, dim('sex', ['1', '2', 'T']), dim('age', ['a', 'b'])], [
      [['NO', '2020', '1', 'a'], 1],
      [['NO', '2020', '2', 'a'], 2],
      [['NO', '2020', 'T', 'a'], 3],
      [['NO', '2020', '1', 'b'], 10],
      [['NO', '2020', '2', 'b'], 20],
      [['NO', '2020', 'T', 'b'], 30],
    ]);
    expect(map(t, { role: 'population', sum: ['sex', 'age'] }).issues.join('\n')).toContain('--sum sex: category T equals the sum of the others in every row');
  });

  it('a total must hold within every row of the other summed dimension, not only in one of them', () => {
    // Age a: 1 + 2 = 3, not 99; age b: 10 + 20 = 30 = T. T is no total in age a, so none is
    // claimed and all six cells are summed: 1 + 2 + 99 + 10 + 20 + 30 = 162.
    const t = table([GEO, TIME, dim('sex', ['1', '2', 'T']), dim('age', ['a', 'b'])], [
      [['NO', '2020', '1', 'a'], 1],
      [['NO', '2020', '2', 'a'], 2],
      [['NO', '2020', 'T', 'a'], 99],
      [['NO', '2020', '1', 'b'], 10],
      [['NO', '2020', '2', 'b'], 20],
      [['NO', '2020', 'T', 'b'], 30],
    ]);
    const { rows, issues } = map(t, { role: 'population', sum: ['sex', 'age'] });
    expect(issues).toEqual([]);
    expect(rows).toEqual(['NO 2020 162']);
  });

  it('a total off by exactly the tolerance is still a total', () => {
    // T = 1 000 000 000, 400 000 000 + 599 999 999 = 999 999 999: off by 1 = 1e-9 × 1e9, the
    // tolerance itself (the bound is inclusive).
    const t = table([GEO, TIME, dim('sex', ['1', '2', 'T'])], [
      [['NO', '2020', '1'], 400_000_000],
      [['NO', '2020', '2'], 599_999_999],
      [['NO', '2020', 'T'], 1_000_000_000],
    ]);
    expect(map(t, { role: 'population', sum: ['sex'] }).issues.join('\n')).toContain('--sum sex: category T equals the sum of the others in every row');
  });

  it('a category missing from a row is not the total of that row: no total is claimed', () => {
    // Four categories. NO: 1 + 1 = 2 (C happens to equal A + B), D missing; SE: C missing, and
    // 5 + 7 + 3 has no total among its cells. C is a total in no row that lacks it, so no
    // category equals the sum of the others in every row; both rows are left out (a missing cell).
    const t = table([GEO, TIME, dim('kind', ['A', 'B', 'C', 'D'])], [
      [['NO', '2020', 'A'], 1],
      [['NO', '2020', 'B'], 1],
      [['NO', '2020', 'C'], 2],
      [['NO', '2020', 'D'], null, '..'],
      [['SE', '2020', 'A'], 5],
      [['SE', '2020', 'B'], 7],
      [['SE', '2020', 'C'], null, '..'],
      [['SE', '2020', 'D'], 3],
    ]);
    const { rows, notes, issues } = map(t, { role: 'beds', sum: ['kind'] });
    expect(issues).toEqual([]);
    expect(rows).toEqual([]);
    expect(notes).toEqual(['t.csv: 2 missing cells (".." ×2): 2 rows left out, not written as 0', 't.csv: no rows selected']);
  });
});

describe('mapTable: years', () => {
  it('a time category that is not a year 1800–2200 is refused; the first five named and how many more', () => {
    const T = dim('time', ['2020Q1', '2020Q2', '2020Q3', '2020Q4', '2021Q1', '2021Q2', '2021Q3'], { role: 'time' });
    expect(map(table([GEO, T], [[['NO', '2020Q1'], 1]]), { role: 'beds' }).issues).toEqual([
      't.csv: time dimension "time": expected years (YYYY, 1800–2200), got "2020Q1", "2020Q2", "2020Q3", "2020Q4", "2021Q1" and 2 more: servicegap counts capacity per year, so take an annual table (or keep the years with --where)',
    ]);
    const edges = dim('time', ['1799', '1800', '2200', '2201', ' 2020 ', '20201'], { role: 'time' });
    expect(map(table([GEO, edges], [[['NO', '1800'], 1]]), { role: 'beds' }).issues).toEqual([
      't.csv: time dimension "time": expected years (YYYY, 1800–2200), got "1799", "2201", "20201": servicegap counts capacity per year, so take an annual table (or keep the years with --where)',
    ]);
  });

  it('exactly five codes that are not years: all five named, with no "more"; a year is four digits and nothing else', () => {
    // "02020" ends in four digits and "2020.0" starts with four, and both read as the number 2020,
    // but neither is a YYYY code.
    const T = dim('time', ['2019', '02020', '2020.0', '2020-Q1', 'x2021', '2021 Q2'], { role: 'time' });
    expect(map(table([GEO, T], [[['NO', '2019'], 1]]), { role: 'beds' }).issues).toEqual([
      't.csv: time dimension "time": expected years (YYYY, 1800–2200), got "02020", "2020.0", "2020-Q1", "x2021", "2021 Q2": servicegap counts capacity per year, so take an annual table (or keep the years with --where)',
    ]);
  });

  it('--where on the time dimension keeps only the years asked for; the other categories are not checked', () => {
    const T = dim('time', ['2020', '2020Q1'], { role: 'time' });
    const t = table([GEO, T], [
      [['NO', '2020'], 1],
      [['NO', '2020Q1'], 2],
    ]);
    expect(map(t, { role: 'beds', where: { time: ['2020'] } }).rows).toEqual(['NO 2020 1']);
  });

  it('a year code with spaces around it is read as the year', () => {
    const t = table([GEO, dim('time', [' 2020 '], { role: 'time' })], [[['NO', ' 2020 '], 1]]);
    expect(map(t, { role: 'beds' }).full[0]!.year).toBe(2020);
  });
});

describe('mapTable: cells', () => {
  it('a second cell for the same row, without --sum, is an error pointing at both', () => {
    const t = table([GEO, TIME, dim('x', ['a'])], [
      [['NO', '2020', 'a'], 1],
      [['NO', '2020', 'a'], 2],
    ]);
    expect(map(t, { role: 'beds' }).issues).toEqual(['t.csv:3: a second cell for region NO, year 2020 (the first is at t.csv:2)']);
    const s = map(
      table([GEO, TIME], [
        [['NO', '2020'], 1],
        [['NO', '2020'], 2],
      ]),
      { role: 'services', set: { service: 'cmhc', unit: 'teams' } },
    );
    expect(s.issues).toEqual(['t.csv:3: a second cell for region NO, year 2020, service cmhc (the first is at t.csv:2)']);
  });

  it('missing cells are left out and counted by marker; a cell without a marker counts as "empty"', () => {
    const t = table([GEO, dim('time', ['2018', '2019', '2020', '2021'], { role: 'time' })], [
      [['NO', '2018'], null, ':'],
      [['NO', '2019'], null, ': c'],
      [['NO', '2020'], null],
      [['NO', '2021'], null, ':'],
      [['SE', '2018'], 7],
    ]);
    const { rows, notes } = map(t, { role: 'beds' });
    expect(rows).toEqual(['SE 2018 7']);
    expect(notes).toEqual(['t.csv: 4 missing cells (":" ×2, ": c" ×1, "empty" ×1): 4 rows left out, not written as 0']);
  });

  it('flags: kept per row, distinct and sorted; counted by kind ("unanswered=3" and "=5" are one kind); blanks are no flag', () => {
    const t = table([GEO, TIME, dim('k', ['a', 'b'])], [
      [['NO', '2020', 'a'], 1, 'e'],
      [['NO', '2020', 'b'], 2, 'b'],
      [['SE', '2020', 'a'], 3, 'unanswered=3'],
      [['SE', '2020', 'b'], 4, 'unanswered=5'],
      [['NO', '2021', 'a'], 5, '  '],
      [['NO', '2021', 'b'], 6, 'e'],
      [['SE', '2021', 'a'], 7, 'e'],
      [['SE', '2021', 'b'], 8],
    ]);
    const { rows, notes } = map(t, { role: 'beds', sum: ['k'] });
    expect(rows).toEqual(['NO 2020 3 b e', 'SE 2020 7 unanswered=3 unanswered=5', 'NO 2021 11 e', 'SE 2021 15 e']);
    expect(notes).toEqual(['t.csv: flagged values kept in column "flags": "b" ×1, "e" ×3, "unanswered" ×2']);
  });

  it('a flag\'s kind is all that comes before "=", however long the count after it', () => {
    // "unanswered=12" and "unanswered=3" are one kind; "e" is another: sorted, "e" ×1, "unanswered" ×2.
    // (1 + 2 + 4 = 7: no cell is the total of the others.)
    const t = table([GEO, TIME, dim('k', ['a', 'b', 'c'])], [
      [['NO', '2020', 'a'], 1, 'unanswered=12'],
      [['NO', '2020', 'b'], 2, 'unanswered=3'],
      [['NO', '2020', 'c'], 4, 'e'],
    ]);
    const { rows, notes } = map(t, { role: 'beds', sum: ['k'] });
    expect(rows).toEqual(['NO 2020 7 e unanswered=12 unanswered=3']);
    expect(notes).toEqual(['t.csv: flagged values kept in column "flags": "e" ×1, "unanswered" ×2']);
  });

  it('"-" is a reported zero (counted), or missing with nil = missing; a "-" with a value keeps it', () => {
    const t = table([GEO, TIME], [
      [['NO', '2020'], null, '-'],
      [['SE', '2020'], null, ' - '],
      [['NO', '2021'], 4, '-'],
    ]);
    const zero = map(t, { role: 'beds' });
    expect(zero.rows).toEqual(['NO 2020 0', 'SE 2020 0', 'NO 2021 4']);
    expect(zero.notes).toEqual(['t.csv: 3 cells marked "-" (nil: the source\'s reported zero) written as 0']);
    const missing = map(t, { role: 'beds', nil: 'missing' });
    expect(missing.rows).toEqual([]);
    expect(missing.notes).toEqual(['t.csv: 3 missing cells ("-" ×3): 3 rows left out, not written as 0', 't.csv: no rows selected']);
    const one = map(table([GEO, TIME], [[['NO', '2020'], null, '-']]), { role: 'beds' });
    expect(one.notes).toEqual(['t.csv: 1 cell marked "-" (nil: the source\'s reported zero) written as 0']);
  });

  it('negative or infinite values are refused by role, each located', () => {
    const t = table([GEO, TIME], [
      [['NO', '2020'], -1],
      [['SE', '2020'], Infinity],
    ]);
    expect(map(t, { role: 'beds' }).issues).toEqual([
      't.csv:2: expected beds ≥ 0, got -1 (region NO, year 2020)',
      't.csv:3: expected a finite number, got Infinity (region SE, year 2020)',
    ]);
    expect(map(t, { role: 'services', set: { service: 'cmhc', unit: 'teams' } }).issues[0]).toBe('t.csv:2: expected a capacity ≥ 0, got -1 (region NO, year 2020)');
    expect(map(t, { role: 'population' }).issues[0]).toBe('t.csv:2: expected a population ≥ 0, got -1 (region NO, year 2020)');
    // Zero beds is a value.
    expect(map(table([GEO, TIME], [[['NO', '2020'], 0]]), { role: 'beds' }).rows).toEqual(['NO 2020 0']);
  });

  it('a service or unit given with --set is not written into beds or population rows', () => {
    const t = table([GEO, TIME], [[['NO', '2020'], 1]]);
    const [row] = map(t, { role: 'beds', set: { service: 'cmhc', unit: 'teams' } }).full;
    expect([row!.service, row!.unit]).toEqual([undefined, undefined]);
  });

  it('a population of 0 is refused at its cell', () => {
    const t = table([GEO, TIME], [
      [['NO', '2020'], 0],
      [['SE', '2020'], 5],
    ]);
    const { rows, issues } = map(t, { role: 'population' });
    expect(issues).toEqual(['t.csv:2: expected a population > 0, got 0 (region NO, year 2020)']);
    expect(rows).toEqual(['SE 2020 5']);
  });
});

describe('mapTable: --region-match and regions', () => {
  const G = dim('geo', [['NO', 'Norge'], ['EU27', 'EU'], ['NO1', 'Oslo'], ['SE', 'SE']], { role: 'geo' });

  it('only whole codes that match are kept, for values and for regions', () => {
    const t = table([G, TIME], [
      [['NO', '2020'], 1],
      [['EU27', '2020'], 2],
      [['NO1', '2020'], 3],
    ]);
    expect(map(t, { role: 'beds', regionMatch: '[A-Z]{2}' }).rows).toEqual(['NO 2020 1']);
    expect(map(t, { role: 'beds', regionMatch: 'NO' }).rows).toEqual(['NO 2020 1']);
    expect(map(t, { role: 'beds', regionMatch: 'EU27|NO' }).rows).toEqual(['NO 2020 1', 'EU27 2020 2']);
    expect(map(t, { role: 'regions', regionMatch: 'NO|SE' }).full.map((r) => [r.region, r.name, r.flags])).toEqual([
      ['NO', 'Norge', ''],
      ['SE', 'SE', ''],
    ]);
  });

  it('a region pattern that is not a regular expression is refused with the reason', () => {
    const t = table([G, TIME], [[['NO', '2020'], 1]]);
    const [issue] = map(t, { role: 'beds', regionMatch: '[A-Z' }).issues;
    expect(issue).toMatch(/^t\.csv: --region-match: not a regular expression: Invalid regular expression: /);
  });

  it('regions: --where narrows them; a constant region is the one row', () => {
    const t = table([G, TIME], [[['NO', '2020'], 1]]);
    expect(map(t, { role: 'regions', where: { geo: ['SE', 'NO'] } }).rows).toEqual(['NO', 'SE']);
    const constant = map(t, { role: 'regions', set: { region: 'XX' } });
    expect(constant.full).toEqual([{ region: 'XX', name: 'XX', flags: '', file: 't.csv', at: {} }]);
    expect(map(t, { role: 'regions', set: { region: 'XX' }, regionMatch: 'NO' }).rows).toEqual([]);
  });

  it('with a constant region every cell is that region (and a second cell is a duplicate)', () => {
    const t = table([dim('x', ['a']), TIME], [[['a', '2020'], 1]]);
    expect(map(t, { role: 'beds', set: { region: 'NO' } }).rows).toEqual(['NO 2020 1']);
  });
});

describe('mapTable: totals among summed categories, several summed dimensions', () => {
  it('keeps the other summed codes apart when looking for a total, even when their texts run together alike', () => {
    // Summing A, B and C (every cell given: a missing one is not zero). A total of A must hold
    // within every combination of B and C. Two combinations, B=1 C=12 and B=11 C=2, both read
    // "112" when run together, but they are different cells: in B=1 C=12, aT (10) is not a1 + a2
    // (1 + 2), while in the other three combinations aT is a1 + a2. Not a total in every one,
    // so nothing is refused and everything is summed:
    // (1 + 2 + 10) + (4 + 6 + 10) + (1 + 1 + 2) + (2 + 3 + 5) = 13 + 20 + 4 + 10 = 47.
    // (Were the two look-alike combinations taken as one, the later one's 4, 6, 10 would hide the
    // first's, and aT would look like a total.)
    const A = dim('a', ['a1', 'a2', 'aT']);
    const B = dim('b', ['1', '11']);
    const C = dim('c', ['12', '2']);
    const cells = (b: string, c: string, [a1, a2, aT]: number[]): Cell[] => [
      [['NO', '2020', 'a1', b, c], a1!],
      [['NO', '2020', 'a2', b, c], a2!],
      [['NO', '2020', 'aT', b, c], aT!],
    ];
    const t = table([GEO, TIME, A, B, C], [...cells('1', '12', [1, 2, 10]), ...cells('11', '2', [4, 6, 10]), ...cells('1', '2', [1, 1, 2]), ...cells('11', '12', [2, 3, 5])]);
    const result = map(t, { role: 'population', sum: ['a', 'b', 'c'] });
    expect({ issues: result.issues, rows: result.rows }).toEqual({ issues: [], rows: ['NO 2020 47'] });
  });
});

describe('mapTable: a bad value gives no rows', () => {
  it('a negative population among summed cells: the issue, and no rows from the file at all', () => {
    // NO's 2020 cells are summed over sex; one is −4. The file is refused whole: no partial sums
    // (NO 2020 would be 5 without it, SE 2020 is 3), so nothing half-read reaches the analysis.
    const SEX = dim('sex', ['1', '2']);
    const t = table([GEO, TIME, SEX], [
      [['NO', '2020', '1'], -4],
      [['NO', '2020', '2'], 5],
      [['SE', '2020', '1'], 1],
      [['SE', '2020', '2'], 2],
    ]);
    const result = map(t, { role: 'population', sum: ['sex'] });
    expect(result.issues).toEqual(['t.csv:2: expected a population ≥ 0, got -4 (region NO, year 2020)']);
    expect(result.rows).toEqual([]);
  });
});
