// Local unit names (issue 14 deliverable 3): each maps to its SPEC §1 unit. The expected unit of
// every name is written here from what the word means, not read from the table.
import { describe, expect, it } from 'vitest';
import { ALIAS_SOURCES } from '../../src/core/alias-sources.js';
import { unitValue } from '../../src/core/schemas.js';
import { UNIT_ALIASES, unitAlias, unitKey, unitOfCell, unknownUnitMessage } from '../../src/core/unit-aliases.js';
import { type Unit, UNIT_CODES } from '../../src/core/units.js';

const EXPECTED: readonly [string, Unit][] = [
  // en
  ['bed', 'beds'], ['place', 'places'], ['team', 'teams'], ['facility', 'facilities'], ['contact', 'contacts'],
  ['case load', 'caseload'], ['WTE', 'fte'], ['whole-time equivalents', 'fte'], ['full-time equivalents', 'fte'],
  ['consultations', 'contacts'], ['attendances', 'contacts'], ['visits', 'contacts'],
  // nb
  ['senger', 'beds'], ['seng', 'beds'], ['døgnplasser', 'beds'], ['døgnplass', 'beds'], ['plasser', 'places'], ['plass', 'places'],
  ['årsverk', 'fte'], ['konsultasjoner', 'contacts'], ['polikliniske konsultasjoner', 'contacts'], ['dagbehandlinger', 'contacts'],
  ['pasienter i behandling', 'caseload'],
  // sv
  ['vårdplatser', 'beds'], ['vårdplats', 'beds'], ['sängar', 'beds'], ['platser', 'places'], ['årsarbetare', 'fte'],
  ['heltidstjänster', 'fte'], ['besök', 'contacts'], ['vårdkontakter', 'contacts'],
  // fi
  ['sairaansijat', 'beds'], ['sairaansija', 'beds'], ['vuodepaikat', 'beds'], ['paikat', 'places'], ['paikka', 'places'],
  ['asiakaspaikat', 'places'], ['henkilötyövuodet', 'fte'], ['htv', 'fte'], ['tiimit', 'teams'], ['käynnit', 'contacts'],
  ['avohoitokäynnit', 'contacts'],
  // da
  ['sengepladser', 'beds'], ['senge', 'beds'], ['pladser', 'places'], ['årsværk', 'fte'], ['besøg', 'contacts'],
  ['ambulante besøg', 'contacts'], ['kontakter', 'contacts'],
  // de
  ['Betten', 'beds'], ['Bett', 'beds'], ['Plätze', 'places'], ['Platz', 'places'], ['Vollkräfte', 'fte'],
  ['Vollzeitäquivalente', 'fte'], ['VZÄ', 'fte'], ['Einrichtungen', 'facilities'], ['Kontakte', 'contacts'],
  // fr
  ['lits', 'beds'], ['lit', 'beds'], ['ETP', 'fte'], ['équipes', 'teams'], ['établissements', 'facilities'], ['structures', 'facilities'],
  // es
  ['camas', 'beds'], ['cama', 'beds'], ['plazas', 'places'], ['plaza', 'places'], ['equipos', 'teams'], ['centros', 'facilities'],
  ['dispositivos', 'facilities'], ['consultas', 'contacts'],
];

describe('unit aliases', () => {
  it('every name maps to the unit it means', () => {
    const wrong = EXPECTED.filter(([name, unit]) => unitAlias(name)?.target !== unit).map(([name]) => name);
    expect(wrong).toEqual([]);
  });

  it('the table holds exactly these names, each once', () => {
    expect(UNIT_ALIASES.map((a) => a.name).sort()).toEqual(EXPECTED.map(([name]) => name).sort());
    const keys = UNIT_ALIASES.map((a) => unitKey(a.name));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('no alias is a unit code, and every one has a language, a place and a source', () => {
    for (const alias of UNIT_ALIASES) {
      expect(UNIT_CODES as readonly string[], alias.name).not.toContain(unitKey(alias.name));
      expect(alias.where, alias.name).not.toBe('');
      expect(Object.keys(ALIAS_SOURCES), alias.name).toContain(alias.source);
    }
  });

  it('ignores case, diacritics and "-"/"_" versus a space (SSB writes "arsverk" and "dognplasser")', () => {
    expect(unitAlias('ARSVERK')?.target).toBe('fte');
    expect(unitAlias('dognplasser')?.target).toBe('beds');
    expect(unitAlias(' Plaetze ')).toBeUndefined(); // "ae" is not how ä folds
    expect(unitAlias('Platze')?.target).toBe('places');
    expect(unitAlias('whole_time equivalents')?.target).toBe('fte');
    expect(unitAlias('full time-equivalents')?.target).toBe('fte');
  });

  it('a unit cell reads as a code or as the alias name; the loader maps the name', () => {
    expect(unitValue('beds')).toBe('beds');
    expect(unitValue(' Beds ')).toBe('beds');
    expect(unitValue('Årsverk')).toBe('årsverk');
    expect(unitOfCell(unitValue('Årsverk')!)).toMatchObject({ unit: 'fte', alias: { name: 'årsverk', lang: 'nb' } });
    expect(unitOfCell(unitValue('places')!)).toEqual({ unit: 'places', alias: undefined });
    expect(unitValue('personer')).toBeUndefined();
    expect(unitValue('NA')).toBeUndefined();
  });

  it('an unknown unit is worded the same each time, with the nearest unit or local name', () => {
    expect(unknownUnitMessage('tems')).toBe(
      'expected one of beds, places, caseload, teams, fte, facilities, contacts, or a local name of one (such as årsverk, plasser, Betten, lits), got "tems"; did you mean "teams"?',
    );
    expect(unknownUnitMessage(' tems ')).toBe(unknownUnitMessage('tems'));
    expect(unknownUnitMessage('arsverkk')).toContain('did you mean "årsverk" (fte)?');
    expect(unknownUnitMessage('personer')).not.toContain('did you mean');
  });
});
