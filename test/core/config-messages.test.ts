// What a user reads when servicegap.config.json is wrong: every problem at once, each at its JSON
// path, with the keys or values that were expected (SPEC §4 weights, §7 norms, §8 missing
// community data; issue 14's files.<input>). The expected lists are SPEC §2's nine categories in
// its table order, SPEC §1's seven units, SPEC §4's three default norms, and the keys each object
// of the config takes (docs of servicegap.config.json in README).
import { describe, expect, it } from 'vitest';
import { checkConfig, WeightOverrideSchema } from '../../src/core/config.js';
import { ConfigError } from '../../src/core/errors.js';

/** The messages of a config that must be rejected, each "path: what is wrong". */
function messagesOf(value: unknown): string[] {
  try {
    checkConfig(value, 'my.config.json');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const issues = (error as ConfigError).issues;
    for (const issue of issues) expect(issue.file).toBe('my.config.json');
    return issues.map((i) => i.message);
  }
  throw new Error(`config was accepted: ${JSON.stringify(value)}`);
}

const CATEGORIES = 'crisis, general_hospital, cmhc, outreach, peer_support, supported_living, day_services, primary_care, self_help';
const UNITS = 'beds, places, caseload, teams, fte, facilities, contacts';
const NORMS = 'psychiatric_beds, supported_living, crisis_teams';

describe('unknown keys: the path, a "did you mean" and the keys that are expected there', () => {
  it('a misspelled category under weights lists the nine categories', () => {
    expect(messagesOf({ weights: { crisiss: { teams: 1 } } })).toEqual([
      `weights: unknown key "crisiss"; did you mean "crisis"? (expected ${CATEGORIES})`,
    ]);
  });

  it('a misspelled field of a weight object lists value, low, high and source', () => {
    expect(messagesOf({ weights: { crisis: { teams: { value: 1, sourc: 'x' } } } })).toEqual([
      'weights.crisis.teams: unknown key "sourc"; did you mean "source"? (expected value, low, high, source)',
    ]);
  });

  it('an unknown input under files lists the five inputs a config can set reading options for', () => {
    expect(messagesOf({ files: { bedz: { decimal: ',' } } })).toEqual([
      'files: unknown key "bedz"; did you mean "beds"? (expected regions, population, beds, services, crosswalk)',
    ]);
  });

  it('a key nothing resembles gets no "did you mean", only the expected keys', () => {
    expect(messagesOf({ files: { beds: { zzzzzzzz: ',' } } })).toEqual([
      'files.beds: unknown key "zzzzzzzz" (expected encoding, delimiter, decimal, thousands, sheet)',
    ]);
  });

  it('a key of a norm, and a key of one of its measures, each with the keys expected there', () => {
    expect(messagesOf({ norms: { psychiatric_beds: { lowe: 3 } } })).toEqual([
      'norms.psychiatric_beds: unknown key "lowe"; did you mean "low"? (expected low, high, measures, institutional_beds, unit_label, source)',
    ]);
    expect(messagesOf({ norms: { psychiatric_beds: { measures: [{ category: 'crisis', unit: 'beds', extra: 1 }] } } })).toEqual([
      'norms.psychiatric_beds.measures.0: unknown key "extra" (expected category, unit)',
    ]);
  });
});

describe('values out of their set or range', () => {
  it('a norm measure with an unknown category and unit: each named, with the codes expected', () => {
    expect(messagesOf({ norms: { psychiatric_beds: { measures: [{ category: 'crisiss', unit: 'teamz' }] } } })).toEqual([
      `norms.psychiatric_beds.measures.0.category: unknown category "crisiss": expected one of ${CATEGORIES}`,
      `norms.psychiatric_beds.measures.0.unit: unknown unit "teamz": expected one of ${UNITS}`,
    ]);
  });

  it('missingCommunity other than exclude or zero (SPEC §8)', () => {
    expect(messagesOf({ missingCommunity: 'zeroo' })).toEqual(['missingCommunity: expected one of exclude, zero, got "zeroo"']);
  });

  it('a norm range end that is not a number > 0: coverage divides by low', () => {
    expect(messagesOf({ norms: { supported_living: { low: 0 } } })).toEqual(['norms.supported_living.low: expected a number > 0 (coverage divides by low)']);
    expect(messagesOf({ norms: { supported_living: { high: 'a' } } })).toEqual(['norms.supported_living.high: expected a number > 0']);
  });

  it('a weight: negative, or low above value, or value above high; low = value = high is accepted', () => {
    expect(messagesOf({ weights: { crisis: { teams: -1 } } })).toEqual(['weights.crisis.teams: expected a number ≥ 0: a weight cannot be negative']);
    expect(messagesOf({ weights: { crisis: { teams: { value: -1 } } } })).toEqual([
      'weights.crisis.teams.value: expected a number ≥ 0: a weight cannot be negative',
    ]);
    expect(messagesOf({ weights: { crisis: { teams: { value: 2, low: 3 } } } })).toEqual(['weights.crisis.teams: expected low ≤ value ≤ high']);
    expect(messagesOf({ weights: { crisis: { teams: { value: 2, high: 1 } } } })).toEqual(['weights.crisis.teams: expected low ≤ value ≤ high']);
    // the bounds are inclusive: a weight may be fixed (low = value = high), and 0 is allowed
    expect(checkConfig({ weights: { crisis: { teams: { value: 2, low: 2, high: 2 } } } }).weights?.crisis?.teams).toEqual({ value: 2, low: 2, high: 2 });
    expect(checkConfig({ weights: { crisis: { teams: 0 } } }).weights?.crisis?.teams).toBe(0);
  });

  it('a weight that is not a finite number says so (the schema a library user can check against)', () => {
    const notNumber = WeightOverrideSchema.safeParse({ value: 'a' });
    expect(notNumber.success).toBe(false);
    // the union's object branch reports the value: JSON has no Infinity, a library caller can pass it
    const messages = (value: unknown) => JSON.stringify(WeightOverrideSchema.safeParse(value).error?.issues);
    expect(messages({ value: 'a' })).toContain('expected a number ≥ 0 (bed-equivalents per unit)');
    expect(messages({ value: Number.POSITIVE_INFINITY })).toMatch(/expected a (finite )?number ≥ 0/);
  });
});

describe('norms: each entry checked on its own, every message naming its key (SPEC §4, §7)', () => {
  it('a bad name, false for a norm that is not a default, and a value that is neither false nor an object', () => {
    expect(messagesOf({ norms: { 'Bad-Name': false, x: false, psychiatric_beds: 3, crisis_teams: [], supported_living: null } })).toEqual([
      'norms.Bad-Name: expected a norm name of lower-case letters, digits and "_", beginning with a letter',
      `norms.x: unknown norm "x": only a default norm (${NORMS}) can be dropped with false`,
      'norms.psychiatric_beds: expected false (drop the norm) or an object { low, high, measures, institutional_beds, unit_label, source }',
      'norms.crisis_teams: expected false (drop the norm) or an object { low, high, measures, institutional_beds, unit_label, source }',
      'norms.supported_living: expected false (drop the norm) or an object { low, high, measures, institutional_beds, unit_label, source }',
    ]);
  });

  it('a name may hold digits and "_" after its first letter; a name beginning with a digit or "_" may not', () => {
    const ok = checkConfig({ norms: { beds_2030: { low: 1, high: 2, institutional_beds: true } } });
    expect(ok.norms).toEqual({ beds_2030: { low: 1, high: 2, institutional_beds: true } });
    expect(messagesOf({ norms: { '2030_beds': { low: 1, high: 2, institutional_beds: true } } })[0]).toMatch(/^norms\.2030_beds: expected a norm name/);
    expect(messagesOf({ norms: { _beds: { low: 1, high: 2, institutional_beds: true } } })[0]).toMatch(/^norms\._beds: expected a norm name/);
    expect(messagesOf({ norms: { 'beds!': { low: 1, high: 2, institutional_beds: true } } })[0]).toMatch(/^norms\.beds!: expected a norm name/);
  });

  it('dropping a default norm with false is kept as false', () => {
    expect(checkConfig({ norms: { crisis_teams: false } }).norms).toEqual({ crisis_teams: false });
  });

  it('a new norm names what it lacks; institutional_beds: true stands for measures', () => {
    expect(messagesOf({ norms: { newone: { source: 'a' } } })).toEqual([
      `norms.newone: new norm "newone" needs low, high, measures (a default norm is one of ${NORMS})`,
    ]);
    expect(messagesOf({ norms: { newone: { low: 1, measures: [{ category: 'crisis', unit: 'teams' }] } } })).toEqual([
      `norms.newone: new norm "newone" needs high (a default norm is one of ${NORMS})`,
    ]);
    expect(messagesOf({ norms: { newone: { low: 1, high: 2, institutional_beds: false } } })).toEqual([
      `norms.newone: new norm "newone" needs measures (a default norm is one of ${NORMS})`,
    ]);
    expect(checkConfig({ norms: { newtwo: { low: 1, high: 2, institutional_beds: true } } }).norms).toEqual({
      newtwo: { low: 1, high: 2, institutional_beds: true },
    });
  });

  it('low above high, counting a default end the entry leaves out; low = high is accepted', () => {
    // psychiatric_beds: 28.1–41.7 by default (SPEC §4), so low 50 lies above the default high
    expect(messagesOf({ norms: { psychiatric_beds: { low: 50 } } })).toEqual(['norms.psychiatric_beds: expected low ≤ high, got low 50 and high 41.7']);
    // and high 20 below the default low 28.1
    expect(messagesOf({ norms: { psychiatric_beds: { high: 20 } } })).toEqual(['norms.psychiatric_beds: expected low ≤ high, got low 28.1 and high 20']);
    expect(messagesOf({ norms: { n: { low: 2, high: 1, measures: [{ category: 'crisis', unit: 'teams' }] } } })).toEqual([
      'norms.n: expected low ≤ high, got low 2 and high 1',
    ]);
    expect(checkConfig({ norms: { psychiatric_beds: { low: 30, high: 30 } } }).norms).toEqual({ psychiatric_beds: { low: 30, high: 30 } });
  });

  it('a norm must count something: measures empty without institutional beds is an error', () => {
    // crisis_teams does not count beds.csv beds (SPEC §4), supported_living neither
    expect(messagesOf({ norms: { crisis_teams: { measures: [] } } })).toEqual(['norms.crisis_teams.measures: expected at least one measure (or institutional_beds: true)']);
    expect(messagesOf({ norms: { crisis_teams: { measures: [], institutional_beds: false } } })).toEqual([
      'norms.crisis_teams.measures: expected at least one measure (or institutional_beds: true)',
    ]);
    // a new norm with an empty list of measures counts nothing either
    expect(messagesOf({ norms: { extra: { low: 1, high: 2, measures: [] } } })).toEqual(['norms.extra.measures: expected at least one measure (or institutional_beds: true)']);
    // psychiatric_beds counts beds.csv beds by default: its measures may be emptied
    expect(checkConfig({ norms: { psychiatric_beds: { measures: [] } } }).norms).toEqual({ psychiatric_beds: { measures: [] } });
    expect(checkConfig({ norms: { crisis_teams: { measures: [], institutional_beds: true } } }).norms).toEqual({
      crisis_teams: { measures: [], institutional_beds: true },
    });
  });

  it('a measure listed twice is an error at its second place; two different units of one category are not', () => {
    expect(
      messagesOf({
        norms: {
          supported_living: {
            measures: [
              { category: 'crisis', unit: 'teams' },
              { category: 'crisis', unit: 'beds' },
              { category: 'crisis', unit: 'teams' },
            ],
          },
        },
      }),
    ).toEqual(['norms.supported_living.measures.2: crisis/teams is listed twice (it would be counted twice)']);
    const two = [
      { category: 'crisis', unit: 'teams' },
      { category: 'crisis', unit: 'beds' },
    ];
    expect(checkConfig({ norms: { supported_living: { measures: two } } }).norms).toEqual({ supported_living: { measures: two } });
  });

  it('several bad norms: every one reported, in the order written', () => {
    expect(messagesOf({ norms: { psychiatric_beds: { low: 50 }, crisis_teams: { measures: [] } } })).toEqual([
      'norms.psychiatric_beds: expected low ≤ high, got low 50 and high 41.7',
      'norms.crisis_teams.measures: expected at least one measure (or institutional_beds: true)',
    ]);
  });
});

describe('where a problem is', () => {
  it('a problem with the whole config is at the top level', () => {
    expect(messagesOf([])).toEqual(['(top level): Invalid input: expected object, received array']);
  });

  it('an unknown key under map is named at its path, with the nearest key and the keys there are', () => {
    // "geox" is one deletion from "geo"; map has the keys geo and geo_key.
    expect(messagesOf({ map: { geox: 'a' } })).toEqual(['map: unknown key "geox"; did you mean "geo"? (expected geo, geo_key)']);
  });
});
