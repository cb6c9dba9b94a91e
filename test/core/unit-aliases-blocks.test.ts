// Each block of the built-in unit names carries its language, place and source: the language is
// what the loader's notice names ("årsverk" as fte (nb; first on line 3)) and the place and source
// are what the library's UNIT_ALIASES give a user who asks where a name comes from. One name per
// block, its language and country known independently of the table (Norwegian "årsverk",
// Swedish "vårdplatser", Finnish "sairaansijat", Danish "sengepladser", German "Betten",
// French "lits", Spanish "camas", the NHS's "WTE").
//
// unit-aliases.ts is loaded inside the test, not imported at the top: the table is a module-level
// constant, and Stryker counts a constant as covered only by the test during which the module is
// evaluated (a top-level import evaluates it while the file is collected, which no test sees).
import { expect, it, vi } from 'vitest';

it('each block of unit names has its language, place and cited source', async () => {
  vi.resetModules();
  const { UNIT_ALIASES, unitAlias } = await import('../../src/core/unit-aliases.js');
  const { ALIAS_SOURCES } = await import('../../src/core/alias-sources.js');
  const expected: [string, string, string, string, string][] = [
    // name, unit, lang, where, source key
    ['WTE', 'fte', 'en', 'international', 'nhs'],
    ['årsverk', 'fte', 'nb', 'NO', 'no-helsedir'],
    ['vårdplatser', 'beds', 'sv', 'SE', 'se-socialstyrelsen'],
    ['sairaansijat', 'beds', 'fi', 'FI', 'fi-thl'],
    ['sengepladser', 'beds', 'da', 'DK', 'dk-sundhed'],
    ['Betten', 'beds', 'de', 'DE', 'de-versorgung'],
    ['lits', 'beds', 'fr', 'FR', 'fr-secteur'],
    ['camas', 'beds', 'es', 'ES', 'es-red'],
  ];
  for (const [name, target, lang, where, source] of expected) {
    expect(unitAlias(name), name).toMatchObject({ name, target, lang, where, source });
    expect(Object.keys(ALIAS_SOURCES), name).toContain(source);
  }
  // every entry has all three (a block without them would leave its names unsourced)
  for (const alias of UNIT_ALIASES) {
    expect(alias.lang, alias.name).toMatch(/^[a-z]{2}$/);
    expect(alias.where, alias.name).toMatch(/^(?:[A-Z]{2}|international)$/);
    expect(Object.keys(ALIAS_SOURCES), alias.name).toContain(alias.source);
  }
});
