// What schemas.ts fixes once, when the module is loaded, as a user meets it: the columns each
// input file requires and allows (SPEC §1), region codes that only treat a blank cell as missing
// ("NA" is Namibia), and the messages for a number too large, a missing date and a missing unit.
// Expected texts are SPEC §1's column lists and rules, and the largest magnitude 1e12
// (numbers.ts: MAX_MAGNITUDE = 10^12, written as "1e12").
//
// schemas.ts is loaded inside each test, after vi.resetModules(), not imported at the top: these
// are module-level constants, and Stryker counts them as covered only by the test during which the
// module is evaluated (a top-level import evaluates it while the file is collected).
import { describe, expect, it, vi } from 'vitest';

async function freshSchemas() {
  vi.resetModules();
  return import('../../src/core/schemas.js');
}

/** The messages of a row the schema refuses. */
function messages(result: { success: boolean; error?: { issues: { message: string }[] } }): string[] {
  expect(result.success).toBe(false);
  return result.error!.issues.map((i) => i.message);
}

describe('schemas.ts module tables', () => {
  it('each input file\'s required and optional columns (SPEC §1)', async () => {
    const { INPUT_FILES } = await freshSchemas();
    expect(INPUT_FILES).toEqual({
      regions: { required: ['region'], optional: ['name', 'parent'] },
      population: { required: ['region', 'year', 'population'], optional: [] },
      bedStock: { required: ['region', 'year', 'beds'], optional: ['bed_type', 'facility'] },
      bedEvents: { required: ['region', 'date', 'beds_closed'], optional: ['bed_type', 'facility'] },
      services: { required: ['region', 'year', 'service', 'capacity', 'unit'], optional: [] },
      // crosswalk.csv: a blank or absent reform year means every year
      crosswalk: { required: ['from', 'to', 'share'], optional: ['year'] },
    });
  });

  it('a region code "NA" is a code (Namibia); only a blank code is missing', async () => {
    const { rowSchemas } = await freshSchemas();
    const schema = rowSchemas().population;
    expect(schema.parse({ region: 'NA', year: '2020', population: '2500000' })).toEqual({ region: 'NA', year: 2020, population: 2_500_000 });
    expect(messages(schema.safeParse({ region: '  ', year: '2020', population: '5' }))).toEqual([
      'missing value (empty cell): expected a region code — fill it in or remove the row',
    ]);
    // a service name "NA" is a missing-value marker, as in every other text column
    expect(messages(rowSchemas().services.safeParse({ region: 'NA', year: '2020', service: 'NA', capacity: '1', unit: 'beds' }))).toEqual([
      'missing value "NA": expected a service name or category code — fill it in or remove the row',
    ]);
  });

  it('a number above 1e12 is too large, and the message says the limit', async () => {
    const { rowSchemas } = await freshSchemas();
    const schema = rowSchemas().population;
    // 10^12 + 1 has 13 digits after the 1: one more than the largest magnitude
    expect(messages(schema.safeParse({ region: 'SE', year: '2020', population: '1000000000001' }))).toEqual([
      'expected a number > 0, got "1000000000001": too large (servicegap accepts at most 1e12)',
    ]);
  });

  it('a missing date and a missing unit say what was expected', async () => {
    const { rowSchemas } = await freshSchemas();
    const schemas = rowSchemas();
    expect(messages(schemas.bedEvents.safeParse({ region: 'SE', date: 'NA', beds_closed: '3' }))).toEqual([
      'missing value "NA": expected a date YYYY, YYYY-MM or YYYY-MM-DD (years 1800–2200) — fill it in or remove the row',
    ]);
    expect(messages(schemas.bedEvents.safeParse({ region: 'SE', date: '2020-13', beds_closed: '3' }))).toEqual([
      'expected a date YYYY, YYYY-MM or YYYY-MM-DD (years 1800–2200)',
    ]);
    expect(messages(schemas.services.safeParse({ region: 'SE', year: '2020', service: 'DPS', capacity: '1', unit: '..' }))).toEqual([
      'missing value "..": expected one of beds, places, caseload, teams, fte, facilities, contacts — fill it in or remove the row',
    ]);
    // and a unit code is read as itself
    expect(schemas.services.parse({ region: 'SE', year: '2020', service: 'DPS', capacity: '1', unit: 'fte' }).unit).toBe('fte');
  });
});
