import { describe, expect, it } from 'vitest';
import {
  NULL_DISPLAY,
  formatBeds,
  formatBedsRange,
  formatChange,
  formatGap,
  formatNormRange,
  formatPer100k,
  formatPercent,
  formatPopulation,
  formatRatio,
  formatShare,
} from '../../src/report/number-format.js';

describe('number-format', () => {
  it('rounds per-100k values to 1 decimal', () => {
    expect(formatPer100k(8.281573498964804)).toBe('8.3');
    expect(formatPer100k(0)).toBe('0.0');
    expect(formatPer100k(12)).toBe('12.0');
    expect(formatPer100k(0.94339)).toBe('0.9');
  });

  it('rounds ratios to 2 decimals', () => {
    expect(formatRatio(0.3333333333333333)).toBe('0.33');
    expect(formatRatio(35 / 30)).toBe('1.17');
    expect(formatRatio(-0.5)).toBe('-0.50');
  });

  it('shows beds and bed-equivalents with at most 1 decimal, trimmed', () => {
    expect(formatBeds(12)).toBe('12');
    expect(formatBeds(12.5)).toBe('12.5');
    expect(formatBeds(12.04)).toBe('12');
    expect(formatBeds(12.96)).toBe('13');
    expect(formatBeds(-60)).toBe('-60');
  });

  it('shows null as an en dash', () => {
    expect(NULL_DISPLAY).toBe('\u2013');
    expect(formatPer100k(null)).toBe('–');
    expect(formatRatio(null)).toBe('–');
    expect(formatBeds(null)).toBe('–');
    expect(formatChange(null)).toBe('–');
    expect(formatPopulation(null)).toBe('–');
    expect(formatBedsRange(null, null)).toBe('–');
    expect(formatBedsRange(260, null)).toBe('260 → –');
  });

  it('never prints -0', () => {
    expect(formatBeds(-0)).toBe('0');
    expect(formatPer100k(-0)).toBe('0.0');
    expect(formatPer100k(-0.04)).toBe('0.0');
    expect(formatRatio(-0.001)).toBe('0.00');
    expect(formatBeds(-0.04)).toBe('0');
    expect(formatChange(-0.04)).toBe('0');
    expect(formatPopulation(-0.2)).toBe('0');
  });

  it('signs positive changes only', () => {
    expect(formatChange(20)).toBe('+20');
    expect(formatChange(0.5)).toBe('+0.5');
    expect(formatChange(0.04)).toBe('0');
    expect(formatChange(0)).toBe('0');
    expect(formatChange(-60)).toBe('-60');
  });

  it('shows population without decimals, grouped with commas only on request', () => {
    expect(formatPopulation(483000)).toBe('483000');
    expect(formatPopulation(483000, true)).toBe('483,000');
    expect(formatPopulation(10000000, true)).toBe('10,000,000');
    expect(formatPopulation(999, true)).toBe('999');
    expect(formatPopulation(1000.6, true)).toBe('1,001');
  });

  it('shows coverage as a whole percentage, null as the dash', () => {
    expect(formatPercent(0.8183)).toBe('82%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0.9995)).toBe('100%');
    expect(formatPercent(4.5519)).toBe('455%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(-0.001)).toBe('0%'); // never "-0%"
    expect(formatPercent(null)).toBe(NULL_DISPLAY);
  });

  it('shows a norm range as configured, one number when low = high', () => {
    expect(formatNormRange(28.1, 41.7)).toBe('28.1–41.7');
    expect(formatNormRange(0.667, 0.667)).toBe('0.667');
  });

  it('shows a gap in the norm\'s own unit, "< 0.1" rather than "0" for a tiny one', () => {
    expect(formatGap(26.6, 'supported-living places')).toBe('26.6 supported-living places short');
    expect(formatGap(6.62225, 'crisis teams')).toBe('6.6 crisis teams short');
    expect(formatGap(3, 'beds')).toBe('3 beds short');
    expect(formatGap(0.001, 'crisis teams')).toBe('< 0.1 crisis teams short');
  });

  it('groups the thousands of beds when asked (the terminal table), keeping the decimal and the sign', () => {
    expect(formatBeds(1234567.25, true)).toBe('1,234,567.3');
    expect(formatBeds(-1349.5, true)).toBe('-1,349.5');
    expect(formatBeds(999, true)).toBe('999');
    expect(formatBeds(1234567.25)).toBe('1234567.3');
    expect(formatChange(2500, true)).toBe('+2,500');
    expect(formatBedsRange(12600, 11250.5, true)).toBe('12,600 → 11,250.5');
  });

  it('shows % lost with one decimal', () => {
    expect(formatShare(40 / 290)).toBe('13.8%');
    expect(formatShare(0)).toBe('0.0%');
    expect(formatShare(null)).toBe(NULL_DISPLAY);
  });
});
