// German service names (Germany; most are used in Austria and Switzerland too). Sources:
// alias-sources.ts (de-versorgung). Left out as ambiguous: "psychosoziale Beratungsstelle"
// (counselling of many kinds), "gemeindepsychiatrischer Verbund" (a network, not a service),
// "psychiatrische Praxis" (a private psychiatrist's practice).
import { aliasBlock } from './alias-table.js';
import type { Category } from './categories.js';

export const DE_ALIASES = [
  ...aliasBlock<Category>({ lang: 'de', where: 'DE', source: 'de-versorgung' }, [
    // crisis
    ['stationsäquivalente Behandlung', 'crisis', 'StäB, SGB V §115d: acute treatment at home instead of admission'],
    ['StäB', 'crisis', 'stationsäquivalente Behandlung'],
    ['Krisendienst', 'crisis', 'e.g. Krisendienst Psychiatrie (Bavaria), Berliner Krisendienst'],
    ['Krisenpension', 'crisis', 'crisis house (Berlin)'],
    ['TelefonSeelsorge', 'crisis', 'crisis helpline'],
    // general_hospital
    ['Abteilungspsychiatrie', 'general_hospital', 'psychiatric departments of general hospitals'],
    ['psychiatrische Abteilung am Allgemeinkrankenhaus', 'general_hospital'],
    // cmhc
    ['psychiatrische Institutsambulanz', 'cmhc', 'SGB V §118 hospital outpatient clinic'],
    ['Institutsambulanz', 'cmhc'],
    ['PIA', 'cmhc', 'psychiatrische Institutsambulanz'],
    // outreach
    ['Sozialpsychiatrischer Dienst', 'outreach', 'municipal: counselling, home visits, crisis intervention'],
    // peer_support
    ['Genesungsbegleiter', 'peer_support', 'EX-IN trained peer worker'],
    ['EX-IN', 'peer_support', 'experienced involvement'],
    // supported_living
    ['betreutes Wohnen', 'supported_living'],
    ['ambulant betreutes Wohnen', 'supported_living'],
    ['therapeutische Wohngemeinschaft', 'supported_living'],
    ['besondere Wohnform', 'supported_living', 'BTHG term for the former Wohnheim'],
    // day_services
    ['Tagesklinik', 'day_services', 'day hospital'],
    ['psychiatrische Tagesklinik', 'day_services'],
    ['Tagesstätte', 'day_services', 'day centre for people with mental illness'],
    ['Kontakt- und Beratungsstelle', 'day_services', 'drop-in and advice centre'],
    ['Begegnungsstätte', 'day_services', 'drop-in meeting place'],
    // primary_care
    ['Hausarzt', 'primary_care', 'general practitioner'],
    ['hausärztliche Versorgung', 'primary_care'],
    // self_help
    ['Selbsthilfegruppe', 'self_help', 'NAKOS'],
  ]),
];
