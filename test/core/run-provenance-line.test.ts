// SPEC §8 provenance built from what a run used (core/run-provenance.ts), and the one line the
// terminal table ends with: the config file and what differs from the SPEC §4 defaults. Expected
// texts are worked from SPEC §4's tables (crisis/teams 12.5, 5–25; psychiatric_beds 28.1–41.7;
// supported_living 10–20; crisis_teams 2/3).
import { describe, expect, it } from 'vitest';
import { resolveNorms } from '../../src/core/norms.js';
import type { InputRecord } from '../../src/core/provenance-schema.js';
import { analysisProvenance, buildProvenance, changedNorms, changedWeights, describeWeight, provenanceLine } from '../../src/core/run-provenance.js';
import { VERSION } from '../../src/version.js';
import { resolveWeights } from '../../src/core/weights.js';

const TAIL = 'Details: --format json (provenance) or --provenance FILE.';
const input = (path: string): InputRecord => ({ role: 'regions', path, sha256: '0'.repeat(64), rows: 1, encoding: 'utf8', delimiter: ',', decimal: '.', thousands: 'none' });

describe('buildProvenance', () => {
  it('without sources: the package version, no inputs, no config, the options as given', () => {
    const p = buildProvenance({ weights: resolveWeights(), norms: resolveNorms(), options: { from: 2000 } });
    expect(p.servicegap).toBe(VERSION);
    expect(p.inputs).toEqual([]);
    expect(p.config).toBeNull();
    expect(p.options).toEqual({ from: 2000 });
    // every default weight and norm, set by default
    expect(p.weights.every((w) => w.set_by === 'default')).toBe(true);
    expect(p.norms.map((n) => [n.norm, n.unit, n.set_by])).toEqual([
      ['psychiatric_beds', 'beds', 'default'],
      ['supported_living', 'supported-living places', 'default'],
      ['crisis_teams', 'crisis teams', 'default'],
    ]);
  });

  it('with sources: their inputs (a copy), config and options, which add to the run options', () => {
    const inputs = [input('r.csv')];
    const config = { path: 'c.json', sha256: 'ab'.repeat(32) };
    const p = buildProvenance({
      version: '9.9.9',
      sources: { inputs, config, options: { services: 'none' } },
      weights: resolveWeights(),
      norms: resolveNorms(),
      options: { from: 2000 },
    });
    expect(p.servicegap).toBe('9.9.9');
    expect(p.inputs).toEqual(inputs);
    expect(p.inputs).not.toBe(inputs);
    expect(p.config).toEqual(config);
    expect(p.options).toEqual({ from: 2000, services: 'none' });
  });
});

describe('analysisProvenance', () => {
  it("the dataset's own inputs unless the sources name others", () => {
    const dataset = { inputs: [input('own.csv')] };
    const w = resolveWeights();
    const n = resolveNorms();
    expect(analysisProvenance(dataset, {}, w, n, {}).inputs).toEqual([input('own.csv')]);
    expect(analysisProvenance(dataset, { sources: { inputs: [input('given.csv')] } }, w, n, {}).inputs).toEqual([input('given.csv')]);
    const withConfig = analysisProvenance(dataset, { version: '1.2.3', sources: { config: { path: 'c.json', sha256: 'cd'.repeat(32) } } }, w, n, { to: 2002 });
    expect(withConfig).toMatchObject({ servicegap: '1.2.3', inputs: [input('own.csv')], config: { path: 'c.json' }, options: { to: 2002 } });
  });
});

describe('what differs from the defaults', () => {
  it('a weight whose value, low or high differs, or that has no default', () => {
    const p = buildProvenance({
      weights: resolveWeights({
        weights: {
          crisis: { teams: 12.5, beds: { value: 1, low: 0.9, high: 1 }, fte: 2 },
          outreach: { teams: { value: 10, low: 5, high: 21 } },
          day_services: { places: 0.3 },
        },
      }),
      norms: resolveNorms(),
      options: {},
    });
    // crisis/teams 12.5 is the default: not listed; crisis/beds low 0.9 ≠ 0.8; crisis/fte has no
    // default; outreach/teams high 21 ≠ 20; day_services/places value 0.3 ≠ 0.25
    expect(changedWeights(p).map((w) => `${w.category}/${w.unit}`).sort()).toEqual(['crisis/beds', 'crisis/fte', 'day_services/places', 'outreach/teams']);
  });

  it('a norm whose low, high or measure differs, a norm the config added, and the defaults dropped', () => {
    const norms = resolveNorms({
      norms: {
        psychiatric_beds: { high: 40 },
        supported_living: { low: 10, high: 20, unit_label: 'places' },
        crisis_teams: false,
        extra_beds: { low: 5, high: 5, institutional_beds: true },
      },
    });
    const p = buildProvenance({ weights: resolveWeights(), norms, options: {} });
    const { changed, dropped } = changedNorms(p);
    // supported_living keeps its range and measure (only its unit label): not listed
    expect(changed.map((n) => n.norm)).toEqual(['psychiatric_beds', 'extra_beds']);
    expect(dropped).toEqual(['crisis_teams']);
    const low = changedNorms(buildProvenance({ weights: resolveWeights(), norms: resolveNorms({ norms: { psychiatric_beds: { low: 30 } } }), options: {} }));
    expect(low).toEqual({ changed: [expect.objectContaining({ norm: 'psychiatric_beds', low: 30, high: 41.7 })], dropped: [] });
    const measure = changedNorms(
      buildProvenance({ weights: resolveWeights(), norms: resolveNorms({ norms: { crisis_teams: { measures: [{ category: 'crisis', unit: 'caseload' }] } } }), options: {} }),
    );
    expect(measure.changed.map((n) => n.norm)).toEqual(['crisis_teams']);
  });

  it('describeWeight: the range only when it is one', () => {
    const w = { category: 'crisis', unit: 'teams', value: 20, low: 5, high: 25, source: 's', set_by: 'config' } as const;
    expect(describeWeight(w)).toBe('crisis/teams 20 (5–25)');
    expect(describeWeight({ ...w, value: 3, low: 3, high: 3 })).toBe('crisis/teams 3');
  });
});

describe('provenanceLine', () => {
  it('a config file by its path and the first 12 hex digits of its SHA-256', () => {
    const p = buildProvenance({ sources: { config: { path: 'my.json', sha256: '0123456789abcdef'.repeat(4) } }, weights: resolveWeights(), norms: resolveNorms(), options: {} });
    expect(provenanceLine(p)).toBe(`Method: config my.json (sha256 0123456789ab); default weights. ${TAIL}`);
  });

  it('weights and norms not at their default, a fixed norm as one number, dropped norms by name', () => {
    const p = buildProvenance({
      weights: resolveWeights({ weights: { crisis: { teams: 20, fte: 2 } } }),
      norms: resolveNorms({ norms: { psychiatric_beds: { low: 30, high: 30 }, supported_living: false, crisis_teams: false } }),
      options: {},
    });
    // crisis/fte has no default: 2, range 2–2, so no range shown; weights in the table's order
    // (the defaults' order first, crisis/teams before the added crisis/fte)
    expect(provenanceLine(p)).toBe(
      `Method: no config file; weights not at their default: crisis/teams 20 (5–25), crisis/fte 2; norms not at their default: psychiatric_beds 30, supported_living dropped, crisis_teams dropped. ${TAIL}`,
    );
  });

  it('only a norm dropped: the norms part alone', () => {
    const p = buildProvenance({ weights: resolveWeights(), norms: resolveNorms({ norms: { crisis_teams: false } }), options: {} });
    expect(provenanceLine(p)).toBe(`Method: no config file; default weights; norms not at their default: crisis_teams dropped. ${TAIL}`);
  });
});
