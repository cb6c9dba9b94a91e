// SPEC §4 norms: one defaults table, each norm with its measure, range and source; a config may
// change a range, drop a norm or add one over any categories and units, checked strictly (zod)
// with errors that name the key.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_NORMS } from '../../src/core/defaults.js';
import { formatIssue, InputError } from '../../src/core/issues.js';
import { resolveNorms } from '../../src/core/norms.js';
import { parseConfig } from '../../src/io/config-file.js';

function issuesOf(config: unknown): string[] {
  try {
    parseConfig(JSON.stringify(config), 'c.json');
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).issues.map(formatIssue);
  }
  throw new Error(`config was accepted: ${JSON.stringify(config)}`);
}

const norms = (config: unknown) => resolveNorms(parseConfig(JSON.stringify(config), 'c.json'));

describe('default norms (SPEC §4 table)', () => {
  it('are psychiatric_beds, supported_living and crisis_teams, in that order, with SPEC ranges and a source', () => {
    const table = resolveNorms();
    expect(table.map((n) => [n.norm, n.low, n.high, n.origin])).toEqual([
      ['psychiatric_beds', 28.1, 41.7, 'default'],
      ['supported_living', 10, 20, 'default'],
      // exactly one team per 150,000 people (SPEC §4): 100,000 / 150,000 per 100k, not 0.667
      ['crisis_teams', 100_000 / 150_000, 100_000 / 150_000, 'default'],
    ]);
    for (const n of table) expect(n.source.length, n.norm).toBeGreaterThan(10);
    expect(table[0]!.source).toMatch(/Hudson 2021/);
    expect(table[1]!.source).toMatch(/B-MHCC/);
    expect(table[2]!.source).toMatch(/150,000/);
  });

  it('measure what SPEC §4 says', () => {
    const [beds, living, crisis] = resolveNorms();
    expect(beds!.includesInstitutionalBeds).toBe(true);
    expect(beds!.measures).toEqual([
      { category: 'general_hospital', unit: 'beds' },
      { category: 'crisis', unit: 'beds' },
      { category: 'cmhc', unit: 'beds' },
    ]);
    expect(living!.includesInstitutionalBeds).toBe(false);
    expect(living!.measures).toEqual([
      { category: 'supported_living', unit: 'places' },
      { category: 'supported_living', unit: 'beds' },
    ]);
    expect(living!.unitLabel).toBe('supported-living places');
    expect(crisis!.measures).toEqual([{ category: 'crisis', unit: 'teams' }]);
  });

  it('the defaults module is the one source (resolveNorms copies it, it does not change it)', () => {
    expect(resolveNorms().map((n) => n.norm)).toEqual(DEFAULT_NORMS.map((n) => n.norm));
    norms({ norms: { supported_living: { low: 12 } } });
    expect(DEFAULT_NORMS[1]!.low).toBe(10);
  });
});

describe('config norms', () => {
  it('changes a range; the measure stays, the source says the config set it', () => {
    const table = norms({ norms: { supported_living: { low: 12, high: 25 } } });
    expect(table[1]).toMatchObject({
      norm: 'supported_living',
      low: 12,
      high: 25,
      origin: 'config',
      source: 'set in the config file',
      unitLabel: 'supported-living places',
      description: 'supported_living places + beds',
    });
    expect(table).toHaveLength(3);
  });

  it('changes only low, keeping the default high; a given source is kept', () => {
    const table = norms({ norms: { psychiatric_beds: { low: 30, source: 'regional plan 2024' } } });
    expect(table[0]).toMatchObject({ low: 30, high: 41.7, source: 'regional plan 2024' });
  });

  it('drops a norm with false', () => {
    expect(norms({ norms: { crisis_teams: false } }).map((n) => n.norm)).toEqual(['psychiatric_beds', 'supported_living']);
  });

  it('adds a norm over any categories and units, after the defaults, in config order', () => {
    const table = norms({
      norms: {
        my_norm: {
          measures: [{ category: 'day_services', unit: 'places' }],
          low: 20,
          high: 40,
          unit_label: 'day places',
          source: 'our plan',
        },
        outreach_staff: { measures: [{ category: 'outreach', unit: 'fte' }, { category: 'outreach', unit: 'teams' }], low: 5, high: 8 },
      },
    });
    expect(table.map((n) => n.norm)).toEqual(['psychiatric_beds', 'supported_living', 'crisis_teams', 'my_norm', 'outreach_staff']);
    expect(table[3]).toEqual({
      norm: 'my_norm',
      description: 'day_services places',
      unitLabel: 'day places',
      includesInstitutionalBeds: false,
      measures: [{ category: 'day_services', unit: 'places' }],
      low: 20,
      high: 40,
      source: 'our plan',
      origin: 'config',
    });
    // no unit_label: the units it counts; no source: says so
    expect(table[4]).toMatchObject({ unitLabel: 'fte/teams', source: 'set in the config file', description: 'outreach fte + outreach teams' });
  });

  it('can change what a default norm measures (here: psychiatric beds without crisis beds)', () => {
    const table = norms({
      norms: { psychiatric_beds: { measures: [{ category: 'general_hospital', unit: 'beds' }, { category: 'cmhc', unit: 'beds' }] } },
    });
    expect(table[0]).toMatchObject({
      includesInstitutionalBeds: true,
      description: 'beds.csv beds + general_hospital beds + cmhc beds',
      low: 28.1,
      source: 'set in the config file',
    });
  });

  it('a norm of institutional beds alone needs no measures', () => {
    const table = norms({ norms: { hospital_beds: { institutional_beds: true, low: 20, high: 30 } } });
    expect(table[3]).toMatchObject({ measures: [], includesInstitutionalBeds: true, unitLabel: 'beds', description: 'beds.csv beds' });
  });
});

describe('config norm errors name the key', () => {
  it('an unknown category', () => {
    expect(issuesOf({ norms: { my_norm: { measures: [{ category: 'daycare', unit: 'places' }], low: 1, high: 2 } } })).toEqual([
      'c.json: norms.my_norm.measures.0.category: unknown category "daycare": expected one of crisis, general_hospital, cmhc, ' +
        'outreach, peer_support, supported_living, day_services, primary_care, self_help',
    ]);
  });

  it('an unknown unit', () => {
    expect(issuesOf({ norms: { supported_living: { measures: [{ category: 'supported_living', unit: 'place' }] } } })).toEqual([
      'c.json: norms.supported_living.measures.0.unit: unknown unit "place": expected one of beds, places, caseload, teams, fte, facilities, contacts',
    ]);
  });

  it('an unknown key in a norm', () => {
    expect(issuesOf({ norms: { crisis_teams: { lo: 1 } } })).toEqual([
      'c.json: norms.crisis_teams: unknown key "lo"; did you mean "low"? (expected low, high, measures, institutional_beds, unit_label, source)',
    ]);
  });

  it('a new norm without low, high or measures', () => {
    expect(issuesOf({ norms: { my_norm: { low: 1 } } })).toEqual([
      'c.json: norms.my_norm: new norm "my_norm" needs high, measures (a default norm is one of psychiatric_beds, supported_living, crisis_teams)',
    ]);
  });

  it('dropping a norm that does not exist (a typo would otherwise pass silently)', () => {
    expect(issuesOf({ norms: { crisis_team: false } })[0]).toBe(
      'c.json: norms.crisis_team: unknown norm "crisis_team": only a default norm (psychiatric_beds, supported_living, crisis_teams) can be dropped with false',
    );
  });

  it('low above high, after the default fills in the other end', () => {
    expect(issuesOf({ norms: { psychiatric_beds: { low: 50 } } })).toEqual([
      'c.json: norms.psychiatric_beds: expected low ≤ high, got low 50 and high 41.7',
    ]);
  });

  it('a low of 0 (coverage divides by it) or below', () => {
    expect(issuesOf({ norms: { supported_living: { low: 0 } } })[0]).toMatch(/^c\.json: norms\.supported_living\.low: expected a number > 0/);
    expect(issuesOf({ norms: { supported_living: { high: -1 } } })[0]).toMatch(/norms\.supported_living\.high/);
  });

  it('a measure listed twice', () => {
    const measure = { category: 'crisis', unit: 'teams' };
    expect(issuesOf({ norms: { crisis_teams: { measures: [measure, measure] } } })).toEqual([
      'c.json: norms.crisis_teams.measures.1: crisis/teams is listed twice (it would be counted twice)',
    ]);
  });

  it('an empty measure list without institutional beds', () => {
    expect(issuesOf({ norms: { supported_living: { measures: [] } } })).toEqual([
      'c.json: norms.supported_living.measures: expected at least one measure (or institutional_beds: true)',
    ]);
  });

  it('true, a number or a bad name', () => {
    expect(issuesOf({ norms: { crisis_teams: true } })[0]).toMatch(/^c\.json: norms\.crisis_teams: expected false \(drop the norm\) or an object/);
    expect(issuesOf({ norms: { crisis_teams: 1 } })[0]).toMatch(/^c\.json: norms\.crisis_teams: expected false/);
    expect(issuesOf({ norms: { 'Day-Places': { measures: [{ category: 'day_services', unit: 'places' }], low: 1, high: 2 } } })[0]).toBe(
      'c.json: norms.Day-Places: expected a norm name of lower-case letters, digits and "_", beginning with a letter',
    );
  });

  it('every problem at once, with weights and aliases problems', () => {
    const issues = issuesOf({ weights: { crisis: { team: 1 } }, norms: { a: { low: 1 }, crisis_teams: { lo: 1 } } });
    expect(issues).toHaveLength(3);
  });
});

describe('README', () => {
  it('its norms config example is valid and does what the README says', () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('#### Norms in the config'));
    const json = section.slice(section.indexOf('```json') + 7, section.indexOf('```', section.indexOf('```json') + 7));
    const table = resolveNorms(parseConfig(json, 'README.md'));
    expect(table.map((n) => [n.norm, n.low, n.high, n.unitLabel])).toEqual([
      ['psychiatric_beds', 28.1, 41.7, 'beds'],
      ['supported_living', 12, 25, 'supported-living places'],
      ['day_places', 20, 40, 'day places'],
    ]);
  });
});

describe('a config entry that repeats a default norm, or changes one field of it', () => {
  // The three defaults as a config entry gives them (what `init` writes: every field), built in
  // each test from the SPEC §4 table as norms.test.ts reads it above, not from resolveNorms.
  const full = (name: 'psychiatric_beds' | 'supported_living' | 'crisis_teams') => {
    const d = DEFAULT_NORMS.find((n) => n.norm === name)!;
    return {
      low: d.low,
      high: d.high,
      measures: d.measures.map((m) => ({ category: m.category, unit: m.unit })),
      institutional_beds: d.includesInstitutionalBeds,
      unit_label: d.unitLabel,
      source: d.source,
    };
  };

  it('every field equal to the default: the norm stays a default, exactly as without the entry', () => {
    const table = norms({ norms: { psychiatric_beds: full('psychiatric_beds'), supported_living: full('supported_living'), crisis_teams: full('crisis_teams') } });
    expect(table.map((n) => n.origin)).toEqual(['default', 'default', 'default']);
    expect(table).toEqual(resolveNorms());
  });

  it.each([
    // one field differs, every other is the default's: set by the config
    ['low', { low: 29 }],
    ['high', { high: 45 }],
    ['institutional_beds', { institutional_beds: false }],
    ['unit_label', { unit_label: 'psychiatric beds' }],
    ['source', { source: 'regional plan 2024' }],
  ] as const)('psychiatric_beds with only %s changed is set by the config', (_field, change) => {
    const table = norms({ norms: { psychiatric_beds: { ...full('psychiatric_beds'), ...change } } });
    expect(table[0]).toMatchObject({ ...normFields(change), origin: 'config' });
    // the other two norms are untouched defaults
    expect(table.slice(1).map((n) => n.origin)).toEqual(['default', 'default']);
  });

  it('a measure list that is only the first two of the default three is a change (not the same measure)', () => {
    const measures = [
      { category: 'general_hospital', unit: 'beds' },
      { category: 'crisis', unit: 'beds' },
    ];
    const table = norms({ norms: { psychiatric_beds: { ...full('psychiatric_beds'), measures } } });
    expect(table[0]).toMatchObject({ origin: 'config', measures, description: 'beds.csv beds + general_hospital beds + crisis beds' });
  });

  it('same length, first measure equal, second another category in the same unit: a change', () => {
    // supported_living: places + beds by default; here places + crisis beds (unit beds equal, category not)
    const measures = [
      { category: 'supported_living', unit: 'places' },
      { category: 'crisis', unit: 'beds' },
    ];
    const table = norms({ norms: { supported_living: { ...full('supported_living'), measures } } });
    expect(table[1]).toMatchObject({ origin: 'config', measures, description: 'supported_living places + crisis beds' });
  });

  it('same category in another unit: a change (crisis caseload is not crisis teams)', () => {
    const measures = [{ category: 'crisis', unit: 'caseload' }];
    const table = norms({ norms: { crisis_teams: { ...full('crisis_teams'), measures } } });
    expect(table[2]).toMatchObject({ origin: 'config', measures, description: 'crisis caseload' });
  });
});

/** The Norm fields a config change sets (config key → Norm field). */
function normFields(change: Record<string, unknown>): Record<string, unknown> {
  const names: Record<string, string> = { institutional_beds: 'includesInstitutionalBeds', unit_label: 'unitLabel' };
  return Object.fromEntries(Object.entries(change).map(([k, v]) => [names[k] ?? k, v]));
}

describe('what a changed default norm says of its source and measure', () => {
  it('only high changed, no source: the range is no longer the default source\'s, so "set in the config file"', () => {
    const table = norms({ norms: { supported_living: { high: 25 } } });
    expect(table[1]).toMatchObject({ low: 10, high: 25, source: 'set in the config file', origin: 'config', description: 'supported_living places + beds' });
  });

  it('only low changed, no source: "set in the config file"', () => {
    const table = norms({ norms: { supported_living: { low: 12 } } });
    expect(table[1]).toMatchObject({ low: 12, high: 20, source: 'set in the config file', origin: 'config' });
  });

  it('only the unit label changed: range and measure are the default\'s, so is the source', () => {
    const table = norms({ norms: { supported_living: { unit_label: 'places' } } });
    expect(table[1]).toMatchObject({
      unitLabel: 'places',
      low: 10,
      high: 20,
      source: 'B-MHCC expert model (ESMS R8–R13): > 10 per 100k, 13–20 high',
      description: 'supported_living places + beds',
      origin: 'config',
    });
  });

  it('only institutional_beds changed: the measure changed, so the description and source say so', () => {
    const table = norms({ norms: { supported_living: { institutional_beds: true } } });
    expect(table[1]).toMatchObject({
      includesInstitutionalBeds: true,
      measures: [
        { category: 'supported_living', unit: 'places' },
        { category: 'supported_living', unit: 'beds' },
      ],
      description: 'beds.csv beds + supported_living places + supported_living beds',
      // the label is the config's or the default's, not rebuilt from the units
      unitLabel: 'supported-living places',
      low: 10,
      high: 20,
      source: 'set in the config file',
      origin: 'config',
    });
  });
});
