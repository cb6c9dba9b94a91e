// Plausibility notices made by the core for tests of their outputs: many regions whose codes,
// and files whose names, need escaping in JSON (test/report/warning-bytes*.test.ts).
import type { Dataset, ServiceSeries } from '../../src/core/dataset.js';
import type { Warning } from '../../src/core/issues.js';
import { plausibilityNotices } from '../../src/core/plausibility.js';
import { resolveWeights } from '../../src/core/weights.js';

const FILES = { population: 'befolkning/Førde → 2024.csv', beds: 'beds.csv', services: 'services "data"/tjenester.csv' };
export const CODES = ['R1', 'Førde "HF"', 'القاهرة', 'x\\y', 'a\ud800b', 'tab\tnewline\n'];

/** `n` regions (codes cycling through CODES, numbered), each with four notices: beds ×5, crisis teams ×0.2, a weight-0 cmhc fte, and a population +50 % between B and T. */
export function noticesOf(n: number): Warning[] {
  const codes = Array.from({ length: n }, (_, i) => `${CODES[i % CODES.length]} ${i}`);
  const services = (): Map<string, ServiceSeries> =>
    new Map<string, ServiceSeries>([
      ['crisis/teams', { category: 'crisis', unit: 'teams', years: new Map([[2000, 10], [2004, 2]]) }],
      ['cmhc/fte', { category: 'cmhc', unit: 'fte', years: new Map([[2000, 3.25], [2004, 4.5]]) }],
    ]);
  const dataset: Dataset = {
    regions: new Map(codes.map((code) => [code, { code, name: code }])),
    population: new Map(codes.map((code) => [code, new Map([[2000, 1000], [2004, 1500]])])),
    beds: { shape: 'stock', byRegion: new Map(codes.map((code) => [code, new Map([[2000, 10], [2004, 50]])])) },
    services: new Map(codes.map((code) => [code, services()])),
    serviceNames: new Map(),
    warnings: [],
  };
  return plausibilityNotices(dataset, { regions: codes, period: { from: 2000, to: 2004 }, weights: resolveWeights(), files: FILES });
}

/**
 * A long array of warnings (481): a plain warning, then noticesOf(120), of which a caller has
 * changed two — warnings[5]'s message and warnings[9]'s line. 478 notices as made.
 */
export function mixedWarnings(): Warning[] {
  const warnings: Warning[] = [{ file: 'regions.csv', line: 2, message: 'a warning → "quoted"' }, ...noticesOf(120)];
  (warnings[5] as { message: string }).message = 'changed → by a caller';
  (warnings[9] as { line: number | null }).line = 12;
  return warnings;
}
