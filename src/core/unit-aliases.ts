// Units as statistics offices and analysts write them, in their own language (SPEC §1 units:
// beds, places, caseload, teams, fte, facilities, contacts). A unit cell is read as a SPEC unit
// code or as one of these names; the loader then says which mapping it used (a notice per file).
// Matching ignores case, diacritics and "-"/"_" versus a space ("arsverk" = "årsverk", as SSB's
// ASCII files write it). Sources: alias-sources.ts; each name's use is noted.
// Left out as ambiguous: "antall"/"antal"/"Anzahl"/"nombre" (a count of anything), "enheter" and
// "yksiköt" (units of any kind), "personer" (people: caseload or population), "dager"/"dogn"
// (days or bed days).
import { aliasBlock, type AliasEntry } from './alias-table.js';
import { quoteValue } from './issues.js';
import { SuggestionIndex } from './suggest.js';
import { foldedKey } from './text-identity.js';
import { isUnit, type Unit, UNIT_CODES } from './units.js';

// Stryker disable StringLiteral,ArrayDeclaration: the entries are data, like the aliases-*.ts tables left out in
// stryker.config.mjs; the tests pin the table's rules (one unit per name, loose matches, sources cited).
/** Local unit names and the SPEC §1 unit each is, with language, place and source. */
export const UNIT_ALIASES: readonly AliasEntry<Unit>[] = [
  ...aliasBlock<Unit>({ lang: 'en', where: 'international', source: 'nhs' }, [
    ['bed', 'beds'],
    ['place', 'places'],
    ['team', 'teams'],
    ['facility', 'facilities'],
    ['contact', 'contacts'],
    ['case load', 'caseload'],
    ['WTE', 'fte', 'whole-time equivalent (NHS)'],
    ['whole-time equivalents', 'fte'],
    ['full-time equivalents', 'fte'],
    ['consultations', 'contacts', 'outpatient consultations'],
    ['attendances', 'contacts', 'day-treatment attendances'],
    ['visits', 'contacts', 'outpatient or home visits'],
  ]),
  ...aliasBlock<Unit>({ lang: 'nb', where: 'NO', source: 'no-helsedir' }, [
    ['senger', 'beds'],
    ['seng', 'beds'],
    ['døgnplasser', 'beds', '24-hour places: beds (SSB "dognplasser", unit "senger")'],
    ['døgnplass', 'beds'],
    ['plasser', 'places', 'places in housing or day services'],
    ['plass', 'places'],
    ['årsverk', 'fte', 'man-years (SSB, SAMDATA)'],
    ['konsultasjoner', 'contacts', 'SSB "polikliniske konsultasjoner"'],
    ['polikliniske konsultasjoner', 'contacts'],
    ['dagbehandlinger', 'contacts', 'SSB day treatments: attendances (SPEC §1 contacts)'],
    ['pasienter i behandling', 'caseload'],
  ]),
  ...aliasBlock<Unit>({ lang: 'sv', where: 'SE', source: 'se-socialstyrelsen' }, [
    ['vårdplatser', 'beds', 'care places in hospital: beds'],
    ['vårdplats', 'beds'],
    ['sängar', 'beds'],
    ['platser', 'places'],
    ['årsarbetare', 'fte', 'full-time equivalents'],
    ['heltidstjänster', 'fte'],
    ['besök', 'contacts', 'visits'],
    ['vårdkontakter', 'contacts', 'care contacts (regional statistics)'],
  ]),
  ...aliasBlock<Unit>({ lang: 'fi', where: 'FI', source: 'fi-thl' }, [
    ['sairaansijat', 'beds', 'hospital beds (THL)'],
    ['sairaansija', 'beds'],
    ['vuodepaikat', 'beds'],
    ['paikat', 'places'],
    ['paikka', 'places'],
    ['asiakaspaikat', 'places', 'client places in housing services'],
    ['henkilötyövuodet', 'fte', 'person-years'],
    ['htv', 'fte', 'henkilötyövuosi'],
    ['tiimit', 'teams'],
    ['käynnit', 'contacts', 'visits'],
    ['avohoitokäynnit', 'contacts', 'outpatient visits (THL)'],
  ]),
  ...aliasBlock<Unit>({ lang: 'da', where: 'DK', source: 'dk-sundhed' }, [
    ['sengepladser', 'beds'],
    ['senge', 'beds'],
    ['pladser', 'places'],
    ['årsværk', 'fte'],
    ['besøg', 'contacts'],
    ['ambulante besøg', 'contacts', 'outpatient visits'],
    ['kontakter', 'contacts', 'also Norwegian and Swedish'],
  ]),
  ...aliasBlock<Unit>({ lang: 'de', where: 'DE', source: 'de-versorgung' }, [
    ['Betten', 'beds'],
    ['Bett', 'beds'],
    ['Plätze', 'places'],
    ['Platz', 'places'],
    ['Vollkräfte', 'fte', 'full-time staff (hospital statistics)'],
    ['Vollzeitäquivalente', 'fte'],
    ['VZÄ', 'fte', 'Vollzeitäquivalente'],
    ['Einrichtungen', 'facilities'],
    ['Kontakte', 'contacts'],
  ]),
  ...aliasBlock<Unit>({ lang: 'fr', where: 'FR', source: 'fr-secteur' }, [
    ['lits', 'beds'],
    ['lit', 'beds'],
    ['ETP', 'fte', 'équivalents temps plein'],
    ['équipes', 'teams'],
    ['établissements', 'facilities'],
    ['structures', 'facilities'],
  ]),
  ...aliasBlock<Unit>({ lang: 'es', where: 'ES', source: 'es-red' }, [
    ['camas', 'beds'],
    ['cama', 'beds'],
    ['plazas', 'places'],
    ['plaza', 'places'],
    ['equipos', 'teams'],
    ['centros', 'facilities'],
    ['dispositivos', 'facilities', 'service units of the mental health network'],
    ['consultas', 'contacts'],
  ]),
];
// Stryker restore StringLiteral,ArrayDeclaration

/** A unit cell's text as compared: trimmed, case and diacritics folded, "-"/"_" as a space. */
export const unitKey = foldedKey;

const BY_KEY: ReadonlyMap<string, AliasEntry<Unit>> = new Map(UNIT_ALIASES.map((alias) => [unitKey(alias.name), alias]));

/** The built-in unit alias a cell holds, or undefined (a unit code itself is not an alias). */
export function unitAlias(text: string): AliasEntry<Unit> | undefined {
  // No alias is spelt like a unit code (unit-aliases.test.ts), so a code finds none.
  return BY_KEY.get(unitKey(text));
}

declare const unitAliasName: unique symbol;
/** The name of a built-in unit alias, as UNIT_ALIASES writes it. */
export type UnitAliasName = string & { readonly [unitAliasName]: true };

/** What a checked unit cell holds: a unit code, or the name of the built-in alias it was read
 * as (the loader maps it with unitOfCell and says so). */
export type UnitCell = Unit | UnitAliasName;

const ALIAS_BY_NAME: ReadonlyMap<string, AliasEntry<Unit>> = new Map(UNIT_ALIASES.map((alias) => [alias.name, alias]));

/** The unit cell of a text: its unit code, else its alias's name (the table's own string, so
 * that later Map lookups need not hash a copy), else undefined. */
export function unitCellOf(text: string): UnitCell | undefined {
  const code = text.trim().toLowerCase();
  return UNIT_CODES.find((c) => c === code) ?? (unitAlias(text)?.name as UnitAliasName | undefined);
}

/** The unit a checked cell stands for, and the alias it was written as (undefined for a code). */
export function unitOfCell(cell: UnitCell): { readonly unit: Unit; readonly alias: AliasEntry<Unit> | undefined } {
  if (isUnit(cell)) return { unit: cell, alias: undefined };
  const alias = ALIAS_BY_NAME.get(cell)!;
  return { unit: alias.target, alias };
}

/** Hints for unknown units: the codes and the alias names, compared as unitKey gives them. */
let hintIndex: { readonly index: SuggestionIndex; readonly display: ReadonlyMap<string, string> } | undefined;
/** Messages already worded, per cell text (a bad unit usually repeats on many rows); bounded. */
const messages = new Map<string, string>();

/** The message for a unit cell that is neither a code nor a known local name, with the nearest
 * of them as a hint. The same text always gives the same message. */
export function unknownUnitMessage(raw: string): string {
  const text = raw.trim();
  let message = messages.get(text);
  if (message !== undefined) return message;
  hintIndex ??= (() => {
    const display = new Map<string, string>(UNIT_CODES.map((code) => [code, `"${code}"`]));
    for (const alias of UNIT_ALIASES) display.set(unitKey(alias.name), `"${alias.name}" (${alias.target})`);
    return { index: new SuggestionIndex(display.keys()), display };
  })();
  const near = hintIndex.index.nearest(unitKey(text));
  const hint = near === undefined ? '' : `; did you mean ${hintIndex.display.get(near)!}?`;
  message = `expected one of ${UNIT_CODES.join(', ')}, or a local name of one (such as årsverk, plasser, Betten, lits), got ${quoteValue(text)}${hint}`;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: the bound only limits the memory the cache holds; any bound words the same messages
  if (messages.size < 1000) messages.set(text, message);
  return message;
}
