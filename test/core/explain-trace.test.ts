// The trace `explain` keeps while a dataset loads (core/explain-trace.ts): of every checked row,
// only those whose code can reach the region asked for — the region, the regions inside it (at
// any depth) and old codes a crosswalk maps onto any of them (through chains) — each with its
// file, line, year and value as read.
import { describe, expect, it } from 'vitest';
import { RowTrace } from '../../src/core/explain-trace.js';

/** A trace of region `region` fed regions.csv rows ([code, parent]) and crosswalk rows ([from, to]). */
function traceOf(region: string, regions: readonly (readonly [string, string?])[], crosswalk: readonly (readonly [string, string])[] = []): RowTrace {
  const trace = new RowTrace(region);
  regions.forEach(([code, parent], i) => trace.row('region', { region: code, name: undefined, parent }, 'regions.csv', i + 2));
  crosswalk.forEach(([from, to], i) => trace.row('crosswalk', { from, to, share: 1, year: undefined }, 'cw.csv', i + 2));
  return trace;
}

const population = (trace: RowTrace, codes: readonly string[]) =>
  codes.forEach((code, i) => trace.row('population', { region: code, year: 2020, population: 100 + i }, 'population.csv', i + 2));
const kept = (trace: RowTrace) => trace.rows.map((r) => r.region);

describe('RowTrace', () => {
  it('keeps the rows of the region and of every region inside it, whatever the order of regions.csv', () => {
    // T ⊃ C ⊃ G, listed grandchild first (G before its parent C): the branch grows over two
    // passes. X and its child XC are elsewhere.
    const trace = traceOf('T', [['G', 'C'], ['X'], ['C', 'T'], ['T'], ['XC', 'X']]);
    population(trace, ['T', 'X', 'G', 'XC', 'C']);
    expect(kept(trace)).toEqual(['T', 'G', 'C']);
    // each kept row as read: its file, line, year and value
    expect(trace.rows[1]).toEqual({ role: 'population', region: 'G', year: 2020, value: 102, file: 'population.csv', line: 4 });
  });

  it('keeps the rows of old codes a crosswalk maps onto the region or a region inside it, through chains', () => {
    // OLD2 → OLD1 → C (a child of T), listed last link first; FAR → X is elsewhere; a crosswalk
    // row from the region itself leads nowhere new.
    const trace = traceOf('T', [['T'], ['C', 'T'], ['X']], [
      ['OLD2', 'OLD1'],
      ['OLD1', 'C'],
      ['FAR', 'X'],
      ['T', 'X'],
    ]);
    expect(trace.crosswalk.map((r) => [r.from, r.to, r.line])).toEqual([
      ['OLD2', 'OLD1', 2],
      ['OLD1', 'C', 3],
      ['FAR', 'X', 4],
      ['T', 'X', 5],
    ]);
    expect(trace.crosswalkFile).toBe('cw.csv');
    population(trace, ['FAR', 'OLD2', 'X', 'OLD1', 'C']);
    expect(kept(trace)).toEqual(['OLD2', 'OLD1', 'C']);
  });

  it('holds each kind of figure with its role, year and value; closure events by the year of their date', () => {
    const trace = traceOf('A', [['A']]);
    trace.row('bedStock', { region: 'A', year: 2019, beds: 12, bed_type: undefined, facility: undefined }, 'beds.csv', 7);
    trace.row('bedEvents', { region: 'A', date: 2021, beds_closed: -3, bed_type: undefined, facility: undefined }, 'events.csv', 8);
    trace.row('services', { region: 'A', year: 2018, service: 'værested', capacity: 4.5, unit: 'places' }, 'services.csv', 9);
    trace.row('services', { region: 'B', year: 2018, service: 'værested', capacity: 1, unit: 'places' }, 'services.csv', 10);
    expect(trace.rows).toEqual([
      { role: 'beds', region: 'A', year: 2019, value: 12, file: 'beds.csv', line: 7 },
      { role: 'beds', region: 'A', year: 2021, value: -3, file: 'events.csv', line: 8 },
      { role: 'services', region: 'A', year: 2018, value: 4.5, file: 'services.csv', line: 9, service: 'værested', unit: 'places' },
    ]);
  });
});
