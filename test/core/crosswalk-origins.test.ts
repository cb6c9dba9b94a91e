// Where a crosswalk problem is reported (core/dataset-builder.ts with core/crosswalk.ts): figures
// that end outside regions.csv are reported on the line of the code's first figure, whichever
// file it is in; and a crosswalk with problems of its own is not applied at all, so its problems
// are not followed by others that only its misuse would cause. Messages written by hand from the
// rules they state.
import { describe, expect, it } from 'vitest';
import type { InputIssue } from '../../src/core/issues.js';
import { loadDataset } from '../../src/io/load-dataset.js';
import { inputIssues, withoutField } from '../helpers/input-issues.js';

async function issuesOf(files: { crosswalk: string; population: string; beds?: string }): Promise<InputIssue[]> {
  const loading = loadDataset({
    regions: { name: 'regions.csv', content: 'region\nNEW\n' },
    crosswalk: { name: 'crosswalk.csv', content: files.crosswalk },
    population: { name: 'population.csv', content: files.population },
    beds: files.beds === undefined ? undefined : { name: 'beds.csv', content: files.beds },
    services: 'none',
  });
  return (await inputIssues(loading)).map(withoutField);
}

describe('figures that belong to no region', () => {
  it('are reported where the code\'s first figure is, also when that is in a later file', async () => {
    // OLD → MID in every year, MID → NEW only before 2015: OLD's 2016 beds end on MID, not a
    // region. OLD has no population, only beds: the issue points at beds.csv line 3 (OLD's row).
    const issues = await issuesOf({
      crosswalk: 'from,to,share,year\nOLD,MID,1,\nMID,NEW,1,2015\n',
      population: 'region,year,population\nNEW,2016,5\n',
      beds: 'region,year,beds\nNEW,2016,1\nOLD,2016,2\n',
    });
    expect(issues).toEqual([
      {
        file: 'beds.csv',
        line: 3,
        columns: ['region'],
        message: 'the figures of "OLD" for 2016 belong to no region: they end on "MID" through the crosswalk, and "MID" is not in regions.csv',
      },
    ]);
  });
});

describe('a crosswalk with problems of its own', () => {
  it('is not applied: only its own problem is reported, not the stranded figures its use would leave', async () => {
    // OLD's shares add up to 0.6, not 1: a problem of crosswalk.csv. Were it applied anyway, OLD's
    // 2016 figure would end on MID (as above) and add a second, derived issue.
    const issues = await issuesOf({
      crosswalk: 'from,to,share,year\nOLD,MID,0.6,\nMID,NEW,1,2015\n',
      population: 'region,year,population\nNEW,2016,5\nOLD,2016,10\n',
    });
    expect(issues).toEqual([
      {
        file: 'crosswalk.csv',
        line: 2,
        columns: ['share'],
        message: 'the shares of "OLD" sum to 0.6, expected 1 (±1e-9) (line 2): every figure of "OLD" must go somewhere, once',
      },
    ]);
  });
});
