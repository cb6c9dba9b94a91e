// servicegap methods (issue 16): the methods paragraph names the run's facts — version, period,
// the weights of the services in the data with their ranges and sources, the norms, the interval
// method with its draws and seed — and CITATION.cff carries the package's version.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS } from '../../src/core/defaults.js';
import { FIVE_REGIONS, ROOT, runCli } from './run-cli.js';

const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;

describe('servicegap methods', () => {
  it('describes a run: version, period, formulas, weights with sources, norms, intervals', () => {
    // The five-region example data (2000–2002), for which these facts were written.
    const r = runCli(['methods', '--quiet', '--data', join(ROOT, FIVE_REGIONS)]);
    expect(r.code, r.context).toBe(0);
    const md = r.stdout;
    expect(md.startsWith('## Methods\n')).toBe(true);
    expect(md).toContain(`servicegap ${version}`);
    expect(md).toContain('B = 2000 and the target year T = 2002');
    expect(md).toContain('the vacuum per 100,000 is the vacuum divided by the population at T, times 100,000');
    // crisis/teams is in that data: its value, range and source as defined in defaults.ts
    const crisis = DEFAULT_WEIGHTS.find((w) => w.category === 'crisis' && w.unit === 'teams')!;
    expect(md).toContain(`- crisis / teams: ${crisis.value} (range ${crisis.low}–${crisis.high}). Source: ${crisis.source}.`);
    // general_hospital/beds is not in that data: not listed
    expect(md).not.toContain('general\\_hospital / beds');
    expect(md).toContain('over 500 draws (seed 1, generator mulberry32)');
    expect(md).toContain('Hudson 2021');
  });

  it('on no inputs, names the bundled dataset and its period (data/beds.csv: years 2015–2025)', () => {
    const md = runCli(['methods', '--quiet']).stdout;
    expect(md).toContain('from the bundled dataset (Norway, adult mental health care (VOP) in the 19 public health trusts, 2015–2025 (SSB))');
    expect(md).toContain('B = 2015 and the target year T = 2025');
  });

  it('follows the options: another seed and draws, correlated draws, rates, no interval', () => {
    expect(runCli(['methods', '--quiet', '--seed', '7', '--interval-draws', '40', '--correlation', 'category']).stdout).toContain(
      'over 40 draws (seed 7, generator mulberry32) in which every weight with a range was drawn uniformly within it, one uniform number per service category',
    );
    expect(runCli(['methods', '--quiet', '--no-interval']).stdout).not.toContain('Uncertainty');
    expect(runCli(['methods', '--quiet', '--rates', '--data', join(ROOT, 'fixtures/rates')]).stdout).toContain('every figure is a rate per 100,000');
  });

  it('CITATION.cff names the package version and an identifiable holder, as LICENSE does', () => {
    const cff = readFileSync(join(ROOT, 'CITATION.cff'), 'utf8');
    expect(cff).toMatch(/^cff-version: 1\.2\.0$/m);
    expect(cff).toContain(`version: "${version}"`);
    expect(cff).toMatch(/email: "[^"@]+@[^"]+"/);
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^Copyright \(c\) 2026 The servicegap maintainers <[^>]+@[^>]+>$/m);
  });
});
