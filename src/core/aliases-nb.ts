// Norwegian (bokmål) service names. Sources: alias-sources.ts (no-helsedir; by-us where marked).
// Left out as ambiguous: "lavterskeltilbud" (day service or primary care), "brukerstyrt
// innleggelse" (DPS or hospital), "krisesenter" (a shelter from domestic violence, not a mental
// health crisis service), "psykoseteam" (outpatient clinic or outreach team, varies by trust),
// "psykisk helse og rus" (the name of municipal services and of hospital divisions alike).
import { aliasBlock } from './alias-table.js';
import type { Category } from './categories.js';

export const NB_ALIASES = [
  ...aliasBlock<Category>({ lang: 'nb', where: 'NO', source: 'no-helsedir' }, [
    // crisis
    ['ambulant akutteam', 'crisis', 'DPS mobile crisis team'],
    ['akutt ambulant team', 'crisis', 'another word order for ambulant akutteam'],
    ['akutteam', 'crisis', 'also Danish'],
    ['KAD psykisk helse og rus', 'crisis', 'municipal acute 24-hour beds'],
    ['kommunal akutt døgnplass', 'crisis', 'KAD bed, municipal acute 24-hour place'],
    ['kriseteam', 'crisis', 'municipal psychosocial crisis team'],
    ['krisetelefon', 'crisis'],
    ['hjelpetelefon', 'crisis'],
    // cmhc
    ['distriktspsykiatrisk senter', 'cmhc', 'DPS'],
    ['distriktspsykiatriske sentre', 'cmhc', 'plural of distriktspsykiatrisk senter'],
    ['DPS', 'cmhc', 'distriktspsykiatrisk senter'],
    ['DPS-poliklinikk', 'cmhc', '"DPS poliklinikk" matches too'],
    ['DPS døgnavdeling', 'cmhc', 'DPS inpatient ward: cmhc beds (SPEC §4)'],
    ['psykiatrisk poliklinikk', 'cmhc'],
    ['allmennpsykiatrisk poliklinikk', 'cmhc'],
    ['voksenpsykiatrisk poliklinikk', 'cmhc', 'VOP outpatient clinic'],
    ['BUP-poliklinikk', 'cmhc', 'child and adolescent psychiatric outpatient clinic'],
    // outreach
    ['ACT-team', 'outreach', 'also Swedish and Danish'],
    ['FACT-team', 'outreach', 'also Swedish and Danish'],
    ['FACT ung', 'outreach', 'FACT for young people'],
    ['tidlig intervensjon ved psykose', 'outreach'],
    ['TIPS', 'outreach', 'tidlig intervensjon ved psykose'],
    ['oppsøkende team', 'outreach'],
    ['oppsøkende behandlingsteam', 'outreach'],
    ['ambulant team', 'outreach', 'DPS mobile team; an ambulant akutteam is crisis'],
    // peer_support
    ['likepersonsarbeid', 'peer_support'],
    ['likemannsarbeid', 'peer_support'],
    ['likeperson', 'peer_support'],
    ['erfaringskonsulent', 'peer_support'],
    ['erfaringsmedarbeider', 'peer_support'],
    // supported_living
    ['botilbud', 'supported_living', 'also Danish'],
    ['bofellesskap', 'supported_living'],
    ['bokollektiv', 'supported_living'],
    ['omsorgsbolig', 'supported_living'],
    ['bemannet bolig', 'supported_living'],
    ['samlokaliserte boliger', 'supported_living', 'clustered flats with staff base'],
    // day_services
    ['værested', 'day_services', 'also Danish'],
    ['treffsted', 'day_services'],
    ['dagsenter', 'day_services'],
    ['dagavdeling', 'day_services'],
    ['dagenhet', 'day_services', 'DPS day unit'],
    ['dagbehandling', 'day_services', 'day treatment; also Danish (SSB: dagbehandlinger)'],
    ['dagtilbud', 'day_services', 'also Danish'],
    ['aktivitetssenter', 'day_services'],
    ['aktivitetstilbud', 'day_services'],
    ['fontenehus', 'day_services', 'Clubhouse (Fontenehus Norge)'],
    // primary_care
    ['Rask psykisk helsehjelp', 'primary_care'],
    ['RPH', 'primary_care', 'Rask psykisk helsehjelp'],
    ['fastlege', 'primary_care', 'regular GP'],
    ['allmennlege', 'primary_care', 'general practitioner'],
    ['kommunepsykolog', 'primary_care'],
    ['kommunal psykisk helsetjeneste', 'primary_care'],
    ['psykisk helsetjeneste i kommunen', 'primary_care'],
    ['veiledet selvhjelp', 'primary_care', 'guided self-help'],
    // self_help
    ['selvhjelpsgruppe', 'self_help', 'Selvhjelp Norge'],
    ['selvhjelpsgrupper', 'self_help'],
  ]),
  ...aliasBlock<Category>({ lang: 'nb', where: 'NO', source: 'by-us', note: 'descriptive: no single official term' }, [
    ['psykiatrisk avdeling ved somatisk sykehus', 'general_hospital'],
    ['psykiatrisk enhet i allmennsykehus', 'general_hospital'],
  ]),
];
