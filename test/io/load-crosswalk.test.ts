// Where the loader finds a crosswalk: crosswalk.csv in the data folder when present, or the file
// given with --crosswalk (which wins); it is read before the files with figures.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/issues.js';
import { loadDataset, resolveInputs } from '../../src/io/load-dataset.js';

describe('finding the crosswalk', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'servicegap-crosswalk-'));
    await writeFile(join(dir, 'regions.csv'), 'region\nNEW\n');
    await writeFile(join(dir, 'population.csv'), 'region,year,population\nOLD,2019,100\nNEW,2020,100\n');
    // a data folder needs services.csv (SPEC §8)
    await writeFile(join(dir, 'services.csv'), 'region,year,service,capacity,unit\nNEW,2020,crisis,1,teams\n');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('a data folder without crosswalk.csv: codes not in regions.csv are unknown, as before', async () => {
    expect(await resolveInputs({ data: dir })).not.toHaveProperty('crosswalk');
    const error = await loadDataset({ data: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/unknown region "OLD"/);
  });

  it('--crosswalk F maps codes for a folder that has none', async () => {
    const { dataset, files } = await loadDataset({
      data: dir,
      crosswalk: { name: 'reform.csv', content: 'from,to,share,year\nOLD,NEW,1,2020\n' },
    });
    expect(files.crosswalk).toBe('reform.csv');
    expect(dataset.population.get('NEW')).toEqual(new Map([[2019, 100], [2020, 100]]));
  });

  it("the folder's crosswalk.csv is read when present, and --crosswalk wins over it", async () => {
    await writeFile(join(dir, 'crosswalk.csv'), 'from,to,share\nOLD,NEW,1\n');
    const fromFolder = await loadDataset({ data: dir });
    expect(fromFolder.files.crosswalk).toBe(join(dir, 'crosswalk.csv'));
    expect(fromFolder.dataset.population.get('NEW')?.get(2019)).toBe(100);
    const error = await loadDataset({ data: dir, crosswalk: { name: 'other.csv', content: 'from,to,share\nOLD,NEW,0.5\n' } }).catch((e: unknown) => e);
    expect((error as InputError).issues[0]).toMatchObject({ file: 'other.csv', line: 2, columns: ['share'], field: 3 });
  });

  it('a crosswalk without the required columns names them', async () => {
    const error = await loadDataset({ data: dir, crosswalk: { name: 'cw.csv', content: 'old,new\nOLD,NEW\n' } }).catch((e: unknown) => e);
    expect((error as InputError).issues[0]).toMatchObject({
      file: 'cw.csv',
      line: 1,
      columns: ['from', 'to', 'share'],
    });
  });
});
