// A service row's name and unit looked up once per name and once per unit cell of a name
// (core/service-lookups.ts): the name's category and use (rows, first line), its unit and weight
// key, and the notices for a name only the loose layer mapped and a unit given by a local name.
import { describe, expect, it } from 'vitest';
import { NameNotices } from '../../src/core/name-notices.js';
import { ServiceLookups } from '../../src/core/service-lookups.js';
import { buildTaxonomy } from '../../src/core/taxonomy.js';
import { resolveWeights } from '../../src/core/weights.js';

const lookups = () => {
  const notices = new NameNotices();
  return { notices, s: new ServiceLookups(buildTaxonomy(), resolveWeights(), notices) };
};

describe('ServiceLookups.use', () => {
  it('counts the rows of each name and keeps the line it was first met on', () => {
    const { s } = lookups();
    const a = s.use('cmhc', 'services.csv', 2);
    expect(s.use('cmhc', 'services.csv', 5)).toBe(a);
    s.use('nothing known', 'services.csv', 3);
    // 70 other names in between, so the first is no longer among the recent ones
    for (let i = 0; i < 70; i++) s.use(`name ${i}`, 'services.csv', 10 + i);
    expect(s.use('cmhc', 'services.csv', 99)).toBe(a);
    expect(s.names.get('cmhc')).toEqual({ category: 'cmhc', rows: 3, firstLine: 2 });
    expect(s.names.get('nothing known')).toEqual({ category: undefined, rows: 1, firstLine: 3 });
    expect(s.names.size).toBe(72);
  });

  it('notes a name only the loose layer mapped, at its first line; an exact name is not noted', () => {
    const { s, notices } = lookups();
    // "crisis" is a category code, matched exactly in any case; "ACT-teams" reaches the built-in
    // "ACT team" only loosely (hyphen, plural)
    s.use('crisis', 'services.csv', 2);
    s.use('CRISIS', 'services.csv', 3);
    expect(notices.warnings()).toEqual([]);
    s.use('ACT-teams', 'services.csv', 4);
    const warnings = notices.warnings();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ file: 'services.csv', line: 4 });
    expect(warnings[0]!.message).toContain('"ACT-teams" as ');
  });
});

describe('ServiceLookups.unit', () => {
  it('a unit code: its weight key when the category has a weight in that unit, else null', () => {
    const { s, notices } = lookups();
    const crisis = s.use('crisis', 'services.csv', 2);
    // crisis/teams has a weight (SPEC §4), crisis/facilities has none
    expect(s.unit(crisis, 'crisis', 'teams', 'services.csv', 2)).toEqual({ unit: 'teams', key: 'crisis/teams' });
    expect(s.unit(crisis, 'crisis', 'facilities', 'services.csv', 2)).toEqual({ unit: 'facilities', key: null });
    // the same cell again: the same lookup
    expect(s.unit(crisis, 'crisis', 'teams', 'services.csv', 3)).toBe(s.unit(crisis, 'crisis', 'teams', 'services.csv', 4));
    expect(notices.warnings()).toEqual([]);
  });

  it('a local unit name: its SPEC unit, and a notice at the line it was first met on', () => {
    const { s, notices } = lookups();
    const living = s.use('supported_living', 'services.csv', 2);
    // "plasser" is Norwegian for places (unit-aliases.ts)
    expect(s.unit(living, 'supported_living', 'plasser' as never, 'services.csv', 6)).toEqual({ unit: 'places', key: 'supported_living/places' });
    s.unit(living, 'supported_living', 'plasser' as never, 'services.csv', 7);
    expect(notices.warnings()).toEqual([
      { file: 'services.csv', line: 6, message: 'units given by a local name, read as SPEC units: "plasser" as places (nb; first on line 6)' },
    ]);
  });
});
