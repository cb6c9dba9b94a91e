// Swedish service names: Sweden, and Finland-Swedish names used by Swedish-language services in
// Finland. Sources: alias-sources.ts. Left out as ambiguous: "psykosteam" (an outpatient clinic in
// most regions, an outreach team in some), "psykiatrisk akutmottagning" (a hospital emergency
// department), "personligt ombud" (case management, none of the nine categories).
import { aliasBlock } from './alias-table.js';
import type { Category } from './categories.js';

export const SV_ALIASES = [
  ...aliasBlock<Category>({ lang: 'sv', where: 'SE', source: 'se-socialstyrelsen' }, [
    // crisis
    ['mobilt akutteam', 'crisis'],
    ['psykiatriskt akutteam', 'crisis'],
    ['Psykiatriska akutmobilen', 'crisis', 'PAM, Region Stockholm mobile psychiatric emergency unit'],
    ['krismottagning', 'crisis'],
    ['kristelefon', 'crisis'],
    ['Självmordslinjen', 'crisis', 'suicide helpline (Mind)'],
    // cmhc
    ['psykiatrisk öppenvård', 'cmhc', 'outpatient psychiatry'],
    ['allmänpsykiatrisk öppenvård', 'cmhc'],
    ['öppenvårdspsykiatri', 'cmhc'],
    ['psykiatrisk öppenvårdsmottagning', 'cmhc'],
    ['allmänpsykiatrisk mottagning', 'cmhc'],
    ['vuxenpsykiatrisk mottagning', 'cmhc'],
    ['psykiatrimottagning', 'cmhc'],
    ['BUP-mottagning', 'cmhc', 'child and adolescent psychiatric outpatient clinic'],
    // outreach
    ['mobilt team', 'outreach', 'a mobile team that is not a crisis team'],
    ['uppsökande team', 'outreach'],
    ['tidiga insatser vid psykos', 'outreach'],
    // peer_support
    ['brukarstöd', 'peer_support'],
    ['brukarspecialist', 'peer_support', 'NSPH'],
    ['kamratstödjare', 'peer_support'],
    // supported_living
    ['boendestöd', 'supported_living'],
    ['gruppbostad', 'supported_living'],
    ['stödboende', 'supported_living'],
    ['boende med särskild service', 'supported_living'],
    ['bostad med särskild service', 'supported_living', 'the term of the Social Services Act and LSS'],
    ['träningslägenhet', 'supported_living', 'training flat'],
    ['HVB-hem', 'supported_living', 'hem för vård eller boende: residential care home'],
    // day_services
    ['dagverksamhet', 'day_services'],
    ['daglig sysselsättning', 'day_services', 'day activity under the Social Services Act'],
    ['dagvård', 'day_services', 'psychiatric day care'],
    ['psykiatrisk dagvård', 'day_services'],
    ['dagsjukvård', 'day_services'],
    ['dagsjukhus', 'day_services'],
    ['dagcenter', 'day_services'],
    ['träfflokal', 'day_services'],
    ['träffpunkt', 'day_services'],
    ['Fontänhus', 'day_services', 'Clubhouse (Fontänhus Sverige)'],
    // primary_care
    ['vårdcentral', 'primary_care', 'primary care centre'],
    ['första linjen', 'primary_care', 'first-line mental health care for children and young people'],
    ['ungdomsmottagning', 'primary_care', 'youth clinic'],
    ['internetbaserad KBT', 'primary_care', 'guided internet CBT'],
    ['vägledd självhjälp', 'primary_care', 'guided self-help'],
    // self_help
    ['självhjälpsgrupp', 'self_help'],
    ['självhjälpsgrupper', 'self_help'],
    ['stödgrupp', 'self_help', 'support group'],
  ]),
  ...aliasBlock<Category>({ lang: 'sv', where: 'FI (Swedish-language)', source: 'fi-thl' }, [
    ['kriscenter', 'crisis'],
    ['mentalvårdsbyrå', 'cmhc', 'municipal mental health office (fi: mielenterveystoimisto)'],
    ['psykiatrisk poliklinik', 'cmhc'],
    ['allmänsjukhuspsykiatri', 'general_hospital', 'rendering of yleissairaalapsykiatria'],
    ['kamratstöd', 'peer_support'],
    ['erfarenhetsexpert', 'peer_support', 'fi: kokemusasiantuntija'],
    ['serviceboende', 'supported_living'],
    ['klubbhus', 'day_services', 'Clubhouse'],
    ['hälsocentral', 'primary_care'],
    ['hälsostation', 'primary_care'],
    ['kamratstödsgrupp', 'self_help'],
  ]),
  ...aliasBlock<Category>({ lang: 'sv', where: 'SE', source: 'by-us', note: 'descriptive: no single official term' }, [
    ['psykiatrisk avdelning vid allmänsjukhus', 'general_hospital'],
  ]),
];
