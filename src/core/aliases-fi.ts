// Finnish service names. Sources: alias-sources.ts (fi-thl). Left out as ambiguous: "matalan
// kynnyksen palvelut" (low-threshold: day service or primary care), "psykiatrinen päivystys" (a
// hospital emergency clinic), "kotikuntoutus" (home rehabilitation: outreach or supported living).
import { aliasBlock } from './alias-table.js';
import type { Category } from './categories.js';

export const FI_ALIASES = [
  ...aliasBlock<Category>({ lang: 'fi', where: 'FI', source: 'fi-thl' }, [
    // crisis
    ['kriisipalvelut', 'crisis'],
    ['kriisikeskus', 'crisis', 'MIELI ry crisis centre'],
    ['kriisipuhelin', 'crisis', 'MIELI ry crisis line'],
    ['kriisiryhmä', 'crisis', 'municipal psychosocial crisis group'],
    ['akuuttityöryhmä', 'crisis'],
    ['psykiatrian akuuttityöryhmä', 'crisis'],
    ['psykiatrinen kotisairaala', 'crisis', 'home hospital: acute treatment at home instead of admission'],
    // general_hospital
    ['yleissairaalapsykiatria', 'general_hospital'],
    ['yleissairaalapsykiatrian osasto', 'general_hospital'],
    ['yleissairaalapsykiatrian yksikkö', 'general_hospital'],
    // cmhc
    ['psykiatrinen avohoito', 'cmhc', 'outpatient psychiatry'],
    ['psykiatrian avohoito', 'cmhc'],
    ['mielenterveystoimisto', 'cmhc'],
    ['mielenterveyskeskus', 'cmhc'],
    ['mielenterveysasema', 'cmhc'],
    ['psykiatrian poliklinikka', 'cmhc'],
    ['psykiatrinen poliklinikka', 'cmhc'],
    ['aikuispsykiatrian poliklinikka', 'cmhc'],
    ['nuorisopsykiatrian poliklinikka', 'cmhc', 'adolescent psychiatric outpatient clinic'],
    // outreach
    ['ACT-tiimi', 'outreach'],
    ['FACT-tiimi', 'outreach'],
    ['liikkuva tiimi', 'outreach'],
    ['liikkuva työryhmä', 'outreach', 'mobile team (a mobile crisis team is akuuttityöryhmä)'],
    ['jalkautuva tiimi', 'outreach'],
    ['jalkautuva työryhmä', 'outreach'],
    ['ensipsykoosityöryhmä', 'outreach', 'first-episode psychosis team; the name varies by region'],
    // peer_support
    ['vertaistuki', 'peer_support'],
    ['vertaistoiminta', 'peer_support'],
    ['vertaistukihenkilö', 'peer_support', 'peer support person'],
    ['vertaisohjaaja', 'peer_support', 'peer instructor'],
    ['kokemusasiantuntija', 'peer_support'],
    ['kokemusasiantuntijatoiminta', 'peer_support'],
    ['kokemustoimija', 'peer_support', 'MIELI ry'],
    // supported_living
    ['asumispalvelut', 'supported_living'],
    ['mielenterveyskuntoutujien asumispalvelut', 'supported_living'],
    ['tuettu asuminen', 'supported_living'],
    ['tukiasunto', 'supported_living', 'supported flat'],
    ['palveluasuminen', 'supported_living'],
    ['tehostettu palveluasuminen', 'supported_living'],
    ['yhteisöasuminen', 'supported_living', 'communal housing with daytime staff'],
    ['palvelukoti', 'supported_living'],
    ['ryhmäkoti', 'supported_living'],
    ['kuntoutuskoti', 'supported_living'],
    // day_services
    ['päiväsairaala', 'day_services'],
    ['päiväosasto', 'day_services', 'psychiatric day ward'],
    ['psykiatrinen päiväosasto', 'day_services'],
    ['päivätoimintakeskus', 'day_services'],
    ['päivätoiminta', 'day_services'],
    ['mielenterveyskuntoutujien päivätoiminta', 'day_services'],
    ['klubitalo', 'day_services', 'Clubhouse (Suomen Klubitalot)'],
    ['kohtaamispaikka', 'day_services'],
    // primary_care
    ['perusterveydenhuollon mielenterveyspalvelut', 'primary_care'],
    ['terveyskeskuksen mielenterveyspalvelut', 'primary_care'],
    ['terveyskeskus', 'primary_care'],
    ['terveysasema', 'primary_care'],
    ['terveyskeskuspsykologi', 'primary_care'],
    ['mielenterveyshoitaja', 'primary_care', 'mental health nurse in a health centre'],
    ['depressiohoitaja', 'primary_care'],
    ['Terapiat etulinjaan', 'primary_care'],
    ['oma-apu', 'primary_care', 'guided self-help programmes; groups are oma-apuryhmä (self_help)'],
    // self_help
    ['vertaistukiryhmä', 'self_help'],
    ['vertaisryhmä', 'self_help'],
    ['oma-apuryhmä', 'self_help'],
  ]),
];
