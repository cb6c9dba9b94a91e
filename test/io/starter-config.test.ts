// `servicegap init` writes every default weight and norm with its source (issue 14): the text is a
// valid config, it changes nothing (each entry as written stays a default), and an entry edited in
// place is the one that changes.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/core/config.js';
import { DEFAULT_NORMS, DEFAULT_WEIGHTS } from '../../src/core/defaults.js';
import { resolveNorms } from '../../src/core/norms.js';
import { resolveWeights } from '../../src/core/weights.js';
import { configText, starterConfig } from '../../src/app/init.js';
import { parseConfig } from '../../src/io/config-file.js';

describe('the starter config', () => {
  let text: string;
  let config: Config;
  beforeAll(() => {
    text = configText(starterConfig());
    config = parseConfig(text, 'servicegap.config.json');
  });

  it('lists every default weight with its value, range and source', () => {
    const written = JSON.parse(text) as { weights: Record<string, Record<string, unknown>> };
    const pairs = Object.entries(written.weights).flatMap(([category, units]) => Object.keys(units).map((unit) => `${category}/${unit}`));
    expect(pairs.sort()).toEqual(DEFAULT_WEIGHTS.map((w) => `${w.category}/${w.unit}`).sort());
    for (const w of DEFAULT_WEIGHTS) {
      expect(written.weights[w.category]![w.unit]).toEqual({ value: w.value, low: w.low, high: w.high, source: w.source });
    }
  });

  it('lists every default norm with its measure, range and source', () => {
    const written = JSON.parse(text) as { norms: Record<string, { low: number; source: string; measures: unknown[] }> };
    expect(Object.keys(written.norms)).toEqual(DEFAULT_NORMS.map((n) => n.norm));
    for (const n of DEFAULT_NORMS) {
      expect(written.norms[n.norm]).toMatchObject({ low: n.low, high: n.high, source: n.source, institutional_beds: n.includesInstitutionalBeds });
      expect(written.norms[n.norm]!.measures).toEqual(n.measures);
    }
  });

  it('as written, every weight and norm is still a default (origin "default")', () => {
    expect([...resolveWeights(config).values()].filter((w) => w.origin !== 'default')).toEqual([]);
    expect(resolveNorms(config).filter((n) => n.origin !== 'default')).toEqual([]);
    expect(resolveWeights(config)).toEqual(resolveWeights({}));
  });

  it('an entry edited in place is set by the config, the others stay defaults', () => {
    const edited = parseConfig(text.replace('"teams": { "value": 12.5', '"teams": { "value": 15'), 'servicegap.config.json');
    const weights = resolveWeights(edited);
    expect(weights.get('crisis/teams')).toMatchObject({ value: 15, low: 5, high: 25, origin: 'config' });
    expect([...weights.values()].filter((w) => w.origin === 'config').map((w) => `${w.category}/${w.unit}`)).toEqual(['crisis/teams']);
  });

  it('says what a region without community data is, as the default does: excluded (SPEC §8)', () => {
    expect(config.missingCommunity).toBe('exclude');
  });

  it('puts one weight on one line, so it can be found and edited', () => {
    expect(text).toMatch(/^ {6}"teams": \{ "value": 12\.5, "low": 5, "high": 25, "source": "CRHT[^\n]*\},?$/m);
  });
});
