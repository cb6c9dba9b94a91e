// The nine categories as `servicegap taxonomy` lists them (report/taxonomy-rows.ts): in SPEC §2's
// table order, each with SPEC §2's "what it covers" text, copied here by hand.
//
// categories.ts is loaded inside the test, not imported at the top: its tables are module-level
// constants, and Stryker counts a constant as covered only by the test during which the module is
// evaluated (a top-level import evaluates it while the file is collected, which no test sees).
import { expect, it, vi } from 'vitest';

it('lists the nine SPEC §2 categories in its order, each with what it covers', async () => {
  vi.resetModules();
  const { CATEGORY_CODES, CATEGORY_DESCRIPTIONS, CategorySchema } = await import('../../src/core/categories.js');
  const spec: [string, string][] = [
    ['crisis', 'crisis resolution / home treatment teams, crisis houses and beds, crisis lines'],
    ['general_hospital', 'psychiatric units and beds in general hospitals'],
    ['cmhc', 'community mental health centres and their outpatient clinics (NO: DPS)'],
    ['outreach', 'ACT, FACT, early intervention in psychosis, other mobile community teams'],
    ['peer_support', 'peer support services and peer-run services'],
    ['supported_living', 'supported housing, group homes, community residential places'],
    ['day_services', 'day hospitals, day centres, clubhouses, drop-in places'],
    ['primary_care', 'mental health in primary care: GPs, low-threshold psychology, guided self-help'],
    ['self_help', 'self-help and mutual-aid groups'],
  ];
  expect([...CATEGORY_CODES]).toEqual(spec.map(([code]) => code));
  expect(Object.entries(CATEGORY_DESCRIPTIONS)).toEqual(spec);
  expect(CategorySchema.options).toEqual(spec.map(([code]) => code));
  expect(CategorySchema.safeParse('community').success).toBe(false);
});
