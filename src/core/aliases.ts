// Built-in aliases: local service names → taxonomy category (SPEC §2), in English (with the WHO
// Mental Health Atlas service types and the WHO community mental health services guidance),
// Norwegian, Swedish, Finnish, Danish, German, French, Spanish and Arabic: one file per language
// (aliases-<lang>.ts), each name with its language, where it is used, a note and its source
// (alias-sources.ts).
// Rules kept in every list: one name maps to one category, also when compared loosely (plural,
// hyphen or space, diacritics: test/core/taxonomy.test.ts checks every pair); names that could
// reasonably mean two categories are left out, each list says which. Groups (peer support groups,
// mutual-aid groups) are self_help; individual or staffed peer work is peer_support. Guided
// self-help (a primary-care treatment) is primary_care, not self_help.
import type { AliasOrigin } from './alias-table.js';
import { AR_ALIASES } from './aliases-ar.js';
import { DA_ALIASES } from './aliases-da.js';
import { DE_ALIASES } from './aliases-de.js';
import { EN_ALIASES } from './aliases-en.js';
import { ES_ALIASES } from './aliases-es.js';
import { FI_ALIASES } from './aliases-fi.js';
import { FR_ALIASES } from './aliases-fr.js';
import { NB_ALIASES } from './aliases-nb.js';
import { SV_ALIASES } from './aliases-sv.js';
import type { Category } from './categories.js';

export type { AliasLanguage } from './alias-table.js';

/** A built-in local service name, its category, language, where it is used and its source. */
export interface BuiltinAlias extends AliasOrigin {
  /** The local name as people write it (display form; matching normalises it). */
  readonly name: string;
  readonly category: Category;
}

/** Built-in local service names and their categories. */
export const BUILTIN_ALIASES: readonly BuiltinAlias[] = [
  ...EN_ALIASES,
  ...NB_ALIASES,
  ...SV_ALIASES,
  ...FI_ALIASES,
  ...DA_ALIASES,
  ...DE_ALIASES,
  ...FR_ALIASES,
  ...ES_ALIASES,
  ...AR_ALIASES,
].map(({ target, ...alias }) => Object.assign(alias, { category: target })); // not `{ ...alias, category }`: alias-table.ts aliasBlock
