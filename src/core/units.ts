import { z } from 'zod';

/** Units in which community capacity is counted (SPEC §1). */
export const UNIT_CODES = ['beds', 'places', 'caseload', 'teams', 'fte', 'facilities'] as const;

export const UnitSchema = z.enum(UNIT_CODES);
export type Unit = z.infer<typeof UnitSchema>;

export function isUnit(value: string): value is Unit {
  return (UNIT_CODES as readonly string[]).includes(value);
}
