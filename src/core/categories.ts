import { z } from 'zod';

/**
 * The nine service categories of SPEC §2, after the WHO guidance on community mental health
 * services and the WHO Mental Health Atlas service types. Order here is the display order.
 */
export const CATEGORY_CODES = [
  'crisis',
  'general_hospital',
  'cmhc',
  'outreach',
  'peer_support',
  'supported_living',
  'day_services',
  'primary_care',
  'self_help',
] as const;

/** zod schema of a category code. */
export const CategorySchema = z.enum(CATEGORY_CODES);
/** One of the nine category codes. */
export type Category = z.infer<typeof CategorySchema>;

/** What each category covers (SPEC §2), shown by `servicegap taxonomy`. */
export const CATEGORY_DESCRIPTIONS: Readonly<Record<Category, string>> = {
  crisis: 'crisis resolution / home treatment teams, crisis houses and beds, crisis lines',
  general_hospital: 'psychiatric units and beds in general hospitals',
  cmhc: 'community mental health centres and their outpatient clinics (NO: DPS)',
  outreach: 'ACT, FACT, early intervention in psychosis, other mobile community teams',
  peer_support: 'peer support services and peer-run services',
  supported_living: 'supported housing, group homes, community residential places',
  day_services: 'day hospitals, day centres, clubhouses, drop-in places',
  primary_care: 'mental health in primary care: GPs, low-threshold psychology, guided self-help',
  self_help: 'self-help and mutual-aid groups',
};
