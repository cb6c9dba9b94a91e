// The compiled row checkers (schemas.ts, the hot path) take rows from CSV files, whose cells are
// text, and from the library, whose rows may hold a number, null or nothing where text belongs.
// For a cell that is not text a checker must answer undefined (ask the zod schema, which words the
// problem), never throw nor accept it; and a date cell holding a missing-value marker goes to the
// schema too, which says "missing value".
import { describe, expect, it } from 'vitest';
import { rowCheckers, rowSchemas } from '../../src/core/schemas.js';

describe('row checkers, cells that are not text', () => {
  it('a date given as a number, null or left out: the checker asks the schema', () => {
    const check = rowCheckers().bedEvents;
    const base = { region: 'NO-03', beds_closed: '-3' };
    for (const date of [2020, null, undefined, { year: 2020 }]) {
      expect(check({ ...base, date } as unknown as Record<string, string>), String(date)).toBeUndefined();
    }
    const { date: _omitted, ...withoutDate } = { ...base, date: '2020' };
    expect(check(withoutDate)).toBeUndefined();
    // and the same row with its date as text is read: 2020-06 is in 2020
    expect(check({ ...base, date: '2020-06' })).toMatchObject({ region: 'NO-03', date: 2020, beds_closed: -3 });
  });

  it('a date cell with a missing-value marker goes to the schema, which says it is missing', () => {
    const check = rowCheckers().bedEvents;
    const schema = rowSchemas().bedEvents;
    for (const marker of ['', ' ', 'NA', 'n/a', '..', '-', ':', ': c']) {
      const row = { region: 'NO-03', date: marker, beds_closed: '-3' };
      expect(check(row), marker).toBeUndefined();
      const result = schema.safeParse(row);
      expect(result.success, marker).toBe(false);
      expect(result.error!.issues.map((i) => i.message)[0], marker).toMatch(/^missing value .*: expected a date YYYY, YYYY-MM or YYYY-MM-DD/);
    }
  });

  it('a number, a code, a service name and a unit given as numbers: the checker asks the schema', () => {
    const c = rowCheckers();
    const services = { region: 'NO-03', year: '2020', service: 'DPS', capacity: '12', unit: 'beds' };
    expect(c.services(services)).toEqual({ region: 'NO-03', year: 2020, service: 'DPS', capacity: 12, unit: 'beds' });
    for (const column of ['region', 'year', 'service', 'capacity', 'unit'] as const) {
      expect(c.services({ ...services, [column]: 7 }), column).toBeUndefined();
      expect(c.services({ ...services, [column]: undefined }), column).toBeUndefined();
    }
  });

  it('an optional text cell left out is "not given"; one given as a number asks the schema', () => {
    const c = rowCheckers();
    expect(c.region({ region: 'NO-03' })).toEqual({ region: 'NO-03', name: undefined, parent: undefined });
    expect(c.region({ region: 'NO-03', name: 5 } as unknown as Record<string, string>)).toBeUndefined();
  });
});
