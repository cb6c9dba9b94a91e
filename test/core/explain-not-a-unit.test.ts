// `explain REGION` for a region that is not one of the units the run ranks (SPEC §8, §5 exit 2):
// the OptionError names the region, the first units ranked, and the --level that would rank it.
import { describe, expect, it } from 'vitest';
import { runExplain } from '../../src/app/explain.js';
import { OptionError } from '../../src/core/errors.js';
import type { DatasetInputs } from '../../src/io/load-dataset.js';
import { inputFiles as files } from '../helpers/input-files.js';


/** A tree given as [code, parent] pairs, each leaf in `leaves` with one population, bed and service row. */
function tree(regions: readonly (readonly [string, string])[], leaves: readonly string[]): DatasetInputs {
  return files({
    regions: `region,parent\n${regions.map(([c, p]) => `${c},${p}`).join('\n')}\n`,
    population: `region,year,population\n${leaves.map((c) => `${c},2010,1000`).join('\n')}\n`,
    beds: `region,year,beds\n${leaves.map((c) => `${c},2010,5\n${c},2020,4`).join('\n')}\n`,
    services: `region,year,service,capacity,unit\n${leaves.map((c) => `${c},2010,crisis,1,beds`).join('\n')}\n`,
  });
}

/** The message of the error `runExplain` throws for `region`. */
async function refusal(region: string, inputs: DatasetInputs, level?: number): Promise<string> {
  const error = await runExplain({ region, inputs, config: false, level }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OptionError);
  // the option at fault, for a library caller (OptionError.option): the region argument
  expect((error as OptionError).option).toBe('region');
  return (error as OptionError).message;
}

describe('explain of a region that is not a unit of the run', () => {
  it('names the units ranked and the level of the region asked for, at each depth of the tree', async () => {
    // R ⊃ C ⊃ {M1, M2}, R ⊃ D; figures on M1, M2, D: the units ranked by default are the data
    // leaves M1, M2, D (regions.csv order). C is at level 2 (R → C), R at level 1.
    const inputs = tree(
      [
        ['R', ''],
        ['C', 'R'],
        ['M1', 'C'],
        ['M2', 'C'],
        ['D', 'R'],
      ],
      ['M1', 'M2', 'D'],
    );
    const tail = 'it lies inside one of them or has regions inside it';
    expect(await refusal('C', inputs)).toBe(`REGION: region "C" is not one of the units this run ranks ("M1", "M2", "D"): ${tail}; --level 2 ranks its level`);
    expect(await refusal('R', inputs)).toBe(`REGION: region "R" is not one of the units this run ranks ("M1", "M2", "D"): ${tail}; --level 1 ranks its level`);
    // --level 1 ranks R alone; M1 lies inside it, at level 3 (R → C → M1)
    expect(await refusal('M1', inputs, 1)).toBe(`REGION: region "M1" is not one of the units this run ranks ("R"): ${tail}; --level 3 ranks its level`);
  });

  it('shows the first five units ranked, and "…" only when there are more', async () => {
    const leaves = (n: number) => Array.from({ length: n }, (_, i) => `L${i + 1}`);
    const five = tree([['P', ''], ...leaves(5).map((c) => [c, 'P'] as const)], leaves(5));
    expect(await refusal('P', five)).toBe(
      'REGION: region "P" is not one of the units this run ranks ("L1", "L2", "L3", "L4", "L5"): it lies inside one of them or has regions inside it; --level 1 ranks its level',
    );
    const six = tree([['P', ''], ...leaves(6).map((c) => [c, 'P'] as const)], leaves(6));
    expect(await refusal('P', six)).toBe(
      'REGION: region "P" is not one of the units this run ranks ("L1", "L2", "L3", "L4", "L5", …): it lies inside one of them or has regions inside it; --level 1 ranks its level',
    );
  });

  it('gives the true level of a region deep in a tree (a chain of 120 levels)', async () => {
    // N1 ⊃ N2 ⊃ … ⊃ N120, figures on N120 only: N120 is the unit. N110 is at level 110.
    const chain = Array.from({ length: 120 }, (_, i) => [`N${i + 1}`, i === 0 ? '' : `N${i}`] as const);
    expect(await refusal('N110', tree(chain, ['N120']))).toBe(
      'REGION: region "N110" is not one of the units this run ranks ("N120"): it lies inside one of them or has regions inside it; --level 110 ranks its level',
    );
  });

  it('an unknown region: a hint only when a code is near', async () => {
    const inputs = tree([['ALPHA', '']], ['ALPHA']);
    expect(await refusal('ALPHB', inputs)).toBe('REGION: unknown region "ALPHB" (not in regions.csv); did you mean "ALPHA"?');
    expect(await refusal('Zürich', inputs)).toBe('REGION: unknown region "Zürich" (not in regions.csv)');
  });
});
