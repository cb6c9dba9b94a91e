import { z } from 'zod';

/** Units in which community capacity is counted (SPEC §1). */
// `contacts`: outpatient consultations, home visits or day-treatment attendances in the year
// (SPEC §1), the unit statistics offices report outpatient activity in.
export const UNIT_CODES = ['beds', 'places', 'caseload', 'teams', 'fte', 'facilities', 'contacts'] as const;

/** zod schema of a capacity unit. */
export const UnitSchema = z.enum(UNIT_CODES);
/** A unit of community capacity: beds, places, caseload, teams, fte, facilities, contacts. */
export type Unit = z.infer<typeof UnitSchema>;

export function isUnit(value: string): value is Unit {
  return (UNIT_CODES as readonly string[]).includes(value);
}
