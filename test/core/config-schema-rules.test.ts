// The rules of servicegap.config.json that config.ts states as module-level zod schemas (weights,
// norm names and fields, measures, missingCommunity, map, aliases), each with the message a user
// reads at its JSON path. Expected messages are the wording of README's config section and of
// the SPEC §2/§1 lists (nine categories, seven units); trimmed values are worked by hand.
//
// config.ts is loaded inside each test, after vi.resetModules(), not imported at the top: its
// schemas are built when the module is evaluated, and Stryker counts that code as covered only by
// the test during which it runs (a top-level import runs it while the file is collected, which
// no test's coverage sees).
import { describe, expect, it, vi } from 'vitest';

const CATEGORIES = 'crisis, general_hospital, cmhc, outreach, peer_support, supported_living, day_services, primary_care, self_help';
const UNITS = 'beds, places, caseload, teams, fte, facilities, contacts';

async function freshConfig() {
  vi.resetModules();
  const config = await import('../../src/core/config.js');
  /** The messages ("path: what is wrong") of a config that must be rejected. */
  const messagesOf = (value: unknown): string[] => {
    try {
      config.checkConfig(value, 'c.json');
    } catch (error) {
      const issues = (error as { issues?: { file: string; message: string }[] }).issues;
      expect(issues, String(error)).toBeDefined();
      for (const issue of issues!) expect(issue.file).toBe('c.json');
      return issues!.map((i) => i.message);
    }
    throw new Error(`config was accepted: ${JSON.stringify(value)}`);
  };
  return { ...config, messagesOf };
}

describe('weights', () => {
  it('a number or an object { value, low, high, source } is a weight; 0 and more are allowed', async () => {
    const { checkConfig } = await freshConfig();
    const weights = { crisis: { teams: 8, beds: 0 }, outreach: { teams: { value: 8, low: 4, high: 12, source: 'our regional study' } } };
    expect(checkConfig({ weights }).weights).toEqual(weights);
  });

  it('a negative weight, or a weight that is neither a number nor an object with one, is refused at its path', async () => {
    const { messagesOf } = await freshConfig();
    const neither = 'expected a weight: a number ≥ 0 (bed-equivalents per unit) or an object { value, low, high, source }';
    expect(messagesOf({ weights: { crisis: { teams: -0.5 } } })).toEqual(['weights.crisis.teams: expected a number ≥ 0: a weight cannot be negative']);
    expect(messagesOf({ weights: { crisis: { teams: { value: 1, low: -1 } } } })).toEqual([
      'weights.crisis.teams.low: expected a number ≥ 0: a weight cannot be negative',
    ]);
    expect(messagesOf({ weights: { crisis: { teams: '12.5' } } })).toEqual([`weights.crisis.teams: ${neither}`]);
    expect(messagesOf({ weights: { crisis: { teams: null } } })).toEqual([`weights.crisis.teams: ${neither}`]);
    expect(messagesOf({ weights: { crisis: { teams: { low: 1 } } } })).toEqual([`weights.crisis.teams: ${neither}`]);
    // a library caller can pass what JSON cannot: zod's number() refuses it
    expect(messagesOf({ weights: { crisis: { teams: Number.POSITIVE_INFINITY } } })).toEqual([`weights.crisis.teams: ${neither}`]);
    expect(messagesOf({ weights: { crisis: { teams: Number.NaN } } })).toEqual([`weights.crisis.teams: ${neither}`]);
  });

  it('the union\'s issue keeps what each form expected, for a library caller', async () => {
    const { WeightOverrideSchema } = await freshConfig();
    const issue = WeightOverrideSchema.safeParse('x').error!.issues[0]!;
    expect(issue.message).toMatch(/^expected a weight: a number ≥ 0/);
    expect(JSON.stringify(issue)).toContain('expected a number ≥ 0 (bed-equivalents per unit)');
  });

  it('a range that does not hold its value, and an empty source, are refused', async () => {
    const { messagesOf } = await freshConfig();
    expect(messagesOf({ weights: { crisis: { teams: { value: 2, low: 3 } } } })).toEqual(['weights.crisis.teams: expected low ≤ value ≤ high']);
    const [empty] = messagesOf({ weights: { crisis: { teams: { value: 2, source: '' } } } });
    expect(empty).toMatch(/^weights\.crisis\.teams\.source: /);
  });
});

describe('norms', () => {
  it('a norm name is snake_case beginning with a letter', async () => {
    const { checkConfig, messagesOf, NORM_NAME } = await freshConfig();
    const added = { low: 1, high: 2, measures: [{ category: 'crisis', unit: 'teams' }] };
    for (const name of ['a', 'crisis_2', 'day_care_places']) {
      expect(NORM_NAME.test(name), name).toBe(true);
      expect(Object.keys(checkConfig({ norms: { [name]: added } }).norms!), name).toEqual([name]);
    }
    for (const name of ['Bad', 'dayCare', '1abc', '_a', 'day-care', 'day care', 'crisis!', 'é']) {
      expect(NORM_NAME.test(name), name).toBe(false);
      expect(messagesOf({ norms: { [name]: added } }), name).toEqual([
        `norms.${name}: expected a norm name of lower-case letters, digits and "_", beginning with a letter`,
      ]);
    }
  });

  it('only a default norm can be dropped, and the message lists the three (SPEC §4)', async () => {
    const { checkConfig, messagesOf } = await freshConfig();
    expect(checkConfig({ norms: { crisis_teams: false } }).norms).toEqual({ crisis_teams: false });
    expect(messagesOf({ norms: { beds: false } })).toEqual([
      'norms.beds: unknown norm "beds": only a default norm (psychiatric_beds, supported_living, crisis_teams) can be dropped with false',
    ]);
    expect(messagesOf({ norms: { day_places: { low: 1, high: 2 } } })).toEqual([
      'norms.day_places: new norm "day_places" needs measures (a default norm is one of psychiatric_beds, supported_living, crisis_teams)',
    ]);
  });

  it('low and high are numbers above 0 (coverage divides by low)', async () => {
    const { checkConfig, messagesOf } = await freshConfig();
    expect(checkConfig({ norms: { psychiatric_beds: { low: 0.5, high: 60 } } }).norms).toEqual({ psychiatric_beds: { low: 0.5, high: 60 } });
    expect(messagesOf({ norms: { psychiatric_beds: { low: 0 } } })).toEqual(['norms.psychiatric_beds.low: expected a number > 0 (coverage divides by low)']);
    expect(messagesOf({ norms: { psychiatric_beds: { low: 1e-320 } } })).toEqual(['norms.psychiatric_beds.low: expected a number > 0 (coverage divides by low), at least 1e-12']);
    expect(messagesOf({ norms: { psychiatric_beds: { high: -3 } } })).toEqual(['norms.psychiatric_beds.high: expected a number > 0 (coverage divides by low)']);
    expect(messagesOf({ norms: { psychiatric_beds: { low: 'x' } } })).toEqual(['norms.psychiatric_beds.low: expected a number > 0']);
    expect(messagesOf({ norms: { psychiatric_beds: { high: Number.POSITIVE_INFINITY } } })).toEqual(['norms.psychiatric_beds.high: expected a number > 0']);
  });

  it('measures are (category, unit) pairs of SPEC §2 and §1, each listed once', async () => {
    const { checkConfig, messagesOf } = await freshConfig();
    const measures = [
      { category: 'day_services', unit: 'places' },
      { category: 'day_services', unit: 'contacts' },
    ];
    expect(checkConfig({ norms: { day_places: { low: 5, high: 9, measures } } }).norms).toEqual({ day_places: { low: 5, high: 9, measures } });
    expect(messagesOf({ norms: { psychiatric_beds: { measures: [{ category: 'crisiss', unit: 'bed' }] } } })).toEqual([
      `norms.psychiatric_beds.measures.0.category: unknown category "crisiss": expected one of ${CATEGORIES}`,
      `norms.psychiatric_beds.measures.0.unit: unknown unit "bed": expected one of ${UNITS}`,
    ]);
    expect(messagesOf({ norms: { psychiatric_beds: { measures: [measures[0], measures[1], measures[0]] } } })).toEqual([
      'norms.psychiatric_beds.measures.2: day_services/places is listed twice (it would be counted twice)',
    ]);
  });

  it('unit_label and source are trimmed, and blank ones are refused', async () => {
    const { checkConfig, messagesOf } = await freshConfig();
    // "  regional plan 2024 " trimmed is "regional plan 2024"
    expect(checkConfig({ norms: { supported_living: { unit_label: ' housing places ', source: '  regional plan 2024 ' } } }).norms).toEqual({
      supported_living: { unit_label: 'housing places', source: 'regional plan 2024' },
    });
    const blank = messagesOf({ norms: { supported_living: { unit_label: '  ', source: ' ' } } });
    expect(blank).toHaveLength(2);
    expect(blank[0]).toMatch(/^norms\.supported_living\.unit_label: .*>=1 characters/);
    expect(blank[1]).toMatch(/^norms\.supported_living\.source: .*>=1 characters/);
    expect(messagesOf({ norms: { supported_living: { institutional_beds: 'yes' } } })[0]).toMatch(/^norms\.supported_living\.institutional_beds: .*expected boolean/);
  });
});

describe('missingCommunity, map, aliases', () => {
  it('missingCommunity is exclude or zero (SPEC §8)', async () => {
    const { checkConfig, messagesOf, MISSING_COMMUNITY } = await freshConfig();
    expect(MISSING_COMMUNITY).toEqual(['exclude', 'zero']);
    expect(checkConfig({ missingCommunity: 'zero' }).missingCommunity).toBe('zero');
    expect(checkConfig({ missingCommunity: 'exclude' }).missingCommunity).toBe('exclude');
    expect(messagesOf({ missingCommunity: 'none' })).toEqual(['missingCommunity: expected one of exclude, zero, got "none"']);
  });

  it('map.geo and map.geo_key are trimmed, and blank ones are refused', async () => {
    const { checkConfig, messagesOf } = await freshConfig();
    expect(checkConfig({ map: { geo: ' maps/fylker.json ', geo_key: ' kommunenummer ' } }).map).toEqual({ geo: 'maps/fylker.json', geo_key: 'kommunenummer' });
    const blank = messagesOf({ map: { geo: ' ', geo_key: '' } });
    expect(blank).toHaveLength(2);
    expect(blank[0]).toMatch(/^map\.geo: .*>=1 characters/);
    expect(blank[1]).toMatch(/^map\.geo_key: .*>=1 characters/);
  });

  it('an alias name is trimmed, a blank one is refused, and it maps to a category code', async () => {
    const { checkConfig, messagesOf } = await freshConfig();
    expect(checkConfig({ aliases: { ' Rask psykisk helsehjelp ': 'primary_care' } }).aliases).toEqual({ 'Rask psykisk helsehjelp': 'primary_care' });
    expect(messagesOf({ aliases: { '  ': 'crisis' } })).toHaveLength(1);
    expect(messagesOf({ aliases: { DPS: 'community' } })[0]).toMatch(/^aliases\.DPS: /);
  });

  it('an object given to the library without a file name is called "config" in its issues', async () => {
    const { checkConfig } = await freshConfig();
    let issues: { file: string; message: string }[] = [];
    try {
      checkConfig({ missingCommunity: 'none' });
    } catch (error) {
      issues = (error as { issues: { file: string; message: string }[] }).issues;
    }
    expect(issues).toEqual([{ file: 'config', message: 'missingCommunity: expected one of exclude, zero, got "none"' }]);
  });

  it('every section is optional, and $schema is text', async () => {
    const { checkConfig, messagesOf } = await freshConfig();
    expect(checkConfig({})).toEqual({});
    expect(checkConfig({ $schema: './servicegap.schema.json' })).toEqual({ $schema: './servicegap.schema.json' });
    expect(messagesOf({ $schema: 3 })[0]).toMatch(/^\$schema: /);
  });
});
