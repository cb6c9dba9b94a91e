// The compiled row checkers (the hot path) against the zod schemas (the source of truth), both
// ways: a row the checker accepts, the schema accepts with the same output; a row of text cells
// the schema accepts, the checker accepts too (it never sends a valid CSV row to the slow path).
// And the rules themselves, both ways: a generated valid row is accepted, the same row with
// exactly one cell broken is refused, with that column, and only that column, named.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InputIssue } from '../../src/core/issues.js';
import type { NumberFormat } from '../../src/core/numbers.js';
import { type RowKind, RowValidator } from '../../src/core/row-validator.js';
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
    for (const [kind, shape] of Object.entries(KINDS) as [keyof typeof KINDS, (typeof KINDS)[keyof typeof KINDS]][]) {
      it(`${kind}, decimal ${format.decimal}, thousands ${format.thousands}`, () => {
        // built inside the test, not while the tests are collected: an error here fails the test
        const schemas = rowSchemas(format);
        const checkers = rowCheckers(format);
        fc.assert(
          fc.property(fc.record(shape as Record<string, fc.Arbitrary<string | undefined>>), (row) => {
            const fast = checkers[kind](row);
            const reference = schemas[kind].safeParse(row);
            if (fast !== undefined) {
              expect(reference.success).toBe(true);
              expect(fast).toEqual(reference.data);
            }
            // the other way: what the schema accepts from text cells, the checker accepts
            if (reference.success) expect(fast).toEqual(reference.data);
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

// Valid cells per column (SPEC §1: codes, years 1800–2200, population > 0, beds and capacity ≥ 0,
// closures of any sign, dates YYYY / YYYY-MM / YYYY-MM-DD, the seven units) and, per required
// column, cells that break its rule and nothing else.
const code = fc.stringMatching(/^[A-Z]{2}-[0-9A-Z]{1,3}$/);
const year = fc.integer({ min: 1800, max: 2200 }).map(String);
const decimal = (min: number, max: number) =>
  fc.tuple(fc.integer({ min, max }), fc.integer({ min: 0, max: 99 })).map(([w, f]) => (f === 0 ? String(w) : `${w}.${String(f).padStart(2, '0')}`));
const text = fc.constantFrom('Møre og Romsdal', 'Helseregion Øst', 'منطقة الرياض', 'Åland', 'x');
const optionalText = fc.option(text, { nil: undefined });
const date = fc
  .tuple(fc.integer({ min: 1800, max: 2200 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.nat(2))
  .map(([y, m, d, form]) => [String(y), `${y}-${String(m).padStart(2, '0')}`, `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`][form]!);
const unit = fc.constantFrom('beds', 'places', 'caseload', 'teams', 'fte', 'facilities', 'contacts', ' Teams ');

const BLANK = ['', '  '];
const MISSING = ['NA', 'n/a', '..', '-'];
const NOT_A_NUMBER = ['x', '12abc', '1,2,3', 'Infinity'];
const BAD_YEAR = ['1799', '2201', '2020.5', '20x0', ...BLANK, ...MISSING];

const VALID_ROWS: Record<RowKind, fc.Arbitrary<Record<string, string | undefined>>> = {
  region: fc.record({ region: code, name: optionalText, parent: fc.option(code, { nil: undefined }) }),
  // a share above 0 and at most 1 (0.01 … 1); the reform year may be left out
  crosswalk: fc.record({ from: code, to: code, share: fc.integer({ min: 1, max: 100 }).map((n) => String(n / 100)), year: fc.option(year, { nil: undefined }) }),
  population: fc.record({ region: code, year, population: decimal(1, 9_000_000) }),
  bedStock: fc.record({ region: code, year, beds: decimal(0, 50_000), bed_type: optionalText, facility: optionalText }),
  bedEvents: fc.record({ region: code, date, beds_closed: decimal(-500, 500), bed_type: optionalText, facility: optionalText }),
  services: fc.record({ region: code, year, service: fc.constantFrom('FACT', 'botilbud', 'crisis', 'DPS', 'værested'), capacity: decimal(0, 100_000), unit }),
};

const BROKEN: Record<RowKind, Record<string, readonly string[]>> = {
  region: { region: BLANK },
  crosswalk: { from: BLANK, to: BLANK, share: ['0', '-0.5', '1.01', '2', ...NOT_A_NUMBER, ...BLANK, ...MISSING], year: ['1799', '2201', '2020.5', '20x0', ...MISSING] },
  population: { region: BLANK, year: BAD_YEAR, population: ['0', '-1', '-0.5', ...NOT_A_NUMBER, ...BLANK, ...MISSING] },
  bedStock: { region: BLANK, year: BAD_YEAR, beds: ['-1', '-0.01', '1e13', ...NOT_A_NUMBER, ...BLANK, ...MISSING] },
  bedEvents: { region: BLANK, date: ['2020-13', '2021-02-29', '2020-00', '20', 'x', ...BLANK, ...MISSING], beds_closed: [...NOT_A_NUMBER, ...BLANK, ...MISSING] },
  services: { region: BLANK, year: BAD_YEAR, service: [...BLANK, ...MISSING], capacity: ['-1', ...NOT_A_NUMBER, ...BLANK, ...MISSING], unit: ['boats', 'x', ...BLANK] },
};

describe('row rules, both ways', () => {
  for (const kind of Object.keys(VALID_ROWS) as RowKind[]) {
    const broken = Object.entries(BROKEN[kind]).flatMap(([column, cells]) => cells.map((cell) => [column, cell] as const));

    it(`${kind}: a valid row is accepted with no problem`, () => {
      fc.assert(
        fc.property(VALID_ROWS[kind], (row) => {
          const issues: InputIssue[] = [];
          expect(new RowValidator().check(kind, row, 'f.csv', 7, (i) => issues.push(i))).toBeDefined();
          expect(issues).toEqual([]);
        }),
        { seed: 17_6, numRuns: 300 },
      );
    });

    it(`${kind}: the same row with one cell broken is refused, naming that column only`, () => {
      fc.assert(
        fc.property(VALID_ROWS[kind], fc.constantFrom(...broken), (row, [column, cell]) => {
          const issues: InputIssue[] = [];
          const bad = { ...row, [column]: cell };
          expect(new RowValidator().check(kind, bad, 'f.csv', 7, (i) => issues.push(i)), `${column}=${JSON.stringify(cell)}`).toBeUndefined();
          expect(issues.length).toBeGreaterThan(0);
          for (const issue of issues) expect(issue, `${column}=${JSON.stringify(cell)}`).toMatchObject({ file: 'f.csv', line: 7, columns: [column] });
          // and the compiled checker refuses it too (it never accepts what the schema refuses)
          expect(rowCheckers()[kind](bad)).toBeUndefined();
        }),
        { seed: 17_6, numRuns: 300 },
      );
    });
  }
});
