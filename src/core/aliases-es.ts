// Spanish service names (Spain; Chile where marked, whose names recur in Latin America). Sources:
// alias-sources.ts (es-red). Left out as ambiguous: "residencia" (any residence), "equipo de
// salud mental" (clinic or mobile team), "024" (a number, not a name).
import { aliasBlock } from './alias-table.js';
import type { Category } from './categories.js';

export const ES_ALIASES = [
  ...aliasBlock<Category>({ lang: 'es', where: 'ES', source: 'es-red' }, [
    // crisis
    ['hospitalización domiciliaria', 'crisis', 'psychiatric home hospitalisation instead of admission'],
    ['centro de crisis', 'crisis'],
    ['Teléfono de la Esperanza', 'crisis', 'helpline'],
    // general_hospital
    ['unidad de hospitalización breve', 'general_hospital', 'UHB: acute psychiatric unit of a general hospital'],
    ['psiquiatría de hospital general', 'general_hospital'],
    // cmhc
    ['centro de salud mental', 'cmhc'],
    ['CSM', 'cmhc', 'centro de salud mental'],
    ['unidad de salud mental comunitaria', 'cmhc', 'USMC (Andalusia)'],
    // outreach
    ['tratamiento asertivo comunitario', 'outreach'],
    ['equipo de tratamiento asertivo comunitario', 'outreach', 'ETAC'],
    ['intervención temprana en psicosis', 'outreach'],
    // peer_support
    ['apoyo entre pares', 'peer_support'],
    ['agente de apoyo mutuo', 'peer_support', 'peer worker'],
    // supported_living
    ['pisos supervisados', 'supported_living', 'Comunidad de Madrid'],
    ['vivienda supervisada', 'supported_living'],
    ['vivienda con apoyo', 'supported_living'],
    ['mini residencia', 'supported_living', 'Comunidad de Madrid: small residence with 24-hour staff'],
    // day_services
    ['hospital de día', 'day_services', 'day hospital'],
    ['centro de día', 'day_services'],
    ['centro de rehabilitación psicosocial', 'day_services', 'CRPS (Comunidad de Madrid)'],
    // primary_care
    ['atención primaria', 'primary_care'],
    ['centro de salud', 'primary_care', 'primary care health centre (a mental health centre is "centro de salud mental")'],
    ['médico de familia', 'primary_care', 'general practitioner'],
    // self_help
    ['grupo de apoyo mutuo', 'self_help', 'GAM'],
    ['grupo de autoayuda', 'self_help'],
  ]),
  ...aliasBlock<Category>({ lang: 'es', where: 'CL', source: 'es-red' }, [
    ['centro comunitario de salud mental', 'cmhc', 'COSAM; also Peru (CSMC)'],
    ['COSAM', 'cmhc', 'centro comunitario de salud mental'],
    ['hogar protegido', 'supported_living', 'protected housing'],
    ['residencia protegida', 'supported_living'],
    ['CESFAM', 'primary_care', 'centro de salud familiar'],
  ]),
];
