// How the report's p5–p95 intervals (issue 16) read in the human formats: the cells and the
// sentence that says what they are. Per-100k values rounded as everywhere (number-format.ts).
import type { IntervalSettings, ReportRegion } from '../core/report-schema.js';
import { formatPer100k, formatPopulation } from './number-format.js';

/** "3.9–8.8": the 5th–95th percentile of vacuum per 100k; empty without an interval. */
export function formatVacuumInterval(r: ReportRegion): string {
  return r.vacuum_per_100k_p5 === undefined || r.vacuum_per_100k_p95 === undefined
    ? ''
    : `${formatPer100k(r.vacuum_per_100k_p5)}–${formatPer100k(r.vacuum_per_100k_p95)}`;
}

/** "2–5": the 5th–95th percentile of the rank; "3" when both are the same; empty without an interval. */
export function formatRankInterval(r: ReportRegion): string {
  if (r.rank_p5 === undefined || r.rank_p95 === undefined) return '';
  return r.rank_p5 === r.rank_p95 ? String(r.rank_p5) : `${r.rank_p5}–${r.rank_p95}`;
}

/**
 * "p5–p95: the 5th–95th percentile over 1,000 draws (seed 1) of 12 weights, each uniform in its
 * low–high range (nearest rank). Rank and vacuum per 100k themselves use every weight at its value."
 */
export function intervalSentence(interval: IntervalSettings): string {
  const n = interval.varied_weights.length;
  const how =
    interval.correlation === 'category'
      ? 'each uniform in its low–high range, one number per category shared by its weights'
      : 'each uniform in its low–high range';
  const drawn = n === 0 ? 'no weight has a range, so every draw is the point estimate' : `${n} weight${n === 1 ? '' : 's'}, ${how}`;
  return (
    `p5–p95: the 5th–95th percentile over ${formatPopulation(interval.draws, true)} draws (seed ${interval.seed}) of ${drawn} ` +
    `(percentiles by nearest rank). Rank and vacuum per 100k themselves use every weight at its value (the point estimate).`
  );
}

/** The line that says a report's figures are rates (--rates), or undefined for counts. */
export function ratesSentence(report: { readonly scale?: 'rates' | undefined }): string | undefined {
  return report.scale === 'rates'
    ? 'Rates: the input was per 100,000 residents (--rates, no population file); beds, bed-equivalents and the vacuum are per 100,000 residents.'
    : undefined;
}
