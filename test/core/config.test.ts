// SPEC §4: weights come from one defaults table and a config file may override any of them;
// the config is checked strictly (zod), and its aliases feed the taxonomy (SPEC §2).
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../src/core/config.js';
import { DEFAULT_WEIGHTS } from '../../src/core/defaults.js';
import { formatIssue, InputError } from '../../src/core/issues.js';
import { buildTaxonomy } from '../../src/core/taxonomy.js';
import { resolveWeights, weightKey, type WeightTable } from '../../src/core/weights.js';
import { parseConfig } from '../../src/io/config-file.js';

/** The formatted issues of a config text that must be rejected. */
function issuesOf(text: string): string[] {
  try {
    parseConfig(text, 'servicegap.config.json');
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).issues.map(formatIssue);
  }
  throw new Error(`config was accepted: ${text}`);
}

describe('default weights (SPEC §4 table)', () => {
  let table: WeightTable;
  beforeAll(() => {
    table = resolveWeights();
  });

  it.each([
    ['general_hospital', 'beds', 1, 1, 1],
    ['crisis', 'beds', 1, 0.8, 1],
    ['crisis', 'teams', 12.5, 5, 25],
    ['crisis', 'caseload', 0.5, 0.2, 1],
    ['outreach', 'teams', 10, 5, 20],
    ['outreach', 'caseload', 0.1, 0.05, 0.2],
    ['outreach', 'fte', 1, 0.5, 2],
    ['supported_living', 'places', 1, 0.5, 1],
    ['supported_living', 'beds', 1, 0.5, 1],
    ['day_services', 'places', 0.25, 0.1, 0.5],
    ['cmhc', 'beds', 1, 1, 1],
    ['cmhc', 'teams', 0, 0, 0],
    ['peer_support', 'fte', 0, 0, 0],
    ['primary_care', 'facilities', 0, 0, 0],
    ['self_help', 'places', 0, 0, 0],
    // SPEC §4, the `contacts` rows
    ['cmhc', 'contacts', 0.0005, 0.0001, 0.001],
    ['day_services', 'contacts', 0.0011, 0.0004, 0.0022],
    ['outreach', 'contacts', 0.001, 0.0005, 0.002],
    ['peer_support', 'contacts', 0, 0, 0],
    ['primary_care', 'contacts', 0, 0, 0],
    ['self_help', 'contacts', 0, 0, 0],
  ] as const)('%s/%s = %s (%s–%s)', (category, unit, value, low, high) => {
    const w = table.get(weightKey(category, unit));
    expect(w).toMatchObject({ value, low, high, origin: 'default' });
    expect(w!.source.length).toBeGreaterThan(0);
  });

  it('has no weight for pairs the SPEC leaves out (e.g. crisis/facilities, outreach/beds)', () => {
    expect(table.has('crisis/facilities')).toBe(false);
    expect(table.has('outreach/beds')).toBe(false);
    expect(table.has('day_services/teams')).toBe(false);
    expect(table.has('crisis/contacts')).toBe(false);
    expect(table.has('supported_living/contacts')).toBe(false);
  });

  it('lists every (category, unit) pair once, each with low ≤ value ≤ high', () => {
    const keys = DEFAULT_WEIGHTS.map((w) => weightKey(w.category, w.unit));
    expect(new Set(keys).size).toBe(keys.length);
    for (const w of DEFAULT_WEIGHTS) {
      expect(w.low, weightKey(w.category, w.unit)).toBeLessThanOrEqual(w.value);
      expect(w.value, weightKey(w.category, w.unit)).toBeLessThanOrEqual(w.high);
    }
    // 11 named rows + 3 contacts rows (SPEC §4) + cmhc's 5 other units + 3 categories × 7 units
    // = 11 + 3 + 5 + 21 = 40
    expect(DEFAULT_WEIGHTS.length).toBe(40);
  });
});

describe('config overrides', () => {
  it('a bare number sets the value and keeps the default range when the value lies inside it (SPEC §8)', () => {
    const config = parseConfig('{"weights":{"crisis":{"teams":10}}}', 'c.json');
    const table = resolveWeights(config);
    // crisis/teams default 12.5 (5–25): 10 lies inside, so the range stays 5–25
    expect(table.get('crisis/teams')).toMatchObject({ value: 10, low: 5, high: 25, origin: 'config' });
    // other weights keep their defaults
    expect(table.get('crisis/beds')).toMatchObject({ value: 1, origin: 'default' });
    expect(resolveWeights().get('crisis/teams')!.value).toBe(12.5);
  });

  it('a bare number outside the default range widens the range to include it', () => {
    const table = resolveWeights(parseConfig('{"weights":{"crisis":{"teams":30},"outreach":{"fte":0.2}}}', 'c.json'));
    // crisis/teams 5–25 and 30 → 5–30; outreach/fte 0.5–2.0 and 0.2 → 0.2–2
    expect(table.get('crisis/teams')).toMatchObject({ value: 30, low: 5, high: 30 });
    expect(table.get('outreach/fte')).toMatchObject({ value: 0.2, low: 0.2, high: 2 });
    // a pair with no default has the value alone as its range
    expect(resolveWeights(parseConfig('{"weights":{"crisis":{"fte":2}}}', 'c.json')).get('crisis/fte')).toMatchObject({ value: 2, low: 2, high: 2 });
    // an object without low / high follows the same rule for the end it leaves out
    const partial = resolveWeights(parseConfig('{"weights":{"crisis":{"teams":{"value":20,"low":15}}}}', 'c.json'));
    expect(partial.get('crisis/teams')).toMatchObject({ value: 20, low: 15, high: 25 });
  });

  it('an object gives value, low, high and source', () => {
    const config = parseConfig(
      JSON.stringify({ weights: { outreach: { teams: { value: 8, low: 4, high: 12, source: 'our regional study' } } } }),
      'c.json',
    );
    expect(resolveWeights(config).get('outreach/teams')).toMatchObject({
      value: 8,
      low: 4,
      high: 12,
      source: 'our regional study',
      origin: 'config',
    });
  });

  it('can give a weight to a pair that has none by default', () => {
    const table = resolveWeights(parseConfig('{"weights":{"crisis":{"facilities":3}}}', 'c.json'));
    expect(table.get('crisis/facilities')!.value).toBe(3);
  });

  it('an unknown category is an error naming it', () => {
    const issues = issuesOf('{"weights":{"crisiss":{"teams":1}}}');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toContain('servicegap.config.json');
    expect(issues[0]).toContain('"crisiss"');
  });

  it('an unknown unit is an error naming it and its path', () => {
    const issues = issuesOf('{"weights":{"crisis":{"team":1}}}');
    expect(issues).toEqual([
      'servicegap.config.json: weights.crisis: unknown key "team"; did you mean "teams"? (expected beds, places, caseload, teams, fte, facilities, contacts)',
    ]);
  });

  it('low above value is an error at the weight path', () => {
    const issues = issuesOf('{"weights":{"crisis":{"teams":{"value":1,"low":2}}}}');
    expect(issues).toEqual(['servicegap.config.json: weights.crisis.teams: expected low ≤ value ≤ high']);
  });

  it('value above high is an error too', () => {
    expect(issuesOf('{"weights":{"crisis":{"teams":{"value":30,"high":25}}}}')[0]).toContain('expected low ≤ value ≤ high');
  });

  it('a negative weight is an error', () => {
    expect(issuesOf('{"weights":{"crisis":{"teams":-1}}}')[0]).toContain('weights.crisis.teams');
  });

  it('an unknown top-level key is an error naming it', () => {
    expect(issuesOf('{"weight":{"crisis":{"teams":1}}}')).toEqual([
      'servicegap.config.json: (top level): unknown key "weight"; did you mean "weights"? (expected weights, aliases, norms, missingCommunity, files, map)',
    ]);
    // the issue's own example: a misspelled key is never ignored
    expect(issuesOf('{"weigths":{"crisis":{"teams":1}}}')[0]).toContain('unknown key "weigths"; did you mean "weights"?');
    // and inside one file's reading options (issue 14's files.<input>)
    expect(issuesOf('{"files":{"beds":{"decimals":","}}}')).toEqual([
      'servicegap.config.json: files.beds: unknown key "decimals"; did you mean "decimal"? (expected encoding, delimiter, decimal, thousands, sheet)',
    ]);
  });

  it('reports every problem at once', () => {
    const issues = issuesOf('{"weights":{"crisis":{"team":1}},"aliases":{"x":"nope"},"extra":1}');
    expect(issues.length).toBe(3);
    expect(issues.some((i) => i.includes('"team"'))).toBe(true);
    expect(issues.some((i) => i.includes('aliases.x'))).toBe(true);
    expect(issues.some((i) => i.includes('"extra"'))).toBe(true);
  });

  it('an alias to an unknown category is an error naming the alias', () => {
    expect(issuesOf('{"aliases":{"bydelstilbud":"daycare"}}')[0]).toMatch(/^servicegap\.config\.json: aliases\.bydelstilbud: /);
  });

  it('aliases from the config feed the taxonomy', () => {
    const config = parseConfig('{"aliases":{"Bydelstilbud":"day_services","FACT":"crisis"}}', 'c.json');
    const taxonomy = buildTaxonomy(config.aliases);
    expect(taxonomy.lookup('bydelstilbud')).toBe('day_services');
    expect(taxonomy.lookup('FACT')).toBe('crisis'); // overrides the built-in outreach
  });

  it('an empty object is the defaults; $schema is allowed', () => {
    expect(ConfigSchema.parse({})).toEqual({});
    expect(parseConfig('{"$schema":"./servicegap.schema.json"}', 'c.json')).toEqual({ $schema: './servicegap.schema.json' });
  });

  it('a BOM before the JSON is accepted', () => {
    expect(parseConfig('\uFEFF{"weights":{"crisis":{"teams":10}}}', 'c.json').weights?.crisis?.teams).toBe(10);
  });
});

describe('a weight override that repeats the default, or changes one field of it', () => {
  // crisis/teams by SPEC §4: 12.5, range 5–25, with the source defaults.ts cites (copied into
  // each entry below so that only the field under test differs)
  const source = () => DEFAULT_WEIGHTS.find((w) => w.category === 'crisis' && w.unit === 'teams')!.source;
  const crisisTeams = (entry: Record<string, unknown>) =>
    resolveWeights(parseConfig(JSON.stringify({ weights: { crisis: { teams: { value: 12.5, low: 5, high: 25, source: source(), ...entry } } } }), 'c.json')).get(
      'crisis/teams',
    );

  it('value, low, high and source all equal to the default: still the default', () => {
    expect(crisisTeams({})).toMatchObject({ value: 12.5, low: 5, high: 25, origin: 'default' });
  });

  it.each([
    ['value', { value: 15 }],
    ['low', { low: 6 }],
    ['high', { high: 24 }],
    ['source', { source: 'regional CRHT audit 2023' }],
  ])('only %s changed: set by the config, with that field', (_field, change) => {
    expect(crisisTeams(change)).toMatchObject({ ...change, origin: 'config' });
  });

  it('a weight the config sets is an assumption, even where the default is a published conversion', () => {
    // general_hospital/beds is 1.0 by SPEC §4 (same unit as a hospital bed, not an assumption)
    const table = resolveWeights(parseConfig('{"weights":{"general_hospital":{"beds":0.9}}}', 'c.json'));
    expect(resolveWeights().get('general_hospital/beds')!.assumption).toBe(false);
    expect(table.get('general_hospital/beds')).toMatchObject({ value: 0.9, low: 0.9, high: 1, assumption: true, origin: 'config' });
  });
});
