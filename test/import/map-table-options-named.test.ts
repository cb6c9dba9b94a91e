// mapTable: the option each message names, and a preset's lenient --where / --sum finding a
// dimension by its id in another case when its label is something else. Every expected row and
// message is worked by hand from the cells written in each test.
import { describe, expect, it } from 'vitest';
import type { Dimension } from '../../src/core/import/table.js';
import { type Cell, dim, map, table } from './map-table-helpers.js';

describe('mapTable: the option a message names', () => {
  it('an unknown --service dimension is named as --service, with a hint', () => {
    const t = table([dim('geo', ['NO'], { role: 'geo' }), dim('time', ['2020'], { role: 'time' }), dim('tjeneste', ['OP'])], [[['NO', '2020', 'OP'], 1]]);
    expect(map(t, { role: 'services', service: 'tjenste', set: { unit: 'contacts' } }).issues).toEqual([
      't.csv: --service: the table has no dimension "tjenste" (did you mean "tjeneste"?); its dimensions are "geo", "time", "tjeneste"',
    ]);
  });
});

describe("mapTable: a preset's lenient options find a dimension by its id in any case", () => {
  // SSB's PX files name a variable "Kjonn" (id) with the label "kjønn"; a preset may spell the id
  // in capitals. The label then matches in no case, so only the id can find it.
  const geo = dim('geo', ['NO'], { role: 'geo' });
  const time = dim('time', ['2020'], { role: 'time' });

  it('where-if-present by an id in capitals keeps the named category', () => {
    const sex = dim('Kjonn', ['1', '2'], { label: 'kjønn' });
    const t = table([geo, time, sex], [
      [['NO', '2020', '1'], 4],
      [['NO', '2020', '2'], 5],
    ]);
    // Only category 2 (5) is kept.
    const result = map(t, { role: 'population', whereIfPresent: { KJONN: ['2'] } });
    expect(result.issues).toEqual([]);
    expect(result.rows).toEqual(['NO 2020 5']);
  });

  it('sum-if-present by an id in lower case sums the dimension', () => {
    const age = dim('Alder', ['0-17', '18+'], { label: 'age group' });
    const t = table([geo, time, age], [
      [['NO', '2020', '0-17'], 4],
      [['NO', '2020', '18+'], 5],
    ]);
    // 4 + 5 = 9.
    const result = map(t, { role: 'population', sumIfPresent: ['alder'] });
    expect(result.issues).toEqual([]);
    expect(result.rows).toEqual(['NO 2020 9']);
  });
});

describe('mapTable: options that name what is not there', () => {
  const geo = dim('geo', ['NO', 'SE'], { role: 'geo' });
  const time = dim('time', ['2020'], { role: 'time' });
  const sex = dim('sex', ['1', '2']);
  const cells: Cell[] = [
    [['NO', '2020', '1'], 4],
    [['NO', '2020', '2'], 5],
    [['SE', '2020', '1'], 1],
    [['SE', '2020', '2'], 2],
  ];

  it('an unknown --sum dimension is named as --sum: that one issue, no rows, no notes', () => {
    const result = map(table([geo, time, sex], cells), { role: 'population', sum: ['kjonn'] });
    // No hint: "kjonn" is near none of the three ids.
    expect(result.issues).toEqual(['t.csv: --sum: the table has no dimension "kjonn"; its dimensions are "geo", "time", "sex"']);
    expect(result.rows).toEqual([]);
    expect(result.notes).toEqual([]);
  });

  it('an unknown --region stops before the other checks: the two regions of "geo" are not reported as too many', () => {
    const result = map(table([geo, time, dim('sex', ['1'])], [[['NO', '2020', '1'], 4], [['SE', '2020', '1'], 1]]), { role: 'beds', region: 'land' });
    expect(result.issues).toEqual(['t.csv: --region: the table has no dimension "land"; its dimensions are "geo", "time", "sex"']);
    expect(result.rows).toEqual([]);
  });

  it('--where with several codes none of which the dimension has: all of them named, no hint when none is near', () => {
    const result = map(table([geo, time, sex], cells), { role: 'population', sum: ['sex'], where: { sex: ['men', 'women'] } });
    expect(result.issues).toEqual(['t.csv: --where sex=men,women: dimension "sex" has no such category; its categories are 1, 2']);
    expect(result.rows).toEqual([]);
  });

  it('--where codes not in the file are listed together in one note; none absent, no note', () => {
    // Kept: 2 only; NO 5, SE 2.
    const some = map(table([geo, time, sex], cells), { role: 'population', where: { sex: ['2', 'K', 'M'] } });
    expect(some.rows).toEqual(['NO 2020 5', 'SE 2020 2']);
    expect(some.notes).toEqual(['t.csv: --where sex: K, M not in this file']);
    const all = map(table([geo, time, sex], cells), { role: 'population', where: { sex: ['2'] } });
    expect(all.rows).toEqual(['NO 2020 5', 'SE 2020 2']);
    expect(all.notes).toEqual([]);
  });

  it('a --map naming some of the categories: those are taken, with no note', () => {
    const svc = dim('svc', ['OP', 'DIS']);
    const t = table([geo, time, svc], [
      [['NO', '2020', 'OP'], 10],
      [['NO', '2020', 'DIS'], 99],
    ]);
    const result = map(t, { role: 'services', service: 'svc', map: { OP: { service: 'cmhc', unit: 'contacts' } } });
    expect(result.issues).toEqual([]);
    expect(result.rows).toEqual(['NO 2020 10 cmhc contacts']);
    expect(result.notes).toEqual([]);
  });
});

describe('mapTable: service targets and region patterns', () => {
  it('a constant unit without a service: every category of the service dimension lacks a service', () => {
    const t = table([dim('geo', ['NO'], { role: 'geo' }), dim('time', ['2020'], { role: 'time' }), dim('svc', ['OP', 'DAY'])], [
      [['NO', '2020', 'OP'], 10],
      [['NO', '2020', 'DAY'], 3],
    ]);
    const result = map(t, { role: 'services', service: 'svc', set: { unit: 'contacts' } });
    expect(result.issues).toEqual([
      't.csv: service dimension "svc": no service and unit for OP, DAY; give --map CODE=SERVICE:UNIT for each, or leave them out with --where',
    ]);
    expect(result.rows).toEqual([]);
  });

  it('--region-match reads Unicode property classes: \\p{Lu}{2} keeps two capital letters in any script', () => {
    // NO and ΕΛ (Greece, in Greek capitals) are two capital letters; NO1 and no are not.
    const t = table([dim('geo', ['NO', 'ΕΛ', 'NO1', 'no'], { role: 'geo' }), dim('time', ['2020'], { role: 'time' })], [
      [['NO', '2020'], 1],
      [['ΕΛ', '2020'], 2],
      [['NO1', '2020'], 3],
      [['no', '2020'], 4],
    ]);
    const result = map(t, { role: 'beds', regionMatch: '\\p{Lu}{2}' });
    expect(result.issues).toEqual([]);
    expect(result.rows).toEqual(['NO 2020 1', 'ΕΛ 2020 2']);
  });
});

describe('mapTable: regions', () => {
  it('a region code the source lists twice is one row', () => {
    // A PX file may repeat a value in VALUES/CODES; a regions file must list each code once.
    const geo: Dimension = {
      id: 'geo',
      label: 'region',
      role: 'geo',
      categories: [
        { code: '0301', label: 'Oslo' },
        { code: '4601', label: 'Bergen' },
        { code: '0301', label: 'Oslo kommune' },
      ],
    };
    const result = map(table([geo], []), { role: 'regions' });
    expect(result.issues).toEqual([]);
    expect(result.rows).toEqual(['0301', '4601']);
  });
});

describe('mapTable: a total among summed categories gives no rows', () => {
  it('the total is refused and nothing of the file is taken', () => {
    // T = 1 + 2 (3) in NO and 4 + 5 (9) in SE: a total in every row.
    const t = table([dim('geo', ['NO', 'SE'], { role: 'geo' }), dim('time', ['2020'], { role: 'time' }), dim('sex', ['1', '2', 'T'])], [
      [['NO', '2020', '1'], 1],
      [['NO', '2020', '2'], 2],
      [['NO', '2020', 'T'], 3],
      [['SE', '2020', '1'], 4],
      [['SE', '2020', '2'], 5],
      [['SE', '2020', 'T'], 9],
    ]);
    const result = map(t, { role: 'population', sum: ['sex'] });
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatch(/^t\.csv: --sum sex: category T equals the sum of the others in every row/);
    expect(result.rows).toEqual([]);
    expect(result.notes).toEqual([]);
  });
});

describe('mapTable: a sum of decimals', () => {
  it('is written to 15 significant digits: 0.1 + 0.2 is 0.3, not 0.30000000000000004', () => {
    // Published rates (beds per 100 000) in two parts. In doubles 0.1 + 0.2 = 0.30000000000000004;
    // to 15 significant digits that is 0.300000000000000 = 0.3.
    const t = table([dim('geo', ['NO'], { role: 'geo' }), dim('time', ['2020'], { role: 'time' }), dim('kind', ['a', 'b'])], [
      [['NO', '2020', 'a'], 0.1],
      [['NO', '2020', 'b'], 0.2],
    ]);
    const result = map(t, { role: 'beds', sum: ['kind'] });
    expect(result.issues).toEqual([]);
    expect(result.rows).toEqual(['NO 2020 0.3']);
  });
});

describe('mapTable: notes on what was left out', () => {
  it('two sums that lack cells: "2 rows left out", in the plural', () => {
    // NO and SE each lack age 65+ (no cell at all, not a missing one): both sums are incomplete.
    const t = table([dim('geo', ['NO', 'SE'], { role: 'geo' }), dim('time', ['2020'], { role: 'time' }), dim('age', ['0-64', '65+'])], [
      [['NO', '2020', '0-64'], 1],
      [['SE', '2020', '0-64'], 2],
    ]);
    const result = map(t, { role: 'population', sum: ['age'] });
    expect(result.rows).toEqual([]);
    expect(result.notes).toEqual(['t.csv: 2 rows left out: the file lacks some of the cells to be summed', 't.csv: no rows selected']);
  });
});
