// French service names (France; Belgium where marked). Sources: alias-sources.ts (fr-secteur;
// by-us where marked). A GEM (groupe d'entraide mutuelle) is a staffed, user-run association with
// premises, so peer_support; a "groupe de parole" or "groupe d'entraide" is a group, so self_help.
// Left out as ambiguous: "SAMSAH"/"SAVS" (home support of many kinds), "CMPP" (child guidance of
// many kinds).
import { aliasBlock } from './alias-table.js';
import type { Category } from './categories.js';

export const FR_ALIASES = [
  ...aliasBlock<Category>({ lang: 'fr', where: 'FR', source: 'fr-secteur' }, [
    // crisis
    ['centre de crise', 'crisis'],
    ["centre d'accueil et de crise", 'crisis', 'CAC: sector crisis unit with a few short-stay beds'],
    ['SOS Amitié', 'crisis', 'helpline'],
    // cmhc
    ['centre médico-psychologique', 'cmhc', 'the sector\'s outpatient centre'],
    ['CMP', 'cmhc', 'centre médico-psychologique'],
    // outreach
    ['équipe mobile', 'outreach', 'a mobile team that is not a crisis team'],
    ['équipe mobile psychiatrie précarité', 'outreach', 'EMPP'],
    ['EMPP', 'outreach', 'équipe mobile psychiatrie précarité'],
    // peer_support
    ["groupe d'entraide mutuelle", 'peer_support', 'GEM: user-run association with premises and staff'],
    ['GEM', 'peer_support', "groupe d'entraide mutuelle"],
    ['médiateur de santé pair', 'peer_support'],
    ['pair-aidant', 'peer_support'],
    // supported_living
    ['appartement thérapeutique', 'supported_living'],
    ['résidence accueil', 'supported_living', 'pension de famille for people with mental illness'],
    ['pension de famille', 'supported_living'],
    ["Un chez-soi d'abord", 'supported_living', 'Housing First'],
    ["famille d'accueil thérapeutique", 'supported_living', 'AFT: therapeutic foster family'],
    // day_services
    ['hôpital de jour', 'day_services', 'day hospital'],
    ['centre de jour', 'day_services'],
    ["centre d'accueil thérapeutique à temps partiel", 'day_services', 'CATTP'],
    ['CATTP', 'day_services', "centre d'accueil thérapeutique à temps partiel"],
    // primary_care
    ['médecin généraliste', 'primary_care', 'general practitioner'],
    ['médecin traitant', 'primary_care', 'one\'s registered GP'],
    ['Mon soutien psy', 'primary_care', 'psychologist sessions referred from primary care'],
    // self_help
    ['groupe de parole', 'self_help'],
    ["groupe d'entraide", 'self_help'],
  ]),
  ...aliasBlock<Category>({ lang: 'fr', where: 'BE', source: 'fr-secteur' }, [
    ['équipe mobile de crise', 'crisis', 'Psy107 mobile crisis team (2a)'],
  ]),
  ...aliasBlock<Category>({ lang: 'fr', where: 'FR', source: 'by-us', note: 'descriptive: no single official term' }, [
    ['psychiatrie en hôpital général', 'general_hospital'],
  ]),
];
