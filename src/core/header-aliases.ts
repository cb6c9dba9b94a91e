// Column headers as analysts' files write them in their own language ("år", "vuosi", "Jahr",
// "tjeneste", "kapasitet", "enhet", "befolkning"), read as the SPEC §1 column they name. The loader
// says which mapping it used (a notice per file). Matching ignores case, diacritics and "-"/"_"
// versus a space, so "région", "Bed type" and "beds-closed" are found too.
// Never a clash: a header that already has the SPEC column keeps it, and the local name stays an
// ignored extra column; two local names for one column in one header map neither (and when the
// file needs that column, the loader says to rename one of them).
// Left out as ambiguous: "antall"/"Anzahl"/"nombre"/"value"/"verdi" (a number of anything),
// "tjenesteområde" (SSB's service area: adult, child, somatic — not a service type), "område"
// and "Land" (area; country or federal state), "tilbud" in Norwegian (an offer of any kind).
import { aliasBlock, type AliasEntry } from './alias-table.js';
import { quoteValue } from './issues.js';
import { foldedKey } from './text-identity.js';

/** The columns of SPEC §1 that a header can name. */
export const SPEC_COLUMNS = [
  'region', 'name', 'parent', 'year', 'population', 'beds', 'bed_type', 'facility', 'date', 'beds_closed', 'service', 'capacity', 'unit',
] as const;
/** One of the SPEC §1 column names. */
export type SpecColumn = (typeof SPEC_COLUMNS)[number];

const WORD = 'the ordinary word for the column';

// Stryker disable StringLiteral,ArrayDeclaration: the entries are data, like the aliases-*.ts tables left out in
// stryker.config.mjs; the tests pin the table's rules (one column per name, loose matches, sources cited).
/** Local column names and the SPEC §1 column each names, with language, place and source. */
export const HEADER_ALIASES: readonly AliasEntry<SpecColumn>[] = [
  ...aliasBlock<SpecColumn>({ lang: 'en', where: 'international', source: 'by-us', note: WORD }, [
    ['country', 'region', 'one row per country (WHO, Eurostat)'],
    ['county', 'region'],
    ['state', 'region', 'US states (N-MHSS)'],
    ['area', 'region'],
    ['region code', 'region'],
    ['region name', 'name'],
    ['parent region', 'parent'],
    ['parent code', 'parent'],
    ['residents', 'population'],
    ['inhabitants', 'population'],
    ['number of beds', 'beds'],
    ['bed count', 'beds'],
    ['closed beds', 'beds_closed'],
    ['institution type', 'bed_type'],
    ['institution', 'facility', 'also Danish'],
    ['hospital', 'facility'],
    ['service type', 'service'],
    ['service name', 'service'],
    ['team type', 'service', 'NHS MHSDS'],
    ['unit of measure', 'unit'],
  ]),
  ...aliasBlock<SpecColumn>({ lang: 'nb', where: 'NO', source: 'by-us', note: WORD }, [
    ['fylke', 'region', 'county'],
    ['kommune', 'region', 'municipality; also Danish'],
    ['helseregion', 'region'],
    ['helseforetak', 'region', 'health trust'],
    ['navn', 'name', 'also Danish'],
    ['år', 'year', 'also Swedish and Danish; "ar" and "aar" as ASCII files write it'],
    ['aar', 'year'],
    ['årstall', 'year'],
    ['befolkning', 'population', 'also Swedish and Danish'],
    ['folketall', 'population'],
    ['folkemengde', 'population'],
    ['innbyggere', 'population'],
    ['senger', 'beds'],
    ['døgnplasser', 'beds'],
    ['sengeplasser', 'beds'],
    ['nedlagte senger', 'beds_closed'],
    ['institusjonstype', 'bed_type', 'SSB/SAMDATA'],
    ['institusjon', 'facility'],
    ['dato', 'date', 'also Danish'],
    ['tjeneste', 'service'],
    ['tjenestetype', 'service'],
    ['kapasitet', 'capacity'],
    ['enhet', 'unit', 'also Swedish'],
  ]),
  ...aliasBlock<SpecColumn>({ lang: 'nb', where: 'NO', source: 'no-helsedir', note: 'SSB tables and their API' }, [
    ['tid', 'year', 'SSB API dimension "Tid"'],
    ['period', 'year', 'SSB normalised tables'],
  ]),
  ...aliasBlock<SpecColumn>({ lang: 'sv', where: 'SE', source: 'by-us', note: WORD }, [
    ['län', 'region', 'county'],
    ['kommun', 'region', 'municipality'],
    ['sjukvårdsregion', 'region'],
    ['namn', 'name'],
    ['folkmängd', 'population'],
    ['invånare', 'population'],
    ['vårdplatser', 'beds'],
    ['sängplatser', 'beds'],
    ['avvecklade vårdplatser', 'beds_closed'],
    ['datum', 'date', 'also German'],
    ['tjänst', 'service'],
    ['kapacitet', 'capacity', 'also Danish'],
  ]),
  ...aliasBlock<SpecColumn>({ lang: 'fi', where: 'FI', source: 'fi-thl', note: 'Sotkanet and THL table headers' }, [
    ['alue', 'region', 'area'],
    ['maakunta', 'region', 'region (province)'],
    ['hyvinvointialue', 'region', 'wellbeing services county'],
    ['kunta', 'region', 'municipality'],
    ['sairaanhoitopiiri', 'region', 'hospital district (until 2022)'],
    ['nimi', 'name'],
    ['vuosi', 'year'],
    ['väestö', 'population'],
    ['väkiluku', 'population'],
    ['asukasluku', 'population'],
    ['sairaansijat', 'beds'],
    ['vuodepaikat', 'beds'],
    ['lakkautetut sairaansijat', 'beds_closed', 'descriptive, by us'],
    ['laitos', 'facility'],
    ['päivämäärä', 'date'],
    ['palvelu', 'service'],
    ['palvelumuoto', 'service', 'form of service'],
    ['palvelutyyppi', 'service'],
    ['kapasiteetti', 'capacity'],
    ['yksikkö', 'unit'],
  ]),
  ...aliasBlock<SpecColumn>({ lang: 'da', where: 'DK', source: 'by-us', note: WORD }, [
    ['indbyggere', 'population'],
    ['befolkningstal', 'population'],
    ['sengepladser', 'beds'],
    ['nedlagte sengepladser', 'beds_closed'],
    ['tilbud', 'service', 'a social or health service (Tilbudsportalen)'],
    ['tilbudstype', 'service'],
    ['enhed', 'unit'],
  ]),
  ...aliasBlock<SpecColumn>({ lang: 'de', where: 'DE', source: 'by-us', note: WORD }, [
    ['Bundesland', 'region', 'federal state'],
    ['Landkreis', 'region', 'district'],
    ['Kreis', 'region'],
    ['Jahr', 'year'],
    ['Bevölkerung', 'population'],
    ['Einwohner', 'population'],
    ['Einwohnerzahl', 'population'],
    ['Betten', 'beds'],
    ['Bettenzahl', 'beds'],
    ['abgebaute Betten', 'beds_closed'],
    ['Einrichtung', 'facility'],
    ['Angebot', 'service'],
    ['Versorgungsangebot', 'service'],
    ['Kapazität', 'capacity'],
    ['Einheit', 'unit'],
  ]),
  ...aliasBlock<SpecColumn>({ lang: 'fr', where: 'FR', source: 'by-us', note: WORD }, [
    ['département', 'region'],
    ['nom', 'name'],
    ['année', 'year'],
    ['habitants', 'population'],
    ['lits', 'beds'],
    ['nombre de lits', 'beds'],
    ['lits fermés', 'beds_closed'],
    ['établissement', 'facility'],
    ['type de service', 'service'],
    ['capacité', 'capacity'],
    ['unité', 'unit'],
  ]),
  ...aliasBlock<SpecColumn>({ lang: 'es', where: 'ES', source: 'by-us', note: WORD }, [
    ['provincia', 'region'],
    ['comunidad autónoma', 'region'],
    ['municipio', 'region'],
    ['año', 'year'],
    ['población', 'population'],
    ['habitantes', 'population'],
    ['camas', 'beds'],
    ['número de camas', 'beds'],
    ['camas cerradas', 'beds_closed'],
    ['fecha', 'date'],
    ['servicio', 'service'],
    ['tipo de servicio', 'service'],
    ['capacidad', 'capacity'],
    ['unidad', 'unit'],
  ]),
];
// Stryker restore StringLiteral,ArrayDeclaration

/** A header cell as compared: case and diacritics folded, "-"/"_" as a space ("Bed-type" =
 * "bed type" = "bed_type", "région" = "region"). */
export const headerKey = foldedKey;

/** What a header key names: a SPEC column written another way, or a local name's column. */
interface Named {
  readonly column: SpecColumn;
  readonly alias: AliasEntry<SpecColumn> | undefined;
}
const BY_KEY = new Map<string, Named>();
for (const alias of HEADER_ALIASES) BY_KEY.set(headerKey(alias.name), { column: alias.target, alias });
for (const column of SPEC_COLUMNS) BY_KEY.set(headerKey(column), { column, alias: undefined });

/** One header cell read as a SPEC column. */
export interface HeaderMapping {
  /** 1-based position in the header. */
  readonly field: number;
  /** The header cell as written (trimmed). */
  readonly from: string;
  readonly to: SpecColumn;
  /** The built-in alias, or undefined for a SPEC column spelt another way ("Bed-type"). */
  readonly alias: AliasEntry<SpecColumn> | undefined;
}

/** Two or more header cells that would name the same column: none of them is read as it. */
export interface HeaderClash {
  readonly to: SpecColumn;
  readonly fields: readonly number[];
  readonly names: readonly string[];
}

export interface HeaderMatch {
  /** The header's column names (lower case), local names replaced by the SPEC column. */
  readonly columns: readonly string[];
  readonly mapped: readonly HeaderMapping[];
  readonly clashes: readonly HeaderClash[];
}

/**
 * Read a header's local names as SPEC columns. `columns` are the header cells, trimmed and in
 * lower case (read-table.ts). A cell that is a SPEC column stays; another maps to the column it
 * names unless the header has that column already or another cell maps to it too.
 */
export function matchHeader(columns: readonly string[]): HeaderMatch {
  const literal = new Set(columns.filter((c) => (SPEC_COLUMNS as readonly string[]).includes(c)));
  const wanted = new Map<SpecColumn, HeaderMapping[]>();
  for (const [index, name] of columns.entries()) {
    if (literal.has(name)) continue;
    const found = BY_KEY.get(headerKey(name)); // never found for a blank cell: no key is ''
    if (found === undefined || literal.has(found.column)) continue;
    let list = wanted.get(found.column);
    if (!list) wanted.set(found.column, (list = []));
    list.push({ field: index + 1, from: name, to: found.column, alias: found.alias });
  }
  const out = [...columns];
  // In field order: `wanted` holds the columns in the order of their first cell, and a column
  // that is mapped has only that one cell.
  const mapped: HeaderMapping[] = [];
  const clashes: HeaderClash[] = [];
  for (const [column, list] of wanted) {
    if (list.length > 1) {
      clashes.push({ to: column, fields: list.map((m) => m.field), names: list.map((m) => m.from) });
      continue;
    }
    out[list[0]!.field - 1] = column;
    mapped.push(list[0]!);
  }
  return { columns: out, mapped, clashes };
}

/** The notice for the cells read as SPEC columns: `columns read as: "år" as year (nb), …`. */
export function describeHeaderMapping(mapped: readonly HeaderMapping[]): string {
  const each = mapped.map((m) => `${quoteValue(m.from)} as ${m.to}${m.alias ? ` (${m.alias.lang})` : ''}`);
  return `columns read by their local names: ${each.join(', ')}`;
}

/** The problem with a clash, for a column the file needs. */
export function describeHeaderClash(clash: HeaderClash): string {
  const cells = clash.names.map((name, i) => `${quoteValue(name)} (field ${clash.fields[i]})`).join(' and ');
  return `columns ${cells} ${clash.names.length === 2 ? 'both' : 'all'} name "${clash.to}": rename the one to read to "${clash.to}"`;
}
