// compare(A, B) (src/core/compare.ts) on small reports built by hand.
import { beforeAll, describe, expect, it } from 'vitest';
import { ComparisonSchema, COMPARE_METRICS } from '../../src/core/compare-schema.js';
import { compare, topChanges } from '../../src/core/compare.js';
import type { RankedRegion, Report } from '../../src/core/report-schema.js';
import { rankRegions } from '../../src/core/rank.js';
import { SAMPLE_PROVENANCE } from '../helpers/provenance.js';
import { OptionError } from '../../src/core/errors.js';
import { expectPiecesOfText } from '../helpers/pieces.js';

/** A region with a vacuum (bed-eq.) on a population; the other metrics follow simply. */
function region(code: string, vacuum: number, population = 100_000): Omit<RankedRegion, 'rank'> {
  return {
    region: code,
    name: `Region ${code}`,
    population,
    beds_from: 100,
    beds_to: 100 - vacuum,
    bed_change: -vacuum,
    beds_closed: vacuum,
    community_from_be: 0,
    community_to_be: 0,
    community_change_be: 0,
    net_change_be: -vacuum,
    vacuum_be: vacuum,
    vacuum_per_100k: (vacuum / population) * 100_000,
    replacement_ratio: vacuum === 0 ? null : 0,
    capacity_per_100k_from: null,
    capacity_per_100k_to: null,
    rate_drop_per_100k: null,
    coverage_index: null,
    flags: [],
    categories_not_reported: [],
  };
}

function report(regions: Omit<RankedRegion, 'rank'>[], extra: Partial<Report> = {}): Report {
  return {
    servicegap: '0.1.0',
    from: 2010,
    to: 2015,
    sort: 'vacuum_per_100k',
    regions: rankRegions(regions, 'vacuum_per_100k'),
    excluded: [],
    warnings: [],
    provenance: SAMPLE_PROVENANCE,
    ...extra,
  };
}

/**
 * A: P 30, Q 20, R 10, S 5        → ranks P1 Q2 R3 S4
 * B: Q 40, R 25, P 8, T 12 (new)  → ranks Q1 R2 T3 P4; S is not ranked in B
 */
function sides(): { a: Report; b: Report } {
  const a = report([region('P', 30), region('Q', 20), region('R', 10), region('S', 5)], {
    warnings: [{ file: 'data/dataset.json', line: null, message: 'illustrative' }],
    excluded: [{ region: 'T', reason: 'population' }],
  });
  const b = report([region('Q', 40), region('R', 25), region('P', 8), region('T', 12)], {
    from: 2015,
    to: 2020,
    warnings: [
      { file: 'data/dataset.json', line: null, message: 'illustrative' },
      { file: 'beds.csv', line: 4, message: 'only in B' },
    ],
    excluded: [{ region: 'S', reason: 'beds_to' }],
  });
  return { a, b };
}

describe('compare', () => {
  // Made in beforeAll, not while the tests are collected: an error in compare then fails the tests
  // instead of leaving a file with no tests (which a mutation run would count as a survivor). In
  // each describe's beforeAll, not a file-level one: a mutation run does not count the error of a
  // file-level hook against the tests.
  let a: Report;
  let b: Report;
  let c: ReturnType<typeof compare>;
  beforeAll(() => {
    ({ a, b } = sides());
    c = compare(a, b, { top: 2, a: { label: '2010-2015', kind: 'years' }, b: { label: '2015-2020', kind: 'years' } });
  });

  it('lists regions ranked in B by rank, then those only in A', () => {
    expect(c.regions.map((r) => [r.region, r.present, r.rank_a, r.rank_b])).toEqual([
      ['Q', 'both', 2, 1],
      ['R', 'both', 3, 2],
      ['T', 'b_only', null, 3],
      ['P', 'both', 1, 4],
      ['S', 'a_only', 4, null],
    ]);
  });

  it('gives every change as B − A, rank included (negative = towards rank 1)', () => {
    const q = c.regions.find((r) => r.region === 'Q')!;
    expect(q.rank_change).toBe(-1);
    expect(q.vacuum_be_a).toBe(20);
    expect(q.vacuum_be_b).toBe(40);
    expect(q.vacuum_be_delta).toBe(20);
    expect(q.vacuum_per_100k_delta).toBe(20);
    expect(q.bed_change_delta).toBe(-20);
    const p = c.regions.find((r) => r.region === 'P')!;
    expect(p.rank_change).toBe(3);
    expect(p.vacuum_per_100k_delta).toBeCloseTo(-22, 12);
    expect(p.vacuum_be_delta).toBe(-22);
    // zero changes are plain 0, never -0
    expect(Object.is(p.community_change_be_delta, 0)).toBe(true);
  });

  it('has A, B and Δ for every metric, null where a side is missing or null', () => {
    const t = c.regions.find((r) => r.region === 'T')!;
    for (const m of COMPARE_METRICS) {
      expect(t[`${m}_a`], m).toBeNull();
      expect(t[`${m}_delta`], m).toBeNull();
    }
    expect(t.rank_change).toBeNull();
    expect(t.vacuum_be_b).toBe(12);
    const q = c.regions.find((r) => r.region === 'Q')!;
    expect(q.rate_drop_per_100k_a).toBeNull();
    expect(q.rate_drop_per_100k_delta).toBeNull();
  });

  it('names who entered and who left the top N', () => {
    // top 2: A {P, Q}, B {Q, R}
    expect(c.entered_top).toEqual(['R']);
    expect(c.left_top).toEqual(['P']);
    const top3 = compare(a, b, { top: 3 });
    // top 3: A {P, Q, R}, B {Q, R, T}
    expect(top3.entered_top).toEqual(['T']);
    expect(top3.left_top).toEqual(['P']);
    expect(compare(a, b).top).toBe(10);
    expect(compare(a, b).entered_top).toEqual(['T']);
    expect(compare(a, b).left_top).toEqual(['S']);
  });

  it('keeps both sides, each excluded region with its side, and a shared warning once', () => {
    expect(c.a).toEqual({ label: '2010-2015', kind: 'years', from: 2010, to: 2015 });
    expect(c.b).toEqual({ label: '2015-2020', kind: 'years', from: 2015, to: 2020 });
    expect(c.excluded).toEqual([
      { side: 'a', region: 'T', reason: 'population' },
      { side: 'b', region: 'S', reason: 'beds_to' },
    ]);
    expect(c.warnings).toEqual([
      { side: 'both', file: 'data/dataset.json', line: null, message: 'illustrative' },
      { side: 'b', file: 'beds.csv', line: 4, message: 'only in B' },
    ]);
    expect(ComparisonSchema.parse(c)).toEqual(c);
  });

  it('a report against itself changes nothing', () => {
    const same = compare(a, a);
    expect(same.regions.every((r) => r.rank_change === 0 && r.vacuum_per_100k_delta === 0)).toBe(true);
    expect([same.entered_top, same.left_top]).toEqual([[], []]);
  });

  it('refuses reports sorted differently, and a bad N', () => {
    expect(() => compare(a, { ...b, sort: 'vacuum_be' })).toThrow(/sorted differently/);
    expect(() => compare(a, b, { top: 0 })).toThrow(OptionError);
    expect(() => compare(a, b, { top: 0 })).toThrow('--top: expected a whole number ≥ 1, got 0');
  });
});

describe('compare, the edges the mutation run found untested', () => {
  let a: Report;
  let b: Report;
  beforeAll(() => {
    ({ a, b } = sides());
  });

  it('a metric null on one side only has a null change, whichever side it is', () => {
    // P: coverage_index 0.5 in A and null in B; Q: null in A and 0.25 in B.
    const withIndex = (r: Omit<RankedRegion, 'rank'>, index: number | null) => ({ ...r, coverage_index: index });
    const c = compare(report([withIndex(region('P', 30), 0.5), withIndex(region('Q', 20), null)]), report([withIndex(region('P', 30), null), withIndex(region('Q', 20), 0.25)]));
    const p = c.regions.find((r) => r.region === 'P')!;
    const q = c.regions.find((r) => r.region === 'Q')!;
    expect([p.coverage_index_a, p.coverage_index_b, p.coverage_index_delta]).toEqual([0.5, null, null]);
    expect([q.coverage_index_a, q.coverage_index_b, q.coverage_index_delta]).toEqual([null, 0.25, null]);
  });

  it('an unchanged figure changes by 0, never by −0 (−0 − 0 would print as "-0")', () => {
    // B's bed change is −0 (a region that closed no beds, computed as −(0)); A's is 0.
    const b0 = report([{ ...region('P', 30), bed_change: -0 }]);
    const a0 = report([{ ...region('P', 30), bed_change: 0 }]);
    const delta = compare(a0, b0).regions[0]!.bed_change_delta;
    expect(Object.is(delta, 0)).toBe(true);
  });

  it('a figure equal on both sides but for the rounding of its sums changes by 0 (formulas.ts NOISE); a real change is kept', () => {
    // A's community 4.3 given whole; B's the same summed from decimals: 0.1 × 43 = 4.3 vs 2.1 + 2.2 = 4.300000000000001.
    expect(2.1 + 2.2).toBe(4.300000000000001);
    const a1 = report([{ ...region('P', 30), community_to_be: 4.3 }]);
    const b1 = report([{ ...region('P', 30), community_to_be: 2.1 + 2.2 }]);
    expect(compare(a1, b1).regions[0]!.community_to_be_delta).toBe(0);
    const b2 = report([{ ...region('P', 30), community_to_be: 4.4 }]);
    expect(compare(a1, b2).regions[0]!.community_to_be_delta).toBe(4.4 - 4.3);
  });

  it('a region ranked on one side only: the other side and every change are null; names come from B', () => {
    const renamed = report([{ ...region('Q', 40), name: 'Region Q (renamed)' }, region('T', 12)]);
    const c = compare(report([region('Q', 20), region('S', 5)]), renamed);
    const row = (code: string) => c.regions.find((r) => r.region === code)!;
    expect([row('Q').present, row('Q').name, row('Q').rank_change]).toEqual(['both', 'Region Q (renamed)', 0]);
    expect([row('S').present, row('S').rank_a, row('S').rank_b, row('S').rank_change, row('S').name]).toEqual(['a_only', 2, null, null, 'Region S']);
    expect([row('T').present, row('T').rank_a, row('T').rank_b, row('T').rank_change]).toEqual(['b_only', null, 2, null]);
    for (const m of COMPARE_METRICS) {
      expect([row('S')[`${m}_b`], row('S')[`${m}_delta`]], m).toEqual([null, null]);
      expect([row('T')[`${m}_a`], row('T')[`${m}_delta`]], m).toEqual([null, null]);
    }
    expect(row('S').vacuum_be_a).toBe(5);
    expect(row('T').vacuum_be_b).toBe(12);
  });

  it('names the sides A and B, of the same kind, unless told otherwise', () => {
    const c = compare(a, b);
    expect([c.a.label, c.a.kind, c.b.label, c.b.kind]).toEqual(['A', 'same', 'B', 'same']);
    expect([c.a.from, c.a.to, c.b.from, c.b.to]).toEqual([2010, 2015, 2015, 2020]);
  });

  it('a sort mismatch is an error of the sort option', () => {
    try {
      compare(a, { ...b, sort: 'vacuum_be' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(OptionError);
      expect((error as OptionError).option).toBe('sort');
      expect((error as Error).message).toBe('--sort: the reports are sorted differently (vacuum_per_100k, vacuum_be): compare needs one sort metric');
    }
  });
});

describe('topChanges', () => {
  it('works on any two rankings', () => {
    const x = [{ region: 'A', rank: 1 }, { region: 'B', rank: 2 }, { region: 'C', rank: 3 }];
    const y = [{ region: 'C', rank: 1 }, { region: 'A', rank: 2 }, { region: 'B', rank: 3 }];
    expect(topChanges(x, y, 2)).toEqual({ entered: ['C'], left: ['B'] });
    expect(topChanges(x, y, 3)).toEqual({ entered: [], left: [] });
  });

  it('gives each list in rank order, whatever order the rankings come in', () => {
    // B's top 3 are D (1), E (2), C (3), given in the order C, E, D; A's top 3 are A, B, C.
    const x = [{ region: 'B', rank: 2 }, { region: 'C', rank: 3 }, { region: 'A', rank: 1 }];
    const y = [{ region: 'C', rank: 3 }, { region: 'E', rank: 2 }, { region: 'D', rank: 1 }];
    expect(topChanges(x, y, 3)).toEqual({ entered: ['D', 'E'], left: ['A', 'B'] });
  });
});

describe('compare, many warnings', () => {
  it('marks each warning a, b or both exactly as a Set of their texts would, and the JSON in pieces is the whole JSON', async () => {
    // 600 warnings each side, 400 of them shared; a warning differs by its file, its line or its message.
    const warning = (n: number) => ({ file: n % 2 ? 'services.csv' : 'beds.csv', line: n % 5 === 0 ? null : n, message: `R${n} crisis teams: 8 → 2 (×0.25)` });
    const a = report([region('P', 30), region('Q', 20)], { warnings: Array.from({ length: 600 }, (_, i) => warning(i)) });
    const b = report([region('Q', 40), region('P', 8)], { warnings: Array.from({ length: 600 }, (_, i) => warning(i + 200)) });
    const c = compare(a, b, { top: 1 });
    const key = (w: { file: string; line: number | null; message: string }) => JSON.stringify([w.file, w.line, w.message]);
    const inA = new Set(a.warnings.map(key));
    const inB = new Set(b.warnings.map(key));
    const expected = [
      ...a.warnings.map((w) => ({ side: inB.has(key(w)) ? 'both' : 'a', ...w })),
      ...b.warnings.filter((w) => !inA.has(key(w))).map((w) => ({ side: 'b', ...w })),
    ];
    expect(c.warnings).toEqual(expected);
    expect(c.warnings.filter((w) => w.side === 'both')).toHaveLength(400);
    expect(c.warnings.filter((w) => w.side === 'b')).toHaveLength(200);
    const { renderCompareJsonPieces, renderCompareTable, renderCompareTablePieces, renderCompareMarkdown, renderCompareMarkdownPieces } = await import(
      '../../src/report/compare.js'
    );
    expectPiecesOfText([...renderCompareJsonPieces(c)], `${JSON.stringify(ComparisonSchema.parse(c), null, 2)}\n`);
    // The table and the Markdown in pieces: the bytes of the whole text.
    const context = { color: false };
    expectPiecesOfText([...renderCompareTablePieces(c, context)], renderCompareTable(c, context));
    expectPiecesOfText([...renderCompareMarkdownPieces(c, context)], renderCompareMarkdown(c, context));
    // A's warnings (shared from R200 on), then those only in B (R600 on).
    expect(renderCompareMarkdown(c, context)).toContain('\n- A, B: services.csv:599: R599 crisis teams: 8 → 2 (×0.25)\n- B: beds.csv: R600 crisis teams');
  });
});

describe('compare, a side warning', () => {
  it('reads its message from the warning it stands for, and is a plain warning to JSON, spread and structuredClone', () => {
    let made = 0;
    // A warning whose message is made each time it is read, as a plausibility notice's is.
    const lazy = { file: 'services.csv', line: null, kind: 'plausibility' as const };
    Object.defineProperty(lazy, 'message', { get: () => `R1 crisis teams: 8 → 2 (made ${++made})`, enumerable: true });
    const a = report([region('P', 30)], { warnings: [lazy as unknown as Report['warnings'][number]] });
    const b = report([region('P', 20)]);
    const c = compare(a, b, { top: 1 });
    const w = c.warnings[0]!;
    const before = made;
    expect(w.message).toBe(`R1 crisis teams: 8 → 2 (made ${before + 1})`);
    expect(made).toBe(before + 1); // read through, not copied
    expect(JSON.parse(JSON.stringify(w))).toEqual({ side: 'a', file: 'services.csv', line: null, message: `R1 crisis teams: 8 → 2 (made ${before + 2})`, kind: 'plausibility' });
    expect({ ...w }).toEqual({ side: 'a', file: 'services.csv', line: null, message: `R1 crisis teams: 8 → 2 (made ${before + 3})`, kind: 'plausibility' });
    expect(structuredClone(w)).toEqual({ side: 'a', file: 'services.csv', line: null, message: `R1 crisis teams: 8 → 2 (made ${before + 4})`, kind: 'plausibility' });
    // A caller may still set a message of its own.
    (w as { message: string }).message = 'set by hand';
    expect(w.message).toBe('set by hand');
    // A warning without a kind has none on its side either.
    const plain = compare(report([region('P', 30)], { warnings: [{ file: 'beds.csv', line: 3, message: 'm' }] }), b, { top: 1 }).warnings[0]!;
    expect(Object.keys(plain)).toEqual(['side', 'file', 'line', 'message']);
  });
});
