// Danish service names. Sources: alias-sources.ts (dk-sundhed). Words spelt as in Norwegian
// ("botilbud", "værested", "dagtilbud", "dagbehandling", "akutteam") are listed once, in
// aliases-nb.ts, with a note. Left out as ambiguous: "krisecenter" (a shelter from domestic
// violence), "psykiatrisk skadestue" (a hospital emergency room), "§ 85" and other section numbers.
import { aliasBlock } from './alias-table.js';
import type { Category } from './categories.js';

export const DA_ALIASES = [
  ...aliasBlock<Category>({ lang: 'da', where: 'DK', source: 'dk-sundhed' }, [
    // crisis
    ['Livslinien', 'crisis', 'suicide helpline'],
    // cmhc
    ['distriktspsykiatri', 'cmhc', 'district psychiatry: community outpatient centres'],
    ['distriktspsykiatrisk center', 'cmhc'],
    ['lokalpsykiatri', 'cmhc', 'Region Hovedstaden name for district psychiatry'],
    ['psykiatrisk ambulatorium', 'cmhc', 'psychiatric outpatient clinic'],
    // outreach
    ['OPUS', 'outreach', 'early intervention in psychosis teams'],
    ['OP-team', 'outreach', 'opsøgende psykoseteam'],
    ['opsøgende psykoseteam', 'outreach'],
    ['opsøgende team', 'outreach'],
    ['udgående team', 'outreach', 'mobile team from a psychiatric centre'],
    // peer_support
    ['peer-medarbejder', 'peer_support', 'peer worker employed in psychiatry'],
    ['peerstøtte', 'peer_support'],
    // supported_living
    ['bosted', 'supported_living', 'social-psychiatric residence'],
    ['socialpsykiatrisk botilbud', 'supported_living'],
    ['midlertidigt botilbud', 'supported_living', 'Serviceloven §107'],
    ['længerevarende botilbud', 'supported_living', 'Serviceloven §108'],
    ['bostøtte', 'supported_living', 'housing support in one\'s own home, Serviceloven §85'],
    ['opgangsfællesskab', 'supported_living', 'flats in one stairwell with staff support'],
    ['bofællesskab', 'supported_living'],
    // day_services
    ['aktivitetscenter', 'day_services'],
    ['klubhus', 'day_services', 'Clubhouse (Fountain House Danmark)'],
    ['psykiatrisk dagafsnit', 'day_services', 'day unit'],
    // primary_care
    ['praktiserende læge', 'primary_care', 'general practitioner'],
    ['egen læge', 'primary_care', 'one\'s own GP'],
    // self_help
    ['selvhjælpsgruppe', 'self_help'],
  ]),
];
