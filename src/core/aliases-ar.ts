// Arabic service names: WHO Arabic-language material on community mental health services (WHO
// EMRO, Mental Health Atlas service types) where we know the wording; entries from `by-us` are
// our own rendering of the English service name, not a term taken from an Arabic source.
import { aliasBlock } from './alias-table.js';
import type { Category } from './categories.js';

export const AR_ALIASES = [
  ...aliasBlock<Category>({ lang: 'ar', where: 'WHO EMRO', source: 'who-emro' }, [
    ['فريق التدخل في الأزمات', 'crisis', 'crisis intervention team'],
    ['وحدة الطب النفسي في المستشفى العام', 'general_hospital'],
    ['وحدات الطب النفسي في المستشفيات العامة', 'general_hospital'],
    ['أسرة الطب النفسي في المستشفيات العامة', 'general_hospital', 'psychiatric beds in general hospitals'],
    ['مراكز الصحة النفسية المجتمعية', 'cmhc', 'community mental health centres'],
    ['مركز الصحة النفسية المجتمعي', 'cmhc'],
    ['العيادات النفسية الخارجية', 'cmhc', 'psychiatric outpatient clinics'],
    ['عيادة الطب النفسي الخارجية', 'cmhc'],
    ['التدخل المبكر في الذهان', 'outreach', 'early intervention in psychosis'],
    ['دعم الأقران', 'peer_support'],
    ['الدعم من الأقران', 'peer_support'],
    ['دعم النظراء', 'peer_support'],
    ['الإسكان المدعوم', 'supported_living', 'supported housing'],
    ['السكن المدعوم', 'supported_living'],
    ['المرافق السكنية المجتمعية', 'supported_living', 'community residential facilities'],
    ['مستشفى نهاري', 'day_services', 'day hospital'],
    ['المستشفى النهاري', 'day_services'],
    ['مراكز العلاج النهاري', 'day_services', 'day treatment centres'],
    ['الرعاية الصحية الأولية للصحة النفسية', 'primary_care'],
    ['مركز الرعاية الصحية الأولية', 'primary_care'],
    ['طبيب الأسرة', 'primary_care', 'family doctor'],
    ['مجموعات المساعدة الذاتية', 'self_help'],
    ['مجموعة المساعدة الذاتية', 'self_help'],
    ['مجموعات الدعم المتبادل', 'self_help', 'mutual support groups'],
  ]),
  ...aliasBlock<Category>({ lang: 'ar', where: 'WHO EMRO', source: 'by-us', note: 'translation by us' }, [
    ['فريق حل الأزمات والعلاج المنزلي', 'crisis'],
    ['بيت الأزمات', 'crisis'],
    ['أسرة الأزمات', 'crisis'],
    ['خط المساعدة في الأزمات', 'crisis'],
    ['العلاج المجتمعي الحازم', 'outreach'],
    ['فريق العلاج المجتمعي الحازم', 'outreach'],
    ['الفريق المتنقل للصحة النفسية', 'outreach'],
    ['عامل دعم الأقران', 'peer_support'],
    ['المنازل الجماعية', 'supported_living'],
    ['مركز نهاري للصحة النفسية', 'day_services'],
    ['المساعدة الذاتية الموجهة', 'primary_care'],
  ]),
];
