// Built-in aliases: local service names → taxonomy category (SPEC §2).
// Sources:
//   en — NHS England service names (crisis resolution and home treatment teams, early intervention
//        in psychosis, NHS Talking Therapies / IAPT, community mental health teams), the ACT and
//        FACT literature (DACTS, van Veldhuizen), Clubhouse International, WHO Mental Health Atlas
//        service types.
//   nb — Helsedirektoratet and SSB (distriktspsykiatriske sentre, ACT- og FACT-team, ambulante
//        akutteam, Rask psykisk helsehjelp, kommunale akutte døgnplasser, kommunalt psykisk
//        helsearbeid), TIPS (tidlig intervensjon ved psykose), Fontenehus Norge, Selvhjelp Norge.
//   fi — THL and Sotkanet (mielenterveyskuntoutujien asumispalvelut, yleissairaalapsykiatria,
//        Terapiat etulinjaan), hospital-district service names (psykiatrian poliklinikka,
//        akuuttityöryhmä, psykiatrinen kotisairaala), MIELI ry (kriisikeskus, kriisipuhelin),
//        Suomen Klubitalot.
//   sv — Socialstyrelsen (boendestöd, boende med särskild service, stödboende, gruppbostad,
//        dagverksamhet, träfflokal), regional psychiatry services (öppenvårdsmottagning, mobilt
//        akutteam), NSPH (brukarspecialist); Finland-Swedish names used by Swedish-language
//        services in Finland (mentalvårdsbyrå, kriscenter, kamratstöd, erfarenhetsexpert,
//        serviceboende, hälsostation).
//   ar — WHO Arabic-language material on community mental health services (WHO EMRO, Mental
//        Health Atlas service types) where we know the wording; every Arabic entry marked
//        "translation by us" is our own rendering of the English service name, not a term
//        taken from an Arabic source. Norwegian and Swedish general-hospital entries marked the
//        same way are descriptive names by us: those countries have no single official term.
// Rules kept here: one normalised name maps to one category only; names that could reasonably
// mean two categories (e.g. nb "lavterskeltilbud", nb "brukerstyrt", sv "psykosteam",
// nb "krisesenter" = a domestic-violence shelter) are left out. Groups (peer support groups,
// mutual-aid groups) are self_help; individual or staffed peer work is peer_support. Guided
// self-help (a primary-care treatment) is primary_care, not self_help.
import type { Category } from './categories.js';

/** ISO 639-1 code of an alias's language (nb = Norwegian bokmål). */
export type AliasLanguage = 'en' | 'nb' | 'fi' | 'sv' | 'ar';

/** A built-in alias: a service name as found in real data, its category and language. */
export interface BuiltinAlias {
  /** The local name as people write it (display form; matching normalises it). */
  readonly name: string;
  readonly category: Category;
  readonly lang: AliasLanguage;
}

/** Built-in local service names (en, nb, fi, sv, ar) and their categories. */
export const BUILTIN_ALIASES: readonly BuiltinAlias[] = [
  // crisis — crisis resolution / home treatment teams, crisis houses and beds, crisis lines
  { name: 'crisis resolution team', category: 'crisis', lang: 'en' },
  { name: 'home treatment team', category: 'crisis', lang: 'en' },
  { name: 'crisis resolution and home treatment team', category: 'crisis', lang: 'en' },
  { name: 'CRHT', category: 'crisis', lang: 'en' },
  { name: 'CRHTT', category: 'crisis', lang: 'en' },
  { name: 'crisis team', category: 'crisis', lang: 'en' },
  { name: 'mobile crisis team', category: 'crisis', lang: 'en' },
  { name: 'crisis house', category: 'crisis', lang: 'en' },
  { name: 'crisis beds', category: 'crisis', lang: 'en' },
  { name: 'crisis stabilisation unit', category: 'crisis', lang: 'en' },
  { name: 'crisis line', category: 'crisis', lang: 'en' },
  { name: 'crisis helpline', category: 'crisis', lang: 'en' },
  { name: 'ambulant akutteam', category: 'crisis', lang: 'nb' },
  { name: 'akutteam', category: 'crisis', lang: 'nb' },
  { name: 'KAD psykisk helse og rus', category: 'crisis', lang: 'nb' },
  { name: 'krisetelefon', category: 'crisis', lang: 'nb' },
  { name: 'hjelpetelefon', category: 'crisis', lang: 'nb' },
  { name: 'kriisipalvelut', category: 'crisis', lang: 'fi' },
  { name: 'kriisikeskus', category: 'crisis', lang: 'fi' },
  { name: 'kriisipuhelin', category: 'crisis', lang: 'fi' },
  { name: 'akuuttityöryhmä', category: 'crisis', lang: 'fi' },
  { name: 'psykiatrian akuuttityöryhmä', category: 'crisis', lang: 'fi' },
  { name: 'psykiatrinen kotisairaala', category: 'crisis', lang: 'fi' },
  { name: 'mobilt akutteam', category: 'crisis', lang: 'sv' },
  { name: 'psykiatriskt akutteam', category: 'crisis', lang: 'sv' },
  { name: 'krismottagning', category: 'crisis', lang: 'sv' },
  { name: 'kriscenter', category: 'crisis', lang: 'sv' },
  { name: 'kristelefon', category: 'crisis', lang: 'sv' },
  { name: 'فريق التدخل في الأزمات', category: 'crisis', lang: 'ar' },
  { name: 'فريق حل الأزمات والعلاج المنزلي', category: 'crisis', lang: 'ar' }, // translation by us
  { name: 'بيت الأزمات', category: 'crisis', lang: 'ar' }, // translation by us
  { name: 'أسرة الأزمات', category: 'crisis', lang: 'ar' }, // translation by us
  { name: 'خط المساعدة في الأزمات', category: 'crisis', lang: 'ar' }, // translation by us

  // general_hospital — psychiatric units and beds in general hospitals
  { name: 'psychiatric unit in general hospital', category: 'general_hospital', lang: 'en' },
  { name: 'general hospital psychiatric unit', category: 'general_hospital', lang: 'en' },
  { name: 'psychiatric ward in a general hospital', category: 'general_hospital', lang: 'en' },
  { name: 'psychiatric beds in general hospitals', category: 'general_hospital', lang: 'en' },
  { name: 'general hospital psychiatry', category: 'general_hospital', lang: 'en' },
  { name: 'psykiatrisk avdeling ved somatisk sykehus', category: 'general_hospital', lang: 'nb' }, // descriptive, by us
  { name: 'psykiatrisk enhet i allmennsykehus', category: 'general_hospital', lang: 'nb' }, // descriptive, by us
  { name: 'yleissairaalapsykiatria', category: 'general_hospital', lang: 'fi' },
  { name: 'yleissairaalapsykiatrian osasto', category: 'general_hospital', lang: 'fi' },
  { name: 'yleissairaalapsykiatrian yksikkö', category: 'general_hospital', lang: 'fi' },
  { name: 'allmänsjukhuspsykiatri', category: 'general_hospital', lang: 'sv' }, // Finland-Swedish rendering of yleissairaalapsykiatria
  { name: 'psykiatrisk avdelning vid allmänsjukhus', category: 'general_hospital', lang: 'sv' }, // descriptive, by us
  { name: 'وحدة الطب النفسي في المستشفى العام', category: 'general_hospital', lang: 'ar' },
  { name: 'وحدات الطب النفسي في المستشفيات العامة', category: 'general_hospital', lang: 'ar' },
  { name: 'أسرة الطب النفسي في المستشفيات العامة', category: 'general_hospital', lang: 'ar' },

  // cmhc — community mental health centres and their outpatient clinics (NO: DPS)
  { name: 'community mental health centre', category: 'cmhc', lang: 'en' },
  { name: 'community mental health center', category: 'cmhc', lang: 'en' },
  { name: 'CMHC', category: 'cmhc', lang: 'en' },
  { name: 'community mental health team', category: 'cmhc', lang: 'en' },
  { name: 'CMHT', category: 'cmhc', lang: 'en' },
  { name: 'mental health outpatient clinic', category: 'cmhc', lang: 'en' },
  { name: 'psychiatric outpatient clinic', category: 'cmhc', lang: 'en' },
  { name: 'distriktspsykiatrisk senter', category: 'cmhc', lang: 'nb' },
  { name: 'DPS', category: 'cmhc', lang: 'nb' },
  { name: 'DPS-poliklinikk', category: 'cmhc', lang: 'nb' },
  { name: 'psykiatrisk poliklinikk', category: 'cmhc', lang: 'nb' },
  { name: 'allmennpsykiatrisk poliklinikk', category: 'cmhc', lang: 'nb' },
  { name: 'mielenterveystoimisto', category: 'cmhc', lang: 'fi' },
  { name: 'mielenterveyskeskus', category: 'cmhc', lang: 'fi' },
  { name: 'psykiatrian poliklinikka', category: 'cmhc', lang: 'fi' },
  { name: 'psykiatrinen poliklinikka', category: 'cmhc', lang: 'fi' },
  { name: 'aikuispsykiatrian poliklinikka', category: 'cmhc', lang: 'fi' },
  { name: 'psykiatrisk öppenvårdsmottagning', category: 'cmhc', lang: 'sv' },
  { name: 'allmänpsykiatrisk mottagning', category: 'cmhc', lang: 'sv' },
  { name: 'psykiatrimottagning', category: 'cmhc', lang: 'sv' },
  { name: 'mentalvårdsbyrå', category: 'cmhc', lang: 'sv' },
  { name: 'psykiatrisk poliklinik', category: 'cmhc', lang: 'sv' },
  { name: 'مراكز الصحة النفسية المجتمعية', category: 'cmhc', lang: 'ar' },
  { name: 'مركز الصحة النفسية المجتمعي', category: 'cmhc', lang: 'ar' },
  { name: 'العيادات النفسية الخارجية', category: 'cmhc', lang: 'ar' },
  { name: 'عيادة الطب النفسي الخارجية', category: 'cmhc', lang: 'ar' },

  // outreach — ACT, FACT, early intervention in psychosis, other mobile community teams
  // (a generic "mobile team" is outreach by SPEC §2; mobile *crisis* teams are under crisis)
  { name: 'assertive community treatment', category: 'outreach', lang: 'en' },
  { name: 'ACT', category: 'outreach', lang: 'en' },
  { name: 'ACT team', category: 'outreach', lang: 'en' },
  { name: 'assertive outreach team', category: 'outreach', lang: 'en' },
  { name: 'flexible assertive community treatment', category: 'outreach', lang: 'en' },
  { name: 'FACT', category: 'outreach', lang: 'en' },
  { name: 'FACT team', category: 'outreach', lang: 'en' },
  { name: 'early intervention in psychosis', category: 'outreach', lang: 'en' },
  { name: 'EIP', category: 'outreach', lang: 'en' },
  { name: 'early intervention in psychosis team', category: 'outreach', lang: 'en' },
  { name: 'outreach team', category: 'outreach', lang: 'en' },
  { name: 'ACT-team', category: 'outreach', lang: 'nb' },
  { name: 'FACT-team', category: 'outreach', lang: 'nb' },
  { name: 'FACT ung', category: 'outreach', lang: 'nb' },
  { name: 'tidlig intervensjon ved psykose', category: 'outreach', lang: 'nb' },
  { name: 'TIPS', category: 'outreach', lang: 'nb' },
  { name: 'oppsøkende team', category: 'outreach', lang: 'nb' },
  { name: 'ACT-tiimi', category: 'outreach', lang: 'fi' },
  { name: 'FACT-tiimi', category: 'outreach', lang: 'fi' },
  { name: 'liikkuva tiimi', category: 'outreach', lang: 'fi' },
  { name: 'jalkautuva tiimi', category: 'outreach', lang: 'fi' },
  { name: 'ensipsykoosityöryhmä', category: 'outreach', lang: 'fi' }, // name varies by region
  { name: 'mobilt team', category: 'outreach', lang: 'sv' },
  { name: 'uppsökande team', category: 'outreach', lang: 'sv' },
  { name: 'tidiga insatser vid psykos', category: 'outreach', lang: 'sv' },
  { name: 'العلاج المجتمعي الحازم', category: 'outreach', lang: 'ar' }, // translation by us
  { name: 'فريق العلاج المجتمعي الحازم', category: 'outreach', lang: 'ar' }, // translation by us
  { name: 'التدخل المبكر في الذهان', category: 'outreach', lang: 'ar' },
  { name: 'الفريق المتنقل للصحة النفسية', category: 'outreach', lang: 'ar' }, // translation by us

  // peer_support — peer support services and peer-run services
  { name: 'peer support', category: 'peer_support', lang: 'en' },
  { name: 'peer support worker', category: 'peer_support', lang: 'en' },
  { name: 'peer specialist', category: 'peer_support', lang: 'en' },
  { name: 'peer-run service', category: 'peer_support', lang: 'en' },
  { name: 'likepersonsarbeid', category: 'peer_support', lang: 'nb' },
  { name: 'likemannsarbeid', category: 'peer_support', lang: 'nb' },
  { name: 'erfaringskonsulent', category: 'peer_support', lang: 'nb' },
  { name: 'erfaringsmedarbeider', category: 'peer_support', lang: 'nb' },
  { name: 'vertaistuki', category: 'peer_support', lang: 'fi' },
  { name: 'vertaistoiminta', category: 'peer_support', lang: 'fi' },
  { name: 'kokemusasiantuntija', category: 'peer_support', lang: 'fi' },
  { name: 'kokemusasiantuntijatoiminta', category: 'peer_support', lang: 'fi' },
  { name: 'kamratstöd', category: 'peer_support', lang: 'sv' },
  { name: 'brukarstöd', category: 'peer_support', lang: 'sv' },
  { name: 'brukarspecialist', category: 'peer_support', lang: 'sv' },
  { name: 'erfarenhetsexpert', category: 'peer_support', lang: 'sv' },
  { name: 'دعم الأقران', category: 'peer_support', lang: 'ar' },
  { name: 'الدعم من الأقران', category: 'peer_support', lang: 'ar' },
  { name: 'دعم النظراء', category: 'peer_support', lang: 'ar' },
  { name: 'عامل دعم الأقران', category: 'peer_support', lang: 'ar' }, // translation by us

  // supported_living — supported housing, group homes, community residential places
  { name: 'supported housing', category: 'supported_living', lang: 'en' },
  { name: 'supported accommodation', category: 'supported_living', lang: 'en' },
  { name: 'supported living', category: 'supported_living', lang: 'en' },
  { name: 'group home', category: 'supported_living', lang: 'en' },
  { name: 'community residential facility', category: 'supported_living', lang: 'en' },
  { name: 'Housing First', category: 'supported_living', lang: 'en' },
  { name: 'floating support', category: 'supported_living', lang: 'en' },
  { name: 'botilbud', category: 'supported_living', lang: 'nb' },
  { name: 'bofellesskap', category: 'supported_living', lang: 'nb' },
  { name: 'omsorgsbolig', category: 'supported_living', lang: 'nb' },
  { name: 'bemannet bolig', category: 'supported_living', lang: 'nb' },
  { name: 'asumispalvelut', category: 'supported_living', lang: 'fi' },
  { name: 'mielenterveyskuntoutujien asumispalvelut', category: 'supported_living', lang: 'fi' },
  { name: 'tuettu asuminen', category: 'supported_living', lang: 'fi' },
  { name: 'palvelukoti', category: 'supported_living', lang: 'fi' },
  { name: 'tehostettu palveluasuminen', category: 'supported_living', lang: 'fi' },
  { name: 'ryhmäkoti', category: 'supported_living', lang: 'fi' },
  { name: 'kuntoutuskoti', category: 'supported_living', lang: 'fi' },
  { name: 'boendestöd', category: 'supported_living', lang: 'sv' },
  { name: 'gruppbostad', category: 'supported_living', lang: 'sv' },
  { name: 'stödboende', category: 'supported_living', lang: 'sv' },
  { name: 'boende med särskild service', category: 'supported_living', lang: 'sv' },
  { name: 'serviceboende', category: 'supported_living', lang: 'sv' },
  { name: 'الإسكان المدعوم', category: 'supported_living', lang: 'ar' },
  { name: 'السكن المدعوم', category: 'supported_living', lang: 'ar' },
  { name: 'المنازل الجماعية', category: 'supported_living', lang: 'ar' }, // translation by us
  { name: 'المرافق السكنية المجتمعية', category: 'supported_living', lang: 'ar' },

  // day_services — day hospitals, day centres, clubhouses, drop-in places
  { name: 'day hospital', category: 'day_services', lang: 'en' },
  { name: 'day centre', category: 'day_services', lang: 'en' },
  { name: 'day center', category: 'day_services', lang: 'en' },
  { name: 'day treatment', category: 'day_services', lang: 'en' },
  { name: 'clubhouse', category: 'day_services', lang: 'en' },
  { name: 'drop-in centre', category: 'day_services', lang: 'en' },
  { name: 'drop-in center', category: 'day_services', lang: 'en' },
  { name: 'værested', category: 'day_services', lang: 'nb' },
  { name: 'dagsenter', category: 'day_services', lang: 'nb' },
  { name: 'dagavdeling', category: 'day_services', lang: 'nb' },
  { name: 'dagtilbud', category: 'day_services', lang: 'nb' },
  { name: 'fontenehus', category: 'day_services', lang: 'nb' },
  { name: 'päiväsairaala', category: 'day_services', lang: 'fi' },
  { name: 'päivätoimintakeskus', category: 'day_services', lang: 'fi' },
  { name: 'päivätoiminta', category: 'day_services', lang: 'fi' },
  { name: 'klubitalo', category: 'day_services', lang: 'fi' },
  { name: 'kohtaamispaikka', category: 'day_services', lang: 'fi' },
  { name: 'dagverksamhet', category: 'day_services', lang: 'sv' },
  { name: 'dagsjukhus', category: 'day_services', lang: 'sv' },
  { name: 'dagcenter', category: 'day_services', lang: 'sv' },
  { name: 'träfflokal', category: 'day_services', lang: 'sv' },
  { name: 'träffpunkt', category: 'day_services', lang: 'sv' },
  { name: 'klubbhus', category: 'day_services', lang: 'sv' },
  { name: 'مستشفى نهاري', category: 'day_services', lang: 'ar' },
  { name: 'المستشفى النهاري', category: 'day_services', lang: 'ar' },
  { name: 'مراكز العلاج النهاري', category: 'day_services', lang: 'ar' },
  { name: 'مركز نهاري للصحة النفسية', category: 'day_services', lang: 'ar' }, // translation by us

  // primary_care — mental health in primary care: GPs, low-threshold psychology, guided self-help
  { name: 'IAPT', category: 'primary_care', lang: 'en' },
  { name: 'improving access to psychological therapies', category: 'primary_care', lang: 'en' },
  { name: 'Talking Therapies', category: 'primary_care', lang: 'en' },
  { name: 'NHS Talking Therapies', category: 'primary_care', lang: 'en' },
  { name: 'GP', category: 'primary_care', lang: 'en' },
  { name: 'general practitioner', category: 'primary_care', lang: 'en' },
  { name: 'primary care mental health', category: 'primary_care', lang: 'en' },
  { name: 'guided self-help', category: 'primary_care', lang: 'en' },
  { name: 'Rask psykisk helsehjelp', category: 'primary_care', lang: 'nb' },
  { name: 'fastlege', category: 'primary_care', lang: 'nb' },
  { name: 'kommunepsykolog', category: 'primary_care', lang: 'nb' },
  { name: 'kommunal psykisk helsetjeneste', category: 'primary_care', lang: 'nb' },
  { name: 'psykisk helsetjeneste i kommunen', category: 'primary_care', lang: 'nb' },
  { name: 'veiledet selvhjelp', category: 'primary_care', lang: 'nb' },
  { name: 'perusterveydenhuollon mielenterveyspalvelut', category: 'primary_care', lang: 'fi' },
  { name: 'terveyskeskus', category: 'primary_care', lang: 'fi' },
  { name: 'terveysasema', category: 'primary_care', lang: 'fi' },
  { name: 'terveyskeskuspsykologi', category: 'primary_care', lang: 'fi' },
  { name: 'depressiohoitaja', category: 'primary_care', lang: 'fi' },
  { name: 'Terapiat etulinjaan', category: 'primary_care', lang: 'fi' },
  { name: 'oma-apu', category: 'primary_care', lang: 'fi' }, // guided self-help programmes; groups are oma-apuryhmä (self_help)
  { name: 'vårdcentral', category: 'primary_care', lang: 'sv' },
  { name: 'hälsocentral', category: 'primary_care', lang: 'sv' },
  { name: 'hälsostation', category: 'primary_care', lang: 'sv' },
  { name: 'vägledd självhjälp', category: 'primary_care', lang: 'sv' },
  { name: 'الرعاية الصحية الأولية للصحة النفسية', category: 'primary_care', lang: 'ar' },
  { name: 'مركز الرعاية الصحية الأولية', category: 'primary_care', lang: 'ar' },
  { name: 'طبيب الأسرة', category: 'primary_care', lang: 'ar' },
  { name: 'المساعدة الذاتية الموجهة', category: 'primary_care', lang: 'ar' }, // translation by us

  // self_help — self-help and mutual-aid groups
  { name: 'self-help group', category: 'self_help', lang: 'en' },
  { name: 'self-help groups', category: 'self_help', lang: 'en' },
  { name: 'mutual aid group', category: 'self_help', lang: 'en' },
  { name: 'mutual-aid group', category: 'self_help', lang: 'en' },
  { name: 'peer support group', category: 'self_help', lang: 'en' },
  { name: 'selvhjelpsgruppe', category: 'self_help', lang: 'nb' },
  { name: 'selvhjelpsgrupper', category: 'self_help', lang: 'nb' },
  { name: 'vertaistukiryhmä', category: 'self_help', lang: 'fi' },
  { name: 'vertaisryhmä', category: 'self_help', lang: 'fi' },
  { name: 'oma-apuryhmä', category: 'self_help', lang: 'fi' },
  { name: 'självhjälpsgrupp', category: 'self_help', lang: 'sv' },
  { name: 'självhjälpsgrupper', category: 'self_help', lang: 'sv' },
  { name: 'kamratstödsgrupp', category: 'self_help', lang: 'sv' },
  { name: 'مجموعات المساعدة الذاتية', category: 'self_help', lang: 'ar' },
  { name: 'مجموعة المساعدة الذاتية', category: 'self_help', lang: 'ar' },
  { name: 'مجموعات الدعم المتبادل', category: 'self_help', lang: 'ar' },
];
