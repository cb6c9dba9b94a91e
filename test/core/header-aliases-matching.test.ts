// How a header is matched and described (src/core/header-aliases.ts, its functions: the table's
// entries are pinned by header-aliases.test.ts): blank cells, mappings kept in field order, SPEC
// columns spelt another way, and clashes of three cells.
import { describe, expect, it } from 'vitest';
import { describeHeaderClash, describeHeaderMapping, matchHeader } from '../../src/core/header-aliases.js';

describe('matchHeader', () => {
  it('leaves blank header cells as they are', () => {
    const match = matchHeader(['', 'år', '']);
    expect(match.columns).toEqual(['', 'year', '']);
    expect(match.mapped.map((m) => [m.field, m.to])).toEqual([[2, 'year']]);
    expect(match.clashes).toEqual([]);
  });

  it('gives the mappings in field order, whatever the column order of SPEC §1', () => {
    // unit, capacity, service, year, region: the reverse of the SPEC's order for services.csv.
    const match = matchHeader(['enhet', 'kapasitet', 'tjeneste', 'år', 'fylke']);
    expect(match.columns).toEqual(['unit', 'capacity', 'service', 'year', 'region']);
    expect(match.mapped.map((m) => m.field)).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps the cell as written in `from`, and no alias for a SPEC column spelt another way', () => {
    const match = matchHeader(['region', 'bed-type', 'år']);
    expect(match.mapped).toEqual([
      { field: 2, from: 'bed-type', to: 'bed_type', alias: undefined },
      expect.objectContaining({ field: 3, from: 'år', to: 'year', alias: expect.objectContaining({ lang: 'nb', name: 'år', target: 'year' }) }),
    ]);
    expect(describeHeaderMapping(match.mapped)).toBe('columns read by their local names: "bed-type" as bed_type, "år" as year (nb)');
  });

  it('maps none of three cells that name one column, and the others still map', () => {
    const match = matchHeader(['fylke', 'kommune', 'år', 'län']);
    expect(match.columns).toEqual(['fylke', 'kommune', 'year', 'län']);
    expect(match.clashes).toEqual([{ to: 'region', fields: [1, 2, 4], names: ['fylke', 'kommune', 'län'] }]);
    expect(match.mapped.map((m) => m.to)).toEqual(['year']);
    expect(describeHeaderClash(match.clashes[0]!)).toBe(
      'columns "fylke" (field 1) and "kommune" (field 2) and "län" (field 4) all name "region": rename the one to read to "region"',
    );
  });
});
