// Reading numbers as the file wrote them (src/core/numbers.ts) and the row schemas built for a
// number format, with their missing-value rules (src/core/schemas.ts).
import { describe, expect, it } from 'vitest';
import { isMissingValue, type NumberFormat, parseNumber, readNumber } from '../../src/core/numbers.js';
import { rowSchemas } from '../../src/core/schemas.js';

const point: NumberFormat = { decimal: '.', thousands: 'none' };
const comma: NumberFormat = { decimal: ',', thousands: 'none' };
const auto: NumberFormat = { decimal: 'auto', thousands: 'none' };

const value = (text: string, format: NumberFormat) => {
  const r = readNumber(text, format);
  return r.ok ? r.value : r.problem;
};

describe('readNumber', () => {
  it.each([
    ['12.5', point, 12.5],
    [' 12.5 ', point, 12.5],
    ['-4.5', point, -4.5],
    ['+3', point, 3],
    ['.5', point, 0.5],
    ['1e3', point, 1000],
    ['0', point, 0],
    ['12,5', comma, 12.5],
    ['0,125', comma, 0.125],
    ['-1,5e3', comma, -1500],
    ['1 234', { decimal: '.', thousands: 'space' }, 1234],
    ['1\u00a0234\u00a0567', { decimal: ',', thousands: 'space' }, 1234567], // no-break space, as Excel writes it
    ['1\u202f234,5', { decimal: ',', thousands: 'space' }, 1234.5], // narrow no-break space
    ['1.234,5', { decimal: ',', thousands: '.' }, 1234.5],
    ['1,234.5', { decimal: '.', thousands: ',' }, 1234.5],
    ['1,234,567', { decimal: '.', thousands: ',' }, 1234567],
    ['1234.5', { decimal: '.', thousands: ',' }, 1234.5], // grouping is allowed, not required
    // auto: either mark, as long as the cell reads one way only
    ['12,5', auto, 12.5],
    ['12.5', auto, 12.5],
    ['0,125', auto, 0.125], // a thousands group never starts with 0
    ['1234,567', auto, 1234.567], // four digits before the mark: not a thousands group
    ['12,50', auto, 12.5],
    ['1000', auto, 1000],
    // auto with a thousands separator: the decimal mark is the other one
    ['1.234,5', { decimal: 'auto', thousands: '.' }, 1234.5],
    ['1,234', { decimal: 'auto', thousands: '.' }, 1.234],
    ['1,234', { decimal: 'auto', thousands: ',' }, 1234],
    ['1,234', { decimal: 'auto', thousands: 'space' }, 1.234], // spaces group thousands, so the comma is decimal
  ] as const)('%j in %j → %d', (text, format, expected) => {
    expect(value(text, format)).toBe(expected);
  });

  it.each([
    ['12,5', point],
    ['1,234', point],
    ['12.5', comma],
    ['1 234', point], // thousands separators are never guessed
    ['1.234,5', point],
    ['1,234.5', point],
    ['12,34', { decimal: '.', thousands: ',' }], // not groups of three
    ['1 23 456', { decimal: '.', thousands: 'space' }],
    ['1.2.3', auto],
    ['1.234,5', auto], // both marks, and no thousands separator given
    ['NaN', point],
    ['Infinity', point],
    ['-Infinity', point],
    ['0x10', point],
    ['1e', point],
    ['.', point],
    ['12 beds', point],
    ['--5', point],
  ] as const)('%j in %j is invalid', (text, format) => {
    expect(value(text, format)).toBe('invalid');
  });

  it.each(['1,234', '1.234', '-12.500', '100,000', '999.999'])('%j is ambiguous in auto mode', (text) => {
    expect(value(text, auto)).toBe('ambiguous');
  });

  it.each(['1e400', '-1e400', '1e13', '2000000000000'])('%j is too large', (text) => {
    expect(value(text, point)).toBe('too-large');
  });

  it.each(['', '  ', 'NA', 'na', 'N/A', '..', ':', ': c', ':z', '-'])('%j is a missing value', (text) => {
    expect(value(text, point)).toBe('missing');
    expect(isMissingValue(text)).toBe(true);
  });

  it.each(['0', 'NAN', '...', '--', 'none', 'NO-03'])('%j is not a missing-value marker', (text) => {
    expect(isMissingValue(text)).toBe(false);
  });

  it('says which options read an invalid cell, and as what', () => {
    expect(readNumber('12,5', point)).toEqual({ ok: false, problem: 'invalid', hint: '--decimal , reads it as 12.5' });
    expect(readNumber('1,234', point)).toEqual({
      ok: false,
      problem: 'invalid',
      hint: '--decimal , reads it as 1.234, --thousands , as 1234',
    });
    expect(readNumber('1.234,5', point)).toEqual({ ok: false, problem: 'invalid', hint: '--decimal , --thousands . reads it as 1234.5' });
    expect(readNumber('1.234', auto)).toEqual({
      ok: false,
      problem: 'ambiguous',
      hint: '--decimal . reads it as 1.234, --decimal , --thousands . as 1234',
    });
    expect(readNumber('ten', point)).toEqual({ ok: false, problem: 'invalid', hint: undefined });
  });

  it('parseNumber keeps its strict meaning: plain decimals with a point', () => {
    expect(parseNumber('12.5')).toBe(12.5);
    expect(parseNumber('12,5')).toBeUndefined();
    expect(parseNumber('NA')).toBeUndefined();
  });
});

describe('rowSchemas', () => {
  const issues = (result: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }) =>
    result.error?.issues.map((i) => `${String(i.path[0])}: ${i.message}`) ?? [];

  it('reads numbers in the format it was built for', () => {
    const row = { region: 'A', year: '2015', service: 'DPS', capacity: '1.234,5', unit: 'places' };
    expect(rowSchemas({ decimal: ',', thousands: '.' }).services.parse(row).capacity).toBe(1234.5);
    expect(rowSchemas().services.safeParse(row).success).toBe(false);
  });

  it('a missing value in a required number column is an error of its own', () => {
    const schemas = rowSchemas();
    expect(issues(schemas.bedStock.safeParse({ region: 'A', year: '2015', beds: 'NA' }))).toEqual([
      'beds: missing value "NA": expected a number ≥ 0 — fill it in or remove the row',
    ]);
    expect(issues(schemas.population.safeParse({ region: 'A', year: '..', population: '5' }))).toEqual([
      'year: missing value "..": expected a year (a whole number 1800–2200) — fill it in or remove the row',
    ]);
    expect(issues(schemas.bedEvents.safeParse({ region: 'A', date: ':', beds_closed: '-' }))).toEqual([
      'date: missing value ":": expected a date YYYY, YYYY-MM or YYYY-MM-DD (years 1800–2200) — fill it in or remove the row',
      'beds_closed: missing value "-": expected a number (negative for an opening) — fill it in or remove the row',
    ]);
    expect(issues(schemas.services.safeParse({ region: 'A', year: '2015', service: 'N/A', capacity: '', unit: '-' }))).toEqual([
      'service: missing value "N/A": expected a service name or category code — fill it in or remove the row',
      'capacity: missing value (empty cell): expected a number ≥ 0 — fill it in or remove the row',
      'unit: missing value "-": expected one of beds, places, caseload, teams, fte, facilities, contacts — fill it in or remove the row',
    ]);
  });

  it('optional text columns read a missing value as not given', () => {
    const schemas = rowSchemas();
    expect(schemas.region.parse({ region: 'A', name: 'NA', parent: '..' })).toEqual({ region: 'A', name: undefined, parent: undefined });
    expect(schemas.bedStock.parse({ region: 'A', year: '2015', beds: '3', bed_type: ':', facility: '-' })).toEqual({
      region: 'A',
      year: 2015,
      beds: 3,
      bed_type: undefined,
      facility: undefined,
    });
  });

  it('region codes: a blank cell is missing, but "NA" is a code (Namibia)', () => {
    const schemas = rowSchemas();
    expect(schemas.region.parse({ region: 'NA', name: 'Namibia' }).region).toBe('NA');
    expect(issues(schemas.region.safeParse({ region: ' ' }))).toEqual([
      'region: missing value (empty cell): expected a region code — fill it in or remove the row',
    ]);
  });

  it('out-of-range numbers name the rule they break', () => {
    const schemas = rowSchemas();
    expect(issues(schemas.population.safeParse({ region: 'A', year: '99999', population: '0' }))).toEqual([
      'year: expected a year (a whole number 1800–2200)',
      'population: expected a number > 0',
    ]);
    expect(issues(schemas.services.safeParse({ region: 'A', year: '2015', service: 'x', capacity: '-1', unit: 'teams' }))).toEqual([
      'capacity: expected a number ≥ 0',
    ]);
    expect(issues(schemas.services.safeParse({ region: 'A', year: '2015', service: 'x', capacity: '1e400', unit: 'teams' }))).toEqual([
      'capacity: expected a number ≥ 0, got "1e400": too large (servicegap accepts at most 1e12)',
    ]);
  });
});

describe('readNumberValue (the hot path) agrees with readNumber', () => {
  it('for any cell in any format', async () => {
    const { readNumberValue } = await import('../../src/core/numbers.js');
    const fc = (await import('fast-check')).default;
    const formats = [
      { decimal: '.', thousands: 'none' },
      { decimal: 'auto', thousands: 'none' },
      { decimal: ',', thousands: '.' },
      { decimal: 'auto', thousands: '.' },
      { decimal: '.', thousands: ',' },
      { decimal: '.', thousands: 'space' },
    ] as const;
    const cell = fc.oneof(
      fc.stringMatching(/^[0-9]{0,16}(\.[0-9]{0,4})?$/),
      fc.stringMatching(/^[ +-]?[0-9.,e ]{0,8}$/),
      fc.constantFrom('999999999999', '1000000000000', '999999999999.5', '1234567890123.5', '007', '5.', '.5', '1.234', '1,234'),
    );
    fc.assert(
      fc.property(cell, fc.constantFrom(...formats), (text, format) => {
        const reading = readNumber(text, format);
        expect(readNumberValue(text, format)).toBe(reading.ok ? reading.value : undefined);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('isMissingValue: the quick check says what the pattern says', () => {
  it('for any short text', async () => {
    const fc = (await import('fast-check')).default;
    const pattern = /^(?:|na|n\/a|\.\.|-|:(?:\s*[a-z]{1,3})?)$/i;
    const text = fc.oneof(fc.stringMatching(/^[ :naNA/.\-cxz\t]{0,7}$/), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(text, (t) => {
        expect(isMissingValue(t)).toBe(pattern.test(t.trim()));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('readNumberBytes (numbers read from UTF-8 bytes) agrees with readNumberValue', () => {
  const formats: NumberFormat[] = [
    { decimal: '.', thousands: 'none' },
    { decimal: ',', thousands: 'none' },
    { decimal: 'auto', thousands: 'none' },
    { decimal: ',', thousands: '.' },
    { decimal: 'auto', thousands: '.' },
    { decimal: '.', thousands: ',' },
    { decimal: '.', thousands: 'space' },
  ];
  const bytesOf = (text: string) => new TextEncoder().encode(` ${text} `);

  it('answers a number only when the text reader answers the same number', async () => {
    const { readNumberBytes, readNumberValue } = await import('../../src/core/numbers.js');
    const fc = (await import('fast-check')).default;
    const cell = fc.oneof(
      fc.stringMatching(/^[0-9]{0,17}([.,][0-9]{0,6})?$/),
      fc.stringMatching(/^[ +-]?[0-9.,e ]{0,8}$/),
      fc.tuple(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 99999 })).map(([a, b]) => `${a}.${b}`),
      fc.double({ min: 0, max: 1e13, noNaN: true }).map(String),
      fc.constantFrom('999999999999', '1000000000000', '999999999999.5', '0.1', '0.3', '2.675', '1.005', '007', '5.', '5,', '.5', '1.234', '1,234', '0,125', '١٢'),
    );
    let answered = 0;
    fc.assert(
      fc.property(cell, fc.constantFrom(...formats), (text, format) => {
        const bytes = bytesOf(text);
        const value = readNumberBytes(bytes, 1, bytes.length - 1, format);
        if (!Number.isNaN(value)) {
          answered++;
          expect(value).toBe(readNumberValue(text, format));
        }
      }),
      { numRuns: 20000 },
    );
    // It must not answer nothing: most plain cells are read from their bytes.
    expect(answered).toBeGreaterThan(2000);
  });

  it('reads plain cells (worked by hand) and leaves the rest to the text reader', async () => {
    const { readNumberBytes } = await import('../../src/core/numbers.js');
    const read = (text: string, format: NumberFormat = point) => {
      const bytes = bytesOf(text);
      return readNumberBytes(bytes, 1, bytes.length - 1, format);
    };
    expect(read('2020')).toBe(2020);
    expect(read('007')).toBe(7);
    expect(read('12.5')).toBe(12.5);
    expect(read('12.')).toBe(12);
    expect(read('0.1')).toBe(0.1);
    expect(read('12,5', comma)).toBe(12.5);
    expect(read('12,5', auto)).toBe(12.5);
    expect(read('12.25', auto)).toBe(12.25);
    // Not read from bytes: ambiguous, signed, spaced, exponents, too many digits, the wrong mark.
    for (const [text, format] of [['1,234', auto], ['1.234', auto], ['-1', point], [' 1', point], ['1e3', point], ['1234567890123', point], ['12,5', point], ['12.5', comma], ['', point], ['.5', point]] as const) {
      expect(read(text, format), text).toBeNaN();
    }
  });
});
