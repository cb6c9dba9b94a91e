// Column headers in the analyst's language (issue 14 deliverable 3): each names its SPEC §1
// column, and a mapped header never clashes with a column the file already has.
import { describe, expect, it } from 'vitest';
import { describeHeaderClash, describeHeaderMapping, HEADER_ALIASES, headerKey, matchHeader, SPEC_COLUMNS, type SpecColumn } from '../../src/core/header-aliases.js';

// Written here from what each word means.
const EXPECTED: readonly [string, SpecColumn][] = [
  // en
  ['country', 'region'], ['county', 'region'], ['state', 'region'], ['area', 'region'], ['region code', 'region'], ['region name', 'name'],
  ['parent region', 'parent'], ['parent code', 'parent'], ['residents', 'population'], ['inhabitants', 'population'],
  ['number of beds', 'beds'], ['bed count', 'beds'], ['closed beds', 'beds_closed'], ['institution type', 'bed_type'],
  ['institution', 'facility'], ['hospital', 'facility'], ['service type', 'service'], ['service name', 'service'], ['team type', 'service'],
  ['unit of measure', 'unit'],
  // nb
  ['fylke', 'region'], ['kommune', 'region'], ['helseregion', 'region'], ['helseforetak', 'region'], ['navn', 'name'], ['år', 'year'],
  ['aar', 'year'], ['årstall', 'year'], ['tid', 'year'], ['period', 'year'], ['befolkning', 'population'], ['folketall', 'population'],
  ['folkemengde', 'population'], ['innbyggere', 'population'], ['senger', 'beds'], ['døgnplasser', 'beds'], ['sengeplasser', 'beds'],
  ['nedlagte senger', 'beds_closed'], ['institusjonstype', 'bed_type'], ['institusjon', 'facility'], ['dato', 'date'],
  ['tjeneste', 'service'], ['tjenestetype', 'service'], ['kapasitet', 'capacity'], ['enhet', 'unit'],
  // sv
  ['län', 'region'], ['kommun', 'region'], ['sjukvårdsregion', 'region'], ['namn', 'name'], ['folkmängd', 'population'],
  ['invånare', 'population'], ['vårdplatser', 'beds'], ['sängplatser', 'beds'], ['avvecklade vårdplatser', 'beds_closed'],
  ['datum', 'date'], ['tjänst', 'service'], ['kapacitet', 'capacity'],
  // fi
  ['alue', 'region'], ['maakunta', 'region'], ['hyvinvointialue', 'region'], ['kunta', 'region'], ['sairaanhoitopiiri', 'region'],
  ['nimi', 'name'], ['vuosi', 'year'], ['väestö', 'population'], ['väkiluku', 'population'], ['asukasluku', 'population'],
  ['sairaansijat', 'beds'], ['vuodepaikat', 'beds'], ['lakkautetut sairaansijat', 'beds_closed'], ['laitos', 'facility'],
  ['päivämäärä', 'date'], ['palvelu', 'service'], ['palvelumuoto', 'service'], ['palvelutyyppi', 'service'],
  ['kapasiteetti', 'capacity'], ['yksikkö', 'unit'],
  // da
  ['indbyggere', 'population'], ['befolkningstal', 'population'], ['sengepladser', 'beds'], ['nedlagte sengepladser', 'beds_closed'],
  ['tilbud', 'service'], ['tilbudstype', 'service'], ['enhed', 'unit'],
  // de
  ['Bundesland', 'region'], ['Landkreis', 'region'], ['Kreis', 'region'], ['Jahr', 'year'], ['Bevölkerung', 'population'],
  ['Einwohner', 'population'], ['Einwohnerzahl', 'population'], ['Betten', 'beds'], ['Bettenzahl', 'beds'],
  ['abgebaute Betten', 'beds_closed'], ['Einrichtung', 'facility'], ['Angebot', 'service'], ['Versorgungsangebot', 'service'],
  ['Kapazität', 'capacity'], ['Einheit', 'unit'],
  // fr
  ['département', 'region'], ['nom', 'name'], ['année', 'year'], ['habitants', 'population'], ['lits', 'beds'],
  ['nombre de lits', 'beds'], ['lits fermés', 'beds_closed'], ['établissement', 'facility'], ['type de service', 'service'],
  ['capacité', 'capacity'], ['unité', 'unit'],
  // es
  ['provincia', 'region'], ['comunidad autónoma', 'region'], ['municipio', 'region'], ['año', 'year'], ['población', 'population'],
  ['habitantes', 'population'], ['camas', 'beds'], ['número de camas', 'beds'], ['camas cerradas', 'beds_closed'], ['fecha', 'date'],
  ['servicio', 'service'], ['tipo de servicio', 'service'], ['capacidad', 'capacity'], ['unidad', 'unit'],
];

/** The column one header cell is read as (the header as read-table.ts gives it: lower case). */
const columnOf = (cell: string) => matchHeader([cell.trim().toLowerCase()]).columns[0];

describe('header aliases', () => {
  it('every local name reads as the column it names', () => {
    const wrong = EXPECTED.filter(([name, column]) => columnOf(name) !== column).map(([name]) => name);
    expect(wrong).toEqual([]);
  });

  it('the table holds exactly these names, each once, none a SPEC column', () => {
    expect(HEADER_ALIASES.map((a) => a.name).sort()).toEqual(EXPECTED.map(([name]) => name).sort());
    const keys = HEADER_ALIASES.map((a) => headerKey(a.name));
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(SPEC_COLUMNS.map(headerKey)).not.toContain(key);
  });

  it('reads a SPEC column spelt another way, and ASCII forms of local names', () => {
    expect(columnOf('Bed Type')).toBe('bed_type');
    expect(columnOf('beds-closed')).toBe('beds_closed');
    expect(columnOf('région')).toBe('region');
    expect(columnOf('ar')).toBe('year'); // "år" written without the ring
    expect(columnOf('vaesto')).toBe('population');
  });

  it('maps a Norwegian services header, and says which cells it read', () => {
    const match = matchHeader(['region', 'år', 'tjeneste', 'kapasitet', 'enhet', 'merknad']);
    expect(match.columns).toEqual(['region', 'year', 'service', 'capacity', 'unit', 'merknad']);
    expect(match.mapped.map((m) => [m.field, m.from, m.to])).toEqual([
      [2, 'år', 'year'],
      [3, 'tjeneste', 'service'],
      [4, 'kapasitet', 'capacity'],
      [5, 'enhet', 'unit'],
    ]);
    expect(match.clashes).toEqual([]);
    expect(describeHeaderMapping(match.mapped)).toBe(
      'columns read by their local names: "år" as year (nb), "tjeneste" as service (nb), "kapasitet" as capacity (nb), "enhet" as unit (nb)',
    );
  });

  it('never clashes with a column the header has: the local name stays an ignored extra column', () => {
    const match = matchHeader(['region', 'year', 'år', 'population']);
    expect(match.columns).toEqual(['region', 'year', 'år', 'population']);
    expect(match.mapped).toEqual([]);
  });

  it('maps neither of two local names for one column, and says so', () => {
    const match = matchHeader(['kommune', 'fylke', 'år', 'befolkning']);
    expect(match.columns).toEqual(['kommune', 'fylke', 'year', 'population']);
    expect(match.clashes).toEqual([{ to: 'region', fields: [1, 2], names: ['kommune', 'fylke'] }]);
    expect(describeHeaderClash(match.clashes[0]!)).toBe('columns "kommune" (field 1) and "fylke" (field 2) both name "region": rename the one to read to "region"');
  });

  it('every alias has a language, a place and a source', () => {
    for (const alias of HEADER_ALIASES) {
      expect(alias.where, alias.name).not.toBe('');
      expect(alias.source, alias.name).not.toBe('');
    }
  });
});
