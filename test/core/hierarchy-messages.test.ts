// What core/hierarchy.ts says to users, on datasets built in memory inside each test: the
// message of each kind of figure at two levels of a branch (beds, a service series, rates, any
// figure, a figure moved there by the crosswalk), long lists cut after three regions or five
// years, the notices of figures summed up the tree, the level errors and their boundaries, and a
// loop of parent links met by the library. Every expected message is written out by hand from the
// rules in the file comment of hierarchy.ts.
import { describe, expect, it } from 'vitest';
import type { Dataset, RegionInfo, ServiceSeries } from '../../src/core/dataset.js';
import { OptionError } from '../../src/core/errors.js';
import { type DataOrigin, findCycles, LevelError, levelSelection, mixedLevelIssues, selectLevel } from '../../src/core/hierarchy.js';

type Figures = Record<string, Record<number, number>>;

const regionsOf = (...rows: [string, string?][]) => new Map<string, RegionInfo>(rows.map(([code, parent]) => [code, { code, name: `${code} name`, parent }]));

const series = (figures: Figures = {}) => new Map(Object.entries(figures).map(([code, years]) => [code, new Map(Object.entries(years).map(([y, v]) => [Number(y), v]))]));

function dataset(
  regions: Map<string, RegionInfo>,
  figures: { population?: Figures; beds?: Figures; bedShape?: 'stock' | 'events'; services?: Figures },
): Dataset {
  const services = new Map<string, Map<string, ServiceSeries>>();
  for (const [code, years] of series(figures.services)) {
    services.set(code, new Map([['crisis/teams', { category: 'crisis', unit: 'teams', years }]]));
  }
  return {
    regions,
    population: series(figures.population),
    beds: figures.beds === undefined ? { shape: 'none' } : { shape: figures.bedShape ?? 'stock', byRegion: series(figures.beds) },
    services,
    serviceNames: new Map(),
    warnings: [],
  };
}

const at = (file: string, line: number, via?: string): DataOrigin => ({ file, line, via });
const TAIL = '(other figures may be at other levels: they are summed up the tree).';

describe('the same kind of figure at two levels of one branch', () => {
  it('beds: three regions inside are named, the rest counted', () => {
    // P holds A, B, C, D, each with beds, and P has beds too: one issue on P's line.
    const regions = regionsOf(['P'], ['A', 'P'], ['B', 'P'], ['C', 'P'], ['D', 'P']);
    const origins = new Map([
      ['P', at('beds.csv', 2)],
      ['A', at('beds.csv', 3)],
      ['B', at('beds.csv', 4)],
      ['C', at('beds.csv', 5)],
      ['D', at('beds.csv', 6)],
    ]);
    expect(mixedLevelIssues(regions, origins, 'beds')).toEqual([
      {
        file: 'beds.csv',
        line: 2,
        columns: ['region'],
        message:
          'region "P" has beds of its own and so do regions inside it: "A" (beds.csv line 3), "B" (beds.csv line 4), "C" (beds.csv line 5) and 1 more. ' +
          `The same beds would be counted twice: give each branch of the tree its beds at one level only ${TAIL}`,
      },
    ]);
  });

  it('exactly three regions inside: all named, no "more"', () => {
    const regions = regionsOf(['P'], ['A', 'P'], ['B', 'P'], ['C', 'P']);
    const origins = new Map([['P', at('beds.csv', 2)], ['A', at('beds.csv', 3)], ['B', at('beds.csv', 4)], ['C', at('beds.csv', 5)]]);
    expect(mixedLevelIssues(regions, origins, 'beds')[0]!.message).toBe(
      'region "P" has beds of its own and so do regions inside it: "A" (beds.csv line 3), "B" (beds.csv line 4), "C" (beds.csv line 5). ' +
        `The same beds would be counted twice: give each branch of the tree its beds at one level only ${TAIL}`,
    );
  });

  it('a service series is named as its category in its unit; a region two levels down is found past one without it', () => {
    // W ⊃ C ⊃ M: W and M have crisis teams, C has none; a region elsewhere (X) is not involved.
    const regions = regionsOf(['W'], ['C', 'W'], ['M', 'C'], ['X']);
    const origins = new Map([['M', at('services.csv', 7)], ['W', at('services.csv', 2)], ['X', at('services.csv', 9)]]);
    expect(mixedLevelIssues(regions, origins, 'services crisis/teams')).toEqual([
      {
        file: 'services.csv',
        line: 2,
        columns: ['region'],
        message:
          'region "W" has services crisis in teams of its own and so does a region inside it: "M" (services.csv line 7). ' +
          `The same services would be counted twice: give each branch of the tree its services crisis in teams at one level only ${TAIL}`,
      },
    ]);
  });

  it('population counts residents', () => {
    const regions = regionsOf(['P'], ['A', 'P']);
    const origins = new Map([['P', at('population.csv', 2)], ['A', at('population.csv', 3)]]);
    expect(mixedLevelIssues(regions, origins, 'population')[0]!.message).toBe(
      'region "P" has population of its own and so does a region inside it: "A" (population.csv line 3). ' +
        `The same residents would be counted twice: give each branch of the tree its population at one level only ${TAIL}`,
    );
  });

  it('any figure (no kind named) counts residents, beds or services', () => {
    const regions = regionsOf(['P'], ['A', 'P']);
    const origins = new Map([['P', at('beds.csv', 2)], ['A', at('population.csv', 3)]]);
    expect(mixedLevelIssues(regions, origins)[0]!.message).toBe(
      'region "P" has figures of its own and so does a region inside it: "A" (population.csv line 3). ' +
        `The same residents, beds or services would be counted twice: give each branch of the tree its figures at one level only ${TAIL}`,
    );
  });

  it('rates (--rates) cannot be summed at all', () => {
    const regions = regionsOf(['P'], ['A', 'P']);
    const origins = new Map([['P', at('beds.csv', 2)], ['A', at('services.csv', 5)]]);
    expect(mixedLevelIssues(regions, origins, 'rates')[0]!.message).toBe(
      'region "P" has rates of its own and so does a region inside it: "A" (services.csv line 5). ' +
        'Rates per 100,000 (--rates) cannot be summed up the tree: give each branch of the tree all its figures at one level only.',
    );
  });

  it('figures moved by the crosswalk say which code of the file they came as, for the parent and the child', () => {
    const regions = regionsOf(['P'], ['A', 'P']);
    const origins = new Map([['P', at('beds.csv', 4, 'OLD-P')], ['A', at('beds.csv', 6, 'OLD-A')]]);
    expect(mixedLevelIssues(regions, origins, 'beds')[0]!.message).toBe(
      'region "P" has beds of its own (beds.csv line 4, as "OLD-P" mapped by the crosswalk) and so does a region inside it: ' +
        '"A" (beds.csv line 6, as "OLD-A" mapped by the crosswalk). ' +
        `The same beds would be counted twice: give each branch of the tree its beds at one level only ${TAIL}`,
    );
  });

  it('a loop of parent links without figures ends the walk up (no issue, no hang)', () => {
    // A's parent B, B's parent A: only A has figures; nothing above A has any.
    const regions = regionsOf(['A', 'B'], ['B', 'A']);
    expect(mixedLevelIssues(regions, new Map([['A', at('beds.csv', 2)]]), 'beds')).toEqual([]);
  });

  it('codes outside the regions (an unknown parent, reported on its own; a code of an unapplied crosswalk) end the walk up', () => {
    // A's parent GONE is not a region; OLD (figures of a crosswalk code) is not a region at all.
    const regions = regionsOf(['A', 'GONE'], ['B']);
    expect(mixedLevelIssues(regions, new Map([['A', at('beds.csv', 2)], ['OLD', at('beds.csv', 3)]]), 'beds')).toEqual([]);
  });

  it('regions of different branches with figures are no problem', () => {
    const regions = regionsOf(['P'], ['A', 'P'], ['Q'], ['B', 'Q']);
    expect(mixedLevelIssues(regions, new Map([['A', at('beds.csv', 2)], ['Q', at('beds.csv', 3)]]), 'beds')).toEqual([]);
  });
});

describe('findCycles', () => {
  it('a loop met from a region outside it is reported once, starting where the walk entered it', () => {
    // S → L1 → L2 → L3 → L1: the loop is L1, L2, L3; L2 and L3 met again later are done.
    const parents = new Map<string, string | undefined>([['S', 'L1'], ['L1', 'L2'], ['L2', 'L3'], ['L3', 'L1'], ['T', 'L3']]);
    expect(findCycles(parents)).toEqual([['L1', 'L2', 'L3']]);
  });

  it('a parent that is not a region ends the walk: no loop', () => {
    expect(findCycles(new Map<string, string | undefined>([['A', 'GONE'], ['B', 'A']]))).toEqual([]);
  });
});

describe('partial sums and summed-up notices: long lists are cut', () => {
  it('more than five partial years and more than three regions lacking them', () => {
    // C holds M1..M5. M1 has 2001..2007; M2..M5 only 2001. Years 2002..2007 (six) lack M2..M5.
    const pop: Figures = { M1: { 2001: 1, 2002: 1, 2003: 1, 2004: 1, 2005: 1, 2006: 1, 2007: 1 } };
    for (const m of ['M2', 'M3', 'M4', 'M5']) pop[m] = { 2001: 1 };
    const d = dataset(regionsOf(['C'], ['M1', 'C'], ['M2', 'C'], ['M3', 'C'], ['M4', 'C'], ['M5', 'C']), { population: pop });
    // Each of 2002..2007: M1's 1 + M2..M5's 2001 figures carried (1 each) = 5.
    const rolled = selectLevel(d, { level: 1 });
    expect(rolled.population.get('C')).toEqual(new Map([2001, 2002, 2003, 2004, 2005, 2006, 2007].map((y) => [y, 5])));
    expect(rolled.warnings).toEqual([
      {
        file: 'population.csv',
        line: null,
        message:
          '--level 1: the population of "C" sums regions of which "M2", "M3", "M4" and 1 more have no figure in some years, never counted as 0 for that (SPEC §8): ' +
          'in 2002, 2003, 2004, 2005, 2006 and 1 more years they count their latest earlier figure (carried forward, or as --fill says; flag carried_forward). ' +
          'Give every region a figure for the same years to sum only figures given',
      },
    ]);
  });

  it('exactly five partial years and three regions lacking: nothing cut', () => {
    const pop: Figures = { M1: { 2001: 1, 2002: 1, 2003: 1, 2004: 1, 2005: 1, 2006: 1 } };
    for (const m of ['M2', 'M3', 'M4']) pop[m] = { 2001: 1 };
    const d = dataset(regionsOf(['C'], ['M1', 'C'], ['M2', 'C'], ['M3', 'C'], ['M4', 'C']), { population: pop });
    expect(selectLevel(d, { level: 1 }).warnings.map((w) => w.message)).toEqual([
      '--level 1: the population of "C" sums regions of which "M2", "M3", "M4" have no figure in some years, never counted as 0 for that (SPEC §8): ' +
        'in 2002, 2003, 2004, 2005, 2006 they count their latest earlier figure (carried forward, or as --fill says; flag carried_forward). ' +
        'Give every region a figure for the same years to sum only figures given',
    ]);
  });

  it('bed stocks summed over part of a branch are warned about, under --rollup with its level', () => {
    // C ⊃ M1, M2: M2 has no beds in 2020. Population complete.
    const d = dataset(regionsOf(['C'], ['M1', 'C'], ['M2', 'C']), {
      population: { M1: { 2010: 1 }, M2: { 2010: 1 } },
      beds: { M1: { 2010: 3, 2020: 2 }, M2: { 2010: 4 } },
    });
    const rolled = selectLevel(d, { rollup: true });
    // 2020: M1's 2 + M2's 2010 figure carried (4) = 6, not 2.
    expect(rolled.beds).toEqual({ shape: 'stock', byRegion: new Map([['C', new Map([[2010, 7], [2020, 6]])]]) });
    expect(rolled.warnings).toEqual([
      {
        file: 'beds.csv',
        line: null,
        message:
          '--rollup (level 1): the beds of "C" sums regions of which "M2" has no figure in some years, never counted as 0 for that (SPEC §8): ' +
          'in 2020 it counts its latest earlier figure (carried forward, or as --fill says; flag carried_forward). Give every region a figure for the same years to sum only figures given',
      },
    ]);
  });

  it('by default a data leaf summing its regions\' figures says so when the sum is partial', () => {
    // U has beds of its own (a data leaf); its regions A and B give population, B not for 2011.
    const d = dataset(regionsOf(['U'], ['A', 'U'], ['B', 'U']), {
      population: { A: { 2010: 10, 2011: 10 }, B: { 2010: 20 } },
      beds: { U: { 2010: 1 } },
    });
    const ranked = selectLevel(d);
    // 2011: A's 10 + B's 2010 figure carried (20) = 30.
    expect(ranked.population).toEqual(new Map([['U', new Map([[2010, 30], [2011, 30]])]]));
    expect(ranked.warnings).toEqual([
      {
        file: 'population.csv',
        line: null,
        message:
          'summed up the tree: the population of "U" sums regions of which "B" has no figure in some years, never counted as 0 for that (SPEC §8): ' +
          'in 2011 it counts its latest earlier figure (carried forward, or as --fill says; flag carried_forward). Give every region a figure for the same years to sum only figures given',
      },
      { file: 'population.csv', line: null, message: 'population is given for regions inside the regions ranked, and summed up to them: "U" from "A", "B"' },
    ]);
  });

  it('figures of a code that is not among the regions (a dataset built by hand) are left out of every unit', () => {
    const d = dataset(regionsOf(['C'], ['M', 'C']), { population: { M: { 2010: 5 }, GHOST: { 2010: 7 } } });
    expect(selectLevel(d, { level: 1 }).population).toEqual(new Map([['C', new Map([[2010, 5]])]]));
  });

  it('closure events are not stocks: events in different years of a branch sum without a warning', () => {
    const d = dataset(regionsOf(['C'], ['M1', 'C'], ['M2', 'C']), {
      population: { M1: { 2010: 1 }, M2: { 2010: 1 } },
      beds: { M1: { 2012: 3 }, M2: { 2015: 4 } },
      bedShape: 'events',
    });
    const rolled = selectLevel(d, { level: 1 });
    expect(rolled.beds).toEqual({ shape: 'events', byRegion: new Map([['C', new Map([[2012, 3], [2015, 4]])]]) });
    expect(rolled.warnings).toEqual([]);
  });

  it('default ranking: beds and services summed up to a data leaf are each named; more than three regions and units are cut', () => {
    // Units with figures of their own: U1..U4 (population). Below U1: A1..A4 with beds; below
    // U1..U4 one region each with crisis teams (S1..S4). No beds file shape issue: stocks.
    const regions = regionsOf(
      ['U1'], ['A1', 'U1'], ['A2', 'U1'], ['A3', 'U1'], ['A4', 'U1'], ['S1', 'U1'],
      ['U2'], ['S2', 'U2'],
      ['U3'], ['S3', 'U3'],
      ['U4'], ['S4', 'U4'],
    );
    const d = dataset(regions, {
      population: { U1: { 2010: 1 }, U2: { 2010: 1 }, U3: { 2010: 1 }, U4: { 2010: 1 } },
      beds: { A4: { 2010: 1 }, A2: { 2010: 1 }, A1: { 2010: 1 }, A3: { 2010: 1 } },
      services: { S1: { 2010: 1 }, S2: { 2010: 1 }, S3: { 2010: 1 }, S4: { 2010: 1 } },
    });
    const ranked = selectLevel(d);
    expect([...ranked.regions.keys()]).toEqual(['U1', 'U2', 'U3', 'U4']);
    expect(ranked.warnings).toEqual([
      // beds.csv lists A4, A2, A1, A3: named in regions.csv order.
      { file: 'beds.csv', line: null, message: 'beds is given for regions inside the regions ranked, and summed up to them: "U1" from "A1", "A2", "A3" and 1 more' },
      {
        file: 'services.csv',
        line: null,
        message: 'services is given for regions inside the regions ranked, and summed up to them: "U1" from "S1"; "U2" from "S2"; "U3" from "S3"; and 1 more regions',
      },
    ]);
  });

  it('regions summed up are named in regions.csv order, also where it lists a branch level by level; exactly three are all named', () => {
    // regions.csv: U, then A and B (in U), then X (in A): top down that is U, A, X, B, but the
    // notice names them as the file lists them: A, B, X. Three units with notices: none cut.
    const regions = regionsOf(['U'], ['A', 'U'], ['B', 'U'], ['X', 'A'], ['V'], ['V1', 'V'], ['W'], ['W1', 'W']);
    const d = dataset(regions, {
      population: { U: { 2010: 1 }, V: { 2010: 1 }, W: { 2010: 1 } },
      beds: { X: { 2010: 1 }, B: { 2010: 1 }, A: { 2010: 1 }, V1: { 2010: 1 }, W1: { 2010: 1 } },
    });
    expect(selectLevel(d).warnings).toEqual([
      { file: 'beds.csv', line: null, message: 'beds is given for regions inside the regions ranked, and summed up to them: "U" from "A", "B", "X"; "V" from "V1"; "W" from "W1"' },
    ]);
  });

  it('a region without children and without figures is still ranked by default (and excluded later for what it lacks)', () => {
    const d = dataset(regionsOf(['C'], ['M1', 'C'], ['M2', 'C']), { population: { M1: { 2010: 1 } } });
    expect([...selectLevel(d).regions.keys()]).toEqual(['M1', 'M2']);
  });

  it('units at a level are listed with their partial sums in regions.csv order', () => {
    // NO ⊃ C1 ⊃ M1, M2; NO ⊃ C2 ⊃ M3, M4. M2 and M4 lack 2011: one warning per county, C1 first.
    const d = dataset(regionsOf(['NO'], ['C1', 'NO'], ['M1', 'C1'], ['M2', 'C1'], ['C2', 'NO'], ['M3', 'C2'], ['M4', 'C2']), {
      population: { M1: { 2010: 1, 2011: 1 }, M2: { 2010: 1 }, M3: { 2010: 1, 2011: 1 }, M4: { 2010: 1 } },
    });
    expect(selectLevel(d, { level: 2 }).warnings.map((w) => w.message.slice(0, w.message.indexOf(' sums')))).toEqual([
      '--level 2: the population of "C1"',
      '--level 2: the population of "C2"',
    ]);
  });

  it('a region with an empty series has no figures to sum: no notice, no partial sum', () => {
    // M2 has population and service entries without any year: nothing of it is summed.
    const d = dataset(regionsOf(['C'], ['M1', 'C'], ['M2', 'C']), { population: { C: { 2010: 5 }, M2: {} }, services: { M2: {} } });
    expect(selectLevel(d).warnings).toEqual([]);
  });
});

describe('levels: errors and boundaries', () => {
  // NO ⊃ C ⊃ M: three levels.
  const deep = () => dataset(regionsOf(['NO'], ['C', 'NO'], ['M', 'C']), { population: { M: { 2010: 7 } } });

  it('a LevelError is an OptionError about the option "level", named as such', () => {
    const error = (() => {
      try {
        selectLevel(deep(), { level: 0 });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(LevelError);
    expect(error).toBeInstanceOf(OptionError);
    expect((error as LevelError).name).toBe('LevelError');
    expect((error as LevelError).option).toBe('level');
    expect((error as LevelError).message).toBe("--level 0: the regions' tree has levels 1 to 3 (1 = the regions without a parent)");
  });

  it('levels 1 and 3 (the deepest) are accepted; 0, 4 and 1.5 are not', () => {
    expect(levelSelection(deep(), { level: 1 }).level).toBe(1);
    expect(levelSelection(deep(), { level: 3 }).level).toBe(3);
    expect(selectLevel(deep(), { level: 3 }).population).toEqual(new Map([['M', new Map([[2010, 7]])]]));
    expect(() => levelSelection(deep(), { level: 4 }).level).toThrow("--level 4: the regions' tree has levels 1 to 3");
    expect(() => levelSelection(deep(), { level: 1.5 }).level).toThrow("--level 1.5: the regions' tree has levels 1 to 3");
    expect(() => levelSelection(deep(), { level: 2, rollup: true }).level).toThrow(new LevelError('give --level or --rollup, not both'));
  });

  it('--rollup with the deepest data leaf at level 2 ranks level 1; --rollup: false is the default', () => {
    const d = dataset(regionsOf(['C'], ['M', 'C']), { population: { M: { 2010: 1 } } });
    expect(levelSelection(d, { rollup: true }).level).toBe(1);
    expect(levelSelection(d, { rollup: false }).level).toBeUndefined();
    expect(levelSelection(d, { rollup: false, level: 2 }).level).toBe(2);
  });

  it('a tree of one level: --level 1 is accepted, --level 2 says so, --rollup has nothing above', () => {
    const flat = dataset(regionsOf(['A'], ['B']), { population: { A: { 2010: 1 } } });
    expect(levelSelection(flat, { level: 1 }).level).toBe(1);
    expect(() => levelSelection(flat, { level: 2 }).level).toThrow(new LevelError("--level 2: the regions' tree has only level 1 (1 = the regions without a parent)"));
    expect(() => levelSelection(flat, { rollup: true }).level).toThrow(
      new LevelError('--rollup: no region in regions.csv has a parent (column "parent"), so there is no level above the regions to rank'),
    );
  });

  it('no regions at all: only level 1 (never "levels 1 to 0")', () => {
    const none = dataset(new Map(), {});
    expect(() => levelSelection(none, { level: 2 }).level).toThrow("--level 2: the regions' tree has only level 1");
  });

  it('--level N counts a data leaf above level N as itself, and nothing below the level twice', () => {
    // NO ⊃ C1 ⊃ M1; NO ⊃ C2 (no children). --level 3: M1 and C2 (a leaf at level 2).
    const d = dataset(regionsOf(['NO'], ['C1', 'NO'], ['M1', 'C1'], ['C2', 'NO']), { population: { M1: { 2010: 1 }, C2: { 2010: 2 } } });
    expect([...selectLevel(d, { level: 3 }).regions.keys()]).toEqual(['M1', 'C2']);
    expect([...selectLevel(d, { level: 2 }).regions.keys()]).toEqual(['C1', 'C2']);
  });

  it('a dataset without parent links is returned as it is', () => {
    const flat = dataset(regionsOf(['A'], ['B']), { population: { A: { 2010: 1 }, B: { 2010: 2 } } });
    expect(selectLevel(flat)).toBe(flat);
    expect(selectLevel(flat, { level: 1 })).toBe(flat);
  });

  it('a loop of parent links not caught by a loader is an internal error naming its regions', () => {
    // R is a root; A and B point at each other, so neither is reached from a root.
    const d = dataset(regionsOf(['R'], ['A', 'B'], ['B', 'A']), { population: { R: { 2010: 1 } } });
    expect(() => selectLevel(d)).toThrow(new Error("the regions' parent links loop: A, B"));
  });
});
