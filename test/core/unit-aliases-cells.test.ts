// Reading a unit cell (src/core/unit-aliases.ts, its functions: the table's entries are pinned by
// unit-aliases.test.ts): a code in any case and with spaces around it, an alias by the table's own
// name, and the message for a cell that is neither.
import { describe, expect, it } from 'vitest';
import { UNIT_ALIASES, unitAlias, unitCellOf, unitOfCell, unknownUnitMessage } from '../../src/core/unit-aliases.js';

describe('unitCellOf', () => {
  it('reads a unit code whatever its case and the spaces around it', () => {
    expect(unitCellOf('beds')).toBe('beds');
    expect(unitCellOf(' Beds ')).toBe('beds');
    expect(unitCellOf('FTE')).toBe('fte');
    expect(unitCellOf('\tcontacts\u00a0')).toBe('contacts');
  });

  it('reads a local name as the name the table writes, the same string', () => {
    const arsverk = UNIT_ALIASES.find((a) => a.name === 'årsverk')!;
    expect(unitCellOf(' ARSVERK ')).toBe(arsverk.name);
    expect(unitCellOf('Døgnplasser')).toBe('døgnplasser');
    expect(unitCellOf('tems')).toBeUndefined();
    expect(unitCellOf('')).toBeUndefined();
  });

  it('a unit code is not an alias of itself', () => {
    expect(unitAlias('beds')).toBeUndefined();
    expect(unitAlias('Teams')).toBeUndefined();
    expect(unitAlias('seng')?.target).toBe('beds');
  });

  it('unitOfCell gives the unit a cell stands for, and the alias it was written as', () => {
    expect(unitOfCell(unitCellOf('Places')!)).toEqual({ unit: 'places', alias: undefined });
    expect(unitOfCell(unitCellOf('lits')!)).toMatchObject({ unit: 'beds', alias: { name: 'lits', lang: 'fr' } });
  });
});

describe('unknownUnitMessage', () => {
  it('gives no hint when nothing is near, and the same words on every call', () => {
    const expected =
      'expected one of beds, places, caseload, teams, fte, facilities, contacts, or a local name of one (such as årsverk, plasser, Betten, lits), got "quux-quux-quux"';
    expect(unknownUnitMessage('quux-quux-quux')).toBe(expected);
    expect(unknownUnitMessage('quux-quux-quux ')).toBe(expected);
  });

  it('hints at a local name with its unit, the name spelt as the table writes it', () => {
    // "sengr" is one edit from "seng" (drop r), "senge" (r → e) and "senger" (add e), all beds;
    // ties go to the first in code-unit order, "seng".
    expect(unknownUnitMessage('sengr')).toMatch(/; did you mean "seng" \(beds\)\?$/);
    // "Platsr": one edit from "platser" (places, sv), two or more from everything else.
    expect(unknownUnitMessage('Platsr')).toMatch(/got "Platsr"; did you mean "platser" \(places\)\?$/);
  });
});
