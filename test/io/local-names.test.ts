// Issue 14 (taxonomy breadth, grouped errors) and issue 15 (names that look the same) through the
// loader: an analyst's own headers, units and service names are read with a notice saying how;
// the same unknown unit on many lines is one error; codes that differ only in Unicode form or by
// a zero-width character are the same code, and an invisible difference that remains is shown.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze.js';
import { formatIssue, InputError, type InputIssue, issueText } from '../../src/core/issues.js';
import { loadDataset } from '../../src/io/load-dataset.js';

type Files = Partial<Record<'regions' | 'population' | 'beds' | 'services', string>>;

const inputs = (files: Files) => ({
  regions: { name: 'regions.csv', content: files.regions ?? 'region,name\nNO-03,Oslo\nNO-18,Nordland\n' },
  population: { name: 'population.csv', content: files.population ?? 'region,year,population\nNO-03,2015,700000\nNO-18,2015,240000\n' },
  beds: files.beds === undefined ? undefined : { name: 'beds.csv', content: files.beds },
  services: files.services === undefined ? undefined : { name: 'services.csv', content: files.services },
});

async function issuesOf(files: Files): Promise<InputIssue[]> {
  try {
    await loadDataset(inputs(files));
  } catch (error) {
    if (error instanceof InputError) return [...error.issues];
    throw error;
  }
  throw new Error('the input was accepted');
}

describe('a Norwegian export with local headers, names and units (fixtures/names/norway-local, real SSB figures)', () => {
  it('is read with a notice for each mapping, and gives the numbers worked by hand', async () => {
    const { dataset, weights } = await loadDataset({ data: 'fixtures/names/norway-local' });
    const notices = dataset.warnings.map((w) => `${w.file.split('/').pop()}:${w.line}: ${w.message}`);
    expect(notices).toEqual([
      'regions.csv:1: columns read by their local names: "helseforetak" as region (nb), "navn" as name (nb)',
      'population.csv:1: columns read by their local names: "helseforetak" as region (nb), "år" as year (nb), "befolkning" as population (nb)',
      'beds.csv:1: columns read by their local names: "helseforetak" as region (nb), "år" as year (nb), "senger" as beds (nb)',
      'services.csv:1: columns read by their local names: "helseforetak" as region (nb), "år" as year (nb), "tjeneste" as service (nb), "kapasitet" as capacity (nb), "enhet" as unit (nb)',
      'services.csv:2: service names matched a known name only loosely (plural or singular, hyphen or space, diacritics): "DPS poliklinikk" as "DPS-poliklinikk" (cmhc; first on line 2)',
      'services.csv:2: units given by a local name, read as SPEC units: "polikliniske konsultasjoner" as contacts (nb; first on line 2); "dagbehandlinger" as contacts (nb; first on line 4)',
    ]);
    const report = analyze(dataset, { weights });
    // Weights (SPEC §4): cmhc/contacts 0.0005, day_services/contacts 0.0011. B = 2015, T = 2019.
    // Helse Bergen: beds 243 → 216, change −27.
    //   community 2015 = 98986 × 0.0005 + 3357 × 0.0011 = 49.493 + 3.6927 = 53.1857
    //   community 2019 = 107778 × 0.0005 + 2402 × 0.0011 = 53.889 + 2.6422 = 56.5312
    //   net = −27 + 3.3455 = −23.6545 → vacuum 23.6545 / 357061 × 100000 = 6.6248…
    // Helse Stavanger: beds 250 → 234, change −16.
    //   community 2015 = 95373 × 0.0005 + 2614 × 0.0011 = 47.6865 + 2.8754 = 50.5619
    //   community 2019 = 90742 × 0.0005 + 2511 × 0.0011 = 45.371 + 2.7621 = 48.1331
    //   net = −16 − 2.4288 = −18.4288 → vacuum 18.4288 / 279598 × 100000 = 6.5912…
    expect(report.regions.map((r) => [r.region, r.name, r.rank])).toEqual([
      ['983974724', 'Helse Bergen HF', 1],
      ['983974678', 'Helse Stavanger HF', 2],
    ]);
    const [bergen, stavanger] = report.regions;
    expect(bergen!.community_from_be).toBeCloseTo(53.1857, 9);
    expect(bergen!.community_to_be).toBeCloseTo(56.5312, 9);
    expect(bergen!.vacuum_be).toBeCloseTo(23.6545, 9);
    expect(bergen!.vacuum_per_100k).toBeCloseTo(6.62478, 4);
    expect(stavanger!.community_change_be).toBeCloseTo(-2.4288, 9);
    expect(stavanger!.vacuum_per_100k).toBeCloseTo(6.59118, 4);
  });
});

describe('local units', () => {
  const header = 'region,year,service,capacity,unit\n';

  it('500 rows with one unknown unit are one error listing the lines', async () => {
    const rows = Array.from({ length: 500 }, (_, i) => `NO-03,${2000 + (i % 50)},ACT-team,1,stk\n`).join('');
    const issues = await issuesOf({ services: header + rows });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'services.csv', line: 2, columns: ['unit'] });
    expect(formatIssue(issues[0]!)).toBe(
      'services.csv:2: column "unit": expected one of beds, places, caseload, teams, fte, facilities, contacts, ' +
        'or a local name of one (such as årsverk, plasser, Betten, lits), got "stk" (lines 2, 3, 4, 5, 6 and 495 more)',
    );
  });

  it('two unknown units are two errors, each with its own lines, beside other errors', async () => {
    const issues = await issuesOf({
      services: header + 'NO-03,2015,ACT-team,1,stk\nNO-03,2016,ACT-team,x,teams\nNO-18,2015,ACT-team,1,personer\nNO-18,2016,ACT-team,1,stk\n',
    });
    expect(issues.map((i) => `${i.line}:${i.columns?.join('+')}:${issueText(i).replace(/^.*got /, '')}`).sort()).toEqual([
      '2:unit:"stk" (lines 2, 5)',
      '3:capacity:"x"',
      '4:unit:"personer"',
    ]);
  });

  it('500 rows in årsverk (Norwegian man-years) are read as fte, with one notice', async () => {
    const rows = Array.from({ length: 500 }, (_, i) => `NO-03,${2000 + (i % 50)},ACT-team,1,årsverk\n`).join('');
    const { dataset } = await loadDataset(inputs({ services: header + rows }));
    // 500 rows over 50 years: 10 rows of 1 FTE a year.
    expect(dataset.services.get('NO-03')?.get('outreach/fte')?.years.get(2000)).toBe(10);
    expect(dataset.warnings.filter((w) => w.message.includes('årsverk')).map((w) => w.message)).toEqual([
      'units given by a local name, read as SPEC units: "årsverk" as fte (nb; first on line 2)',
    ]);
  });

  it('units in German, French and Spanish, and English singulars', async () => {
    const { dataset } = await loadDataset(
      inputs({
        services: header + 'NO-03,2015,Tagesklinik,12,Plätze\nNO-03,2015,CMP,3,ETP\nNO-18,2015,hogar protegido,8,plazas\nNO-18,2015,crisis house,4,bed\n',
      }),
    );
    expect(dataset.services.get('NO-03')?.get('day_services/places')?.years.get(2015)).toBe(12);
    expect(dataset.services.get('NO-03')?.get('cmhc/fte')?.years.get(2015)).toBe(3);
    expect(dataset.services.get('NO-18')?.get('supported_living/places')?.years.get(2015)).toBe(8);
    expect(dataset.services.get('NO-18')?.get('crisis/beds')?.years.get(2015)).toBe(4);
  });
});

describe('local headers', () => {
  it('a beds file headed "senger" is a stock', async () => {
    const { dataset } = await loadDataset(inputs({ beds: 'region;år;senger\nNO-03;2015;120\n' }));
    expect(dataset.beds.shape).toBe('stock');
    expect(dataset.beds.shape === 'stock' && [...dataset.beds.byRegion.get('NO-03')!]).toEqual([[2015, 120]]);
  });

  it('two local names for a needed column are an error that says to rename one', async () => {
    const issues = await issuesOf({ population: 'kommune,fylke,år,befolkning\nNO-03,NO-03,2015,700000\n' });
    expect(issues.map(formatIssue)).toEqual([
      'population.csv:1: column "region": columns "kommune" (field 1) and "fylke" (field 2) both name "region": rename the one to read to "region"',
    ]);
  });

  it('a local name beside the SPEC column is an extra column, ignored', async () => {
    const { dataset } = await loadDataset(inputs({ population: 'region,year,år,population\nNO-03,2015,1999,700000\n' }));
    expect([...dataset.population.get('NO-03')!]).toEqual([[2015, 700000]]);
    expect(dataset.warnings.some((w) => w.file === 'population.csv')).toBe(false);
  });

  it('an issue in a mapped column points at its field', async () => {
    try {
      await loadDataset(inputs({ population: 'fylke;år;befolkning\nNO-03;2015;mange\n' }));
      expect.unreachable();
    } catch (error) {
      expect((error as InputError).issues[0]).toMatchObject({ line: 2, columns: ['population'], field: 3 });
    }
  });
});

describe('codes that look the same (issue 15)', () => {
  it('NFC, NFD and a zero-width space are one code, with a notice per file (fixtures/names/unicode-codes)', async () => {
    const { dataset } = await loadDataset({ data: 'fixtures/names/unicode-codes' });
    const aland = 'FI-\u00C5land';
    expect([...dataset.regions.keys()]).toEqual([aland, 'FI-01']);
    expect([...dataset.population.get(aland)!]).toEqual([
      [2020, 30129],
      [2022, 30344],
    ]);
    expect(dataset.beds.shape === 'stock' && [...dataset.beds.byRegion.get(aland)!]).toEqual([
      [2020, 20],
      [2022, 18],
    ]);
    // "psykiatrinen\u200b avohoito" is "psykiatrinen avohoito" (cmhc): 4 fte in 2020.
    expect(dataset.services.get(aland)?.get('cmhc/fte')?.years.get(2020)).toBe(4);
    expect(dataset.services.get(aland)?.get('outreach/teams')?.years.get(2022)).toBe(1);
    const notices = dataset.warnings.filter((w) => w.message.startsWith('region codes'));
    expect(notices.map((w) => `${w.file.split('/').pop()}:${w.line}`)).toEqual(['population.csv:2', 'beds.csv:2', 'services.csv:2']);
    expect(notices[0]!.message).toBe(
      `region codes read after Unicode normalisation (they look the same): "FI-A\u030Aland" as "${aland}", decomposed letters composed (Unicode NFC) (first on line 2)`,
    );
    expect(notices[1]!.message).toContain('U+200B (zero-width space) removed (first on line 2)');
  });

  it('two codes of regions.csv that differ only invisibly are one region listed twice', async () => {
    const issues = await issuesOf({ regions: 'region\nFI-\u00C5land\nFI-A\u030Aland\nNO-03\nNO-18\n' });
    expect(issues.map((i) => i.message)).toEqual([
      'region "FI-A\u030Aland" is listed twice (the same code once Unicode forms and zero-width characters are set aside) (first on line 2)',
    ]);
  });

  it('an unknown code that differs only by a no-break space says so', async () => {
    const issues = await issuesOf({
      regions: 'region\nFI Åland\n',
      population: 'region,year,population\nFI\u00A0Åland,2020,30129\n',
    });
    expect(formatIssue(issues[0]!)).toBe(
      'population.csv:2: column "region": unknown region "FI\u00A0Åland" (not in regions.csv; line 2); did you mean "FI Åland"? ' +
        '(they differ only in characters that cannot be seen: U+00A0 (no-break space) here, U+0020 (space) in regions.csv)',
    );
  });

  it('20,000 unknown codes: every one counted, hints for those shown', async () => {
    const regions = 'region\n' + Array.from({ length: 20_000 }, (_, i) => `NO-${i}`).join('\n') + '\n';
    const population = 'region,year,population\n' + Array.from({ length: 20_000 }, (_, i) => `XQ-${i},2020,100\n`).join('');
    const issues = await issuesOf({ regions, population });
    // 1,000 issues shown per file, and one line counting the rest.
    expect(issues).toHaveLength(1001);
    // "XQ-0" is two edits from "NO-0" (X→N, Q→O) and from nothing nearer.
    expect(issues[0]!.message).toBe('unknown region "XQ-0" (not in regions.csv; line 2); did you mean "NO-0"?');
    expect(issues.at(-1)!.message).toBe('19000 more problems not shown (20000 in all)');
  });
});

describe('service names that look the same (issue 15)', () => {
  const header = 'region,year,service,capacity,unit\n';

  it('a name with a zero-width space or in decomposed form is the known name', async () => {
    const { dataset } = await loadDataset(
      inputs({ services: header + 'NO-03,2015,boti\u200Blbud,3,places\nNO-03,2016,pa\u0308iva\u0308sairaala,2,places\n' }),
    );
    expect(dataset.services.get('NO-03')?.get('supported_living/places')?.years.get(2015)).toBe(3);
    expect(dataset.services.get('NO-03')?.get('day_services/places')?.years.get(2016)).toBe(2);
  });

  it('a name that differs from an alias only in a character nobody can see says which', async () => {
    // U+061C (Arabic letter mark) is a format character that NFKC keeps and shows nothing.
    const issues = await issuesOf({ services: header + 'NO-03,2015,botil\u061Cbud,3,places\n' });
    expect(issues[0]!.message).toContain(
      'did you mean "botilbud" (supported_living)? (they differ only in characters that cannot be seen: U+061C here, nothing in the taxonomy)',
    );
  });
});
