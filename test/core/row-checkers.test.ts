// The compiled row checkers (the hot path) against the zod schemas (the source of truth): a row
// the checker accepts, the schema accepts with the same output; a plain valid row is accepted.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NumberFormat } from '../../src/core/numbers.js';
import { rowCheckers, rowSchemas } from '../../src/core/schemas.js';

const FORMATS: NumberFormat[] = [
  { decimal: '.', thousands: 'none' },
  { decimal: 'auto', thousands: 'none' },
  { decimal: ',', thousands: '.' },
  { decimal: '.', thousands: 'space' },
  { decimal: 'auto', thousands: ',' },
];

const cell = fc.oneof(
  fc.constantFrom(
    '', ' ', 'NA', 'n/a', '..', '-', ': c', '0', '1', '-1', '12.5', '12,5', '1,234', '1.234', '1 234', ' 2020 ', '2020',
    '2020.0', '2020.5', '1799', '2201', '1e3', '1e13', '1e12', 'Infinity', 'NaN', '0x10', '+5', '.5', '5.', 'beds', ' BEDS ',
    'Teams', 'fte', 'places', 'bed', 'caseload', 'facilities', 'NO-03', ' NO-03 ', 'crisis', 'ACT-team', 'DPS', '2020-02',
    '2020-02-30', '2020-02-29', '2021-02-29', '2020-13', '1999-12-31', 'x', '1,5', '1.000,5', '1 000', '١٢',
  ),
  fc.string({ maxLength: 6 }),
  fc.double({ noNaN: false }).map(String),
  fc.integer({ min: -10, max: 3000 }).map(String),
);
const maybe = fc.option(cell, { nil: undefined });

const KINDS = {
  region: { region: cell, name: maybe, parent: maybe },
  population: { region: cell, year: cell, population: cell },
  bedStock: { region: cell, year: cell, beds: cell, bed_type: maybe, facility: maybe },
  bedEvents: { region: cell, date: cell, beds_closed: cell, bed_type: maybe, facility: maybe },
  services: { region: cell, year: cell, service: cell, capacity: cell, unit: cell },
} as const;

describe('row checkers ≡ zod schemas', () => {
  for (const format of FORMATS) {
    const schemas = rowSchemas(format);
    const checkers = rowCheckers(format);
    for (const [kind, shape] of Object.entries(KINDS) as [keyof typeof KINDS, (typeof KINDS)[keyof typeof KINDS]][]) {
      it(`${kind}, decimal ${format.decimal}, thousands ${format.thousands}`, () => {
        fc.assert(
          fc.property(fc.record(shape as Record<string, fc.Arbitrary<string | undefined>>), (row) => {
            const fast = checkers[kind](row);
            const reference = schemas[kind].safeParse(row);
            if (fast !== undefined) {
              expect(reference.success).toBe(true);
              expect(fast).toEqual(reference.data);
            }
          }),
          { numRuns: 3000 },
        );
      });
    }
  }

  it('a plain valid row takes the fast path', () => {
    const c = rowCheckers();
    expect(c.services({ region: ' NO-03 ', year: '2020', service: ' DPS ', capacity: '12.5', unit: 'Beds' })).toEqual({
      region: 'NO-03', year: 2020, service: 'DPS', capacity: 12.5, unit: 'beds',
    });
    expect(c.population({ region: 'NA', year: '2020', population: '5000' })).toEqual({ region: 'NA', year: 2020, population: 5000 });
    expect(c.bedEvents({ region: 'X', date: '2020-02-29', beds_closed: '-3' })).toMatchObject({ date: 2020, beds_closed: -3 });
    expect(c.services({ region: 'X', year: '2020', service: 'NA', capacity: '1', unit: 'beds' })).toBeUndefined();
  });
});
