// Named mappings for the tables analysts meet most (`servicegap import jsonstat 13942.json
// --preset ssb-13942 --as beds`). Each says, per output role, which dimension is what and which
// categories to keep, with the table's own codes; flags given beside a preset override it.
// Pure data.
import type { ImportMappingInput, ImportRole } from './mapping.js';

/** The formats `servicegap import` reads. */
export const IMPORT_FORMATS = ['jsonstat', 'px', 'eurostat', 'sdmx-csv', 'gho', 'nmhss'] as const;
/** One of IMPORT_FORMATS. */
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** A named mapping for one statistics table: per role, which dimension is what and which categories to keep. */
export interface ImportPreset {
  /** What `--preset` takes (`ssb-13942`). */
  readonly name: string;
  /** The table's title, as its publisher gives it. */
  readonly title: string;
  /** Where the table is published. */
  readonly url: string;
  /** The formats the table is read from. */
  readonly formats: readonly ImportFormat[];
  /** The mapping for each role the table can fill. */
  readonly roles: Partial<Record<ImportRole, Omit<ImportMappingInput, 'role'>>>;
  /** Said on standard error after the import: what the numbers are and what they are not. */
  readonly note?: string | undefined;
}

// SSB's HelseReg codes: organisation numbers (nine digits) for the health trusts and private
// institutions; H00 (Norway), H03/H04/H05/H12 (the regions), H03_AV … (contracted specialists)
// and H06_HF/H06_HR (private providers without a commissioning document) are aggregates or
// belong to no trust, and are left out so that no figure is counted twice.
const SSB_TRUSTS = '\\d{9}';
// Ages 18 and over in table 13982 (codes "018" … "104", "105+"): the adult (VOP) catchment.
const ADULT_AGES = [...Array.from({ length: 87 }, (_, i) => String(18 + i).padStart(3, '0')), '105+'];
// Eurostat geo codes of countries are two letters; EU27_2020, EA19 and the like are aggregates.
const EUROSTAT_COUNTRIES = '[A-Z]{2}';

/** The named mappings `--preset` takes, one per table analysts meet most. */
export const IMPORT_PRESETS: readonly ImportPreset[] = [
  {
    name: 'ssb-13942',
    title: 'SSB 13942: specialist health care, beds, activity and occupancy by health trust',
    url: 'https://www.ssb.no/statbank/table/13942',
    formats: ['jsonstat', 'px'],
    roles: {
      beds: { region: 'HelseReg', year: 'Tid', where: { HelseTjenomr: ['VOP'], ContentsCode: ['Dognplass'] }, regionMatch: SSB_TRUSTS },
      services: {
        region: 'HelseReg',
        year: 'Tid',
        service: 'ContentsCode',
        where: { HelseTjenomr: ['VOP'] },
        map: { Polikliniske: { service: 'cmhc', unit: 'contacts' }, Dag: { service: 'day_services', unit: 'contacts' } },
        regionMatch: SSB_TRUSTS,
      },
      regions: { region: 'HelseReg', regionMatch: SSB_TRUSTS },
    },
    note:
      'ssb-13942: adult mental health care (VOP). Beds are all inpatient beds of the trust, hospital and DPS together (13942 does not split them); ' +
      'services are outpatient consultations (cmhc, contacts) and day treatments (day_services, contacts). Private institutions keep their own codes.',
  },
  {
    name: 'ssb-13982',
    title: 'SSB 13982: population in health trust catchment areas, by service area and age',
    url: 'https://www.ssb.no/statbank/table/13982',
    formats: ['jsonstat', 'px'],
    roles: {
      population: {
        region: 'HelseReg',
        year: 'Tid',
        where: { HelseTjenomr: ['VOP'] },
        whereIfPresent: { Kjonn: ['0'], Alder: ADULT_AGES },
        sumIfPresent: ['Alder'],
        regionMatch: SSB_TRUSTS,
      },
      regions: { region: 'HelseReg', regionMatch: SSB_TRUSTS },
    },
    note: 'ssb-13982: residents aged 18 and over in each trust\'s adult mental health (VOP) catchment, summed over single years of age.',
  },
  {
    name: 'eurostat-hlth_rs_bds',
    title: 'Eurostat hlth_rs_bds: hospital beds by type of care (psychiatric care beds, number)',
    url: 'https://ec.europa.eu/eurostat/databrowser/view/hlth_rs_bds/default/table',
    formats: ['eurostat', 'sdmx-csv', 'jsonstat'],
    roles: {
      beds: { where: { facility: ['HBED_PSY'], unit: ['NR'] }, whereIfPresent: { freq: ['A'] }, regionMatch: EUROSTAT_COUNTRIES },
      regions: { regionMatch: EUROSTAT_COUNTRIES },
    },
    note: 'eurostat-hlth_rs_bds: psychiatric care beds in hospitals (HP.1), numbers; aggregates such as EU27_2020 are left out.',
  },
  {
    name: 'eurostat-tps00047',
    title: 'Eurostat tps00047: psychiatric care beds per 100,000 inhabitants',
    url: 'https://ec.europa.eu/eurostat/databrowser/view/tps00047/default/table',
    formats: ['eurostat', 'sdmx-csv', 'jsonstat'],
    roles: {
      beds: { where: { facility: ['HBED_PSY'] }, whereIfPresent: { freq: ['A'] }, regionMatch: EUROSTAT_COUNTRIES },
      regions: { regionMatch: EUROSTAT_COUNTRIES },
    },
    note:
      'eurostat-tps00047: the values are RATES per 100,000 inhabitants, not counts: pair them with a population of 100000 for every region and year ' +
      '(then every count in the report reads "per 100,000"), or import hlth_rs_bds (numbers) instead.',
  },
  {
    name: 'who-mh-atlas',
    title: 'WHO Global Health Observatory, Mental Health Atlas service indicators (per 100,000)',
    url: 'https://www.who.int/data/gho/data/themes/topics/topic-details/GHO/mental-health-service-availability',
    formats: ['gho'],
    roles: {
      beds: { where: { IndicatorCode: ['MH_16'] }, whereIfPresent: { SpatialDimType: ['COUNTRY'] } },
      services: {
        service: 'IndicatorCode',
        map: {
          MH_13: { service: 'general_hospital', unit: 'beds' },
          MH_15: { service: 'supported_living', unit: 'beds' },
          MH_10: { service: 'cmhc', unit: 'facilities' },
          MH_20: { service: 'cmhc', unit: 'contacts' },
        },
        whereIfPresent: { SpatialDimType: ['COUNTRY'] },
      },
      regions: { whereIfPresent: { SpatialDimType: ['COUNTRY'] } },
    },
    note:
      'who-mh-atlas: the values are RATES per 100,000 population (MH_16 beds in mental hospitals; MH_13 general-hospital beds, MH_15 community ' +
      'residential beds, MH_10 outpatient facilities, MH_20 outpatient visits): pair them with a population of 100000. MH_11 (day treatment ' +
      'facilities) and MH_14 (community residential facilities) are left out: SPEC §4 has no weight for day_services or supported_living in facilities.',
  },
  {
    name: 'nmhss',
    title: 'SAMHSA N-MHSS public-use file: facilities by state and service',
    url: 'https://www.samhsa.gov/data/data-we-collect/n-mhss-national-mental-health-services-survey',
    formats: ['nmhss'],
    roles: {
      services: {
        service: 'service',
        map: {
          cmhc: { service: 'cmhc', unit: 'facilities' },
          day_services: { service: 'day_services', unit: 'facilities' },
          crisis: { service: 'crisis', unit: 'facilities' },
          outreach: { service: 'outreach', unit: 'facilities' },
          supported_living: { service: 'supported_living', unit: 'facilities' },
        },
      },
      regions: {},
    },
    note:
      'nmhss: numbers of FACILITIES offering each service, not beds or places. SPEC §4 gives facilities a weight only for cmhc (0): ' +
      'for a report, set weights for the other categories in a config, or use the counts for coverage.',
  },
];

export function findPreset(name: string): ImportPreset | undefined {
  return IMPORT_PRESETS.find((p) => p.name === name.toLowerCase());
}
